import Foundation

/// Dutch citizen service numbers (BSN): nine digits, as one run or grouped (`123 456 782`,
/// `1234.56.782`), that pass the elfproef.
enum BSNDetector {
    private static let candidate = Pattern(
        Pattern.before + #"(?<!\d[ .\-])(?:\d{3}[ .\-]?\d{3}[ .\-]?\d{3}|\d{4}\.\d{2}\.\d{3})(?![ .\-]?\d)"#
            + Pattern.after)

    static let detector = PatternDetector(kind: .bsn, patterns: [candidate], accepts: passesElfproef)

    /// 9·d1 + 8·d2 + … + 2·d8 − d9 is a multiple of 11 (and not all zeros).
    static func passesElfproef(_ text: String) -> Bool {
        let digits = text.compactMap { $0.isASCIIDigit ? $0.wholeNumberValue : nil }
        guard digits.count == 9, digits.contains(where: { $0 != 0 }) else { return false }
        var sum = 0
        for (index, digit) in digits.enumerated() {
            sum += index == 8 ? -digit : digit * (9 - index)
        }
        return sum % 11 == 0
    }
}
