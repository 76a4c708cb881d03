import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The journal survives what happens to processes and files: kills while saving, signals and Ctrl-D in the
/// middle of an exercise, corrupt files, a journal that cannot be created, and answer files.
@Suite("Journal safety")
struct JournalSafetyTests {
    /// One piped `small-gesture-plan` block.
    static func gestureBlock(_ sandbox: Sandbox, text: String) throws -> [String] {
        ["start small-gesture-plan"] + (try AnswerScript(exercise: "small-gesture-plan", sandbox: sandbox).lines(textAnswer: text))
    }

    @Test func sigkillWhileSavingNeverLeavesABrokenJournal() throws {
        signal(SIGPIPE, SIG_IGN)  // a killed child must not take the test runner with it
        let sandbox = Sandbox()
        let block = try Self.gestureBlock(sandbox, text: "een klein gebaar — Één café")
        let input = Array(repeating: block, count: 40).flatMap { $0 }.joined(separator: "\n") + "\n"
        #expect(input.utf8.count < 60_000, "the script fits in the pipe's buffer")
        var previous = 0
        var shown = Set<String>()
        var killed = 0
        for round in 1...10 {
            let run = try SpiegelRun([], input: input, sandbox: sandbox)
            // Kill once this run has saved something (however slow the machine), at a random moment after.
            let deadline = Date().addingTimeInterval(10)
            while run.isRunning, Date() < deadline,
                  sandbox.files(in: sandbox.entries).filter({ !$0.hasPrefix(".") }).count <= previous { usleep(2_000) }
            usleep(UInt32.random(in: 0...200_000))
            if run.isRunning {
                kill(run.pid, SIGKILL)
            }
            let outcome = run.finish(timeout: 10)
            if run.killedBySignal { killed += 1 } else {
                #expect(outcome.status == 0, "round \(round) ended by itself but failed: \(outcome)")
            }

            let journal = try spiegel(["journal", "--json"], sandbox: sandbox)
            #expect(journal.status == 0, "round \(round): \(journal)")
            #expect(journal.stderr.isEmpty, "round \(round): warnings after a kill: \(journal.stderr)")
            let listed = try #require(try json(journal.stdout) as? [[String: Any]], "round \(round)").compactMap { $0["id"] as? String }

            let names = sandbox.files(in: sandbox.entries)
            let visible = names.filter { !$0.hasPrefix(".") }
            #expect(visible.allSatisfy { $0.hasSuffix(".json") }, "round \(round): stray files in entries/: \(visible)")
            #expect(names.filter { $0.hasPrefix(".") }.allSatisfy { $0.hasSuffix(".tmp") }, "round \(round): \(names)")
            for name in visible {
                let data = (try? Data(contentsOf: URL(fileURLWithPath: sandbox.entries + "/" + name))) ?? Data()
                let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
                #expect(object?["id"] as? String == String(name.dropLast(5)) && object?["completedAt"] is String,
                        "round \(round): \(name) is not a complete entry: \(String(decoding: data.prefix(200), as: UTF8.self))")
            }
            #expect(Set(listed) == Set(visible.map { String($0.dropLast(5)) }), "round \(round): the journal lists exactly the entry files")
            #expect(!listed.contains { $0.contains("tmp") }, "a temporary file counted as an entry")
            #expect(listed.count >= previous, "round \(round): entries went from \(previous) to \(listed.count)")
            previous = listed.count

            let fresh = listed.filter { !shown.contains($0) }
            if !fresh.isEmpty {
                let show = try spiegel(input: fresh.map { "entry \($0)" }.joined(separator: "\n") + "\n", sandbox: sandbox)
                #expect(show.status == 0, "round \(round): 'entry' cannot show a saved entry: \(show.stderr)")
                for id in fresh { #expect(show.stdout.contains(id), "round \(round): entry \(id) not shown") }
                shown.formUnion(fresh)
            }
        }
        #expect(killed >= 3, "only \(killed) of 10 runs were killed while working: the test did not exercise a kill")
        #expect(previous > 0, "no entry was ever saved")
    }

