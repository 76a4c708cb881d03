import Foundation

/// Names (or any words) the person wants masked, one a line, from a `--redact-words` file: UTF-8 with or
/// without a byte-order mark, normalised to NFC, matched case-insensitively with any run of spaces between
/// the parts, each part of a multi-word name on its own (`Pieter`, `de Vries` and `Vries` for
/// `Pieter de Vries`; particles alone are not masked) and possessive forms (`Jansens`, `Jansen's`).
/// Empty lines and lines starting with `#` are skipped.
public struct WordList: Sendable, Hashable {
    /// The entries as read: NFC, trimmed, inner spaces collapsed.
    public let entries: [String]

    public init(lines: [String]) {
        entries = lines.compactMap { line in
            var text = line.precomposedStringWithCanonicalMapping
            if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
            let parts = text.split(whereSeparator: \.isWhitespace)
            guard let first = parts.first, !first.hasPrefix("#") else { return nil }
            return parts.joined(separator: " ")
        }
    }

    /// Reads a word-list file's bytes; UTF-16 and bytes that are not UTF-8 are refused.
    public init(data: Data) throws(WordListError) {
        if data.starts(with: [0xFF, 0xFE]) || data.starts(with: [0xFE, 0xFF]) { throw .utf16 }
        guard let text = String(data: data, encoding: .utf8) else { throw .notUTF8 }
        self.init(lines: text.components(separatedBy: .newlines))
    }

    /// Every form to look for, longest first: whole entries, particle-led tails and single parts.
    var forms: [String] {
        var forms: Set<String> = []
        for entry in entries {
            let parts = entry.split(separator: " ").map(String.init)
            forms.insert(entry)
            for (index, part) in parts.enumerated()
            where index > 0 && NameDetector.particles.contains(part.lowercased()) {
                forms.insert(parts[index...].joined(separator: " "))
            }
            for part in parts where !NameDetector.particles.contains(part.lowercased()) {
                let letters = part.filter(\.isLetter)
                if letters.count >= 2 { forms.insert(part) }
            }
        }
        return forms.sorted { ($0.count, $0) > ($1.count, $1) }
    }
}

/// Why a word-list file could not be read.
public enum WordListError: Error, Sendable, Hashable {
    case utf16
    case notUTF8
}

/// Masks the entries of a word list as `[name]`.
struct WordListDetector: PersonalDataDetector {
    let pattern: Pattern?

    init(_ list: WordList) {
        let forms = list.forms
        guard !forms.isEmpty else { pattern = nil; return }
        let alternatives = forms.map { form in
            form.split(separator: " ").map { part in
                let apostrophes = part.replacingOccurrences(of: "’", with: "'")
                return Self.looseLetters(NSRegularExpression.escapedPattern(for: apostrophes))
            }.joined(separator: #"\s+"#)
        }
        pattern = Pattern(Pattern.before + "(?:" + alternatives.joined(separator: "|") + #")(?:['’]s|['’]|s)?"#
                            + Pattern.after, caseInsensitive: true)
    }

    var kind: PersonalDataKind { .name }

    /// Either apostrophe, and every Turkish i (`Yılmaz`, `YILMAZ`, `Yilmaz`), matches the others.
    private static func looseLetters(_ pattern: String) -> String {
        var result = ""
        for character in pattern {
            switch character {
            case "'": result += "['’]"
            case "i", "I", "ı", "İ": result += "[iIıİ]"
            default: result.append(character)
            }
        }
        return result
    }

    func ranges(in text: ScannedText) -> [NSRange] {
        pattern?.matches(in: text).map(\.range) ?? []
    }
}
