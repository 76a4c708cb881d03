import Foundation
import Testing

/// Builds the piped answers of an exercise from `spiegel show EXERCISE --json`.
struct AnswerScript {
    static let dutchText = "Één café, naïef — 😊"

    /// The steps as the binary describes them.
    let steps: [[String: Any]]

    init(exercise: String, sandbox: Sandbox) throws {
        let result = try spiegel(["show", exercise, "--json"], sandbox: sandbox)
        guard result.status == 0 else {
            Issue.record("show \(exercise) --json failed: \(result)")
            throw SpiegelBinary.NotFound()
        }
        let object = try #require(try json(result.stdout) as? [String: Any])
        steps = try #require(object["steps"] as? [[String: Any]])
    }

    /// The answer lines; `rating` replaces the confidence rating, `textAnswer` is every text answer.
    func lines(rating: String? = nil, textAnswer: String = AnswerScript.dutchText) -> [String] {
        var lines: [String] = []
        func answer(_ step: [String: Any], item: String? = nil) {
            switch step["kind"] as? String {
            case "text": lines.append(textAnswer)
            case "list":
                let items = ["first thing to keep", "second thing to keep"]
                lines += items + [""]
                for item in items {
                    for followUp in step["followUps"] as? [[String: Any]] ?? [] { answer(followUp, item: item) }
                }
            case "rating":
                let scale = step["scale"] as? [String: Any]
                let low = scale?["min"] as? Int ?? 1, high = scale?["max"] as? Int ?? 5
                lines.append(rating ?? String((low + high + 1) / 2))
            case "choice": lines.append("1")
            case "commitment": lines += ["", "do X", "in 3 days"]
            default: Issue.record("unknown step kind in \(step)")
            }
        }
        for step in steps { answer(step) }
        return lines
    }

    /// The 1-based index, among the answer lines, of the line that answers the rating step.
    func ratingLineIndex() -> Int? {
        let marked = lines(rating: "<<rating>>")
        return marked.firstIndex(of: "<<rating>>").map { $0 + 1 }
    }
}

@Suite("Exercises from a script")
struct ExerciseScriptTests {
    @Test func pipedExerciseIsSavedExactly() throws {
        let sandbox = Sandbox()
        let script = try AnswerScript(exercise: "most-satisfied-customer", sandbox: sandbox)
        #expect(script.steps.count >= 3)
        #expect(script.steps.last?["id"] as? String == "confidence")
        let input = (["start most-satisfied-customer"] + script.lines()).joined(separator: "\n") + "\n"
        let result = try spiegel(input: input, sandbox: sandbox, environment: ["NO_COLOR": "1"])
        #expect(result.status == 0, "\(result)")

        let files = sandbox.files(in: sandbox.entries).filter { $0.hasSuffix(".json") }
        #expect(files.count == 1, "\(sandbox.files(in: sandbox.entries))")
        let file = try #require(files.first)
        let path = sandbox.entries + "/" + file
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(bytes.range(of: Data(AnswerScript.dutchText.utf8)) != nil, "the answer is stored as the exact UTF-8 bytes")
        #expect(result.stdout.contains(String(file.dropLast(5))), "the saved id is reported: \(result)")
        #expect(permissions(path) == 0o600)
        #expect(permissions(sandbox.journal) == 0o700)
        #expect(permissions(sandbox.entries) == 0o700)
        #expect(permissions(sandbox.drafts) == 0o700)
        #expect(sandbox.files(in: sandbox.drafts).isEmpty, "the draft is gone once the entry is saved")

        let entry = try #require(try json(String(decoding: bytes, as: UTF8.self)) as? [String: Any])
        #expect(entry["exercise"] as? String == "most-satisfied-customer")
        #expect(entry["completedAt"] is String)
        let answers = try #require(entry["answers"] as? [[String: Any]])
        let texts = answers.compactMap { $0["text"] as? String }
        #expect(texts.contains(AnswerScript.dutchText))
        #expect(Array((texts.first ?? "").utf8) == Array(AnswerScript.dutchText.utf8))
        let commitments = try #require(entry["commitments"] as? [[String: Any]])
        #expect(commitments.count == 1)
        #expect(commitments.first?["action"] as? String == "do X")

        let journal = try spiegel(["journal", "--json"], sandbox: sandbox)
        #expect(journal.status == 0, "\(journal)")
        let listed = try #require(try json(journal.stdout) as? [[String: Any]])
        #expect(listed.count == 1)
        #expect(listed.first?["id"] as? String == String(file.dropLast(5)))
        let grep = try spiegel(["journal", "--json", "--grep", "EEN CAFE, NAIEF"], sandbox: sandbox)
        #expect((try json(grep.stdout) as? [Any])?.count == 1, "grep ignores accents: \(grep)")
        let commitmentsList = try spiegel(["commitments", "--json"], sandbox: sandbox)
        #expect(commitmentsList.status == 0, "\(commitmentsList)")
        #expect(commitmentsList.stdout.contains("do X"), "\(commitmentsList)")
    }

