import Foundation
import Testing
import SpiegelContent
import SpiegelCore

/// The journal's commands end to end: commitments and their follow-up, filters, statistics, languages.
@Suite("Journal commands")
struct JournalCommandsTests {
    static let march10 = "2026-03-10T10:00:00+00:00"

    /// One `most-satisfied-customer` entry at `now`; its commitment "do X" is due "in 3 days".
    static func entryWithCommitment(_ sandbox: Sandbox, now: String = march10) throws -> (entry: String, commitment: String) {
        let script = try AnswerScript(exercise: "most-satisfied-customer", sandbox: sandbox)
        let result = try spiegel(["start", "most-satisfied-customer", "--now", now], input: script.lines().joined(separator: "\n") + "\n",
                                 sandbox: sandbox, environment: ["TZ": "UTC"])
        #expect(result.status == 0, "\(result)")
        let listed = try spiegel(["commitments", "--json"], sandbox: sandbox, environment: ["SPIEGEL_NOW": now, "TZ": "UTC"])
        #expect(listed.status == 0, "\(listed)")
        let commitments = try #require(try json(listed.stdout) as? [[String: Any]])
        #expect(commitments.count == 1, "\(listed)")
        let open = try #require(commitments.first)
        #expect(open["status"] as? String == "open")
        #expect(open["due"] as? String == "2026-03-13")
        let id = try #require(open["id"] as? String)
        let entry = try #require(try journalIDs(sandbox: sandbox).first)
        return (entry, id)
    }

    @Test func commitmentsAreFollowedUp() throws {
        let sandbox = Sandbox()
        let (entry, id) = try Self.entryWithCommitment(sandbox)
        let later = ["SPIEGEL_NOW": "2026-03-20T10:00:00+00:00", "TZ": "UTC", "NO_COLOR": "1"]

        let recommend = try spiegel(["recommend", "--json"], sandbox: sandbox, environment: later)
        #expect(recommend.status == 0, "\(recommend)")
        let checkIns = try #require((try json(recommend.stdout) as? [String: Any])?["checkIns"] as? [[String: Any]], "\(recommend)")
        #expect(checkIns.contains { $0["commitment"] as? String == id }, "the overdue commitment is a check-in: \(checkIns)")
        let early = try spiegel(["recommend", "--json"], sandbox: sandbox, environment: ["SPIEGEL_NOW": Self.march10, "TZ": "UTC"])
        let earlyCheckIns = (try json(early.stdout) as? [String: Any])?["checkIns"] as? [Any] ?? []
        #expect(earlyCheckIns.isEmpty, "nothing to check in on before the due date: \(early)")

        let listed = try spiegel(["commitments"], sandbox: sandbox, environment: later)
        #expect(listed.status == 0, "\(listed)")
        // Lists show the id's shortest unique start (here: its day).
        let line = listed.stdout.split(separator: "\n").first { $0.hasPrefix(id.prefix(8)) } ?? ""
        #expect(line.contains("overdue"), "ten days later the commitment is overdue: \(listed)")

        let moved = try spiegel(["moved", id, "2030-01-01", "busy", "week"], sandbox: sandbox, environment: later)
        #expect(moved.status == 0, "\(moved)")
        let afterMove = try spiegel(["commitments"], sandbox: sandbox, environment: later)
        // On screen a day of another year reads "1 Jan 2030"; --json keeps ISO 8601 (below).
        #expect(afterMove.stdout.contains("1 Jan 2030") && !afterMove.stdout.contains("overdue"), "\(afterMove)")
        let done = try spiegel(["done", id, "went", "well"], sandbox: sandbox, environment: later)
        #expect(done.status == 0, "\(done)")

        let shown = try spiegel(["entry", entry, "--json"], sandbox: sandbox)
        let object = try #require(try json(shown.stdout) as? [String: Any])
        let commitment = try #require((object["commitments"] as? [[String: Any]])?.first { $0["id"] as? String == id })
        #expect(commitment["status"] as? String == "done")
        #expect(commitment["due"] as? String == "2030-01-01")
        let history = commitment["history"] as? [[String: Any]] ?? []
        #expect(history.contains { $0["status"] as? String == "moved" && $0["reflection"] as? String == "busy week" && $0["due"] as? String == "2030-01-01" },
                "\(history)")
        #expect(history.contains { $0["status"] as? String == "done" && $0["reflection"] as? String == "went well" }, "\(history)")
        let open = try spiegel(["commitments", "--json"], sandbox: sandbox, environment: later)
        #expect((try json(open.stdout) as? [Any])?.isEmpty == true, "a done commitment is no longer open: \(open)")

