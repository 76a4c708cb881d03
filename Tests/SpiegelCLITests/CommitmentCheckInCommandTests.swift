import Foundation
import SpiegelCore
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// If-then commitments and check-ins through the binary: piped scripts of the old form unchanged, the
/// if-then form on the action line, check-ins through options and at a terminal (answers never in the
/// history), and a generated journal whose commitments are mostly moved because of shyness, seen by the
/// mirror and the recommender. The calendar export is read back with Python's icalendar.
@Suite("If-then commitments and check-ins", .serialized)
struct CommitmentCheckInCommandTests {
    static let env = ["NO_COLOR": "1"]

    /// small-gesture-plan answered by a script, with `action` and `due` as its commitment lines.
    static func gesture(_ action: String, _ due: String, language: String? = nil) -> String {
        "start small-gesture-plan" + (language.map { " --lang " + $0 } ?? "") + "\nat the door\nchair\n\nthe chair\nskip\n\(action)\n\(due)\n4\n"
    }

    func commitments(_ sandbox: Sandbox, all: Bool = true) throws -> [[String: Any]] {
        let run = try spiegel(["commitments", "--json"] + (all ? ["--all"] : []), sandbox: sandbox, environment: Self.env)
        #expect(run.status == 0, "\(run)")
        return try #require(try json(run.stdout) as? [[String: Any]])
    }

    func commitment(_ sandbox: Sandbox, action: String) throws -> [String: Any] {
        try #require(try commitments(sandbox).first { $0["action"] as? String == action }, "no commitment '\(action)'")
    }

