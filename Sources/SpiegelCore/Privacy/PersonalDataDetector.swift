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
    /// Words that, just before a match, say it is something else (`KvK 12345678`, `artikel TX-400-B`).
    var rejects: Set<String> = []

    func ranges(in text: ScannedText) -> [NSRange] {
        guard applies(text) else { return [] }
        return patterns.flatMap { pattern in
            pattern.matches(in: text).compactMap { match -> NSRange? in
                let range = match.numberOfRanges > 1 && match.range(at: 1).location != NSNotFound
                    ? match.range(at: 1) : match.range
                guard accepts(text.substring(range)) else { return nil }
                if !rejects.isEmpty, ContextWords.rejected(before: range, in: text, by: rejects) { return nil }
                return range
            }
        }
    }
}

/// A detector whose numbers count only in a text that names them (`BSN`, `rijksregisternummer`) somewhere:
/// a number of the right length there is masked whatever its check digit (`burgerservicenummer … stond
/// verkeerd: 786579745`).
struct NamedNumberDetector: PersonalDataDetector {
    let kind: PersonalDataKind
    let label: Pattern
    let number: Pattern
    let digits: Int

    func ranges(in text: ScannedText) -> [NSRange] {
        guard text.hasDigit, label.regex.firstMatch(in: text.string, range: text.whole) != nil else { return [] }
        return number.matches(in: text).map(\.range).filter { text.substring($0).filter(\.isASCIIDigit).count == digits }
    }
}

/// The words that mark a number or a code as something other than personal data when they stand just
/// before it.
enum ContextWords {
    /// Company, tax, order and ticket numbers: not a phone number.
    static let notPhone: Set<String> = [
        "kvk", "kvk-nummer", "btw", "btw-nummer", "ondernemingsnummer", "ondernemingsnr", "vat", "company",
        "factuur", "factuurnummer", "invoice", "order", "ordernummer", "bestelling", "bestelnummer", "artikel",
        "artikelnummer", "ticket", "ticketnummer", "dossier", "dossiernummer", "zaak", "zaaknummer", "referentie",
        "kenmerk", "reference", "ref", "case", "registratienummer", "registration", "pakket", "track", "tracking",
        "zending", "serienummer", "serial",
    ]
    /// Products, models and codes: not a licence plate.
    static let notPlate: Set<String> = [
        "product", "productcode", "artikel", "artikelnummer", "code", "type", "model", "typenummer", "onderdeel",
        "part", "item", "ticket", "bon", "sku", "serie", "serienummer", "versie", "version", "formulier", "form",
        "kamer", "room", "lokaal",
    ]

    /// One of `words` among the two words before `range`, or a compound of one among the five before
    /// it (`ticketcode van de monteur is TX-400-B`).
    static func rejected(before range: NSRange, in text: ScannedText, by words: Set<String>) -> Bool {
        let before = self.words(before: range, in: text, count: 5)
        if before.suffix(2).contains(where: words.contains) { return true }
        return before.contains { word in ["code", "ticket", "artikel", "product", "model", "serie"].contains { word.contains($0) } }
            && words.contains("code")
    }

    /// Up to `count` words (lower case, letters, digits and hyphens) before `range`.
    static func words(before range: NSRange, in text: ScannedText, count: Int) -> [String] {
        let before = text.substring(NSRange(location: 0, length: range.location))
        return before.split { !($0.isLetter || $0.isNumber || $0 == "-") }.suffix(count).map { $0.lowercased() }
    }
}
