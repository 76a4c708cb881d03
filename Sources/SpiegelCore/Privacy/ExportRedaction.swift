import Foundation

/// One export's redaction. It first reads every typed text of the chosen entries (`Entry.typedTexts`) and
/// numbers what it finds: each distinct person (`[naam 1]`, `[naam 2]` …) and each distinct value of the
/// other kinds (`[telefoon 1]`), in the order they first appear. Then it masks every text with those
/// numbers, so the same person carries the same mask in every mention and every format, and a person found
/// once is masked wherever their name stands again (`Bakker` at a sentence start, `bakker's` in lower
/// case when it is not an ordinary word). The numbering lives in memory only: nothing of it is written.
public struct ExportRedaction: Sendable {
    /// How a mask reads: the kind's word in the export's language and its number.
    public typealias Label = @Sendable (PersonalDataKind, Int) -> String

    /// One masked stretch of a text with its number.
    public struct Span: Sendable, Hashable {
        public var kind: PersonalDataKind
        public var number: Int
        public var range: Range<String.Index>
    }

    public let redactor: Redactor
    private let label: Label
    private var people = People()
    /// Each distinct value of the other kinds (lower case, letters and digits only) with its number.
    private var values: [PersonalDataKind: [String: Int]] = [:]

    /// Reads `entries` once to number what they hold; `label` words the masks (`[name 1]` by default).
    public init(redactor: Redactor, entries: some Sequence<Entry>,
                label: @escaping Label = { kind, number in "[\(kind.rawValue) \(number)]" }) {
        self.redactor = redactor
        self.label = label
        for entry in entries {
            for typed in entry.typedTexts { learn(typed.text) }
        }
    }

    /// Numbers what `text` holds (the detectors' spans), so that later masks agree.
    public mutating func learn(_ text: String) {
        let (normalised, spans) = redactor.spans(in: text)
        for span in spans {
            let found = String(normalised[span.range])
            if span.kind == .name {
                people.register(found)
            } else {
                let key = Self.key(found)
                if values[span.kind, default: [:]][key] == nil {
                    values[span.kind, default: [:]][key] = values[span.kind, default: [:]].count + 1
                }
            }
        }
    }

    /// The entry with every typed text masked.
    public func redact(_ entry: Entry) -> Entry {
        entry.mappingTypedTexts { _, text in redact(text) }
    }

    /// `text` (normalised to NFC) with every span replaced by its numbered mask.
    public func redact(_ text: String) -> String {
        let (normalised, spans) = self.spans(in: text)
        var result = ""
        var position = normalised.startIndex
        for span in spans {
            result += normalised[position..<span.range.lowerBound]
            result += label(span.kind, span.number)
            position = span.range.upperBound
        }
        result += normalised[position...]
        return result
    }

    /// The masks of `text` in order, without overlaps: the detectors' spans, then every further mention of
    /// a person found anywhere in the export.
    public func spans(in text: String) -> (text: String, spans: [Span]) {
        let (normalised, found) = redactor.spans(in: text)
        var spans = found.map { span -> Span in
            let value = String(normalised[span.range])
            let number = span.kind == .name ? people.number(of: value) ?? 0
                : values[span.kind]?[Self.key(value)] ?? 0
            // A name's particles go with it, also at a sentence start (`De Vries kwam`).
            let start = span.kind == .name ? People.particlesBefore(span.range.lowerBound, in: normalised) : span.range.lowerBound
            return Span(kind: span.kind, number: number, range: start..<span.range.upperBound)
        }
        let mentions = people.mentions(in: normalised).filter { mention in !spans.contains { $0.range.overlaps(mention.range) } }
        let protected = mentions.isEmpty ? [] : NameDetector().protectedRanges(in: normalised)
        for mention in mentions where !protected.contains(where: { $0.overlaps(mention.range) }) {
            spans.append(Span(kind: .name, number: mention.number, range: mention.range))
        }
        return (normalised, spans.sorted { $0.range.lowerBound < $1.range.lowerBound })
    }

    static func key(_ value: String) -> String {
        String(value.lowercased().filter { $0.isLetter || $0.isNumber })
    }
}

/// The people an export names: each found name's words (without titles, initials and particles) point to
/// one person's number. `Anna Bakker`, `mevrouw Bakker` and `Bakker` are one person; `Piet Bakker` is
/// another, since his first name is not Anna's. A mention's particles go with it (`De Vries`).
struct People: Sendable {
    private var byFullName: [String: Int] = [:]
    private var byWord: [String: Int] = [:]
    private(set) var count = 0

    mutating func register(_ name: String) {
        guard number(of: name) == nil else { return }
        let words = Self.words(of: name)
        guard !words.isEmpty else { return }
        count += 1
        byFullName[words.joined(separator: " ")] = count
        for word in words where byWord[word] == nil { byWord[word] = count }
    }

