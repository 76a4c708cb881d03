import Foundation

/// Masks personal data in what a person typed before it leaves the machine: each kind replaced by its
/// label (`[phone]`, `[email]`, `[iban]`, `[bsn]`, `[postcode]`, `[address]`, `[date of birth]`,
/// `[plate]`, `[name]`), names from the word list included. Text is normalised to NFC.
public struct Redactor: Sendable {
    public let words: WordList
    private let detectors: [any PersonalDataDetector]

    /// The detectors in order of precedence: where two find overlapping text, the earlier one wins.
    public init(words: WordList = WordList(lines: [])) {
        self.words = words
        detectors = [
            EmailDetector.detector, IBANDetector(), DateOfBirthDetector.detector, BSNDetector.detector,
            PhoneDetector.detector, PostcodeDetector.detector, PlateDetector.detector, AddressDetector.detector,
            WordListDetector(words), NameDetector(),
        ]
    }

    public init(words: [String]) {
        self.init(words: WordList(lines: words))
    }

    /// The spans to mask in `text`, in order and without overlaps.
    public func spans(in text: String) -> (text: String, spans: [RedactedSpan]) {
        let scanned = ScannedText(text)
        var taken: [(range: NSRange, kind: PersonalDataKind)] = []
        for detector in detectors {
            for range in detector.ranges(in: scanned) where range.length > 0 {
                guard !taken.contains(where: { NSIntersectionRange($0.range, range).length > 0 }) else { continue }
                taken.append((range, detector.kind))
            }
        }
        let spans = taken.sorted { $0.range.location < $1.range.location }.map { found in
            RedactedSpan(kind: found.kind, range: Range(found.range, in: scanned.string)!)
        }
        return (scanned.string, spans)
    }

    public func redact(_ text: String) -> String {
        let (normalised, spans) = self.spans(in: text)
        guard !spans.isEmpty else { return normalised }
        var result = ""
        var position = normalised.startIndex
        for span in spans {
            result += normalised[position..<span.range.lowerBound]
            result += span.kind.label
            position = span.range.upperBound
        }
        result += normalised[position...]
        return result
    }

    /// The entry with everything the person typed redacted: answers, list items and their follow-ups (with
    /// the prompts that quote the item), commitments and their reflections, and coach notes.
    public func redact(_ entry: Entry) -> Entry {
        var copy = entry
        copy.answers = entry.answers.map { answer in
            var redacted = answer
            redacted.text = answer.text.map(redact)
            redacted.items = answer.items?.map(redact)
            redacted.itemText = answer.itemText.map(redact)
            redacted.action = answer.action.map(redact)
            // A prompt is the exercise's text, except for follow-ups, which hold the list item typed.
            if answer.itemText != nil { redacted.prompt = redact(answer.prompt) }
            return redacted
        }
        copy.commitments = entry.commitments.map { commitment in
            var redacted = commitment
            redacted.action = redact(commitment.action)
            redacted.history = commitment.history.map { event in
                var changed = event
                changed.reflection = event.reflection.map(redact)
                return changed
            }
            return redacted
        }
        copy.coachNotes = entry.coachNotes?.map { CoachNote(author: $0.author, at: $0.at, text: redact($0.text)) }
        return copy
    }

    /// Every text of an entry that a person typed, for the preview.
    static func typedTexts(of entry: Entry) -> [String] {
        var texts: [String] = []
        for answer in entry.answers {
            texts += [answer.text, answer.itemText, answer.action].compactMap { $0 } + (answer.items ?? [])
        }
        for commitment in entry.commitments {
            texts.append(commitment.action)
            texts += commitment.history.compactMap(\.reflection)
        }
        texts += (entry.coachNotes ?? []).map(\.text)
        return texts
    }
}

/// One masked stretch of a text.
public struct RedactedSpan: Sendable, Hashable {
    public var kind: PersonalDataKind
    public var range: Range<String.Index>
}
