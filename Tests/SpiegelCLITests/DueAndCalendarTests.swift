import Foundation
import Testing

/// `due` for prompts and cron (grep-like exit statuses) and commitments as iCalendar to-dos, read back
/// with Python's icalendar.
@Suite struct DueAndCalendarTests {
    static let env = ["NO_COLOR": "1"]

    /// A journal with three commitments: one due in 3 days, one moved into the past, one done.
    func journal() throws -> Sandbox {
        let sandbox = Sandbox("spiegel-due")
        let block = { (what: String, due: String) in
            "start small-gesture-plan\nat the door\nchair\n\nthe chair\nskip\n\n\(what)\n\(due)\n4\n"
        }
        let input = block("offer water; with a smile, \"always\"", "in 3 days") + block("greet by name", "2026-12-01")
            + block("ask one more question — Één café", "2026-12-02")
        let run = try spiegel(["--now", "2026-11-30"], input: input, sandbox: sandbox, environment: Self.env)
        #expect(run.status == 0, "\(run)")
        return sandbox
    }

    func commitmentIDs(_ sandbox: Sandbox) throws -> [String: String] {
        let run = try spiegel(["commitments", "--json"], sandbox: sandbox, environment: Self.env)
        let list = try #require(try json(run.stdout) as? [[String: Any]])
        return Dictionary(uniqueKeysWithValues: list.compactMap { item in
            (item["action"] as? String).flatMap { action in (item["id"] as? String).map { (String(action.prefix(5)), $0) } }
        })
    }

    @Test func dueExitsLikeGrep() throws {
        let sandbox = try journal()
        let none = try spiegel(["--now", "2026-11-30", "due"], sandbox: sandbox, environment: Self.env)
        #expect(none.status == 1 && none.stdout.isEmpty, "nothing due yet: \(none)")
        let later = try spiegel(["--now", "2026-12-05", "due"], sandbox: sandbox, environment: Self.env)
        #expect(later.status == 0, "\(later)")
        let lines = later.stdout.split(separator: "\n")
        #expect(lines.count == 3, "\(later.stdout)")
        #expect(lines.first?.contains("4 days overdue") == true, "oldest first: \(later.stdout)")
        let count = try spiegel(["--now", "2026-12-02", "due", "--count"], sandbox: sandbox, environment: Self.env)
        #expect(count.status == 0 && count.stdout == "2\n", "\(count)")
        let ids = try commitmentIDs(sandbox)
        #expect(try spiegel(["--now", "2026-12-02", "done", try #require(ids["greet"]), "went well"], sandbox: sandbox).status == 0)
        let after = try spiegel(["--now", "2026-12-02", "due", "--count"], sandbox: sandbox, environment: Self.env)
        #expect(after.stdout == "1\n", "a done commitment is no longer due: \(after)")
        let bad = try spiegel(["due", "--bogus"], sandbox: sandbox, environment: Self.env)
        #expect(bad.status == 64)
        // In the shell (and a script) nothing due is said, not left as silence.
        let inShell = try spiegel(["--now", "2026-11-30", "--lang", "nl"], input: "due\n", sandbox: sandbox, environment: Self.env)
        #expect(inShell.status == 0 && inShell.stdout.contains("Niets te doen"), "\(inShell)")
    }

    /// A journal folder that does not exist (a mistyped --journal) is named, with how to make one, for the
    /// commands that read it; once per session.
    @Test func aMissingJournalFolderIsNamed() throws {
        let sandbox = Sandbox()
        let typo = sandbox.root + "/jornal"
        for command in [["journal"], ["stats"], ["commitments"], ["mirror"], ["drafts"]] {
            let run = try spiegel(["--journal", typo] + command, sandbox: sandbox, environment: Self.env)
            #expect(run.stderr.contains("no journal at \(typo) yet") && run.stderr.contains("spiegel init"), "\(command): \(run)")
        }
        let script = try spiegel(["--journal", typo], input: "journal\nstats\n", sandbox: sandbox, environment: Self.env)
        #expect(script.stderr.components(separatedBy: "no journal at").count == 2, "once per session: \(script)")
        #expect(!FileManager.default.fileExists(atPath: typo), "reading makes no journal")
    }

    @Test func commitmentsAreCalendarTodos() throws {
        guard Python.available, (try? runTool(["python3", "-c", "import icalendar"]))?.status == 0 else {
            try Test.cancel("python3 with icalendar is not available (pip install icalendar)")
        }
        let sandbox = try journal()
        let ids = try commitmentIDs(sandbox)
        #expect(try spiegel(["--now", "2026-12-02", "done", try #require(ids["greet"]), "she smiled"], sandbox: sandbox).status == 0)
        #expect(try spiegel(["--now", "2026-12-02", "dropped", try #require(ids["ask o"])], sandbox: sandbox).status == 0)
        let export = try spiegel(["export", "--format", "ics", "--output", "todo.ics"], sandbox: sandbox, environment: Self.env)
        #expect(export.status == 0, "\(export)")
        let file = sandbox.root + "/todo.ics"
        let raw = try Data(contentsOf: URL(fileURLWithPath: file))
        let lines = String(decoding: raw, as: UTF8.self).components(separatedBy: "\r\n")
        #expect(lines.allSatisfy { $0.utf8.count <= 75 }, "lines folded at 75 octets")
        #expect(!String(decoding: raw, as: UTF8.self).replacingOccurrences(of: "\r\n", with: "").contains("\n"), "CRLF only")
        let parse = """
            import icalendar, json, sys
            cal = icalendar.Calendar.from_ical(open(sys.argv[1], "rb").read())
            out = []
            for todo in cal.walk("VTODO"):
                out.append({"uid": str(todo["UID"]), "summary": str(todo["SUMMARY"]), "status": str(todo["STATUS"]),
                            "due": todo["DUE"].dt.isoformat(), "completed": "COMPLETED" in todo,
                            "description": str(todo.get("DESCRIPTION", ""))})
            print(json.dumps(out))
            """
        let parsed = try runTool(["python3", "-c", parse, file])
        #expect(parsed.status == 0, "icalendar rejects the export: \(parsed)")
        let todos = try #require(try json(parsed.stdout) as? [[String: Any]])
        #expect(todos.count == 3)
        let byStatus = Dictionary(grouping: todos) { $0["status"] as? String ?? "" }
        #expect(byStatus["NEEDS-ACTION"]?.first?["summary"] as? String == "offer water; with a smile, \"always\"", "escaping round-trips")
        #expect(byStatus["COMPLETED"]?.first?["completed"] as? Bool == true)
        #expect(byStatus["COMPLETED"]?.first?["description"] as? String ?? "" == "" ? false : true)
        #expect((byStatus["COMPLETED"]?.first?["description"] as? String)?.contains("she smiled") == true)
        #expect(byStatus["CANCELLED"]?.first?["summary"] as? String == "ask one more question — Één café")
        #expect(Set(todos.compactMap { $0["uid"] as? String }) == Set(ids.values.map { $0 + "@spiegel" }), "one stable UID per commitment")
        // Exporting again gives the same UIDs.
        #expect(try spiegel(["export", "--format", "ics", "--output", "again.ics"], sandbox: sandbox).status == 0)
        let again = try String(contentsOfFile: sandbox.root + "/again.ics", encoding: .utf8)
        for id in ids.values { #expect(again.contains("UID:\(id)@spiegel")) }
    }
}
