/// Lays text out for a terminal window: every line longer than the width is wrapped at word boundaries
/// (by display width), continuation lines hanging under the text of a list item, a numbered option or a
/// column, so the marker or id stays on the left (a column too far right for half the width hangs four
/// columns in instead). Without a width (not a terminal) text is left alone.
struct TextLayout: Sendable {
    /// Columns available; nil leaves text as it is.
    let width: Int?

    func lay(_ text: String) -> String {
        guard let width, width >= 20 else { return text }
        var out: [Substring] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if DisplayWidth.of(line) <= width { out.append(line) } else { out += Self.wrap(line, width: width).map { $0[...] } }
        }
        return out.joined(separator: "\n")
    }

    /// A line's pieces: each word with the spaces before it.
    private struct Piece {
        var gap: Substring
        var word: Substring
    }

    static func wrap(_ line: Substring, width: Int) -> [String] {
        let hang = hangingIndent(line, width: width)
        var pieces: [Piece] = []
        var index = line.startIndex
        while index < line.endIndex {
            let wordStart = line[index...].firstIndex { $0 != " " } ?? line.endIndex
            let wordEnd = line[wordStart...].firstIndex(of: " ") ?? line.endIndex
            pieces.append(Piece(gap: line[index..<wordStart], word: line[wordStart..<wordEnd]))
            index = wordEnd
        }
        var lines: [String] = []
        var current = ""
        var used = 0
        var hasWord = false
        let pad = String(repeating: " ", count: hang)
        for piece in pieces {
            let gapWidth = piece.gap.count
            let wordWidth = DisplayWidth.of(piece.word)
            if hasWord && used + gapWidth + wordWidth > width {
                lines.append(current)
                current = pad
                used = hang
                hasWord = false
                if hang + wordWidth > width {
                    append(split(piece.word, first: width - hang, rest: width - hang), hanging: pad, to: &lines, &current, &used)
                } else {
                    current += piece.word
                    used += wordWidth
                }
                hasWord = !piece.word.isEmpty
                continue
            }
            if used + gapWidth + wordWidth > width {
                current += piece.gap
                used += gapWidth
                append(split(piece.word, first: max(1, width - used), rest: width - hang), hanging: pad, to: &lines, &current, &used)
            } else {
                current += piece.gap + piece.word
                used += gapWidth + wordWidth
            }
            hasWord = hasWord || !piece.word.isEmpty
        }
        lines.append(current)
        return lines.map { line in
            var trimmed = line
            while trimmed.hasSuffix(" ") { trimmed.removeLast() }
            return trimmed
        }
    }

    /// Adds the chunks of a word too long for a line: the first to the current line, each next on a new one.
    private static func append(_ chunks: [String], hanging pad: String, to lines: inout [String], _ current: inout String,
                               _ used: inout Int) {
        for (number, chunk) in chunks.enumerated() {
            if number > 0 {
                lines.append(current)
                current = pad
                used = pad.count
            }
            current += chunk
            used += DisplayWidth.of(chunk)
        }
    }

    /// A word cut into pieces that fit (`first` columns, then `rest`), never inside a character.
    static func split(_ word: Substring, first: Int, rest: Int) -> [String] {
        var chunks: [String] = []
        var chunk = ""
        var used = 0
        var limit = max(1, first)
        for character in word {
            let columns = DisplayWidth.of(String(character))
            if used + columns > limit && !chunk.isEmpty {
                chunks.append(chunk)
                chunk = ""
                used = 0
                limit = max(1, rest)
            }
            chunk.append(character)
            used += columns
        }
        if !chunk.isEmpty { chunks.append(chunk) }
        return chunks
    }

    /// Where continuation lines start: under the text after a list marker ("- ", "• ", "1. ", "[3] ",
    /// "← "), under the second column of a line laid out in columns (two or more spaces after the first
    /// words, as in `--journal <dir>  The journal…`), else under the line's own indentation. Never more than half the width.
    static func hangingIndent(_ line: Substring, width: Int) -> Int {
        let plain = Self.plain(line)
        let indent = plain.prefix { $0 == " " }.count
        let rest = plain.dropFirst(indent)
        var hang = indent
        if let marker = ["- ", "• ", "* ", "← ", "→ "].first(where: { rest.hasPrefix($0) }) {
            hang = indent + marker.count
        } else if let match = rest.firstMatch(of: /^(\d{1,3}[.)]|\[\d{1,3}\]) +/) {
            hang = indent + match.output.0.count
        } else if let match = rest.firstMatch(of: /^\S+(?: \S+)*?( {2,})(?=\S)/) {
            hang = indent + DisplayWidth.of(match.output.0)
        }
        return hang <= width / 2 ? hang : min(indent + 4, width / 2)
    }

    /// The line without colour escapes.
    static func plain(_ line: Substring) -> String {
        guard line.contains("\u{1B}") else { return String(line) }
        return String(line).replacing(/\x{1B}\[[0-9;]*[A-Za-z]/, with: "")
    }
}
