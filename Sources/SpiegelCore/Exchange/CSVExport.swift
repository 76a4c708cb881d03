import Foundation

/// RFC 4180 CSV: one row per answer, CRLF line ends, UTF-8 with a byte-order mark for spreadsheets.
public enum CSVExport {
    public static let header = ["entry_id", "date", "exercise", "principles", "step_id", "item", "prompt", "answer", "rating"]

    /// One cell. Text a spreadsheet would take for a formula (starting with `=`, `+`, `-`, `@`, a tab or a
    /// carriage return, as OWASP lists them) or for a number it would strip (a leading zero: `0612345678`)
    /// gets a leading `'`, so that it stays the text that was typed; then RFC 4180 quoting.
    static func field(_ text: String) -> String {
        var cell = text
        if let first = text.unicodeScalars.first {
            let formula = "=+-@\t\r".unicodeScalars.contains(first) || first == "\u{FF1D}" || first == "\u{FE62}"
            let zeroLed = text.count > 1 && first == "0" && text.unicodeScalars.dropFirst().first.map { CharacterSet.decimalDigits.contains($0) } == true
            if formula || zeroLed { cell = "'" + text }
        }
        guard cell.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == ";" || $0 == "'" }) else { return cell }
        return "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    public static func render(_ entries: [Entry]) -> String {
        var out = "\u{FEFF}" + header.joined(separator: ",") + "\r\n"
        for entry in entries {
            for answer in entry.answers {
                let row = [
                    entry.id, entry.day?.description ?? "", entry.exercise, entry.principles.joined(separator: " "),
                    answer.stepId, answer.itemText ?? "", answer.prompt,
                    answer.skipped == true ? "" : (answer.items?.joined(separator: "\n") ?? answer.plainText),
                    answer.rating.map(String.init) ?? "",
                ]
                out += row.map(field).joined(separator: ",") + "\r\n"
            }
        }
        return out
    }
}
