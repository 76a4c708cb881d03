import Foundation

/// Finds one kind of personal data in a text: the ranges (UTF-16, in the NFC text) to mask.
protocol PersonalDataDetector: Sendable {
    var kind: PersonalDataKind { get }
    func ranges(in text: ScannedText) -> [NSRange]
}

/// A detector that is one pattern (the match, or its first group when the pattern has one), with an
/// optional check of the matched text.
struct PatternDetector: PersonalDataDetector {
    let kind: PersonalDataKind
    let patterns: [Pattern]
    /// Whether the patterns can match at all: a quick test that spares the regular expressions.
    var applies: @Sendable (ScannedText) -> Bool = \.hasDigit
    var accepts: @Sendable (String) -> Bool = { _ in true }

    func ranges(in text: ScannedText) -> [NSRange] {
        guard applies(text) else { return [] }
        return patterns.flatMap { pattern in
            pattern.matches(in: text).compactMap { match -> NSRange? in
                let range = match.numberOfRanges > 1 && match.range(at: 1).location != NSNotFound
                    ? match.range(at: 1) : match.range
                return accepts(text.substring(range)) ? range : nil
            }
        }
    }
}