        let unknown = try spiegel(["dropped", "no-such-commitment", "never", "mind"], sandbox: sandbox)
        #expect(unknown.status != 0, "\(unknown)")
        #expect(unknown.stderr.contains("no-such-commitment"), "\(unknown)")
    }

    /// `commitments --json` is machine-readable output: it must carry the same history as the entry file,
    /// whether the journal's summaries were just read from the files or come from the cached index.
    @Test func commitmentsJSONKeepsTheHistory() throws {
        let sandbox = Sandbox()
        let (_, id) = try Self.entryWithCommitment(sandbox)
        let done = try spiegel(["done", id, "went", "well"], sandbox: sandbox)
        #expect(done.status == 0, "\(done)")
        for round in 1...2 {
            let listed = try spiegel(["commitments", "--all", "--json"], sandbox: sandbox)
            let commitment = (try json(listed.stdout) as? [[String: Any]])?.first { $0["id"] as? String == id }
            let history = commitment?["history"] as? [[String: Any]] ?? []
            #expect(commitment?["status"] as? String == "done", "call \(round): \(listed.stdout)")
            #expect(history.contains { $0["status"] as? String == "done" && $0["reflection"] as? String == "went well" },
                    "call \(round) of commitments --all --json lost the history: \(history)")
        }
    }

    /// Three entries on three days, of three exercises; returns exercise -> id.
    static func threeEntries(_ sandbox: Sandbox) throws -> [String: String] {
        var lines: [String] = []
        for (exercise, now, text) in [("most-satisfied-customer", "2026-03-02T10:00:00+00:00", "Één café, heel gezellig"),
                                      ("small-gesture-plan", "2026-03-10T10:00:00+00:00", "een kop thee"),
                                      ("tips-inventory", "2026-03-20T10:00:00+00:00", "een kop thee")] {
            lines.append("start \(exercise) --now \(now)")
            lines += try AnswerScript(exercise: exercise, sandbox: sandbox).lines(textAnswer: text)
        }
        let result = try spiegel(input: lines.joined(separator: "\n") + "\n", sandbox: sandbox, environment: ["TZ": "UTC"])
        #expect(result.status == 0, "\(result)")
        let listed = try spiegel(["journal", "--json"], sandbox: sandbox)
        let entries = try #require(try json(listed.stdout) as? [[String: Any]])
        var byExercise: [String: String] = [:]
        for entry in entries { byExercise[entry["exercise"] as? String ?? ""] = entry["id"] as? String }
        #expect(byExercise.count == 3, "\(listed)")
        return byExercise
    }

    @Test func grepListsTheBestMatchesAndSaysHowManyMore() throws {
        let sandbox = Sandbox()
        _ = try JournalGenerator(graph: .curated()).generate(count: 80, seed: 4, into: JournalStore(root: sandbox.journal), now: Date())
        let every = try spiegel(["journal", "--json", "--grep", "the"], sandbox: sandbox)
        let total = (try json(every.stdout) as? [[String: Any]] ?? []).count
        #expect(total > 30, "JSON lists every match: \(every)")
        func listed(_ result: RunResult) -> Int {
            // An entry's line: date, id, exercise and [principles]; its excerpt is indented below it.
            result.stdout.split(separator: "\n").filter { !$0.hasPrefix(" ") && $0.contains(" [") }.count
        }

        let capped = try spiegel(["journal", "--grep", "the"], sandbox: sandbox)
        #expect(capped.status == 0 && listed(capped) == 20, "\(capped)")
        #expect(capped.stdout.contains("The best 20 are listed; \(total - 20) more entries match"), "\(capped.stdout)")
        let dutch = try spiegel(["--lang", "nl", "journal", "--grep", "the"], sandbox: sandbox)
        #expect(dutch.stdout.contains("Dit zijn de beste 20; er zijn nog \(total - 20) notities gevonden"), "\(dutch.stdout)")

        let more = try spiegel(["journal", "--grep", "the", "--limit", "25"], sandbox: sandbox)
        #expect(listed(more) == 25 && !more.stdout.contains("more entries match"), "--limit is taken as given: \(more)")
        let all = try spiegel(["journal", "--grep", "the", "--all"], sandbox: sandbox)
        #expect(listed(all) == total && !all.stdout.contains("more entries match"), "\(all)")
        let few = try spiegel(["journal", "--grep", "the", "--principle", "boundaries", "--exercise", "no-such-exercise"], sandbox: sandbox)
        #expect(!few.stdout.contains("more entr"), "\(few)")
    }

    @Test func journalFilters() throws {
        let sandbox = Sandbox()
        let ids = try Self.threeEntries(sandbox)
        let satisfied = ids["most-satisfied-customer"] ?? "?", gesture = ids["small-gesture-plan"] ?? "?", tips = ids["tips-inventory"] ?? "?"
        func journal(_ filters: [String]) throws -> [String] {
            let result = try spiegel(["journal", "--json"] + filters, sandbox: sandbox, environment: ["TZ": "UTC"])
            #expect(result.status == 0, "\(filters): \(result)")
            return (try json(result.stdout) as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
        }
        #expect(try journal([]) == [tips, gesture, satisfied], "newest first")
        #expect(try journal(["--principle", "interest"]) == [satisfied])
        #expect(try journal(["--principle", "action"]) == [tips, gesture])
        #expect(try journal(["--principle", "boundaries"]).isEmpty)
        #expect(try journal(["--exercise", "small-gesture-plan"]) == [gesture])
        #expect(try journal(["--since", "2026-03-05"]) == [tips, gesture])
        #expect(try journal(["--until", "2026-03-10"]) == [gesture, satisfied], "--until includes its day")
        #expect(try journal(["--since", "2026-03-05", "--until", "2026-03-15"]) == [gesture])
        #expect(try journal(["--grep", "cafe"]) == [satisfied], "grep ignores accents")
        #expect(try journal(["--grep", "ÉÉN CAFÉ"]) == [satisfied], "grep ignores case")
        #expect(try journal(["--grep", "kop thee"]) == [tips, gesture])
        #expect(try journal(["--limit", "2"]) == [tips, gesture])
        #expect(try journal(["--principle", "connection", "--limit", "1"]) == [gesture])
        let bad = try spiegel(["journal", "--since", "March"], sandbox: sandbox)
        #expect(bad.status == 64 && bad.stderr.contains("--since"), "\(bad)")
    }

    @Test func statsCountPerPrinciple() throws {
        let sandbox = Sandbox()
        _ = try Self.threeEntries(sandbox)
        let result = try spiegel(["stats", "--json"], sandbox: sandbox, environment: ["SPIEGEL_NOW": "2026-03-21T10:00:00+00:00", "TZ": "UTC"])
        #expect(result.status == 0, "\(result)")
        let stats = try #require(try json(result.stdout) as? [String: Any])
        #expect(stats["entries"] as? Int == 3)
        let principles = try #require(stats["principles"] as? [[String: Any]])
        var counts: [String: Int] = [:]
        for figures in principles { counts[figures["principle"] as? String ?? ""] = figures["entries"] as? Int }
        // most-satisfied-customer: connection, interest; small-gesture-plan: action, connection; tips-inventory: action, awareness.
        #expect(counts == ["interest": 1, "connection": 2, "action": 2, "awareness": 1, "boundaries": 0], "\(counts)")
        let last = principles.first { $0["principle"] as? String == "awareness" }?["lastPractised"] as? String
        #expect(last == "2026-03-20", "\(principles)")
    }

    @Test func dutchNamesAndTheEnglishFallbackMarker() throws {
        let sandbox = Sandbox()
        let dutch = try spiegel(["--lang", "nl", "principles"], sandbox: sandbox)
        #expect(dutch.status == 0, "\(dutch)")
        #expect(dutch.stdout.contains("Toon echte interesse"), "\(dutch)")
        #expect(!dutch.stdout.contains("Show real interest"), "\(dutch)")
        #expect(!dutch.stdout.contains("[en]"), "the curated content is complete in Dutch: \(dutch)")

        let pack = """
            nodes:
              - id: src-test-pack
                kind: source
                name: {en: "Test pack source"}
                summary: {en: "Where the test pack comes from."}
                title: "Test pack"
                author: Test Author
                publication: test.example
                seed: test.txt
              - id: english-only-idea
                kind: concept
                name: {en: "An English-only idea"}
                summary: {en: "Written in English only, so far."}
                from: [src-test-pack]
            """
        try sandbox.write(pack, to: "pack/knowledge/extra.yaml")
        let shown = try spiegel(["--knowledge", "pack", "--lang", "nl", "show", "english-only-idea"], sandbox: sandbox, environment: ["NO_COLOR": "1"])
        #expect(shown.status == 0, "\(shown)")
        let title = shown.stdout.split(separator: "\n").first ?? ""
        #expect(title.contains("An English-only idea") && title.contains("[en]"), "the English name is marked as a fallback: \(shown)")
        let english = try spiegel(["--knowledge", "pack", "--lang", "en", "show", "english-only-idea"], sandbox: sandbox, environment: ["NO_COLOR": "1"])
        #expect(english.status == 0 && english.stdout.contains("An English-only idea"), "\(english)")
        #expect(!english.stdout.contains("[en]") && !english.stdout.contains("[nl]"), "no marker in the node's own language: \(english)")
    }
}

