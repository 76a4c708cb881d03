import Foundation

/// Masks personal data in what a person typed before it leaves the machine: each kind replaced by its
/// label (`[phone]`, `[email]`, `[iban]`, `[bsn]`, `[national number]`, `[postcode]`, `[address]`,
/// `[date of birth]`, `[plate]`, `[name]`), names from the word list included. Text is normalised to NFC.
public struct Redactor: Sendable {
    public let words: WordList
    private let detectors: [any PersonalDataDetector]

    /// The detectors in order of precedence: where two find overlapping text, the earlier one wins.
    public init(words: WordList = WordList(lines: [])) {
        self.words = words
        detectors = [
            EmailDetector.detector, LabelledNumberDetector.iban, IBANDetector(), DateOfBirthDetector.detector,
            LabelledNumberDetector.nationalNumber, NationalNumberDetector.detector, LabelledNumberDetector.namedNationalNumber,
            LabelledNumberDetector.bsn, BSNDetector.detector, LabelledNumberDetector.namedBSN, PhoneDetector.detector, PlateDetector.detector, AddressDetector.detector,
        ] + PostcodeDetector.detectors + [
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

    /// The entry with every typed text (`Entry.typedTexts`) redacted with the plain labels; an export
    /// numbers its masks through `ExportRedaction`.
    public func redact(_ entry: Entry) -> Entry {
        entry.mappingTypedTexts { _, text in redact(text) }
    }
}

/// One masked stretch of a text.
public struct RedactedSpan: Sendable, Hashable {
    public var kind: PersonalDataKind
    public var range: Range<String.Index>
}
