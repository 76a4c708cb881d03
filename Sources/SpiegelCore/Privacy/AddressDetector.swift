import Foundation

/// Street addresses: a street name with a Dutch or English street word and a house number with an
/// optional addition, in Dutch order (`Keizersgracht 123`, `Dorpsstraat 4a`, `Laan van Meerdervoort
/// 100-II`, `Baker Street 221B`, Belgian `Leopoldlei 14 bus 3`, `Steenweg op Gent 45/2`), French order
/// (`Rue de la Loi 16`, `Chaussée de Louvain 200`, `Avenue Louise 54`) and English order (`10 Downing
/// Street`, `Flat 2, 45 Elm Road`).
enum AddressDetector {
    static let dutchStreetWords = [
        "straat", "straatweg", "laan", "weg", "gracht", "kade", "plein", "dreef", "singel", "dijk", "hof", "pad",
        "steeg", "markt", "baan", "wal", "burgwal", "plantsoen", "boulevard", "haven", "park", "ring", "erf", "dam",
        "veld", "lei", "dreve", "wijk", "promenade", "allee", "hoven", "weide", "kwartier", "steenweg", "vest",
        "kaai", "heide", "berg", "dries", "akker", "meers", "beemd", "gaarde", "kouter", "kapelweg",
        "lindenlaan", "reke", "wegel", "kerkhof", "horst", "donk", "hoeve", "rade",
    ]
    /// French street words, before the name (`Rue de la Loi`).
    static let frenchStreetWords = [
        "Rue", "Avenue", "Av.", "Chaussée", "Boulevard", "Bd", "Place", "Quai", "Square", "Allée", "Chemin",
        "Impasse", "Route", "Clos", "Drève", "Sentier", "Galerie", "Passage", "Rond-Point",
    ]
    static let englishStreetWords = [
        "Street", "Road", "Lane", "Avenue", "Drive", "Close", "Way", "Place", "Court", "Crescent", "Terrace",
        "Gardens", "Square", "Boulevard", "Grove", "Hill", "Row", "Parade", "Mews", "Walk", "Green",
    ]
    static let englishAbbreviations = ["St", "Rd", "Ln", "Ave", "Blvd", "Sq", "Ct", "Pl", "Cres", "Tce"]
    /// A full English street word, or an abbreviation with its optional full stop.
    private static let englishStreetWord = "(?:" + englishStreetWords.joined(separator: "|") + "|(?:"
        + englishAbbreviations.joined(separator: "|") + #")\.?)"#
    private static let particle = #"(?:van|de|der|den|het|ter|ten|'t|’t|op|aan|in|la|le)"#
    private static let capitalisedWord = #"\p{Lu}[\p{L}.'’\-]*"#
    /// Up to three capitalised words before the street word, with particles between them.
    private static let leadingWords = "(?:" + capitalisedWord + #"\s+(?:"# + particle + #"\s+)*){0,3}"#
    private static let streetWord = #"(?=\p{Lu})[\p{L}'’\-]*?(?i:"# + dutchStreetWords.joined(separator: "|") + ")"
        + "|" + englishStreetWord
    private static let number = #"\d{1,5}"#
    private static let addition =
        #"(?:\s?[-/]\s?\d{1,4}(?![\p{L}\p{N}])|\s?-?\s?(?:hs|bis|bg|zw|rd|huis|boven|I{1,3}|IV)(?![\p{L}\p{N}])"#
        + #"|\s?-?[A-Za-z](?![\p{L}\p{N}]))?"#
        // A Belgian box or a floor: `bus 3`, `bus 12A`, `b3`, `2-hoog`, `2e verdieping`.
        + #"(?:,?\s+(?:bus|bte|boîte|box)\s*\d{1,4}[A-Za-z]?(?![\p{L}\p{N}])|\s+\d{1,2}(?:-hoog|e\s+verdieping)(?![\p{L}\p{N}]))?"#

    private static let dutchOrder = Pattern(
        Pattern.before + leadingWords + "(?:" + streetWord + ")" + #"\s+"# + number + addition + Pattern.after)
    /// The street word first: `Laan van Meerdervoort 100`, `Plein 1992`.
    private static let streetWordFirst = Pattern(
        Pattern.before + #"(?=\p{Lu})(?i:laan|plein|kade|dreef|singel|weg|hof|pad|straat|steeg|markt|steenweg|vest|kaai|lei|baan)\s+(?:"#
            + particle + #"\s+)*"# + capitalisedWord + #"(?:\s+"# + capitalisedWord + #")?\s+"# + number + addition + Pattern.after)
    private static let frenchOrder = Pattern(
        Pattern.before + "(?:" + frenchStreetWords.map { NSRegularExpression.escapedPattern(for: $0) }.joined(separator: "|")
            + #")\s+(?:(?:de|du|des|de\s+la|de\s+l['’]|d['’]|la|le|les|aux|au)\s*)?"# + capitalisedWord
            + #"(?:\s+(?:de|du|des|la|le)?\s*"# + capitalisedWord + #"){0,2}\s*,?\s+"# + number + addition + Pattern.after)
    private static let englishOrder = Pattern(
        Pattern.before + #"(?:(?:Flat|Apartment|Apt\.?|Unit)\s*\d+[A-Za-z]?,?\s+)?\d{1,5}[A-Za-z]?(?:-\d{1,5})?,?\s+"#
            + "(?:" + capitalisedWord + #"\s+){1,3}"# + englishStreetWord + #"(?![\p{L}])"#)

    /// Typed in lower case: `kerkhovensesteenweg 3`, `grote steenweg 88 bus 2`.
    private static let lowerCase = Pattern(
        Pattern.before + #"(?:(?:grote|kleine|oude|nieuwe|lange|korte|hoge|lage|sint|oost|west|noord|zuid)\s+)?\p{Ll}*"#
            + #"(?:straat|steenweg|laan|weg|gracht|kade|plein|dreef|singel|dijk|lei|baan|vest|kaai|markt|street|road)"#
            + #"\s+"# + number + addition + Pattern.after)
    /// After a word that says an address follows, any street: `adres Coupure Links 18`, `woont op de
    /// Overtoom 271-III`, `lives at Coupure Rechts 88`.
    private static let labelled = Pattern(
        #"(?i:adres|address|woonadres|postadres|facturatieadres|verhuist\s+naar|verhuisd\s+naar|woont\s+(?:op|aan|in)|lives\s+(?:at|on)|living\s+at|moved\s+to)"#
            + #"\s*:?\s+(?:(?:de|het|the)\s+)?("# + capitalisedWord + #"(?:\s+"# + capitalisedWord + #"){0,2}\s+"# + number
            + addition + ")" + Pattern.after)

    static let detector = PatternDetector(kind: .address, patterns: [dutchOrder, streetWordFirst, frenchOrder, englishOrder, lowerCase, labelled])
}