    @Test func oneShotStartReadsAnswersFromStdin() throws {
        let sandbox = Sandbox()
        let script = try AnswerScript(exercise: "tips-inventory", sandbox: sandbox)
        let input = script.lines(textAnswer: "antwoord").joined(separator: "\n") + "\n"
        let result = try spiegel(["start", "tips-inventory", "--now", "2026-03-10T10:00:00+01:00"], input: input, sandbox: sandbox,
                                 environment: ["TZ": "UTC"])
        #expect(result.status == 0, "\(result)")
        let files = sandbox.files(in: sandbox.entries)
        #expect(files.count == 1 && files.first?.hasPrefix("20260310-090000-") == true, "\(files)")
        let entry = try spiegel(["entry", "--json", String(files.first?.prefix(15) ?? "")], sandbox: sandbox)
        let object = try #require(try json(entry.stdout) as? [String: Any])
        let commitment = (object["commitments"] as? [[String: Any]])?.first
        #expect(commitment?["due"] as? String == "2026-03-13", "'in 3 days' counts from --now: \(entry)")
    }

    @Test func everyExerciseCanBeCompletedFromOneScript() throws {
        let sandbox = Sandbox()
        let list = try spiegel(["exercises", "--json"], sandbox: sandbox)
        let ids = try #require(try json(list.stdout) as? [[String: Any]]).compactMap { $0["id"] as? String }
        #expect(ids.count >= 10)
        var lines: [String] = []
        for id in ids {
            lines.append("# \(id)")
            lines.append("start \(id)")
            lines += try AnswerScript(exercise: id, sandbox: sandbox).lines(textAnswer: "antwoord voor \(id)")
        }
        lines.append("journal")
        let result = try spiegel(input: lines.joined(separator: "\n") + "\n", sandbox: sandbox, timeout: 60)
        #expect(result.status == 0, "\(result)")
        let entries = try spiegel(["journal", "--json"], sandbox: sandbox)
        let saved = try #require(try json(entries.stdout) as? [[String: Any]]).compactMap { $0["exercise"] as? String }
        #expect(Set(saved) == Set(ids), "\(entries)")
        #expect(saved.count == ids.count)
    }

    @Test func inputEndingMidExerciseKeepsADraft() throws {
        let sandbox = Sandbox()
        let input = "start most-satisfied-customer\nthe first answer\nthe second answer\n"
        let result = try spiegel(input: input, sandbox: sandbox)
        #expect(result.status == 65, "\(result)")
        let drafts = sandbox.files(in: sandbox.drafts)
        #expect(drafts.count == 1, "\(drafts)")
        let draftID = String(drafts.first?.dropLast(5) ?? "")
        #expect(!draftID.isEmpty && result.stderr.contains(draftID), "stderr names the draft: \(result)")
        #expect(result.stderr.contains("resume \(draftID)"), "\(result)")
        #expect(sandbox.files(in: sandbox.entries).isEmpty)

        let listed = try spiegel(["drafts", "--json"], sandbox: sandbox)
        #expect(listed.status == 0, "\(listed)")
        let list = try #require(try json(listed.stdout) as? [[String: Any]])
        #expect(list.count == 1)
        #expect(list.first?["id"] as? String == draftID)
        #expect((list.first?["answers"] as? [Any])?.count == 2)

        // The draft can be finished later from where it stopped.
        let script = try AnswerScript(exercise: "most-satisfied-customer", sandbox: sandbox)
        let rest = script.lines().dropFirst(2)
        let resumed = try spiegel(input: (["resume \(draftID)"] + rest).joined(separator: "\n") + "\n", sandbox: sandbox)
        #expect(resumed.status == 0, "\(resumed)")
        #expect(sandbox.files(in: sandbox.entries) == ["\(draftID).json"])
        #expect(sandbox.files(in: sandbox.drafts).isEmpty)
    }

