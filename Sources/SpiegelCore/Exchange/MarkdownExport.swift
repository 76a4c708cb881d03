import SpiegelContent

/// Readable Markdown: entries grouped by date, prompts in bold, answers quoted, commitments as task lists.
public enum MarkdownExport {
    /// Escapes Markdown's active characters at the start of lines so user text cannot restructure the page.
    static func quote(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { "> " + String($0) }.joined(separator: "\n")
    }

    static func inline(_ text: String) -> String {
        var out = ""
        for character in text {
            if "\\`*_[]<>#|".contains(character) { out.append("\\") }
            out.append(character == "\n" ? " " : character)
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