    @Test func corruptEntryIsFoundAndQuarantined() throws {
        let sandbox = Sandbox()
        try completeExercise("small-gesture-plan", text: "goed", sandbox: sandbox)
        let name = "20260101-000000-abcdef.json"
        let bytes = Data("{\"schemaVersion\": 1, \"id\": \"20260101-000000-abcdef\", \"answers\": [".utf8)
        try sandbox.write(bytes, to: sandbox.entries + "/" + name)

        let doctor = try spiegel(["doctor"], sandbox: sandbox)
        #expect(doctor.status == 65, "\(doctor)")
        #expect((doctor.stdout + doctor.stderr).contains(name), "doctor names the file: \(doctor)")

        let quarantine = try spiegel(["doctor", "--quarantine"], sandbox: sandbox)
        #expect(quarantine.status == 0, "\(quarantine)")
        #expect(!FileManager.default.fileExists(atPath: sandbox.entries + "/" + name), "the bad file left entries/")
        let moved = sandbox.files(in: sandbox.journal + "/quarantine")
        #expect(moved.count == 1 && moved.first?.hasPrefix(name) == true, "\(moved)")
        if let file = moved.first {
            #expect(try Data(contentsOf: URL(fileURLWithPath: sandbox.journal + "/quarantine/" + file)) == bytes, "the bytes are kept unchanged")
        }

        let again = try spiegel(["doctor"], sandbox: sandbox)
        #expect(again.status == 0, "\(again)")
        #expect(try journalIDs(sandbox: sandbox).count == 1, "the good entry stays")
    }

