import Foundation

/// RFC 4180 CSV: one row per answer, commitment and commitment event (see `write`), CRLF line ends, UTF-8
/// with a byte-order mark for spreadsheets.
public enum CSVExport {
    public static let header = [
        "entry_id", "date", "exercise", "principles", "step_id", "item", "prompt", "answer", "rating",
        "record", "commitment_id", "situation", "action", "due", "status",
        "event_at", "event_status", "event_due", "reflection", "did", "reaction", "learned", "next", "barriers", "why",
    ]

    /// One cell. Text a spreadsheet would take for a formula (starting with `=`, `+`, `-`, `@`, a tab or a
    /// carriage return, as OWASP lists them) or for a number it would strip (a leading zero: `0612345678`)
    /// gets a leading `'`, so that it stays the text that was typed; then RFC 4180 quoting.
    static func field(_ text: String, delimiter: Character = ",") -> String {
        var cell = text
        if let first = text.unicodeScalars.first {
            let formula = "=+-@\t\r".unicodeScalars.contains(first) || first == "\u{FF1D}" || first == "\u{FE62}"
            let zeroLed = text.count > 1 && first == "0" && text.unicodeScalars.dropFirst().first.map { CharacterSet.decimalDigits.contains($0) } == true
            if formula || zeroLed { cell = "'" + text }
        }
        guard cell.contains(where: { $0 == "," || $0 == delimiter || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == ";" || $0 == "'" }) else { return cell }
        return "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// The whole file as one string (small exports and tests); `write` is the same file in pieces.
    public static func render(_ entries: [Entry], barrierNames: [String: String] = [:], delimiter: Character = ",") -> String {
        var out = ""
        write(entries, barrierNames: barrierNames, delimiter: delimiter, to: { out += $0 })
        return out
    }

    /// Writes the file to `emit` an entry at a time: a row per answer (`record` = `answer`), then for each
    /// commitment a row with its plan and status (`commitment`) and a row per change of status with the
    /// reflection and check-in answers (`event`; not the one that only records its making); barriers by their labels in `barrierNames`.
    /// A commitment's `answer` is its plan as one sentence (`IfThenPlan`); `situation` and `action` are as typed.
    /// `delimiter`: `,`, or `;` for spreadsheets that read a comma as the decimal sign (Dutch ones).
    public static func write<Entries: Sequence<Entry>, Failure: Error>(
        _ entries: Entries, barrierNames: [String: String], delimiter: Character = ",",
        to emit: (String) throws(Failure) -> Void) throws(Failure) {
        let separator = String(delimiter)
        try emit("\u{FEFF}" + header.joined(separator: separator) + "\r\n")
        for entry in entries {
            var out = ""
            func row(_ cells: [String]) {
                out += (cells + [String](repeating: "", count: header.count - cells.count)).map { field($0, delimiter: delimiter) }
                    .joined(separator: separator) + "\r\n"
            }
            let start = [entry.id, entry.day?.description ?? "", entry.exercise, entry.principles.joined(separator: " ")]
            for answer in entry.answers {
                row(start + [
                    answer.stepId, answer.itemText ?? "", answer.prompt,
                    answer.skipped == true ? "" : answer.ifThenPlan(entryLanguage: entry.language).map { plan in
                        plan.sentence + (answer.due.map { " (\($0))" } ?? "")
                    } ?? answer.items?.joined(separator: "\n") ?? answer.plainText,
                    answer.rating.map(String.init) ?? "", "answer",
                ])
            }
            for commitment in entry.commitments {
                let sentence = IfThenPlan(commitment, entryLanguage: entry.language).sentence
                let plan = start + [commitment.stepId, "", "", sentence, "", "commitment", commitment.id, commitment.situation ?? "",
                                    commitment.action, commitment.due.description, commitment.status.rawValue]
                row(plan)
                for event in commitment.history where !event.isBare {
                    let answers = event.checkIn
                    row(Array(plan.dropLast(6)) + ["event"] + plan.suffix(5) + [
                        event.at, event.status.rawValue, event.due?.description ?? "", event.reflection ?? "",
                        answers?.did ?? "", answers?.reaction ?? "", answers?.learned ?? "", answers?.next ?? "",
                        (answers?.barriers ?? []).map { barrierNames[$0] ?? $0 }.joined(separator: "; "), answers?.why ?? "",
                    ])
                }
            }
            try emit(out)
        }
    }
}
