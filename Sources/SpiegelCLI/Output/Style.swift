/// Text styling, decided once per session: plain when colours are off.
public struct Style: Sendable {
    public let enabled: Bool

    public init(enabled: Bool) {
        self.enabled = enabled
    }

    private func wrap(_ text: String, _ code: String) -> String {
        enabled ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }

    public func bold(_ text: String) -> String { wrap(text, "1") }
    public func dim(_ text: String) -> String { wrap(text, "2") }
    public func accent(_ text: String) -> String { wrap(text, "36") }
    public func good(_ text: String) -> String { wrap(text, "32") }
    public func warn(_ text: String) -> String { wrap(text, "33") }
    public func bad(_ text: String) -> String { wrap(text, "31") }
}

/// Makes user text safe to print to a terminal: control characters and escape sequences become visible
/// (`^[`, `\u{7f}`), newlines and tabs stay.
public enum TerminalSafe {
    public static func visible(_ text: String, keepNewlines: Bool = true) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x0A where keepNewlines, 0x09:
                out.unicodeScalars.append(scalar)
            case 0x00..<0x20:
                out += "^" + String(UnicodeScalar(UInt8(scalar.value + 0x40)))
            case 0x7F:
                out += "^?"
            case _ where (0x80..<0xA0).contains(scalar.value) || isInvisible(scalar):
                out += "\\u{\(String(scalar.value, radix: 16))}"
            default:
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// The escape sequences Spiegel writes itself: its colours (SGR 0, 1, 2, 31, 32, 33, 36) and erase to
    /// the end of the line. Nothing else with an ESC reaches a terminal through `Console.write`.
    static let ownSequences: Set<String> = ["[0m", "[1m", "[2m", "[31m", "[32m", "[33m", "[36m", "[K"]

    /// The last line of defence before a terminal: every control character becomes visible, except
    /// newlines, tabs, carriage returns and Spiegel's own sequences (`ownSequences`). Applied by `Console`
    /// to everything written to a terminal, so text from files cannot drive the terminal.
    public static func forTerminal(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0.value < 0x20 && $0 != "\n" && $0 != "\t" || (0x7F..<0xA0).contains($0.value)
            || isInvisible($0) }) else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count)
        let scalars = Array(text.unicodeScalars)
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "\u{1B}", let length = ownSequenceLength(scalars, from: index + 1) {
                out.unicodeScalars.append(contentsOf: scalars[index...(index + length)])
                index += length + 1
                continue
            }
            if scalar == "\r" {
                out.unicodeScalars.append(scalar)
            } else {
                out += visible(String(scalar))
            }
            index += 1
        }
        return out
    }

    /// Bidi controls, zero-width spaces and the Unicode line and paragraph separators: shown as `\u{...}` so
    /// that text cannot reorder or hide what is around it (the joiners U+200C and U+200D, which emoji and
    /// several scripts need, stay).
    static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x061C, 0x200B, 0x200E, 0x200F, 0x2028...0x202E, 0x2060, 0x2066...0x2069, 0xFEFF: true
        default: false
        }
    }

    private static func ownSequenceLength(_ scalars: [Unicode.Scalar], from start: Int) -> Int? {
        var candidate = ""
        var index = start
        while index < scalars.count, index - start < 4 {
            candidate.unicodeScalars.append(scalars[index])
            if ownSequences.contains(candidate) { return candidate.unicodeScalars.count }
            index += 1
        }
        return nil
    }
}
