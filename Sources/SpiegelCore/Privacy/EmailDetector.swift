import Foundation

/// E-mail addresses, written plainly (`jan@example.nl`) or spelled out to dodge spam filters
/// (`jan at example dot nl`, `jan [at] example [punt] nl`, `jan(at)example.nl`).
enum EmailDetector {
    private static let local = #"[\p{L}\p{N}._%+\-]+"#
    private static let plain = Pattern(Pattern.before + local + #"@[\p{L}\p{N}\-]+(?:\.[\p{L}\p{N}\-]+)*\.\p{L}{2,}"#)

    private static let at = #"(?:\s+(?:at|apenstaartje)\s+|\s*[\(\[\{<]\s*(?:at|@)\s*[\)\]\}>]\s*|\s*@\s*)"#
    private static let dot = #"(?:\s+(?:dot|punt)\s+|\s*[\(\[\{<]\s*(?:dot|punt|\.)\s*[\)\]\}>]\s*|\s*\.\s*)"#
    private static let topLevel = "(?:nl|be|com|org|net|eu|de|uk|fr|io|info|nu|edu|gov|co|me|biz|online|email)"
    private static let spelled = Pattern(
        Pattern.before + local + at + #"[\p{L}\p{N}\-]+(?:"# + dot + #"[\p{L}\p{N}\-]+)*?"# + dot + topLevel
            + Pattern.after,
        caseInsensitive: true)

    static let detector = PatternDetector(kind: .email, patterns: [plain, spelled], applies: mayHoldAddress)

    /// An `@`, or `at` or `apenstaartje` as a word.
    static func mayHoldAddress(_ text: ScannedText) -> Bool {
        text.string.contains("@") || atWord.regex.firstMatch(in: text.string, range: text.whole) != nil
    }

    private static let atWord = Pattern(#"(?<![\p{L}])(?:at|apenstaartje)(?![\p{L}])"#, caseInsensitive: true)
}
