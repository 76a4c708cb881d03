// Pseudo-terminal tests use Linux's /proc and glibc's posix_spawn flags.
#if os(Linux)
import Foundation
import Glibc
import Testing

/// Answers on a terminal are not commands: their own editing context (no completion, no history),
/// `back` gives the previous answer to edit, `/edit` opens the person's editor, and an entry's start is
/// the moment its first question was shown.
@Suite("Answers on a terminal", .serialized)
struct AnswerEditingTests {
    static let prompt = TerminalTests.prompt
    static let up = TerminalTests.up
    static let ctrlC = TerminalTests.ctrlC
    static let ctrlD = TerminalTests.ctrlD

    func launch(_ sandbox: Sandbox, _ extra: [String: String] = [:]) throws -> PTYProcess {
        try PTYProcess(executable: try SpiegelBinary.require(), environment: sandbox.environment(["NO_COLOR": "1"].merging(extra) { $1 }))
    }

    /// The one draft's JSON object.
    func draft(_ sandbox: Sandbox) throws -> [String: Any] {
        let names = sandbox.files(in: sandbox.drafts)
        try #require(names.count == 1, "drafts: \(names)")
        let data = try Data(contentsOf: URL(fileURLWithPath: sandbox.drafts + "/" + names[0]))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    func answerTexts(_ object: [String: Any]) -> [String] {
        ((object["answers"] as? [[String: Any]]) ?? []).map { ($0["text"] as? String) ?? "" }
    }

    /// A shell at a terminal that has started `exercise` and answered its first question with `answer`;
    /// the second question's prompt (`next`) is showing.
    func startExercise(_ exercise: String, answering answer: String, next: String = "> ", in sandbox: Sandbox) throws -> PTYProcess {
        let shell = try launch(sandbox)
        try shell.expectPrompt(Self.prompt)
        var mark = shell.mark
        try shell.type("start \(exercise)\r")
        try shell.expectPrompt("> ", after: try shell.expect("[1]", after: mark))
        mark = shell.mark
        try shell.type(answer + "\r")
        try shell.expectPrompt(next, after: try shell.expect("[2]", after: mark))
        return shell
    }

    /// Ctrl-C, keep the draft, leave the shell.
    func stopKeepingDraft(_ shell: PTYProcess) throws {
        var mark = shell.mark
        try shell.type(Self.ctrlC)
        try shell.expectPrompt("[Y/n] ", after: mark)
        mark = shell.mark
        try shell.type("\r")
        try shell.expectPrompt(Self.prompt, after: mark)
        try shell.type(Self.ctrlD)
        #expect(shell.waitForExit() == 0)
    }

    @Test func tabAndUpInAnAnswerAreNotCommands() throws {
        let sandbox = Sandbox()
        let shell = try launch(sandbox)
        try shell.expectPrompt(Self.prompt)
        var mark = shell.mark
        try shell.type("stats\r")
        try shell.expectPrompt(Self.prompt, after: mark, "stats ran")
        mark = shell.mark
        try shell.type("start most-satisfied-customer\r")
        try shell.expectPrompt("> ", after: try shell.expect("[1]", after: mark))
        mark = shell.mark
        try shell.type("st\t")
        usleep(150_000)
        try shell.type(Self.up)
        usleep(150_000)
        let screen = shell.text(after: mark)
        #expect(!screen.contains("start"), "Tab completed a command inside an answer: \(screen.debugDescription)")
        #expect(!screen.contains("stats"), "Up recalled a command inside an answer: \(screen.debugDescription)")
        try shell.type(" is my answer\r")
        try shell.expectPrompt("> ", after: try shell.expect("[2]", after: mark, "the answer was taken"))
        try stopKeepingDraft(shell)
        #expect(answerTexts(try draft(sandbox)) == ["st is my answer"])
        // Answers never reach the history file; the command does.
        let history = (try? String(contentsOfFile: sandbox.historyFile, encoding: .utf8)) ?? ""
        #expect(history.contains("stats"), "history: \(history.debugDescription)")
        #expect(!history.contains("my answer"), "an answer reached the history file: \(history.debugDescription)")
    }

    @Test func backGivesThePreviousAnswerToEdit() throws {
        let sandbox = Sandbox()
        let shell = try startExercise("most-satisfied-customer", answering: "the man with the broken heating", in: sandbox)
        var mark = shell.mark
        try shell.type("back\r")
        let asked = try shell.expect("[1]", after: mark, "back asks the first question again")
        try shell.expect("the man with the broken heating", after: asked, "the previous answer is in the line")
        try shell.expectPrompt("> ", after: asked)
        mark = shell.mark
        try shell.type(" in January\r")
        try shell.expectPrompt("> ", after: try shell.expect("[2]", after: mark))
        // An answer that is not accepted stays in the line to be corrected too: a rating out of range.
        try stopKeepingDraft(shell)
        #expect(answerTexts(try draft(sandbox)) == ["the man with the broken heating in January"])
    }

    /// In a list, back takes back the item before; an item given back and cleared is removed while the
    /// items after it are still offered (none is lost).
    @Test func backInAListEditsItsItems() throws {
        let sandbox = Sandbox()
        let shell = try startExercise("small-gesture-plan", answering: "a visitor waited at the desk", next: "  - ", in: sandbox)
        var mark = shell.mark
        for item in ["een", "fout"] {
            mark = shell.mark
            try shell.type(item + "\r")
            try shell.expectPrompt("  - ", after: mark)
        }
        mark = shell.mark
        try shell.type("terug\r")
        try shell.expect("fout", after: mark, "back gives the item before to edit")
        try shell.type("\u{15}twee\r")  // Ctrl-U clears it; 'twee' replaces it
        for item in ["drie", ""] {
            mark = shell.mark
            try shell.type(item + "\r")
            try shell.expectPrompt(item.isEmpty ? "> " : "  - ", after: mark)
        }
        // Back to the whole list: keep 'een', clear 'twee', keep 'drie'.
        mark = shell.mark
        try shell.type("back\r")
        try shell.expect("een", after: try shell.expect("[2]", after: mark))
        for keys in ["\r", "\u{15}\r", "\r"] {
            mark = shell.mark
            try shell.type(keys)
            try shell.expectPrompt("  - ", after: mark)
        }
        mark = shell.mark
        try shell.type("\r")
        try shell.expectPrompt("> ", after: try shell.expect("[3]", after: mark))
        try stopKeepingDraft(shell)
        let answers = (try draft(sandbox)["answers"] as? [[String: Any]]) ?? []
        #expect(answers.count == 2 && answers[1]["items"] as? [String] == ["een", "drie"], "\(answers)")
    }

    @Test func slashEditWritesTheAnswerInTheEditor() throws {
        let sandbox = Sandbox()
        let script = sandbox.root + "/editor.sh"
        let seen = sandbox.root + "/seen"
        try """
            #!/bin/sh
            stat -c %a "$1" > "\(seen)"
            echo "$1" >> "\(seen)"
            printf 'A long reflection,\\nover two lines.\\n' > "$1"
            """.write(toFile: script, atomically: true, encoding: .utf8)
        chmod(script, 0o755)
        let shell = try launch(sandbox, ["VISUAL": script])
        try shell.expectPrompt(Self.prompt)
        var mark = shell.mark
        try shell.type("start most-satisfied-customer\r")
        try shell.expect("/edit", after: mark, "the text step mentions /edit")
        try shell.expectPrompt("> ", after: try shell.expect("[1]", after: mark))
        mark = shell.mark
        try shell.type("/edit\r")
        try shell.expectPrompt("> ", after: try shell.expect("[2]", after: mark, "the editor's text is the answer"))
        try stopKeepingDraft(shell)
        #expect(answerTexts(try draft(sandbox)) == ["A long reflection,\nover two lines."])
        let lines = ((try? String(contentsOfFile: seen, encoding: .utf8)) ?? "").split(separator: "\n").map(String.init)
        try #require(lines.count == 2, "the editor ran: \(lines)")
        #expect(lines[0] == "600", "the temporary file is private")
        #expect(!FileManager.default.fileExists(atPath: lines[1]), "the temporary file is removed")
    }

    /// The start is the first question shown, the end the last answer; a resumed draft keeps its start.
    @Test func startIsEarlierThanCompletionWhenAnswersTakeTime() throws {
        let sandbox = Sandbox()
        let shell = try launch(sandbox)
        try shell.expectPrompt(Self.prompt)
        func answer(_ text: String, then next: String) throws {
            let mark = shell.mark
            try shell.type(text + "\r")
            try shell.expectPrompt(next, after: mark)
        }
        func finish(from list: String) throws {
            try answer(list, then: "  - ")
            try answer("", then: "> ")
            try answer("at the counter", then: "> ")
            try answer("skip", then: "> ")
            try answer("", then: "> ")  // the commitment's situation: none
            try answer("greet by name", then: "> ")
            try answer("in 3 days", then: "> ")
            try answer("4", then: Self.prompt)
        }
        func entries() throws -> [[String: Any]] {
            try sandbox.files(in: sandbox.entries).map {
                let data = try Data(contentsOf: URL(fileURLWithPath: sandbox.entries + "/" + $0))
                return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            }
        }
        let formatter = ISO8601DateFormatter()
        func duration(_ entry: [String: Any]) throws -> TimeInterval {
            let start = try #require((entry["startedAt"] as? String).flatMap(formatter.date(from:)))
            let end = try #require((entry["completedAt"] as? String).flatMap(formatter.date(from:)))
            return end.timeIntervalSince(start)
        }

        // In one sitting.
        try answer("start small-gesture-plan", then: "> ")
        sleep(2)
        try answer("a colleague at the desk", then: "  - ")
        try finish(from: "a smile")
        let first = try entries()
        try #require(first.count == 1, "\(shell.text.suffix(800))")
        #expect(try duration(first[0]) >= 2, "started \(first[0]["startedAt"] ?? "-"), completed \(first[0]["completedAt"] ?? "-")")

        // Stopped and resumed.
        try answer("start small-gesture-plan", then: "> ")
        try answer("a neighbour", then: "  - ")
        let mark = shell.mark
        try shell.type(Self.ctrlC)
        try shell.expectPrompt("[Y/n] ", after: mark)
        try answer("", then: Self.prompt)
        let started = try #require(try draft(sandbox)["startedAt"] as? String)
        sleep(2)
        try answer("resume", then: "  - ")
        try finish(from: "a note")
        try shell.type(Self.ctrlD)
        #expect(shell.waitForExit() == 0)
        let resumed = try #require(try entries().first { $0["startedAt"] as? String != first[0]["startedAt"] as? String })
        #expect(resumed["startedAt"] as? String == started, "a resumed exercise keeps its start")
        #expect(try duration(resumed) >= 2)
    }

    /// Ctrl-C at a one-shot command's passphrase prompt ends it with 130 (not a wrong passphrase, 77),
    /// with the terminal's echo back on and nothing created.
    @Test func ctrlCAtThePassphrasePromptEndsWith130() throws {
        let sandbox = Sandbox()
        let process = try PTYProcess(executable: try SpiegelBinary.require(), arguments: ["init", "--encrypt"],
                                     environment: sandbox.environment(["NO_COLOR": "1"]))
        try process.expect("passphrase", timeout: 10)
        usleep(300_000)  // the passphrase is read from /dev/tty, not fd 0: give the read a moment to start
        process.send(Self.ctrlC)
        let status = process.waitForExit(timeout: 5)
        #expect(status == 130, "status \(status.map(String.init) ?? "none"): \(process.text.debugDescription)")
        #expect(!FileManager.default.fileExists(atPath: sandbox.journal + "/manifest.json"), "nothing was created")
    }
}
#endif
