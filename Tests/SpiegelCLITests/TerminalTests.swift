// Pseudo-terminal tests use Linux's /proc and glibc's posix_spawn flags.
#if os(Linux)
import Foundation
import Glibc
import Testing

/// The shell on a pseudo-terminal: libedit's prompt, completion, history, Ctrl-C and Ctrl-D, UTF-8 editing.
@Suite("Shell on a terminal", .serialized)
struct TerminalTests {
    static let prompt = "spiegel> "
    static let up = "\u{1B}[A"
    static let ctrlA = "\u{01}"
    static let ctrlC = "\u{03}"
    static let ctrlD = "\u{04}"

    func launch(_ sandbox: Sandbox, arguments: [String] = []) throws -> PTYProcess {
        let binary = try SpiegelBinary.require()
        return try PTYProcess(executable: binary, arguments: arguments, environment: sandbox.environment(["NO_COLOR": "1"]))
    }

    @Test func editingCompletionHistoryAndSignals() throws {
        let sandbox = Sandbox()
        let shell = try launch(sandbox)
        try shell.expectPrompt(Self.prompt, "the prompt")

        // Tab completes the command word.
        var mark = shell.mark
        try shell.type("princ\t")
        try shell.expect("principles", after: mark, "Tab completion of 'princ'")

        // Enter runs it.
        mark = shell.mark
        try shell.type("\r")
        try shell.expect("boundaries", after: mark, "the output of principles")
        try shell.expectPrompt(Self.prompt, after: mark, "a new prompt after principles")

        // The up arrow recalls the line.
        mark = shell.mark
        try shell.type(Self.up)
        try shell.expect("principles", after: mark, "up arrow recalls 'principles'")

        // Ctrl-C cancels the recalled line; Ctrl-C on a half-typed line leaves the shell alive with a new prompt.
        mark = shell.mark
        try shell.type(Self.ctrlC)
        try shell.expectPrompt(Self.prompt, after: mark, "a prompt after Ctrl-C")
        mark = shell.mark
        try shell.type("exerc")
        try shell.expect("exerc", after: mark, "echo of the half-typed line")
        mark = shell.mark
        try shell.type(Self.ctrlC)
        try shell.expect("^C", after: mark, "Ctrl-C is shown")
        try shell.expectPrompt(Self.prompt, after: mark, "a new prompt after Ctrl-C")
        #expect(shell.isAlive, "Ctrl-C must not end the shell")
        // The cancelled text is gone: Enter on the new line runs nothing.
        mark = shell.mark
        try shell.type("\r")
        try shell.expectPrompt(Self.prompt, after: mark, "a prompt after an empty line")
        #expect(!shell.text(after: mark).contains("unknown command"), "\(shell.text(after: mark).debugDescription)")

        // UTF-8 editing: Ctrl-A goes to the start of a line with multi-byte characters, and 'x' is inserted there.
        mark = shell.mark
        try shell.type("één café")
        try shell.expect("café", after: mark, "echo of the UTF-8 text")
        try shell.type(Self.ctrlA)
        usleep(100_000)
        try shell.type("x\r")
        try shell.expect("unknown command 'xéén'", after: mark, "the edited line reaches the shell")
        try shell.expectPrompt(Self.prompt, after: mark, "a prompt after the error")
        #expect(shell.isAlive, "an unknown command does not end the shell")

        // Ctrl-D on an empty line leaves with status 0.
        try shell.type(Self.ctrlD)
        let status = shell.waitForExit(timeout: 5)
        #expect(status == 0, "exit status \(status.map(String.init) ?? "none (still running)")\n\(shell.text.debugDescription)")

        // The history was saved, privately.
        #expect(FileManager.default.fileExists(atPath: sandbox.historyFile), "no history at \(sandbox.historyFile)")
        #expect(permissions(sandbox.historyFile) == 0o600)
        #expect(permissions(sandbox.root + "/state/spiegel") == 0o700)
    }