    @Test func oldScriptsStayAsTheyWereAndTheIfThenFormIsSplit() throws {
        let sandbox = Sandbox("spiegel-ifthen")
        let input = Self.gesture("offer water; with a smile, \"always\"", "in 3 days")
            + Self.gesture("When the shop opens, greet the first customer by name", "2026-12-03")
            + Self.gesture("When a customer waits at the desk, I will greet them within a minute", "in 2 days")
            + Self.gesture("als een klant bij de balie wacht, dan ga ik hem binnen een minuut begroeten", "morgen", language: "nl")
        let run = try spiegel(["--now", "2026-11-30"], input: input, sandbox: sandbox, environment: Self.env)
        #expect(run.status == 0, "\(run)")

        for plain in ["offer water; with a smile, \"always\"", "When the shop opens, greet the first customer by name"] {
            let stored = try commitment(sandbox, action: plain)
            #expect(stored["situation"] == nil, "a plain line got a situation: \(stored)")
        }
        let english = try commitment(sandbox, action: "greet them within a minute")
        #expect(english["situation"] as? String == "a customer waits at the desk")
        let dutch = try commitment(sandbox, action: "hem binnen een minuut begroeten")
        #expect(dutch["situation"] as? String == "een klant bij de balie wacht")

        // One sentence wherever the commitment is shown, in the language it was written in.
        let englishSentence = "When a customer waits at the desk, I will greet them within a minute"
        let dutchSentence = "Als een klant bij de balie wacht, dan ga ik hem binnen een minuut begroeten"
        for lang in ["en", "nl"] {
            let list = try spiegel(["--now", "2026-11-30", "--lang", lang, "commitments"], sandbox: sandbox, environment: Self.env)
            #expect(list.stdout.contains(englishSentence) && list.stdout.contains(dutchSentence), "\(list)")
        }
        let due = try spiegel(["--now", "2026-12-04", "due"], sandbox: sandbox, environment: Self.env)
        #expect(due.status == 0 && due.stdout.contains(englishSentence) && due.stdout.contains(dutchSentence), "\(due)")
        let recommend = try spiegel(["--now", "2026-12-04", "recommend"], sandbox: sandbox, environment: Self.env)
        #expect(recommend.stdout.contains("“" + englishSentence + "”"), "\(recommend)")
        let entry = try spiegel(["entry", try #require((english["id"] as? String)?.split(separator: ".").first.map(String.init))],
                                sandbox: sandbox, environment: Self.env)
        #expect(entry.stdout.contains(englishSentence), "\(entry)")
        let dueJSON = try #require(try json(try spiegel(["--now", "2026-12-04", "due", "--json"], sandbox: sandbox).stdout) as? [[String: Any]])
        #expect(dueJSON.contains { ($0["commitment"] as? [String: Any])?["situation"] as? String == "a customer waits at the desk" }, "\(dueJSON)")
    }

    @Test func checkInsThroughOptionsAndWords() throws {
        let sandbox = Sandbox("spiegel-checkin")
        let input = Self.gesture("greet by name", "in 2 days") + Self.gesture("offer coffee", "in 3 days")
            + Self.gesture("hold the door", "in 4 days") + Self.gesture("ask one more question", "in 5 days")
        #expect(try spiegel(["--now", "2026-11-30"], input: input, sandbox: sandbox).status == 0)
        func id(_ action: String) throws -> String { try #require(try commitment(sandbox, action: action)["id"] as? String) }
        func lastEvent(_ action: String) throws -> [String: Any] {
            try #require((try commitment(sandbox, action: action)["history"] as? [[String: Any]])?.last)
        }
        let now = ["--now", "2026-12-02"]
        let done = try spiegel(now + ["done", try id("greet by name"), "--did", "said her name twice", "--reaction", "she smiled",
                                      "--learned", "names open doors", "--next", "learn three more names"], sandbox: sandbox, environment: Self.env)
        #expect(done.status == 0 && done.stdout.contains("[done]"), "\(done)")
        let checkIn = try #require(try lastEvent("greet by name")["checkIn"] as? [String: String])
        #expect(checkIn == ["did": "said her name twice", "reaction": "she smiled", "learned": "names open doors", "next": "learn three more names"])

        let moved = try spiegel(now + ["moved", try id("offer coffee"), "--barrier", "shyness", "--barrier", "involvement",
                                       "in", "7", "days", "the", "queue", "was", "long"], sandbox: sandbox, environment: Self.env)
        #expect(moved.status == 0, "\(moved)")
        let move = try lastEvent("offer coffee")
        #expect((move["checkIn"] as? [String: Any])?["barriers"] as? [String] == ["shyness", "involvement"])
        #expect(move["reflection"] as? String == "the queue was long" && move["due"] as? String == "2026-12-09", "\(move)")

        #expect(try spiegel(now + ["dropped", try id("hold the door"), "--why", "the door closes itself"], sandbox: sandbox).status == 0)
        #expect((try lastEvent("hold the door")["checkIn"] as? [String: String]) == ["why": "the door closes itself"])

        // The one-line form of today's README keeps storing a reflection, and asks nothing when piped.
        let words = try spiegel(now + ["done", try id("ask one more question"), "it", "went", "well"], sandbox: sandbox)
        let reflected = try lastEvent("ask one more question")
        #expect(words.status == 0 && reflected["reflection"] as? String == "it went well", "\(words)")
        #expect(reflected["checkIn"] == nil)

        let unknown = try spiegel(now + ["moved", try id("offer coffee"), "--barrier", "laziness", "tomorrow"], sandbox: sandbox)
        #expect(unknown.status == 64 && unknown.stderr.contains("shyness"), "\(unknown)")
        let noDate = try spiegel(now + ["moved", try id("offer coffee")], sandbox: sandbox)
        #expect(noDate.status == 64 && noDate.stderr.contains("moved ID DATE"), "\(noDate)")

        // The entry shows the check-in in the reader's language, barriers by name.
        let entryID = try #require(try id("offer coffee").split(separator: ".").first.map(String.init))
        let shown = try spiegel(["--lang", "nl", "entry", entryID], sandbox: sandbox, environment: Self.env)
        #expect(shown.stdout.contains("hield tegen: Verlegenheid · Gebrek aan betrokkenheid"), "\(shown)")
    }

    @Test func theCalendarCarriesThePlanAndTheCheckIn() throws {
        guard Python.available, (try? runTool(["python3", "-c", "import icalendar"]))?.status == 0 else {
            try Test.cancel("python3 with icalendar is not available (pip install icalendar)")
        }
        let sandbox = Sandbox("spiegel-ifthen-ics")
        let input = Self.gesture("When a guest waits in the hall, I will offer a chair; and water, \"cold\"", "in 2 days")
        #expect(try spiegel(["--now", "2026-11-30"], input: input, sandbox: sandbox).status == 0)
        let id = try #require(try commitments(sandbox).first?["id"] as? String)
        #expect(try spiegel(["--now", "2026-12-01", "done", id, "--did", "offered two chairs", "--learned", "people sit, then talk"],
                            sandbox: sandbox).status == 0)
        #expect(try spiegel(["export", "--format", "ics", "--output", "plans.ics"], sandbox: sandbox).status == 0)
        let script = """
            import icalendar, json, sys
            cal = icalendar.Calendar.from_ical(open(sys.argv[1], "rb").read())
            todo = [c for c in cal.walk("VTODO")][0]
            print(json.dumps({"summary": str(todo["SUMMARY"]), "description": str(todo["DESCRIPTION"]), "status": str(todo["STATUS"])}))
            """
        let parsed = try runTool(["python3", "-c", script, sandbox.root + "/plans.ics"])
        #expect(parsed.status == 0, "icalendar rejects the export: \(parsed)")
        let todo = try #require(try json(parsed.stdout) as? [String: String])
        #expect(todo["summary"] == "When a guest waits in the hall, I will offer a chair; and water, \"cold\"", "\(todo)")
        #expect(todo["status"] == "COMPLETED")
        let description = todo["description"] ?? ""
        #expect(description.hasPrefix("When a guest waits in the hall, I will offer a chair"), "\(description)")
        #expect(description.contains("did: offered two chairs") && description.contains("learned: people sit, then talk"), "\(description)")
    }

