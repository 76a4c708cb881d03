import Foundation

/// A regular expression compiled once. The patterns are constants of this module: a pattern that does
/// not compile is a programming error, caught by the detector tests.
struct Pattern: Sendable {
    let regex: NSRegularExpression

    init(_ pattern: String, caseInsensitive: Bool = false) {
        do {
            regex = try NSRegularExpression(pattern: pattern, options: caseInsensitive ? [.caseInsensitive] : [])
        } catch {
            preconditionFailure("invalid pattern \(pattern): \(error)")
        }
    }

    func matches(in text: ScannedText) -> [NSTextCheckingResult] {
        regex.matches(in: text.string, range: text.whole)
    }

    /// Letters and digits may not touch a match on either side.
    static let before = #"(?<![\p{L}\p{N}])"#
    static let after = #"(?![\p{L}\p{N}])"#
}