    @Test func endOfInputBeforeTheFirstAnswerSavesNothing() throws {
        let sandbox = Sandbox()
        let result = try spiegel(input: "start most-satisfied-customer\n", sandbox: sandbox)
        #expect(result.status == 65, "\(result)")
        #expect(result.stderr.contains("nothing saved"), "\(result)")
        #expect(sandbox.files(in: sandbox.drafts).isEmpty)
        #expect(sandbox.files(in: sandbox.entries).isEmpty)
    }

    @Test func invalidRatingNamesItsLine() throws {
        let sandbox = Sandbox()
        let script = try AnswerScript(exercise: "most-satisfied-customer", sandbox: sandbox)
        let index = try #require(script.ratingLineIndex())
        let lines = ["# rate out of range", "start most-satisfied-customer"] + script.lines(rating: "9")
        let result = try spiegel(input: lines.joined(separator: "\n") + "\n", sandbox: sandbox)
        let lineNumber = index + 2
        #expect(result.status == 65, "\(result)")
        #expect(result.stderr.contains("stdin:\(lineNumber):"), "expected stdin:\(lineNumber): \(result)")
        #expect(result.stderr.contains("'9' is not a rating"), "\(result)")
        #expect(result.stderr.contains("from 1 to 5"), "\(result)")
        #expect(sandbox.files(in: sandbox.entries).isEmpty, "nothing is saved")
    }

    @Test func unknownExerciseSuggestsOne() throws {
        let sandbox = Sandbox()
        let result = try spiegel(input: "start most-satisfied-custmer\n", sandbox: sandbox)
        #expect(result.status == 65, "\(result)")
        #expect(result.stderr.contains("stdin:1:") && result.stderr.contains("did you mean 'most-satisfied-customer'"), "\(result)")
    }

    @Test func concurrentSessionsShareOneJournal() throws {
        let sandbox = Sandbox()
        let script = try AnswerScript(exercise: "most-satisfied-customer", sandbox: sandbox)
        let sessions = 32
        let runs = try (0..<sessions).map { index in
            let lines = ["start most-satisfied-customer"] + script.lines(textAnswer: "session \(index) — \(AnswerScript.dutchText)")
            return try SpiegelRun([], input: lines.joined(separator: "\n") + "\n", sandbox: sandbox)
        }
        let results = runs.map { $0.finish(timeout: 60) }
        for (index, result) in results.enumerated() {
            #expect(result.status == 0, "session \(index): \(result)")
        }
        let files = sandbox.files(in: sandbox.entries)
        #expect(files.count == sessions, "\(files)")
        #expect(files.allSatisfy { $0.hasSuffix(".json") && !$0.hasPrefix(".") }, "no temp files left: \(files)")
        var seen = Set<Int>()
        for file in files {
            let text = (try? String(contentsOfFile: sandbox.entries + "/" + file, encoding: .utf8)) ?? ""
            for index in 0..<sessions where text.contains("\"session \(index) — ") { seen.insert(index) }
        }
        #expect(seen.count == sessions, "every session's answers are in exactly its own entry")
        let journal = try spiegel(["journal", "--json"], sandbox: sandbox)
        #expect((try json(journal.stdout) as? [Any])?.count == sessions, "\(journal.stderr)")
        let doctor = try spiegel(["doctor"], sandbox: sandbox)
        #expect(doctor.status == 0, "\(doctor)")
    }
}
