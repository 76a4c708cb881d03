import SpiegelContent

/// Readable Markdown: entries grouped by date (newest first), prompts in bold, answers quoted, commitments
/// as task lists with their history and check-ins. Words come from the caller; written an entry at a time.
public enum MarkdownExport {
    /// A person's text as a block quote, every line escaped: it cannot start a heading, a rule, a list,
    /// a table or raw HTML.
    static func quote(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { "> " + escape(String($0).replacingOccurrences(of: "\r", with: "")) }.joined(separator: "\n")
    }

    /// A person's text on one line, escaped: each line end (CR LF, LF or CR) becomes a space.
    static func inline(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 10 || $0 == 13 }) else { return escape(text) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var afterCR = false
        for byte in text.utf8 {
            if byte == 10 && afterCR { afterCR = false; continue }
            afterCR = byte == 13
            bytes.append(byte == 10 || byte == 13 ? 32 : byte)
        }
        return escape(String(decoding: bytes, as: UTF8.self))
    }

    /// A backslash only where CommonMark (and GitHub's tables and strikethrough) would read a character as
    /// markup: `\` `` ` `` `*` `_` `[` `]` `<` `>` `|` `~` anywhere, `!` before `[`, `&` before what could be an
    /// entity, and at the start `#` `+` `-` `=` and the `.` or `)` (before a space) after a number, which would make a heading,
    /// a list or a rule. Dates, times and ordinary punctuation stay as typed (`2026-03-07T10:00`). Leading
    /// spaces become `&#32;` so that indentation cannot make a code block.
    static func escape(_ text: String) -> String {
        let bytes = Array(text.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 8)
        var index = 0
        while index < bytes.count, bytes[index] == 0x20 {
            out += "&#32;".utf8
            index += 1
        }
        let start = index
        // A number at the start followed by "." or ")" would be an ordered list.
        var digitsEnd = start
        while digitsEnd < bytes.count, (0x30...0x39).contains(bytes[digitsEnd]) { digitsEnd += 1 }
        while index < bytes.count {
            let byte = bytes[index]
            let next = index + 1 < bytes.count ? bytes[index + 1] : 0
            let always: Set<UInt8> = [0x5C, 0x60, 0x2A, 0x5F, 0x5B, 0x5D, 0x3C, 0x3E, 0x7C, 0x7E]
            var escaped = always.contains(byte)
            if byte == 0x21 && next == 0x5B { escaped = true }
            if byte == 0x26 && (next == 0x23 || (0x41...0x5A).contains(next) || (0x61...0x7A).contains(next)) { escaped = true }
            if index == start && [0x23, 0x2B, 0x2D, 0x3D].contains(byte) { escaped = true }
            if index == digitsEnd && digitsEnd > start && (byte == 0x2E || byte == 0x29) && [0, 0x20, 0x09].contains(next) { escaped = true }
            if escaped { out.append(0x5C) }
            out.append(byte)
            index += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The whole document as one string (small exports and tests); `write` is the same text in pieces.
    public static func render(_ entries: [Entry], exportedAt: String, words: ExportWords) -> String {
        var out = ""
        write(entries, count: entries.count, exportedAt: exportedAt, words: words, to: { out += $0 })
        return out
    }

    /// Writes the document to `emit` an entry at a time, reading `entries` (newest first) as it goes.
    public static func write<Entries: Sequence<Entry>, Failure: Error>(
        _ entries: Entries, count: Int, exportedAt: String, words: ExportWords,
        to emit: (String) throws(Failure) -> Void) throws(Failure) {
        try emit("# \(inline(words.title))\n\n_\(inline(words.exported)) \(inline(exportedAt)) · \(inline(words.countEntries(count)))_\n")
        var currentDay = ""
        for entry in entries {
            var out = ""
            let day = entry.day.map(words.date) ?? String(entry.startedAt.prefix(10))
            if day != currentDay {
                out += "\n## \(inline(day))\n"
                currentDay = day
            }
            out += section(entry, words: words)
            try emit(out)
        }
    }

    /// One entry: title, principles and id, each answer under its prompt, commitments with their history.
    static func section(_ entry: Entry, words: ExportWords) -> String {
        var out = "\n### \(inline(entry.exerciseTitle)) (`\(entry.exercise)`)\n\n"
        out += "_\(inline(entry.principles.map(words.name(ofPrinciple:)).joined(separator: ", "))) · \(entry.id)_\n"
        for answer in entry.answers {
            out += "\n**\(inline(answer.prompt))**\n\n"
            if answer.skipped == true {
                out += "_(\(inline(words.skipped)))_\n"
            } else if let items = answer.items {
                out += items.map { "> - " + inline($0) }.joined(separator: "\n") + "\n"
            } else if let rating = answer.rating {
                out += "> \(rating) / 5\n"
            } else if let plan = answer.ifThenPlan(entryLanguage: entry.language)?.sentence {
                out += "> " + inline(plan) + (answer.due.map { " (\(inline(words.date($0))))" } ?? "") + "\n"
            } else {
                out += quote(answer.plainText) + "\n"
            }
        }
        if !entry.commitments.isEmpty {
            out += "\n**\(inline(words.commitments))**\n\n"
            for commitment in entry.commitments { out += self.commitment(commitment, language: entry.language, words: words) }
        }
        for note in entry.coachNotes ?? [] {
            out += "\n_\(inline(words.coach)) \(inline(note.author)):_ \(inline(note.text))\n"
        }
        return out
    }

    /// A task-list item (`[x]` when done) with the plan, due day and status; under it each change of
    /// status with its reflection, and under that the check-in's answers.
    static func commitment(_ commitment: Commitment, language: Language, words: ExportWords) -> String {
        // A task box for what is open or done; a dropped one is no task any more.
        let box = switch commitment.status { case .done: "[x] "; case .dropped: ""; case .open, .moved: "[ ] " }
        var out = "- \(box)\(inline(words.plan(commitment, entryLanguage: language))) (\(inline(words.due)) \(inline(words.date(commitment.due))), "
            + "\(inline(words.name(of: commitment.status))))\n"
        for event in commitment.history where !event.isBare {
            let day = ExportWords.day(event.at)
            out += "  - \(inline(CalendarDay(day).map(words.date) ?? day)) · \(inline(words.headline(of: event)))"
            if let reflection = event.reflection, !reflection.isEmpty { out += ": " + inline(reflection) }
            out += "\n"
            for field in event.checkIn.map(words.fields(of:)) ?? [] {
                out += "    - \(inline(field.label)): \(inline(field.text))\n"
            }
        }
        return out
    }
}
