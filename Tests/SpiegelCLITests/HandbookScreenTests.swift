// Pseudo-terminal tests use Linux's /proc and glibc's posix_spawn flags.
#if os(Linux)
import Foundation
import Glibc
import Testing

/// The handbook material as a trainer meets it: `show` lays out dialogues, tables, role-play cards,
/// reflection questions and the session plan within 60 columns in both languages, `graph --format json`
/// exports them, `search` finds words inside them, and `which-need` shows its answer key only after
/// the learner has chosen.
@Suite("Handbook material on screen", .serialized)
struct HandbookScreenTests {
    /// One node of each material kind, with words its screen must show in English and in Dutch.
    static let samples: [(id: String, en: [String], nl: [String])] = [
        ("dialogue-boundaries", ["How not to do it", "How to do it", "What went wrong", "What changed", "Employee"],
         ["Zo niet", "Zo wel", "Wat er misging", "Wat er veranderde", "Medewerker"]),
        ("table-interest", ["Do", "Don't"], ["Wel", "Niet"]),
        ("roleplay-connection-angry", ["Customer", "Employee", "Observer"], ["Klant", "Medewerker", "Observator"]),
        ("reflection-boundaries", ["Questions for the team"], ["Vragen voor het team"]),
        ("experience-game-session", ["75 minutes in all", "Roles", "Materials", "Steps", "Debrief", "30 min"],
         ["75 minuten in totaal", "Rollen", "Materiaal", "Stappen", "Nabespreking", "30 min"]),
        ("escalation-and-safety", ["Spiegel's own", "Do", "Don't"], ["Van Spiegel zelf", "Wel", "Niet"]),
        ("need-cues", ["Spiegel's own"], ["Van Spiegel zelf"]),
    ]

    @Test(arguments: ["en", "nl"])
    func materialIsLaidOutWithinSixtyColumns(language: String) throws {
        let sandbox = Sandbox()
        for sample in Self.samples {
            let lines = try ScreenTests.screen(["show", sample.id, "--no-pager"], columns: 60, sandbox: sandbox, language: language)
            let text = lines.joined(separator: "\n")
            for word in language == "en" ? sample.en : sample.nl {
                #expect(text.contains(word), "show \(sample.id) (\(language)) lacks '\(word)':\n\(text)")
            }
            for line in lines where ScreenTests.width(line) > 60 {
                Issue.record("show \(sample.id) (\(language)): \(ScreenTests.width(line)) columns: \(line.debugDescription)")
            }
        }
    }

    @Test func wrappedTurnsHangUnderTheTextNotTheSpeaker() throws {
        let lines = try ScreenTests.screen(["show", "dialogue-boundaries", "--no-pager"], columns: 60, sandbox: Sandbox(), language: "nl")
        let turn = try #require(lines.firstIndex { $0.hasPrefix("  Medewerker  Een week lang") })
        #expect(lines[turn + 1].hasPrefix(String(repeating: " ", count: 14)) && !lines[turn + 1].hasPrefix(String(repeating: " ", count: 15)),
                "continuation: \(lines[turn + 1].debugDescription)")
    }

    @Test func theGraphExportCarriesTheMaterial() throws {
        let result = try spiegel(["graph", "--format", "json", "--lang", "nl"], sandbox: Sandbox())
        #expect(result.status == 0, "\(result)")
        let graph = try #require(try json(result.stdout) as? [String: Any])
        let nodes = try #require(graph["nodes"] as? [[String: Any]])
        func node(_ id: String) -> [String: Any]? { nodes.first { $0["id"] as? String == id } }
        let dialogue = try #require(node("dialogue-boundaries")?["material"] as? [String: Any])
        let versions = try #require(dialogue["dialogue"] as? [[String: Any]])
        #expect(versions.map { $0["quality"] as? String } == ["poor", "good"])
        let turns = try #require(versions[1]["turns"] as? [[String: Any]])
        #expect(turns.first?["speaker"] as? String == "customer" && turns.first?["text"] as? String == "Ik moet de dokter spreken. Nu.")
        let rows = try #require((node("table-boundaries")?["material"] as? [String: Any])?["rows"] as? [[String: Any]])
        #expect(rows.count == 7 && rows.allSatisfy { $0.keys.sorted() == ["do", "dont"] })
        let card = try #require((node("roleplay-boundaries-rule")?["material"] as? [String: Any])?["card"] as? [String: Any])
        #expect(card.keys.sorted() == ["customer", "employee", "observer"])
        let plan = try #require((node("experience-game-session")?["material"] as? [String: Any])?["plan"] as? [String: Any])
        #expect(plan["minutes"] as? Int == 75)
        #expect(node("need-cues")?["own"] as? Bool == true)
        #expect(node("need-recognition")?["own"] == nil, "a sourced node is not marked as our own")
        let edges = try #require(graph["edges"] as? [[String: Any]])
        #expect(edges.contains { $0["from"] as? String == "dialogue-boundaries" && $0["kind"] as? String == "for" && $0["to"] as? String == "boundaries" })
    }

    @Test func searchFindsWordsInsideTheMaterial() throws {
        let sandbox = Sandbox()
        // "wachtkamer" is said only in a turn of the boundaries dialogue.
        let result = try spiegel(["search", "wachtkamer", "--lang", "nl", "--json"], sandbox: sandbox)
        #expect(result.status == 0, "\(result)")
        let hits = try #require(try json(result.stdout) as? [[String: Any]])
        #expect(hits.first?["id"] as? String == "dialogue-boundaries" && hits.first?["field"] as? String == "material", "\(hits)")
        let observer = try spiegel(["search", "lifeguard", "--lang", "en", "--json"], sandbox: sandbox)
        let found = try #require(try json(observer.stdout) as? [[String: Any]])
        #expect(found.contains { $0["id"] as? String == "roleplay-boundaries-rule" }, "\(found)")
    }

    @Test func whichNeedShowsItsAnswerKeyAfterTheChoiceAndNotInTheHint() throws {
        let sandbox = Sandbox()
        let shell = try PTYProcess(executable: try SpiegelBinary.require(), arguments: ["--lang", "en"],
                                   environment: sandbox.environment(["NO_COLOR": "1"]))
        try shell.expectPrompt(TerminalTests.prompt)
        var mark = shell.mark
        try shell.type("start which-need\r")
        try shell.expectPrompt("> ", after: try shell.expect("[1]", after: mark))
        mark = shell.mark
        try shell.type("?\r")
        try shell.expect("Look at what the customer does", after: mark)
        #expect(!shell.text(after: mark).contains("Our answer"), "the hint gives the answer away")
        mark = shell.mark
        try shell.type("2\r")
        try shell.expect("Our answer: Recognition. You chose Explanation.", after: mark)
        try shell.expect("The tenant repeats the story", after: mark)
        try shell.expectPrompt("> ", after: try shell.expect("[2]", after: mark))
        try AnswerEditingTests().stopKeepingDraft(shell)
    }
}
#endif
