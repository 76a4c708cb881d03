import Foundation

/// Dutch postcodes: four digits (not starting with 0) and two capital letters, with or without a
/// space (`1015 CJ`, `3581AB`; `1015cj` and `1015 cj` in lower case). SA, SD and SS are never issued.
/// Belgian postcodes: four digits before a town's name (`2000 Antwerpen`, `9000 Gent`), not after a
/// word that makes them a year, an amount or a count (`in 2019 Jan`, `2000 Euro`).
enum PostcodeDetector {
    private static let spaced = Pattern(Pattern.before + #"[1-9]\d{3} ?(?!SA|SD|SS)[A-Z]{2}"# + Pattern.after)
    private static let joined = Pattern(Pattern.before + #"[1-9]\d{3}(?!sa|sd|ss)[a-z]{2}"# + Pattern.after)
    private static let spacedLowerCase = Pattern(Pattern.before + #"[1-9]\d{3} (?!sa|sd|ss)[a-z]{2}"# + Pattern.after)
    private static let belgian = Pattern(Pattern.before + #"([1-9]\d{3})\s+(\p{L}[\p{Ll}\-’']+)"#)
    /// British postcodes (`SW1A 1AA`, `M20 2WL`, `EH3 9QG`), in capitals.
    private static let british = Pattern(Pattern.before + #"[A-Z]{1,2}\d[A-Z\d]? \d[ABD-HJLNP-UW-Z]{2}"# + Pattern.after)

    /// Lower-case pairs after four digits that are words, not postcode letters (`1500 en`, `2019 is`).
    private static let notLetters: Set<String> = [
        "en", "of", "in", "op", "om", "is", "na", "te", "je", "we", "ik", "of", "at", "to", "an", "as", "by", "on",
        "or", "we", "be", "he", "it", "me", "my", "no", "so", "up", "us", "al", "nu", "er", "ze", "zo", "du", "la",
        "le", "ja", "pp", "cm", "mm", "km", "kg", "ml", "cl", "dl", "uu", "eu",
    ]
    /// Words that make four digits a year, an amount or a count rather than a postcode.
    private static let notBefore: Set<String> = [
        "in", "sinds", "since", "tot", "van", "vanaf", "jaar", "year", "from", "until", "till", "per", "om", "rond",
        "around", "na", "voor", "before", "after", "€", "eur", "euro", "ongeveer", "circa", "ca", "about", "zo'n",
        "nummer", "kamer", "room", "artikel", "ticket", "bon", "order", "factuur",
    ]
    private static let notTowns: Set<String> = [
        "euro", "eur", "dollar", "mensen", "klanten", "people", "customers", "leden", "stuks", "punten", "uur",
        "minuten", "dagen", "jaar", "kilometer", "meter", "gram", "liter", "woningen", "huurders", "bezoekers",
        "visitors", "gasten", "guests", "deelnemers", "euro's", "kronen",
    ]

    static let detector = PatternDetector(kind: .postcode, patterns: [spaced])
    /// Written together (`7312ml`) a postcode in lower case is one; with a space only when its letters are no
    /// word or unit (`1500 en`, `2019 is`, `300 km`).
    private static let lowerCase = PatternDetector(kind: .postcode, patterns: [joined])
    private static let spacedLower = PatternDetector(kind: .postcode, patterns: [spacedLowerCase],
                                                     accepts: { !notLetters.contains(String($0.suffix(2))) })

    /// Both countries' postcodes.
    static let detectors: [any PersonalDataDetector] = [
        detector, lowerCase, spacedLower, BelgianPostcodeDetector(), PatternDetector(kind: .postcode, patterns: [british]),
    ]

    fileprivate struct BelgianPostcodeDetector: PersonalDataDetector {
        var kind: PersonalDataKind { .postcode }

        func ranges(in text: ScannedText) -> [NSRange] {
            guard text.hasDigit else { return [] }
            return belgian.matches(in: text).compactMap { match in
                let digits = match.range(at: 1), written = text.substring(match.range(at: 2))
                let town = written.lowercased()
                // A town that is known (`2800 Mechelen`, `2600 berchem`) is enough; else a capitalised word
                // that is no count or unit, after no word that makes the digits a year or an amount.
                if !NotPeople.all.contains(town) {
                    guard written.first?.isUppercase == true, !notTowns.contains(town), !CommonWords.all.contains(town),
                          !DateOfBirthDetector.months.contains(town), !NotPeople.openers.contains(town) else { return nil }
                    let before = ContextWords.words(before: digits, in: text, count: 1)
                    let number = Int(text.substring(digits)) ?? 0
                    if let word = before.first, notBefore.contains(word), (1900...2099).contains(number) || word != "in" {
                        return nil
                    }
                }
                let preceding = text.substring(NSRange(location: max(0, digits.location - 2), length: min(2, digits.location)))
                if preceding.contains("€") || preceding.contains("$") { return nil }
                return digits
            }
        }
    }
}