/// Dates as typed and as shown: either language in, local human days out, ISO 8601 in JSON.
@Suite("Human dates")
struct HumanDateTests {
    @Test func movedTakesADateOfSeveralWordsUnquoted() throws {
        let sandbox = Sandbox()
        let script = "start small-gesture-plan\na colleague\na smile\n\nat the desk\nskip\n\ngreet by name\nin 3 days\n4\n"
        let environment = ["SPIEGEL_NOW": "2026-11-20", "TZ": "UTC"]
        #expect(try spiegel([], input: script, sandbox: sandbox, environment: environment).status == 0)
        let listed = try spiegel(["commitments", "--json"], sandbox: sandbox, environment: environment)
        let id = try #require(((try json(listed.stdout) as? [[String: Any]])?.first?["id"]) as? String)
        let moved = try spiegel(["moved", id, "over", "7", "dagen", "druk", "weekje"], sandbox: sandbox, environment: environment)
        #expect(moved.status == 0, "\(moved)")
        let shown = try spiegel(["commitments", "--lang", "nl"], sandbox: sandbox, environment: environment)
        #expect(shown.stdout.contains("vr 27 nov"), "Dutch days on screen: \(shown)")
        let english = try spiegel(["commitments", "--lang", "en"], sandbox: sandbox, environment: environment)
        #expect(english.stdout.contains("Fri 27 Nov"), "\(english)")
        let object = try spiegel(["commitments", "--json"], sandbox: sandbox, environment: environment)
        let commitment = try #require((try json(object.stdout) as? [[String: Any]])?.first)
        #expect(commitment["due"] as? String == "2026-11-27")
        let history = commitment["history"] as? [[String: Any]] ?? []
        #expect(history.contains { $0["reflection"] as? String == "druk weekje" }, "the words after the date are the reflection: \(history)")
    }
}
