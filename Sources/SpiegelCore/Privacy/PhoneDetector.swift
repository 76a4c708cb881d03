import Foundation

/// Phone numbers as people write them: `06-12345678`, `06–12345678` (en dash), `020 - 555 12 34`,
/// `(020) 123 4567`, `+31 (0)6 1234 5678`, `0031 20 555 1234`, `0800-1234`, `+44 20 7946 0958`,
/// `(555) 123-4567`, `555.123.4567`.
enum PhoneDetector {
    private static let group = #"(?:\(\s?\+?\d{0,5}\s?\)|\d)"#
    private static let separator = #"(?:\s*[-–—./]\s*|\s+)?"#
    private static let candidate = Pattern(
        #"(?<![\p{L}\p{N}+])(?:\+\s?|00)?"# + group + "(?:" + separator + group + "){6,22}" + Pattern.after)
    /// A date leads (`03-12-2024 10.30`): an appointment, not a number to call.
    private static let leadingDate = Pattern(#"^\d{1,2}([-/.])\d{1,2}\1\d{2,4}"#)
    private static let serviceNumber = Pattern(Pattern.before + #"0[89]0[09]\s?[-–]?\s?\d{4,7}"# + Pattern.after)

    static let detector = PatternDetector(kind: .phone, patterns: [candidate, serviceNumber], accepts: isPhoneNumber,
                                          rejects: ContextWords.notPhone)

    /// Ten to fifteen digits that start like a phone number (`+`, `0`, a parenthesis) or are grouped
    /// 3-3-4 as in North America; Dutch 0800/0900 numbers may be shorter; a Belgian landline has nine
    /// digits, written in groups after its zone (`03 234 56 78`, `03/234.56.78`, `09/123 45 67`).
    static func isPhoneNumber(_ text: String) -> Bool {
        let digits = text.filter(\.isASCIIDigit)
        let groups = text.split { !$0.isASCIIDigit }.map(\.count)
        // A case number with its year (`004512/2024`): not a number to call.
        if let last = groups.last, last == 4, text.range(of: #"/(19|20)\d{2}$"#, options: .regularExpression) != nil { return false }
        // A Belgian company number (`0212.345.678`) is written in dotted groups of four, three and three.
        if groups == [4, 3, 3], text.first == "0", !text.contains(" "), !text.contains("/"), text.contains(".") { return false }
        if digits.count == 9, text.first == "0", groups.count >= 3, (1...3).contains(groups[0]),
           groups.allSatisfy({ $0 <= 3 }) {
            return true
        }
        if text.hasPrefix("0800") || text.hasPrefix("0900") || text.hasPrefix("0909") || text.hasPrefix("0906") {
            return digits.count >= 8 && digits.count <= 11
        }
        guard (10...15).contains(digits.count) else { return false }
        guard leadingDate.regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) == nil else {
            return false
        }
        if let first = text.first, "+0(".contains(first) { return true }
        return groups == [3, 3, 4]
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
