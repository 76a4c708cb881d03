import Foundation
import SpiegelContent

/// What `--redact` would do to a set of entries, shown before anything is sent: every masked span in its
/// context with its kind, and the capitalised words within a sentence that were not masked and are not
/// known words (possible names to add to the word list).
public struct RedactionPreview: Sendable, Codable, Hashable {
    /// A masked span with up to `contextLength` characters either side, on one line; the same span in the
    /// same context is shown once, with how often it occurs and the first entry it occurs in.
    public struct Masked: Sendable, Codable, Hashable {
        public var entry: String
        public var count: Int
        public var kind: PersonalDataKind
        public var text: String
        public var before: String
        public var after: String
    }

    /// A word that may be a name, how often it occurs and where it first does.
    public struct PossibleName: Sendable, Codable, Hashable {
        public var word: String
        public var count: Int
        public var entry: String
        public var before: String
        public var after: String
    }

    public var masked: [Masked]
    public var possibleNames: [PossibleName]

    static let contextLength = 30
    private static let word = Pattern(#"[\p{L}\p{M}][\p{L}\p{M}'’\-]*"#)

    /// `knownWords` are lower-case words that are not names (see `KnownWords`); words the entries
    /// themselves use in lower case count as known too.
    public init(entries: [Entry], redactor: Redactor, knownWords: Set<String>) {
        var masked: [Masked] = []
        var maskedIndex: [[String]: Int] = [:]
        var candidates: [String: PossibleName] = [:]
        var order: [String] = []
        var lowerCaseUse: Set<String> = []
        for entry in entries {
            for typed in Redactor.typedTexts(of: entry) {
                let (text, spans) = redactor.spans(in: typed)
                for span in spans {
                    let found = Masked(entry: entry.id, count: 1, kind: span.kind, text: String(text[span.range]),
                                       before: Self.context(before: span.range.lowerBound, in: text),
                                       after: Self.context(after: span.range.upperBound, in: text))
                    let key = [found.kind.rawValue, found.before, found.text, found.after]
                    if let index = maskedIndex[key] {
                        masked[index].count += 1
                    } else {
                        maskedIndex[key] = masked.count
                        masked.append(found)
                    }
                }
                let scanned = ScannedText(text)
                for match in Self.word.matches(in: scanned) {
                    let word = scanned.substring(match.range)
                    guard let first = word.first else { continue }
                    if first.isLowercase { lowerCaseUse.insert(word); continue }
                    guard let range = Range(match.range, in: text), word.count >= 2,
                          word.contains(where: \.isLowercase),
                          !spans.contains(where: { $0.range.overlaps(range) }),
                          !Self.startsSentence(range.lowerBound, in: text) else { continue }
                    let key = word.lowercased()
                    if knownWords.contains(key) || CommonWords.all.contains(key) || NameDetector.titles.contains(key) {
                        continue
                    }
                    if candidates[key] == nil {
                        order.append(key)
                        candidates[key] = PossibleName(word: word, count: 0, entry: entry.id,
                                                       before: Self.context(before: range.lowerBound, in: text),
                                                       after: Self.context(after: range.upperBound, in: text))
                    }
                    candidates[key]?.count += 1
                }
            }
        }
        self.masked = masked
        possibleNames = order.filter { !lowerCaseUse.contains($0) }.compactMap { candidates[$0] }
    }

    private static func context(before index: String.Index, in text: String) -> String {
        oneLine(String(text[..<index].suffix(contextLength)))
    }

    private static func context(after index: String.Index, in text: String) -> String {
        oneLine(String(text[index...].prefix(contextLength)))
    }

    private static func oneLine(_ text: String) -> String {
        String(text.map { $0.isNewline ? " " : $0 })
    }

    /// Only spaces, quotes, brackets and list marks since the start of the text or a sentence end.
    static func startsSentence(_ index: String.Index, in text: String) -> Bool {
        for character in text[..<index].reversed() {
            if character == " " || character == "\t" || "\"“‘'(*•".contains(character) { continue }
            return ".!?:-–".contains(character) || character.isNewline
        }
        return true
    }
}