    @Test func historyIsRecalledInTheNextSession() throws {
        let sandbox = Sandbox()
        do {
            let first = try launch(sandbox)
            try first.expectPrompt(Self.prompt)
            let mark = first.mark
            try first.type("principles\r")
            try first.expect("boundaries", after: mark)
            try first.expectPrompt(Self.prompt, after: mark)
            try first.type(Self.ctrlD)
            #expect(first.waitForExit() == 0)
        }
        #expect(permissions(sandbox.historyFile) == 0o600)
        let saved = (try? String(contentsOfFile: sandbox.historyFile, encoding: .utf8)) ?? ""
        #expect(saved.contains("principles"), "history file: \(saved.debugDescription)")

        let second = try launch(sandbox)
        try second.expectPrompt(Self.prompt)
        var mark = second.mark
        try second.type(Self.up)
        try second.expect("principles", after: mark, "up arrow in a new session recalls the last line")
        mark = second.mark
        try second.type("\r")
        try second.expect("boundaries", after: mark, "the recalled line runs")
        try second.expectPrompt(Self.prompt, after: mark)
        try second.type(Self.ctrlD)
        #expect(second.waitForExit() == 0)
        #expect(permissions(sandbox.historyFile) == 0o600)
    }

    @Test func ctrlCInAnExerciseKeepsADraft() throws {
        let sandbox = Sandbox()
        let shell = try launch(sandbox)
        try shell.expectPrompt(Self.prompt)
        var mark = shell.mark
        try shell.type("start most-satisfied-customer\r")
        try shell.expect("[1]", after: mark, "the first question")
        try shell.expectPrompt("> ", after: mark)
        mark = shell.mark
        try shell.type("Één café, naïef — 😊\r")
        try shell.expect("[2]", after: mark, "the second question")
        try shell.expectPrompt("> ", after: mark)
        // An invalid answer is re-asked on a terminal, not fatal: an empty answer to a required text.
        mark = shell.mark
        try shell.type("\r")
        let warned = try shell.expect("an answer is needed here", after: mark)
        try shell.expectPrompt("> ", after: warned, "the question is asked again")
        mark = shell.mark
        try shell.type(Self.ctrlC)
        try shell.expectPrompt("[Y/n] ", after: mark, "asks whether to keep a draft")
        mark = shell.mark
        try shell.type("\r")
        try shell.expect("Draft kept: resume ", after: mark)
        try shell.expectPrompt(Self.prompt, after: mark, "back at the shell prompt")
        #expect(shell.isAlive)
        try shell.type(Self.ctrlD)
        #expect(shell.waitForExit() == 0)
        let drafts = sandbox.files(in: sandbox.drafts)
        #expect(drafts.count == 1, "\(drafts)")
        if let draft = drafts.first {
            let text = (try? Data(contentsOf: URL(fileURLWithPath: sandbox.drafts + "/" + draft))) ?? Data()
            #expect(text.range(of: Data("Één café, naïef — 😊".utf8)) != nil, "the terminal answer is stored exactly")
            #expect(permissions(sandbox.drafts + "/" + draft) == 0o600)
        }
    }

    /// Ctrl-C on the line being typed, once its new prompt is there; returns the mark after it.
    func cancelLine(_ shell: PTYProcess) throws -> Int {
        let mark = shell.mark
        try shell.type(Self.ctrlC)
        try shell.expect("^C", after: mark)
        try shell.expectPrompt(Self.prompt, after: mark)
        return shell.mark
    }

