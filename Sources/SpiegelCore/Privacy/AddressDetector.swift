/// Street addresses: a street name with a Dutch or English street word and a house number with an
/// optional addition, in Dutch order (`Keizersgracht 123`, `Dorpsstraat 4a`, `Laan van Meerdervoort
/// 100-II`, `Baker Street 221B`) and English order (`10 Downing Street`, `Flat 2, 45 Elm Road`).
enum AddressDetector {
    static let dutchStreetWords = [
        "straat", "straatweg", "laan", "weg", "gracht", "kade", "plein", "dreef", "singel", "dijk", "hof", "pad",
        "steeg", "markt", "baan", "wal", "burgwal", "plantsoen", "boulevard", "haven", "park", "ring", "erf", "dam",
        "veld", "lei", "dreve", "wijk", "promenade", "allee", "hoven", "weide", "kwartier",
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

    private static let dutchOrder = Pattern(
        Pattern.before + leadingWords + "(?:" + streetWord + ")" + #"\s+"# + number + addition + Pattern.after)
    /// The street word first: `Laan van Meerdervoort 100`, `Plein 1992`.
    private static let streetWordFirst = Pattern(
        Pattern.before + #"(?=\p{Lu})(?i:laan|plein|kade|dreef|singel|weg|hof|pad|straat|steeg|markt)\s+(?:"#
            + particle + #"\s+)*"# + capitalisedWord + #"\s+"# + number + addition + Pattern.after)
    private static let englishOrder = Pattern(
        Pattern.before + #"(?:(?:Flat|Apartment|Apt\.?|Unit)\s*\d+[A-Za-z]?,?\s+)?\d{1,5}[A-Za-z]?(?:-\d{1,5})?,?\s+"#
            + "(?:" + capitalisedWord + #"\s+){1,3}"# + englishStreetWord + #"(?![\p{L}])"#)

    static let detector = PatternDetector(kind: .address, patterns: [dutchOrder, streetWordFirst, englishOrder])
}
