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

    /// small-gesture-plan answered by a script, with `situation` (empty for none), `action` and `due` as its
    /// commitment lines.
    static func gesture(_ action: String, _ due: String, situation: String = "", language: String? = nil) -> String {
        "start small-gesture-plan" + (language.map { " --lang " + $0 } ?? "") + "\nat the door\nchair\n\nthe chair\nskip\n\(situation)\n\(action)\n\(due)\n4\n"
    }

    func commitments(_ sandbox: Sandbox, all: Bool = true) throws -> [[String: Any]] {
        let run = try spiegel(["commitments", "--json"] + (all ? ["--all"] : []), sandbox: sandbox, environment: Self.env)
        #expect(run.status == 0, "\(run)")
        return try #require(try json(run.stdout) as? [[String: Any]])
    }

    func commitment(_ sandbox: Sandbox, action: String) throws -> [String: Any] {
        try #require(try commitments(sandbox).first { $0["action"] as? String == action || $0["plan"] as? String == action },
                     "no commitment '\(action)'")
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
        // The halves are stored as typed, with the plan's language; `plan` is the sentence.
        let english = try commitment(sandbox, action: "I will greet them within a minute")
        #expect(english["situation"] as? String == "When a customer waits at the desk" && english["language"] as? String == "en")
        let dutch = try commitment(sandbox, action: "dan ga ik hem binnen een minuut begroeten")
        #expect(dutch["situation"] as? String == "als een klant bij de balie wacht" && dutch["language"] as? String == "nl")

        // One sentence wherever the commitment is shown, in the language it was written in.
        let englishSentence = "When a customer waits at the desk, I will greet them within a minute"
        let dutchSentence = "Als een klant bij de balie wacht, dan ga ik hem binnen een minuut begroeten"
        #expect(english["plan"] as? String == englishSentence && dutch["plan"] as? String == dutchSentence)
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
        #expect(dueJSON.contains { ($0["commitment"] as? [String: Any])?["situation"] as? String == "When a customer waits at the desk" }, "\(dueJSON)")
    }

    /// The phrasings the README allows, typed on the three lines a script gives (situation, action, date),
    /// read back as one sentence on every surface, in the plan's language whatever the screen's.
    @Test func thePlansOwnWordsMakeOneSentenceEverywhere() throws {
        let sandbox = Sandbox("spiegel-ifthen-words")
        let dutch = "Zodra iemand langer dan tien minuten wacht, dan bied ik water aan"
        let english = "When a guest waits, I offer water"
        let input = Self.gesture("", "in 2 days", situation: "zodra iemand langer dan tien minuten wacht, dan bied ik water aan", language: "nl")
            + Self.gesture("then I offer water", "in 2 days", situation: "When a guest waits")
            + Self.gesture("I will ask her to observe me", "in 2 days", situation: "When I see Maria at the morning briefing, I will ask her to observe me")
        let run = try spiegel(["--now", "2026-11-30"], input: input, sandbox: sandbox, environment: Self.env)
        #expect(run.status == 0, "\(run)")
        let maria = "When I see Maria at the morning briefing, I will ask her to observe me"
        for lang in ["en", "nl"] {
            for command in [["commitments"], ["--now", "2026-12-02", "due"], ["--now", "2026-12-02", "recommend"]] {
                let out = try spiegel(["--lang", lang, "--now", "2026-11-30"] + command, sandbox: sandbox, environment: Self.env).stdout
                for sentence in [dutch, english, maria] {
                    #expect(out.contains(sentence), "\(command) --lang \(lang): \(out)")
                }
                #expect(!out.contains("ga ik bied") && !out.contains("I will I") && !out.contains("observe me, I will"), "\(out)")
            }
        }
        for format in ["md", "html", "csv", "ics"] {
            let export = try spiegel(["export", "--format", format], sandbox: sandbox, environment: Self.env)
            let text = export.stdout.replacingOccurrences(of: "\r\n ", with: "").replacingOccurrences(of: "\\,", with: ",")
            #expect(text.contains(dutch) && text.contains(english) && text.contains(maria), "\(format): \(export.stdout)")
        }
        let shown = try spiegel(["show", "small-gesture-plan", "--json"], sandbox: sandbox)
        #expect(shown.stdout.contains("three lines: the situation (empty for none), the action, then the due date"), "\(shown)")
    }

    /// `moved` takes a date as people type it, quoted or not, also piped, and refuses one in the past;
    /// `--barrier` takes the barrier's Dutch word; the list says "planned for" and "done on" with dates.
    @Test func movedTakesDatesAsTypedAndBarriersInEitherLanguage() throws {
        let sandbox = Sandbox("spiegel-moved-dates")
        let input = Self.gesture("greet by name", "in 2 days") + Self.gesture("offer coffee", "in 3 days")
        #expect(try spiegel(["--now", "2026-03-02"], input: input, sandbox: sandbox).status == 0)
        func id(_ action: String) throws -> String { try #require(try commitment(sandbox, action: action)["id"] as? String) }
        func due(_ action: String) throws -> String? { try commitment(sandbox, action: action)["due"] as? String }
        let now = ["--now", "2026-03-02"]
        let quoted = try spiegel(now + ["moved", try id("greet by name"), "in 7 days", "the", "queue"], sandbox: sandbox, environment: Self.env)
        let greet = try due("greet by name")
        #expect(quoted.status == 0 && greet == "2026-03-09", "\(quoted)")
        let piped = try spiegel(now, input: "moved \(try id("offer coffee")) \"3 maart\" --barrier verlegenheid\n", sandbox: sandbox, environment: Self.env)
        let coffee = try due("offer coffee")
        #expect(piped.status == 0 && coffee == "2026-03-03", "\(piped)")
        let barriers = (try commitment(sandbox, action: "offer coffee")["history"] as? [[String: Any]])?.last?["checkIn"] as? [String: Any]
        #expect(barriers?["barriers"] as? [String] == ["shyness"], "\(String(describing: barriers))")
        for typed in ["vrijdag", "March 6", "6/3", "06-03-2026", "volgende week", "overmorgen"] {
            let run = try spiegel(now + ["moved", try id("offer coffee"), typed], sandbox: sandbox)
            #expect(run.status == 0, "'\(typed)': \(run)")
        }
        let past = try spiegel(now + ["--lang", "nl", "moved", try id("offer coffee"), "2020-01-01"], sandbox: sandbox, environment: Self.env)
        #expect(past.status == 64 && past.stderr.contains("ligt in het verleden"), "\(past)")
        let wrong = try spiegel(now + ["--lang", "nl", "moved", try id("offer coffee"), "--barrier", "luiheid", "morgen"], sandbox: sandbox, environment: Self.env)
        #expect(wrong.status == 64 && wrong.stderr.contains("Kies uit 'verlegenheid'") && !wrong.stderr.contains("Please"), "\(wrong)")
        #expect(try spiegel(now + ["done", try id("greet by name")], sandbox: sandbox).status == 0)
        let list = try spiegel(["--now", "2026-03-04", "--lang", "nl", "commitments", "--all"], sandbox: sandbox, environment: Self.env)
        #expect(list.stdout.contains("[afgerond] op ma 2 mrt") && list.stdout.contains("gepland voor"), "\(list)")
        let late = try spiegel(["--now", "2026-03-20", "--lang", "nl", "commitments"], sandbox: sandbox, environment: Self.env)
        #expect(late.stdout.contains("dagen te laat") && !late.stdout.contains("gisteren"), "\(late)")
        let csv = try spiegel(["--lang", "nl", "export", "--format", "csv"], sandbox: sandbox, environment: Self.env)
        #expect(csv.stdout.hasPrefix("\u{FEFF}entry_id;date;exercise;"), "\(csv.stdout.prefix(80))")
        let comma = try spiegel(["--lang", "nl", "export", "--format", "csv", "--csv-delimiter", ","], sandbox: sandbox, environment: Self.env)
        #expect(comma.stdout.hasPrefix("\u{FEFF}entry_id,date,exercise,"), "\(comma.stdout.prefix(80))")
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

    func launch(_ sandbox: Sandbox, arguments: [String] = ["--now", "2026-12-02"]) throws -> PTYProcess {
        try PTYProcess(executable: try SpiegelBinary.require(), arguments: arguments,
                       environment: sandbox.environment(["NO_COLOR": "1"]))
    }

    /// Types `line` and waits for `next` to be shown after it.
    func answer(_ shell: PTYProcess, _ line: String, then next: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let mark = shell.mark
        try shell.type(line + "\r", sourceLocation: sourceLocation)
        try shell.expectPrompt(next, after: mark, "after '\(line)'", sourceLocation: sourceLocation)
    }

    @Test func aFinishedPlanIsCheckedInOnAgainOnlyWhenThePersonSaysSo() throws {
        let sandbox = Sandbox("spiegel-checkin-again")
        #expect(try spiegel(["--now", "2026-11-30"], input: CommitmentCheckInCommandTests.gesture("hold the door", "in 2 days"),
                            sandbox: sandbox).status == 0)
        let id = try #require(try CommitmentCheckInCommandTests().commitments(sandbox).first?["id"] as? String)
        #expect(try spiegel(["--now", "2026-12-01", "done", id, "--did", "held it"], sandbox: sandbox).status == 0)
        let shell = try launch(sandbox)
        try shell.expectPrompt(Self.prompt)
        let mark = shell.mark
        try shell.type("done \(id)\r")
        try shell.expectPrompt("is already done. Record another check-in? [y/N] ", after: mark, "a finished plan is named as finished")
        try answer(shell, "", then: Self.prompt)
        try shell.type("exit\r")
        _ = shell.waitForExit(timeout: 10)
        let history = try #require(try CommitmentCheckInCommandTests().commitments(sandbox).first?["history"] as? [[String: Any]])
        #expect(history.filter { $0["status"] as? String == "done" }.count == 1, "nothing recorded the second time: \(history)")
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
        try shell.type("done \(try #require(ids["I will offer a chair"]))\r")
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
        #expect(last("I will offer a chair")["checkIn"] as? [String: String]
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

    /// Starts small-gesture-plan and answers its questions up to the optional one before the plan, with
    /// `words` (the moment, an idea, the chosen one).
    func answerUpToThePlan(_ shell: PTYProcess, _ words: [String]) throws {
        let mark = shell.mark
        try shell.type("start small-gesture-plan\r")
        try shell.expectPrompt("> ", after: try shell.expect("[1]", after: mark))
        try answer(shell, words[0], then: "  - ")
        try answer(shell, words[1], then: "  - ")
        try answer(shell, "", then: "> ")
        try answer(shell, words[2], then: "> ")
    }

    @Test func theCommitmentStepAsksTheSituationThenTheAction() throws {
        let sandbox = Sandbox("spiegel-ifthen-tty")
        let shell = try launch(sandbox)
        try shell.expectPrompt(Self.prompt)
        try answerUpToThePlan(shell, ["at the door", "a chair", "the chair"])
        var mark = shell.mark
        try shell.type("skip\r")
        try shell.expect("then what you will do", after: mark, "the if-then hint")
        try shell.expectPrompt("when> ", after: mark)
        try answer(shell, "when a guest waits in the hall", then: "then> ")
        try answer(shell, "I will offer a chair", then: "by when> ")
        try answer(shell, "tomorrow", then: "> ")
        mark = shell.mark
        try shell.type("4\r")
        try shell.expect("When a guest waits in the hall, I will offer a chair", after: mark, "the summary shows the sentence")
        try shell.expectPrompt(Self.prompt, after: mark)
        try shell.type(TerminalTests.ctrlD)
        #expect(shell.waitForExit() == 0)
        let stored = try #require(try CommitmentCheckInCommandTests().commitments(sandbox).first)
        #expect(stored["situation"] as? String == "when a guest waits in the hall" && stored["action"] as? String == "I will offer a chair", "\(stored)")
    }

    /// The whole plan typed at the situation prompt: its action is offered on the action line (Enter takes
    /// it), the date is echoed as the day it resolves to, and the sentence says the action once.
    @Test func aWholePlanAtTheSituationPromptIsSaidOnce() throws {
        let sandbox = Sandbox("spiegel-ifthen-whole")
        let shell = try launch(sandbox, arguments: ["--lang", "nl", "--now", "2026-03-02"])
        try shell.expectPrompt(Self.prompt)
        try answerUpToThePlan(shell, ["bij de deur", "een stoel", "de stoel"])
        try answer(shell, "overslaan", then: "als> ")
        try answer(shell, "zodra iemand langer dan tien minuten wacht, dan bied ik water aan", then: "dan> ")
        var mark = shell.mark
        try shell.type("\r")
        try shell.expectPrompt("wanneer> ", after: mark)
        mark = shell.mark
        try shell.type("vrijdag\r")
        try shell.expect("→ vr 6 mrt", after: mark, "the day the date resolves to")
        try shell.expectPrompt("> ", after: mark)
        mark = shell.mark
        try shell.type("4\r")
        try shell.expect("Zodra iemand langer dan tien minuten wacht, dan bied ik water aan", after: mark, "the sentence, once")
        try shell.expectPrompt(Self.prompt, after: mark)
        try shell.type(TerminalTests.ctrlD)
        #expect(shell.waitForExit() == 0)
        let stored = try #require(try CommitmentCheckInCommandTests().commitments(sandbox).first)
        #expect(stored["plan"] as? String == "Zodra iemand langer dan tien minuten wacht, dan bied ik water aan", "\(stored)")
        #expect(stored["due"] as? String == "2026-03-06")
    }
}
#endif

/// Team scripts written before the situation line still run: a date where the action would stand means
/// the plan came on one line.
@Suite("Older two-line commitment scripts")
struct TwoLineCommitmentScriptTests {
    @Test func aPlanAndADateWithoutASituationLineAreReadAsBefore() throws {
        let sandbox = Sandbox()
        let script = "start small-gesture-plan\nat the door\nchair\n\nthe chair\nskip\nwhen a guest waits, I offer water\nin 3 days\n4\n"
        let run = try spiegel(["--now", "2026-12-10"], input: script, sandbox: sandbox)
        #expect(run.status == 0, "\(run)")
        let listed = try spiegel(["commitments", "--json", "--all"], sandbox: sandbox)
        let commitments = try #require(try json(listed.stdout) as? [[String: Any]])
        #expect(commitments.count == 1 && commitments.first?["due"] as? String == "2026-12-13", "\(listed.stdout)")
        #expect((commitments.first?["situation"] as? String)?.contains("guest waits") == true, "the whole plan was split: \(listed.stdout)")
    }
}
