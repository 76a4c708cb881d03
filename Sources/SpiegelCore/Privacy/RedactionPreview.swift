import Foundation
import SpiegelContent

/// What `--redact` would do to a set of entries, shown before anything is sent: each mask once, with its
/// number, the fields it came from and its first context, then the words that look like names and were
/// not masked (capitalised words no list knows, sentence starts included, and known names written in lower
/// case that are also ordinary words). It reads the same typed texts as the export (`Entry.typedTexts`).
public struct RedactionPreview: Sendable, Codable, Hashable {
    /// One mask (`[naam 2]`): the text it hides where it first stands, how often it is used, the fields
    /// and the first entry it is used in, with up to `contextLength` characters either side on one line.
    public struct Masked: Sendable, Codable, Hashable {
        public var mask: String
        public var kind: PersonalDataKind
        public var number: Int
        public var text: String
        public var count: Int
        public var fields: [TypedField]
        public var entry: String
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
    /// themselves use in lower case count as known too, unless they are known names.
    public init(entries: [Entry], redaction: ExportRedaction, label: ExportRedaction.Label, knownWords: Set<String>) {
        var masked: [Masked] = []
        var maskIndex: [String: Int] = [:]
        var candidates: [String: PossibleName] = [:]
        var order: [String] = []
        var lowerCaseUse: Set<String> = []
        for entry in entries {
            for typed in entry.typedTexts {
                let (text, spans) = redaction.spans(in: typed.text)
                for span in spans {
                    let mask = label(span.kind, span.number)
                    if let index = maskIndex[mask] {
                        masked[index].count += 1
                        if !masked[index].fields.contains(typed.field) { masked[index].fields.append(typed.field) }
                    } else {
                        maskIndex[mask] = masked.count
                        masked.append(Masked(mask: mask, kind: span.kind, number: span.number, text: String(text[span.range]),
                                             count: 1, fields: [typed.field], entry: entry.id,
                                             before: Self.context(before: span.range.lowerBound, in: text),
                                             after: Self.context(after: span.range.upperBound, in: text)))
                    }
                }
                let scanned = ScannedText(text)
                for match in Self.word.matches(in: scanned) {
                    let word = scanned.substring(match.range)
                    guard let first = word.first, word.count >= 2,
                          let range = Range(match.range, in: text),
                          !spans.contains(where: { $0.range.overlaps(range) }) else { continue }
                    let key = word.lowercased()
                    let knownName = FirstNames.all.contains(key) || Surnames.all.contains(key)
                    if first.isLowercase {
                        guard knownName else { lowerCaseUse.insert(key); continue }
                    } else {
                        guard word.contains(where: \.isLowercase), knownName || !knownWords.contains(key),
                              knownName || !CommonWords.all.contains(key), !NameDetector.titles.contains(key),
                              !NotPeople.all.contains(key) else { continue }
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
        self.masked = masked.sorted { ($0.kind.rawValue, $0.number) < ($1.kind.rawValue, $1.number) }
        possibleNames = order.filter { key in
            !lowerCaseUse.contains(key) || FirstNames.all.contains(key) || Surnames.all.contains(key)
        }.compactMap { candidates[$0] }
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
}
