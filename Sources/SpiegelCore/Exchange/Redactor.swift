import Foundation

/// Masks personal data in user text before it leaves the machine: e-mail addresses, phone numbers,
/// IBANs and listed words (customer names), whole words and case-insensitive.
public struct Redactor: Sendable {
    public let words: [String]

    public init(words: [String] = []) {
        self.words = words.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    private static let patterns: [(String, String)] = [
        (#"[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}"#, "[e-mail]"),
        (#"\b[A-Z]{2}[0-9]{2}(?:[ ]?[A-Z0-9]{4}){2,7}(?:[ ]?[A-Z0-9]{1,3})?\b"#, "[IBAN]"),
        (#"(?<![\w])(?:\+|00)?[0-9](?:[ \-./]?[0-9]){8,13}(?![\w])"#, "[phone]"),
    ]

    public func redact(_ text: String) -> String {
        var result = text
        for (pattern, mask) in Self.patterns {
            if let regex = try? NSRegularExpression(pattern: pattern) {
                result = regex.stringByReplacingMatches(in: result, range: NSRange(result.startIndex..., in: result), withTemplate: mask)
            }
        }
        for word in words {
            let pattern = #"(?<![\p{L}\p{N}])"# + NSRegularExpression.escapedPattern(for: word) + #"(?![\p{L}\p{N}])"#
            if let regex = try? NSRegularExpression(pattern: pattern, options: [.caseInsensitive]) {
                result = regex.stringByReplacingMatches(in: result, range: NSRange(result.startIndex..., in: result), withTemplate: "[name]")
            }
        }
        return result
    }

    /// The entry with every answer, item, commitment, reflection and note redacted.
    public func redact(_ entry: Entry) -> Entry {
        var copy = entry
        copy.answers = entry.answers.map { answer in
            var a = answer
            a.text = answer.text.map(redact)
            a.items = answer.items?.map(redact)
            a.itemText = answer.itemText.map(redact)
            a.action = answer.action.map(redact)
            a.prompt = redact(answer.prompt)
            return a
        }
        copy.commitments = entry.commitments.map { commitment in
            var c = commitment
            c.action = redact(commitment.action)
            c.history = commitment.history.map { event in
                var e = event
                e.reflection = event.reflection.map(redact)
                return e
            }
            return c
        }
        copy.coachNotes = entry.coachNotes?.map { CoachNote(author: $0.author, at: $0.at, text: redact($0.text)) }
        return copy
    }
}