    @Test func aJournalThatCannotBeCreatedFailsWithOneLine() throws {
        let sandbox = Sandbox()
        try sandbox.write("not a directory\n", to: "blocker")  // root ignores permissions; a file in the path stops everyone
        let input = (try Self.gestureBlock(sandbox, text: "goed")).joined(separator: "\n") + "\n"
        let result = try spiegel(["--journal", "blocker/journal"], input: input, sandbox: sandbox)
        #expect(result.status == 73 || result.status == 74, "expected 73 (cannot create) or 74 (I/O error): \(result)")
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 1, "one clear line on stderr: \(result)")
        #expect(result.stderr.contains("blocker"), "the message names the path: \(result)")
    }

    /// Answers keyed by step id, built from the exercise's own description.
    static func answerFile(_ sandbox: Sandbox, exercise: String) throws -> [String: Any] {
        let steps = try AnswerScript(exercise: exercise, sandbox: sandbox).steps
        var answers: [String: Any] = [:]
        func value(_ step: [String: Any]) -> Any? {
            switch step["kind"] as? String {
            case "text": return "antwoord op \(step["id"] as? String ?? "")"
            case "list": return ["eerste punt", "tweede punt"]
            case "rating": return 4
            case "choice": return 1
            case "commitment": return ["action": "vraag door", "due": "in 3 days"]
            default: return nil
            }
        }
        for step in steps {
            guard let id = step["id"] as? String else { continue }
            answers[id] = value(step)
            for followUp in step["followUps"] as? [[String: Any]] ?? [] {
                if let followID = followUp["id"] as? String, let one = value(followUp) { answers[followID] = [one, one] }
            }
        }
        return answers
    }

    @Test func answersFromAFile() throws {
        let sandbox = Sandbox()
        let answers = try Self.answerFile(sandbox, exercise: "most-satisfied-customer")
        try sandbox.write(try JSONSerialization.data(withJSONObject: answers), to: "answers.json")
        let result = try spiegel(["start", "most-satisfied-customer", "--answers", "answers.json", "--now", "2026-03-10T10:00:00+00:00"],
                                 sandbox: sandbox, environment: ["TZ": "UTC"])
        #expect(result.status == 0, "\(result)")
        let ids = try journalIDs(sandbox: sandbox)
        #expect(ids.count == 1)
        let entry = try spiegel(["entry", "--json", try #require(ids.first)], sandbox: sandbox)
        let object = try #require(try json(entry.stdout) as? [String: Any])
        let saved = try #require(object["answers"] as? [[String: Any]])
        #expect(saved.contains { $0["stepId"] as? String == "who" && $0["text"] as? String == "antwoord op who" }, "\(saved)")
        #expect(saved.contains { ($0["items"] as? [String]) == ["eerste punt", "tweede punt"] }, "the list arrives as items: \(saved)")
        #expect(object["confidence"] as? Int == 4)
        let commitment = (object["commitments"] as? [[String: Any]])?.first
        #expect(commitment?["action"] as? String == "vraag door")
        #expect(commitment?["due"] as? String == "2026-03-13", "'in 3 days' from --now: \(String(describing: commitment))")

        var stray = answers
        stray["no-such-step"] = "iets"
        try sandbox.write(try JSONSerialization.data(withJSONObject: stray), to: "stray.json")
        let refused = try spiegel(["start", "most-satisfied-customer", "--answers", "stray.json"], sandbox: sandbox)
        #expect(refused.status == 65, "\(refused)")
        #expect(refused.stderr.contains("no-such-step"), "stderr names the unknown step: \(refused)")
        #expect(try journalIDs(sandbox: sandbox).count == 1, "nothing is saved from a refused file")

        // Every problem is reported, each with its question's number and step.
        let small = ["moment": "at the door", "ideas": ["chair"], "plan": ["action": "offer water", "due": "someday"],
                     "confidence": 9, "bogus": 1] as [String: Any]
        try sandbox.write(try JSONSerialization.data(withJSONObject: small), to: "many.json")
        let many = try spiegel(["start", "small-gesture-plan", "--answers", "many.json"], sandbox: sandbox)
        let lines = many.stderr.split(separator: "\n")
        #expect(many.status == 65 && lines.count == 4, "\(many)")
        for expected in ["'bogus'", "question 3 ('choose'): no answer", "question 5 ('plan'): 'someday' is not a date",
                         "question 6 ('confidence'): '9' is not a rating"] {
            #expect(many.stderr.contains(expected), "\(expected): \(many.stderr)")
        }
        #expect(try journalIDs(sandbox: sandbox).count == 1, "nothing is saved from a file with problems")
    }
}

#if os(Linux)
/// Signals and Ctrl-D in the middle of an exercise at a terminal keep a draft with what was typed.
@Suite("Journal safety at a terminal", .serialized)
struct TerminalInterruptTests {
    static let first = "Één café — eerste antwoord", second = "tweede antwoord, met komma"

    /// Starts an exercise in the shell and answers its first two steps.
    func twoAnswers(_ sandbox: Sandbox) throws -> PTYProcess {
        let shell = try PTYProcess(executable: try SpiegelBinary.require(), environment: sandbox.environment(["NO_COLOR": "1"]))
        try shell.expectPrompt("spiegel> ", "the shell's prompt")
        var mark = shell.mark
        try shell.type("start most-satisfied-customer\r")
        try shell.expect("[1]", after: mark, "the first question")
        try shell.expectPrompt("> ", after: mark)
        mark = shell.mark
        try shell.type(Self.first + "\r")
        try shell.expect("[2]", after: mark, "the second question")
        try shell.expectPrompt("> ", after: mark)
        mark = shell.mark
        try shell.type(Self.second + "\r")
        try shell.expect("[3]", after: mark, "the third question")
        try shell.expectPrompt("> ", after: mark)
        return shell
    }

    func expectDraftWithTwoAnswers(_ sandbox: Sandbox, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let drafts = try spiegel(["drafts", "--json"], sandbox: sandbox, sourceLocation: sourceLocation)
        #expect(drafts.status == 0, "\(drafts)", sourceLocation: sourceLocation)
        let list = try #require(try json(drafts.stdout) as? [[String: Any]], sourceLocation: sourceLocation)
        #expect(list.count == 1, "\(what): one draft: \(drafts.stdout)", sourceLocation: sourceLocation)
        let texts = (list.first?["answers"] as? [[String: Any]] ?? []).compactMap { $0["text"] as? String }
        #expect(texts == [Self.first, Self.second], "\(what): the draft holds the typed answers: \(texts)", sourceLocation: sourceLocation)
        #expect(sandbox.files(in: sandbox.entries).isEmpty, "\(what): no completed entry", sourceLocation: sourceLocation)
        #expect(try journalIDs(sandbox: sandbox, sourceLocation: sourceLocation).isEmpty, sourceLocation: sourceLocation)
    }

    @Test(arguments: [SIGTERM, SIGHUP])
    func signalKeepsADraft(_ signal: Int32) throws {
        let sandbox = Sandbox()
        let shell = try twoAnswers(sandbox)
        kill(shell.pid, signal)
        let status = shell.waitForExit(timeout: 5)
        #expect(status != nil, "the shell did not end on signal \(signal)")
        try expectDraftWithTwoAnswers(sandbox, "signal \(signal)")
    }

    @Test func ctrlDInAnExerciseKeepsADraft() throws {
        let sandbox = Sandbox()
        let shell = try twoAnswers(sandbox)
        let mark = shell.mark
        try shell.type("\u{04}")
        try shell.expect("resume", after: mark, "Ctrl-D names the draft to resume")
        try shell.expectPrompt("spiegel> ", after: mark, "back at the shell")
        try shell.type("\u{04}")
        #expect(shell.waitForExit(timeout: 5) == 0, "\(shell.text.suffix(500).debugDescription)")
        try expectDraftWithTwoAnswers(sandbox, "Ctrl-D")
    }
}
#endif