    /// The person `name` refers to: the same words, else (one word) whoever that word belongs to, else (a
    /// first name and a surname) the surname's person when the first name is not someone else's.
    func number(of name: String) -> Int? {
        let words = Self.words(of: name)
        guard let last = words.last else { return nil }
        if let known = byFullName[words.joined(separator: " ")] { return known }
        if words.count == 1 { return byWord[last] }
        guard let surname = byWord[last] else { return nil }
        if let other = byWord[words[0]] { return other == surname ? surname : nil }
        // Another first name is another person (`Piet Bakker` beside `Anna Bakker`).
        return FirstNames.all.contains(words[0]) ? nil : surname
    }

    /// Every word of `text` that belongs to a person found elsewhere: with a capital, or in lower case when
    /// it is not an ordinary word; possessives (`Fatima's`, `Jans`) included.
    func mentions(in text: String) -> [(range: Range<String.Index>, number: Int)] {
        guard !byWord.isEmpty else { return [] }
        var found: [(range: Range<String.Index>, number: Int)] = []
        for word in Self.tokens(of: text) {
            let lower = word.lowercased()
            let capitalised = word.first?.isUppercase == true
            // An ordinary word opening a greeting (`Lieve collega's,`, `Beste mensen`) is that word.
            if capitalised, NameWords.all.contains(lower), RedactionPreviewSupport.opensGreeting(word, in: text) { continue }
            for (form, length) in Self.forms(of: lower) {
                guard let number = byWord[form] else { continue }
                let knownName = FirstNames.all.contains(form) || Surnames.all.contains(form)
                if !capitalised && (!knownName || NameWords.all.contains(form) || CommonWords.all.contains(form)) { break }
                let end = word.index(word.endIndex, offsetBy: -length)
                found.append((Self.particlesBefore(word.startIndex, in: text)..<end, number))
                break
            }
        }
        return found
    }

    /// Where the particles just before a surname start (`De` of `De Vries`, `van der` of `van der Meer`); a
    /// first name keeps its preposition (`de zoon van Fatima`).
    static func particlesBefore(_ start: String.Index, in text: String) -> String.Index {
        let name = text[start...].prefix { $0.isLetter }.lowercased()
        if FirstNames.all.contains(name) && !Surnames.all.contains(name) { return start }
        var begin = start
        while begin > text.startIndex {
            let before = text[..<begin]
            guard before.last == " " else { break }
            let word = before.dropLast().reversed().prefix { $0.isLetter || $0 == "'" || $0 == "’" }
            guard !word.isEmpty, NameDetector.particles.contains(String(word.reversed()).lowercased()
                .trimmingCharacters(in: CharacterSet(charactersIn: "'’"))) else { break }
            begin = text.index(begin, offsetBy: -(word.count + 1))
        }
        return begin
    }

    /// The word itself, then without a possessive ending (with how many characters the ending has; a
    /// joined `s` stays inside the mask).
    private static func forms(of lower: String) -> [(String, Int)] {
        var forms = [(lower, 0)]
        for suffix in ["'s", "’s", "'", "’"] where lower.hasSuffix(suffix) {
            forms.append((String(lower.dropLast(suffix.count)), suffix.count))
        }
        if lower.count > 3, lower.hasSuffix("s") { forms.append((String(lower.dropLast()), 0)) }
        return forms
    }

    /// The words that identify a person: lower case, without titles, initials, particles and possessive.
    static func words(of name: String) -> [String] {
        tokens(of: name).compactMap { token -> String? in
            var lower = token.lowercased()
            for suffix in ["'s", "’s", "'", "’"] where lower.hasSuffix(suffix) { lower = String(lower.dropLast(suffix.count)) }
            guard lower.count >= 2, !NameDetector.titles.contains(lower), !NameDetector.particles.contains(lower),
                  !CommonWords.all.contains(lower), !NotPeople.all.contains(lower), !NotPeople.openers.contains(lower),
                  token.contains(where: \.isLowercase) else { return nil }
            return lower
        }
    }

    /// Letters with inner apostrophes and hyphens (the name detector's words), without a trailing hyphen.
    private static func tokens(of text: String) -> [Substring] {
        let tokens = Token.words(of: text).map(\.text)
        return tokens.map { token in
            var end = token.endIndex
            while end > token.startIndex, "-".contains(token[token.index(before: end)]) { end = token.index(before: end) }
            return token[token.startIndex..<end]
        }
    }
}

enum RedactionPreviewSupport {
    /// A word at the start of a sentence before a plural or a comma: `Lieve collega's`, `Lieve allemaal,`.
    static func opensGreeting(_ word: Substring, in text: String) -> Bool {
        guard startsSentence(word.startIndex, in: text) else { return false }
        let rest = text[word.endIndex...]
        if rest.first == "," { return true }
        let next = rest.drop { $0 == " " }.prefix { $0.isLetter || $0 == "'" || $0 == "’" }
        guard let first = next.first, first.isLowercase else { return false }
        return next.hasSuffix("'s") || next.hasSuffix("’s") || next.hasSuffix("en") || next == "allemaal" || next == "all"
            || next == "everyone" || next == "iedereen"
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