    @Test func aJournalMostlyMovedBecauseOfShynessShowsInTheMirrorAndTheRecommendation() throws {
        let sandbox = Sandbox("spiegel-shyness")
        let written = try JournalGenerator(graph: .curated()).generate(count: 240, seed: 16, into: JournalStore(root: sandbox.journal),
                                                                       now: Date(), years: 1, movedBecause: .shyness)
        #expect(written == 240)
        let mirror = try spiegel(["mirror", "--json"], sandbox: sandbox)
        #expect(mirror.status == 0, "\(mirror)")
        let report = try #require(try json(mirror.stdout) as? [String: Any])
        let because = try #require(report["movedBecause"] as? [[String: Any]])
        #expect(because.first?["id"] as? String == "shyness" && (because.first?["count"] as? Int ?? 0) >= 3, "\(because)")
        if Python.hasJSONSchema {
            let file = try sandbox.write(mirror.stdout, to: "mirror.json")
            let check = "import json, sys, jsonschema\njsonschema.validate(json.load(open(sys.argv[1])), json.load(open(sys.argv[2])))\nprint('valid')"
            let result = try runTool(["python3", "-c", check, file, PackageRoot.path + "/docs/schema/mirror.schema.json"])
            #expect(result.stdout.contains("valid"), "the mirror with check-ins breaks its schema: \(result)")
        }
        let screen = try spiegel(["mirror"], sandbox: sandbox, environment: Self.env)
        #expect(screen.stdout.contains("moved because of: shyness ×"), "\(screen)")

        let recommend = try spiegel(["recommend", "--json"], sandbox: sandbox)
        let picks = try #require((try json(recommend.stdout) as? [String: Any])?["recommendations"] as? [[String: Any]])
        let first = try #require(picks.first)
        #expect(first["exercise"] as? String == "barrier-check", "\(first)")
        let reason = try #require((first["reasons"] as? [[String: Any]])?.first)
        #expect(reason["code"] as? String == "barrier-named" && reason["barrier"] as? String == "shyness", "\(reason)")
        #expect((reason["commitments"] as? [String])?.count == reason["value"] as? Int)
        let english = try spiegel(["recommend"], sandbox: sandbox, environment: Self.env)
        #expect(english.stdout.contains("What holds you back?") && english.stdout.contains("because of shyness ("), "\(english)")
        let dutch = try spiegel(["--lang", "nl", "recommend"], sandbox: sandbox, environment: Self.env)
        #expect(dutch.stdout.contains("Wat houdt je tegen?") && dutch.stdout.contains("afspraken vanwege verlegenheid ("), "\(dutch)")
    }
}

#if os(Linux)
/// The guided check-in and the if-then step at a terminal: each answer read like an exercise answer, so
/// none of them reaches the history file.
@Suite("Check-ins at a terminal", .serialized)
struct CheckInTerminalTests {
    static let prompt = TerminalTests.prompt

    func launch(_ sandbox: Sandbox) throws -> PTYProcess {
        try PTYProcess(executable: try SpiegelBinary.require(), arguments: ["--now", "2026-12-02"],
                       environment: sandbox.environment(["NO_COLOR": "1"]))
    }

    /// Types `line` and waits for `next` to be shown after it.
    func answer(_ shell: PTYProcess, _ line: String, then next: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let mark = shell.mark
        try shell.type(line + "\r", sourceLocation: sourceLocation)
        try shell.expectPrompt(next, after: mark, "after '\(line)'", sourceLocation: sourceLocation)
    }

