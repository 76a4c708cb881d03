import SpiegelContent

/// Readable Markdown: entries grouped by date, prompts in bold, answers quoted, commitments as task lists.
public enum MarkdownExport {
    /// A person's text as a block quote, every line escaped: it cannot start a heading, a rule, a list,
    /// a table or raw HTML.
    static func quote(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { "> " + escape(String($0).replacingOccurrences(of: "\r", with: "")) }.joined(separator: "\n")
    }

    /// A person's text on one line, escaped.
    static func inline(_ text: String) -> String {
        escape(text.replacingOccurrences(of: "\r\n", with: " ").replacingOccurrences(of: "\n", with: " ")
            .replacingOccurrences(of: "\r", with: " "))
    }

    /// Backslash before every ASCII punctuation character (CommonMark renders each as itself), and leading
    /// spaces kept as no-break spaces so that indentation cannot make a code block.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count + 8)
        var leading = true
        for character in text {
            if leading && character == " " {
                out += "&#32;"
                continue
            }
            leading = false
            if character.isASCII, character.isPunctuation || character.isSymbol { out.append("\\") }
            out.append(character)
        }
        return out
    }

    public static func render(_ entries: [Entry], title: String, exportedAt: String, language: Language) -> String {
        let nl = language == .nl
        var out = "# \(inline(title))\n\n_\(nl ? "Geëxporteerd op" : "Exported") \(exportedAt) · \(entries.count) \(nl ? "notities" : "entries")_\n"
        var currentDay = ""
        for entry in entries {
            let day = entry.day?.description ?? String(entry.startedAt.prefix(10))
            if day != currentDay {
                out += "\n## \(day)\n"
                currentDay = day
            }
            out += "\n### \(inline(entry.exerciseTitle)) (`\(entry.exercise)`)\n\n"
            out += "_\(entry.principles.joined(separator: ", ")) · \(entry.id)_\n"
            for answer in entry.answers {
                out += "\n**\(inline(answer.prompt))**\n\n"
                if answer.skipped == true {
                    out += "_(\(nl ? "overgeslagen" : "skipped"))_\n"
                } else if let items = answer.items {
                    out += items.map { "> - " + inline($0) }.joined(separator: "\n") + "\n"
                } else if let rating = answer.rating {
                    out += "> \(rating) / 5\n"
                } else {
                    out += quote(answer.plainText) + "\n"
                }
            }
            if !entry.commitments.isEmpty {
                out += "\n**\(nl ? "Afspraken" : "Commitments")**\n\n"
                for commitment in entry.commitments {
                    let box = commitment.status == .done ? "x" : " "
                    out += "- [\(box)] \(inline(commitment.action)) (\(commitment.due), \(commitment.status.rawValue))\n"
                }
            }
            for note in entry.coachNotes ?? [] {
                out += "\n_\(nl ? "Coach" : "Coach") \(inline(note.author)):_ \(inline(note.text))\n"
            }
        }
        return out
    }
}
