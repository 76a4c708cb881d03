import Foundation

/// A text prepared for the detectors: normalised to NFC, with its UTF-16 view for regular expressions.
struct ScannedText {
    let string: String
    let utf16: NSString
    /// Whether the text has a digit: most detectors need one, and most reflections have none.
    let hasDigit: Bool

    init(_ text: String) {
        string = text.utf8.allSatisfy { $0 < 0x80 } ? text : text.precomposedStringWithCanonicalMapping
        utf16 = string as NSString
        hasDigit = string.utf8.contains { $0 >= 0x30 && $0 <= 0x39 }
    }

    var whole: NSRange { NSRange(location: 0, length: utf16.length) }

    func substring(_ range: NSRange) -> String { utf16.substring(with: range) }

    /// The UTF-16 unit at `offset` as a scalar, or nil outside the text.
    func character(at offset: Int) -> Character? {
        guard offset >= 0, offset < utf16.length else { return nil }
        return Character(utf16.substring(with: utf16.rangeOfComposedCharacterSequence(at: offset)))
    }
}