    @Test func doneMovedAndDroppedAskAndKeepTheAnswersOutOfTheHistory() throws {
        let sandbox = Sandbox("spiegel-checkin-tty")
        let input = CommitmentCheckInCommandTests.gesture("When a guest waits, I will offer a chair", "in 1 day")
            + CommitmentCheckInCommandTests.gesture("hold the door", "in 2 days")
            + CommitmentCheckInCommandTests.gesture("ask their name", "in 3 days")
        #expect(try spiegel(["--now", "2026-11-30"], input: input, sandbox: sandbox).status == 0)
        let ids = Dictionary(uniqueKeysWithValues: try CommitmentCheckInCommandTests().commitments(sandbox).compactMap { item in
            (item["action"] as? String).flatMap { action in (item["id"] as? String).map { (action, $0) } }
        })
        let shell = try launch(sandbox)
        try shell.expectPrompt(Self.prompt)

        var mark = shell.mark
        try shell.type("done \(try #require(ids["offer a chair"]))\r")
        try shell.expect("When a guest waits, I will offer a chair", after: mark, "the plan as one sentence")
        try shell.expectPrompt("What did you do? ", after: mark)
        try answer(shell, "offered the chair by the window", then: "How did the customer react? ")
        try answer(shell, "", then: "What did you learn? ")
        try answer(shell, "a chair says: take your time", then: "What is next? ")
        try answer(shell, "add a glass of water", then: Self.prompt)

        mark = shell.mark
        try shell.type("moved \(try #require(ids["hold the door"]))\r")
        try shell.expect("4. Something else", after: mark, "the barriers as choices")
        try shell.expectPrompt("> ", after: mark)
        try answer(shell, "7", then: "> ")
        try answer(shell, "1 4", then: "What was it? ")
        try answer(shell, "my hands were full", then: "New date? ")
        try answer(shell, "someday", then: "New date? ")
        try answer(shell, "in 5 days", then: Self.prompt)

        mark = shell.mark
        try shell.type("dropped \(try #require(ids["ask their name"]))\r")
        try shell.expectPrompt("Why are you letting it go? ", after: mark)
        try answer(shell, "they wear name badges", then: Self.prompt)
        try shell.type(TerminalTests.ctrlD)
        #expect(shell.waitForExit() == 0)

        let stored = try CommitmentCheckInCommandTests().commitments(sandbox)
        func last(_ action: String) -> [String: Any] {
            ((stored.first { $0["action"] as? String == action }?["history"] as? [[String: Any]]) ?? []).last ?? [:]
        }
        #expect(last("offer a chair")["checkIn"] as? [String: String]
                == ["did": "offered the chair by the window", "learned": "a chair says: take your time", "next": "add a glass of water"])
        let moved = last("hold the door")
        #expect(moved["due"] as? String == "2026-12-07", "\(moved)")
        #expect((moved["checkIn"] as? [String: Any])?["barriers"] as? [String] == ["shyness"])
        #expect((moved["checkIn"] as? [String: Any])?["why"] as? String == "my hands were full")
        #expect((last("ask their name")["checkIn"] as? [String: String]) == ["why": "they wear name badges"])

        let history = (try? String(contentsOfFile: sandbox.historyFile, encoding: .utf8)) ?? ""
        #expect(history.contains("done") && history.contains("moved"), "history: \(history.debugDescription)")
        for secret in ["window", "glass", "hands", "badges", "someday", "1 4"] {
            #expect(!history.contains(secret), "a check-in answer reached the history file: \(history.debugDescription)")
        }
    }

    @Test func theCommitmentStepAsksTheSituationThenTheAction() throws {
        let sandbox = Sandbox("spiegel-ifthen-tty")
        let shell = try launch(sandbox)
        try shell.expectPrompt(Self.prompt)
        var mark = shell.mark
        try shell.type("start small-gesture-plan\r")
        try shell.expectPrompt("> ", after: try shell.expect("[1]", after: mark))
        try answer(shell, "at the door", then: "  - ")
        try answer(shell, "a chair", then: "  - ")
        try answer(shell, "", then: "> ")
        try answer(shell, "the chair", then: "> ")
        mark = shell.mark
        try shell.type("skip\r")
        try shell.expect("then what you will do", after: mark, "the if-then hint")
        try shell.expectPrompt("when> ", after: mark)
        try answer(shell, "when a guest waits in the hall", then: "I will> ")
        try answer(shell, "I will offer a chair", then: "by when> ")
        try answer(shell, "tomorrow", then: "> ")
        mark = shell.mark
        try shell.type("4\r")
        try shell.expect("When a guest waits in the hall, I will offer a chair", after: mark, "the summary shows the sentence")
        try shell.expectPrompt(Self.prompt, after: mark)
        try shell.type(TerminalTests.ctrlD)
        #expect(shell.waitForExit() == 0)
        let stored = try #require(try CommitmentCheckInCommandTests().commitments(sandbox).first)
        #expect(stored["situation"] as? String == "a guest waits in the hall" && stored["action"] as? String == "offer a chair", "\(stored)")
    }
}
#endif
