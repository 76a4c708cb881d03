import Foundation

/// Belgian national numbers (rijksregisternummer, INSZ): eleven digits, the birth date first, written
/// `85.07.30-033.28`, `850730-033-28`, `85073003328` or with spaces, whose last two digits are
/// 97 − (the first nine mod 97), or the same with a 2 before them for people born from 2000 on.
enum NationalNumberDetector {
    private static let candidate = Pattern(
        Pattern.before + #"(?<!\d[ .\-])\d{2}[ .]?\d{2}[ .]?\d{2}[ .\-]?\d{3}[ .\-]?\d{2}(?![ .\-]?\d)"# + Pattern.after)

    static let detector = PatternDetector(kind: .nationalNumber, patterns: [candidate], accepts: passesCheck)

    static func passesCheck(_ text: String) -> Bool {
        let digits = text.filter(\.isASCIIDigit)
        guard digits.count == 11, let body = Int(digits.prefix(9)), let check = Int(digits.suffix(2)) else { return false }
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

    static let iban = PatternDetector(
        kind: .iban,
        patterns: [Pattern(Pattern.before + #"(?:iban|rekeningnummer|rekening|bankrekening(?:nummer)?|reknr|rek\.\s?nr|"#
                           + #"account(?:\s+number)?|bank\s+account)"# + link
                           + #"([A-Za-z]{2}\d{2}(?:[ \-]?[A-Za-z0-9]){10,30})"# + Pattern.after, caseInsensitive: true)])

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
