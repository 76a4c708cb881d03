/// RFC 4180 CSV: one row per answer, CRLF line ends, UTF-8 with a byte-order mark for spreadsheets.
public enum CSVExport {
    public static let header = ["entry_id", "date", "exercise", "principles", "step_id", "item", "prompt", "answer", "rating"]

    static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
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