    /// Tab lists ids with what they name, and asks before listing a hundred or more.
    @Test func tabListsIdsWithTheirKindAndName() throws {
        let sandbox = Sandbox()
        let shell = try launch(sandbox)
        try shell.expectPrompt(Self.prompt)
        var mark = shell.mark
        try shell.type("show in\t")
        try shell.expect("principle · Show real interest", after: mark, "a node's kind and name beside its id")
        try shell.expect("practice · ", after: mark, "practices named too")
        mark = try cancelLine(shell)
        try shell.type("show \t")
        try shell.expect("possibilities? (y/n)", after: mark, "a question before a long list")
        try shell.type("n")
        try shell.expectPrompt(Self.prompt, after: mark, "'n' lists nothing")
        #expect(!shell.text(after: mark).contains("principle · "), "\(shell.text(after: mark).debugDescription)")
        mark = shell.mark
        try shell.type("\t")
        try shell.expect("possibilities? (y/n)", after: mark)
        try shell.type("y")
        try shell.expect("exercise · ", after: mark, "'y' lists them all")
        mark = try cancelLine(shell)
        try shell.type("sta\t")
        try shell.expect("Start an exercise", after: mark, "commands with what they do")
    }

    /// Colours on a terminal, none with NO_COLOR or TERM=dumb. (libedit's own cursor movements are not colours:
    /// only SGR sequences, ESC [ ... m, count.)
    @Test func coloursFollowNoColor() throws {
        let binary = try SpiegelBinary.require()
        func run(_ extra: [String: String], without: [String] = []) throws -> String {
            let sandbox = Sandbox()
            var environment = sandbox.environment(extra)
            for key in without { environment[key] = nil }
            let process = try PTYProcess(executable: binary, arguments: ["principles"], environment: environment)
            let status = process.waitForExit(timeout: 10)
            #expect(status == 0, "\(process.text.debugDescription)")
            return process.text
        }
        func hasColour(_ text: String) -> Bool {
            text.range(of: "\u{1B}\\[[0-9;]*m", options: .regularExpression) != nil
        }
        let coloured = try run([:], without: ["NO_COLOR"])
        #expect(coloured.contains("boundaries"))
        #expect(hasColour(coloured), "a terminal gets colours: \(coloured.prefix(200).debugDescription)")
        let plain = try run(["NO_COLOR": "1"])
        #expect(plain.contains("boundaries"))
        #expect(!hasColour(plain), "NO_COLOR: \(plain.prefix(200).debugDescription)")
        let dumb = try run(["TERM": "dumb"], without: ["NO_COLOR"])
        #expect(!hasColour(dumb), "TERM=dumb: \(dumb.prefix(200).debugDescription)")
    }

    /// A Ctrl-C that arrives while the editor is busy writing (not waiting in read()) must still cancel the line.
    /// Made deterministic with flow control: Ctrl-S stops the terminal's output, so the editor's echo of the
    /// next key blocks in write(); Ctrl-C then arrives while it is writing. (The same happens on a slow terminal,
    /// or when Ctrl-C follows another key very closely.)
    @Test func ctrlCWhileTheEditorIsWritingCancelsTheLine() throws {
        let sandbox = Sandbox()
        let shell = try launch(sandbox)
        try shell.expectPrompt(Self.prompt)
        try shell.type("\u{13}")  // Ctrl-S: the terminal stops output
        usleep(20_000)
        shell.send("x")  // the echo of 'x' now waits for the terminal
        let deadline = Date().addingTimeInterval(5)
        var writing = shell.isBlocked(inSyscall: PTYProcess.writeSyscall, descriptor: 1)
        while writing == false && Date() < deadline {
            usleep(2_000)
            writing = shell.isBlocked(inSyscall: PTYProcess.writeSyscall, descriptor: 1)
        }
        guard writing == true else {
            if writing == nil { return }  // no /proc to tell: nothing to check
            Issue.record("the editor never blocked writing the echo while output was stopped")
            return
        }
        let mark = shell.mark
        shell.send(Self.ctrlC)
        guard shell.waitFor(Self.prompt, after: mark, timeout: 2) != nil else {
            Issue.record("""
                Ctrl-C while the editor was writing was ignored: no new prompt within 2 s \
                (output after Ctrl-C: \(shell.text(after: mark).debugDescription)); a second Ctrl-C is needed
                """)
            return
        }
        #expect(shell.text(after: mark).contains("^C"))
        try shell.expectPrompt(Self.prompt, after: mark)
        try shell.type(Self.ctrlD)
        #expect(shell.waitForExit() == 0)
    }
}
#endif
