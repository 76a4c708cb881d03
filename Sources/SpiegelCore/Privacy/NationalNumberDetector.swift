import Foundation

/// Belgian national numbers (rijksregisternummer, INSZ): eleven digits, the birth date first, written
/// `85.07.30-033.28`, `850730-033-28`, `85073003328` or with spaces, whose last two digits are
/// 97 − (the first nine mod 97), or the same with a 2 before them for people born from 2000 on.
enum NationalNumberDetector {
    private static let candidate = Pattern(
        Pattern.before + #"(?<!\d[ .\-])\d{2}(?:\.\d{2}\.\d{2}[.\-]?|\d{4}[ .\-]?)\d{3}[ .\-]?\d{2}(?![ .\-]?\d)"# + Pattern.after)

    static let detector = PatternDetector(kind: .nationalNumber, patterns: [candidate], accepts: passesCheck)

    /// The check digits, and a birth month and day that can be (months 0 to 12, or 20 to 32 and 40 to 52 for
    /// numbers given before a birth date is known).
    static func passesCheck(_ text: String) -> Bool {
        let digits = text.filter(\.isASCIIDigit)
        guard digits.count == 11, let body = Int(digits.prefix(9)), let check = Int(digits.suffix(2)),
              let month = Int(digits.dropFirst(2).prefix(2)), let day = Int(digits.dropFirst(4).prefix(2)),
              [0...12, 20...32, 40...52].contains(where: { $0.contains(month) }), day <= 31 else { return false }
        return 97 - body % 97 == check || 97 - (2_000_000_000 + body) % 97 == check
    }
}

/// A number right after the label that names it (`BSN: 312784378`, `rijksregisternummer 85.07.30-033.28`,
/// `IBAN NL91 ABNA 0417 1643 01`, `rekeningnummer BE68…`) is masked whatever its check digit: a person who
/// mistypes a customer's number has still written it down.
enum LabelledNumberDetector {
    /// Between the label and the number: spaces, a colon, `nr`, `is`, `was`, `van`, `: `, `nummer`.
    private static let link = #"(?:\s*(?:[:=#]|nr\.?|nummer|number|no\.?|is|was|van|of|:)\s*)*\s*"#
    private static let digits = #"(\d[\d .\-]{7,16}\d)"#

    static let bsn = PatternDetector(
        kind: .bsn,
        patterns: [Pattern(Pattern.before + #"(?:bsn|burgerservicenummer|burger\s?service\s?nummer|sofinummer|sofi)"#
                           + link + digits + Pattern.after, caseInsensitive: true)],
        accepts: { count(of: $0) == 9 })

    static let nationalNumber = PatternDetector(
        kind: .nationalNumber,
        patterns: [Pattern(Pattern.before + #"(?:rijksregister(?:nummer|nr)?|rr[\s\-]?(?:nummer|nr)?|insz(?:[\s\-]?nummer)?"#
                           + #"|nationaal\s+nummer|national\s+(?:register\s+)?number|numéro\s+national)"#
                           + link + digits + Pattern.after, caseInsensitive: true)],
        accepts: { count(of: $0) == 11 })

    static let iban = LabelledIBANDetector(pattern: Pattern(
        Pattern.before + #"(?:iban|rekeningnummer|rekening|bankrekening(?:nummer)?|reknr|rek\.\s?nr|"#
            + #"account(?:\s+number)?|bank\s+account)"# + link + #"([A-Za-z]{2}\d{2}(?:[ \-]?[A-Za-z0-9]){10,30})"#,
        caseInsensitive: true))

    private static func count(of text: String) -> Int { text.filter(\.isASCIIDigit).count }

    /// Nine digits in a text that speaks of a BSN, eleven in one that speaks of a national number.
    static let namedBSN = NamedNumberDetector(
        kind: .bsn, label: Pattern(#"(?<![\p{L}])(?:bsn|burgerservicenummer|sofinummer)(?![\p{L}])"#, caseInsensitive: true),
        number: Pattern(Pattern.before + #"(?<!\d[ .\-])(?:\d{3}[ .\-]?\d{3}[ .\-]?\d{3}|\d{4}\.\d{2}\.\d{3})(?![ .\-]?\d)"# + Pattern.after),
        digits: 9)
    static let namedNationalNumber = NamedNumberDetector(
        kind: .nationalNumber,
        label: Pattern(#"(?<![\p{L}])(?:rijksregister\w*|rr|rr-nummer|insz|national\s+number|nationaal\s+nummer)(?![\p{L}])"#, caseInsensitive: true),
        number: Pattern(Pattern.before + #"(?<!\d[ .\-])\d{2}[ .]?\d{2}[ .]?\d{2}[ .\-]?\d{3}[ .\-]?\d{2}(?![ .\-]?\d)"# + Pattern.after),
        digits: 11)
}

/// An account number after its label, whatever its check digits: as long as its country's numbers are
/// (`NL` 18, `BE` 16 characters), else as far as its groups go, so that the words after it stay.
struct LabelledIBANDetector: PersonalDataDetector {
    let pattern: Pattern
    var kind: PersonalDataKind { .iban }

    func ranges(in text: ScannedText) -> [NSRange] {
        guard text.hasDigit else { return [] }
        return pattern.matches(in: text).compactMap { match in
            let range = match.range(at: 1)
            let candidate = text.substring(range)
            let wanted = IBANDetector.length(of: String(candidate.prefix(2)).uppercased())
            var length = 0, characters = 0, groupHasDigit = false
            for unit in candidate {
                if unit == " " || unit == "-" {
                    if wanted == nil && !groupHasDigit { break }
                    groupHasDigit = false
                } else {
                    characters += 1
                    groupHasDigit = groupHasDigit || unit.isNumber
                }
                length += unit.utf16.count
                if let wanted, characters == wanted { break }
            }
            if let wanted, characters < wanted - 1 { return nil }
            let trimmed = text.substring(NSRange(location: range.location, length: length)).trimmingCharacters(in: .whitespaces)
            return NSRange(location: range.location, length: (trimmed as NSString).length)
        }
    }
}
