import Foundation
import Testing

/// Encrypted journals: nothing readable on disk or in the history, a wrong passphrase changes nothing,
/// export still works, and encrypt/decrypt/rekey keep every entry.
@Suite struct EncryptionTests {
    static let secret = "GEHEIM-Één-café-😊"

    func script(_ text: String) -> String {
        "start small-gesture-plan\n\(text)\nchair\ncoffee\n\nthe chair\nskip\n\noffer water\nin 3 days\n4\n"
    }

    /// Every file under `folder` whose bytes contain `needle`.
    func files(in folder: String, containing needle: String) -> [String] {
        guard let walker = FileManager.default.enumerator(atPath: folder) else { return [] }
        var hits: [String] = []
        let bytes = Data(needle.utf8)
        for case let relative as String in walker {
            let path = folder + "/" + relative
            if let data = FileManager.default.contents(atPath: path), data.range(of: bytes) != nil { hits.append(relative) }
        }
        return hits
    }

    @Test func anEncryptedJournalHoldsNoPlaintext() throws {
        let sandbox = Sandbox("spiegel-enc")
        let pass = sandbox.root + "/pass"
        try "correct horse battery\n".write(toFile: pass, atomically: true, encoding: .utf8)
        let env = ["SPIEGEL_PASSPHRASE_FILE": pass]
        #expect(try spiegel(["init", "--encrypt"], sandbox: sandbox, environment: env).status == 0)
        let run = try spiegel([], input: script(Self.secret), sandbox: sandbox, environment: env)
        #expect(run.status == 0, "\(run)")
        // A draft too: an exercise cut off by the end of input.
        _ = try spiegel([], input: "start small-gesture-plan\n\(Self.secret) draft\n", sandbox: sandbox, environment: env)
        let listed = try spiegel(["journal", "--grep", "geheim"], sandbox: sandbox, environment: env)
        #expect(listed.status == 0 && listed.stdout.contains(Self.secret), "\(listed)")
        #expect(files(in: sandbox.journal, containing: "GEHEIM").isEmpty)
        #expect(files(in: sandbox.journal, containing: "chair").isEmpty)
        #expect(files(in: sandbox.root + "/state", containing: "GEHEIM").isEmpty)
        let md = try spiegel(["export", "--format", "json"], sandbox: sandbox, environment: env)
        #expect(md.status == 0 && md.stdout.contains(Self.secret))
        let redacted = try spiegel(["export", "--format", "json", "--redact"], sandbox: sandbox, environment: env)
        #expect(redacted.status == 0 && redacted.stdout.contains("GEHEIM"))
    }

    @Test func aWrongPassphraseIsRefusedAndWritesNothing() throws {
        let sandbox = Sandbox("spiegel-enc")
        let pass = sandbox.root + "/pass", wrong = sandbox.root + "/wrong"
        try "correct horse battery\n".write(toFile: pass, atomically: true, encoding: .utf8)
        try "not the passphrase\n".write(toFile: wrong, atomically: true, encoding: .utf8)
        #expect(try spiegel(["init", "--encrypt"], sandbox: sandbox, environment: ["SPIEGEL_PASSPHRASE_FILE": pass]).status == 0)
        #expect(try spiegel([], input: script("first"), sandbox: sandbox, environment: ["SPIEGEL_PASSPHRASE_FILE": pass]).status == 0)
        let before = snapshot(sandbox.journal)
        for arguments in [["journal"], ["export", "--format", "json"], ["decrypt"]] {
            let run = try spiegel(arguments, sandbox: sandbox, environment: ["SPIEGEL_PASSPHRASE_FILE": wrong])
            #expect(run.status == 77, "\(arguments): \(run)")
            #expect(run.stderr.contains("wrong passphrase"))
        }
        let piped = try spiegel([], input: script("second"), sandbox: sandbox, environment: ["SPIEGEL_PASSPHRASE_FILE": wrong])
        #expect(piped.status == 77)
        #expect(snapshot(sandbox.journal) == before)
    }

    @Test func readCommandsRefuseAWrongPassphraseInsteadOfShowingNothing() throws {
        let sandbox = Sandbox("spiegel-enc")
        let pass = sandbox.root + "/pass", wrong = sandbox.root + "/wrong"
        try "correct horse battery\n".write(toFile: pass, atomically: true, encoding: .utf8)
        try "not the passphrase\n".write(toFile: wrong, atomically: true, encoding: .utf8)
        #expect(try spiegel(["init", "--encrypt"], sandbox: sandbox, environment: ["SPIEGEL_PASSPHRASE_FILE": pass]).status == 0)
        for arguments in [["recommend"], ["stats"], ["commitments"], ["journal", "--grep", "x"]] {
            let run = try spiegel(arguments, sandbox: sandbox, environment: ["SPIEGEL_PASSPHRASE_FILE": wrong])
            #expect(run.status == 77, "\(arguments): \(run)")
            #expect(run.stdout.isEmpty, "\(arguments) printed results for a locked journal")
        }
    }

    @Test func encryptRekeyDecryptKeepEveryEntry() throws {
        let sandbox = Sandbox("spiegel-enc")
        let pass = sandbox.root + "/pass", other = sandbox.root + "/other"
        try "first passphrase\n".write(toFile: pass, atomically: true, encoding: .utf8)
        try "second passphrase\n".write(toFile: other, atomically: true, encoding: .utf8)
        for index in 0..<3 { #expect(try spiegel([], input: script("plain \(index)"), sandbox: sandbox).status == 0) }
        #expect(try spiegel(["encrypt"], sandbox: sandbox, environment: ["SPIEGEL_PASSPHRASE_FILE": pass]).status == 0)
        #expect(files(in: sandbox.journal, containing: "plain ").isEmpty)
        let rekey = try spiegel(["rekey"], sandbox: sandbox, environment: ["SPIEGEL_PASSPHRASE_FILE": pass, "SPIEGEL_NEW_PASSPHRASE_FILE": other])
        #expect(rekey.status == 0, "\(rekey)")
        #expect(try spiegel(["journal"], sandbox: sandbox, environment: ["SPIEGEL_PASSPHRASE_FILE": pass]).status == 77)
        let listed = try spiegel(["journal", "--json"], sandbox: sandbox, environment: ["SPIEGEL_PASSPHRASE_FILE": other])
        #expect((try json(listed.stdout) as? [Any])?.count == 3)
        #expect(try spiegel(["decrypt"], sandbox: sandbox, environment: ["SPIEGEL_PASSPHRASE_FILE": other]).status == 0)
        #expect(files(in: sandbox.entries, containing: "plain ").count == 3)
        let plainList = try spiegel(["journal", "--json"], sandbox: sandbox)
        #expect((try json(plainList.stdout) as? [Any])?.count == 3)
    }

    @Test func freeTextStaysOutOfTheHistory() throws {
        let sandbox = Sandbox("spiegel-enc")
        let binary = try SpiegelBinary.require()
        let shell = try PTYProcess(executable: binary, environment: sandbox.environment(["NO_COLOR": "1"]))
        try shell.expectPrompt("spiegel> ", "the prompt")
        var mark = shell.mark
        try shell.type("done 2026-x the customer Jansen was furious\r")
        try shell.expectPrompt("spiegel> ", after: mark, "a prompt after done")
        mark = shell.mark
        try shell.type("note 2026-y Jansen again\r")
        try shell.expectPrompt("spiegel> ", after: mark, "a prompt after note")
        try shell.type("\u{04}")
        #expect(shell.waitForExit(timeout: 5) == 0)
        let history = (try? String(contentsOfFile: sandbox.historyFile, encoding: .utf8)) ?? ""
        #expect(history.contains("done"))
        #expect(!history.contains("Jansen"))
    }

    func snapshot(_ folder: String) -> [String: Data] {
        var result: [String: Data] = [:]
        for case let relative as String in FileManager.default.enumerator(atPath: folder) ?? FileManager.default.enumerator(atPath: "/nonexistent")! {
            if let data = FileManager.default.contents(atPath: folder + "/" + relative) { result[relative] = data }
        }
        return result
    }
}

#if os(Linux)
/// The passphrase of an encrypted journal asked when the shell opens: a wrong one is asked again, three
/// tries in all, then the shell ends with 77 (no prompt without a greeting).
@Suite("Passphrase at the shell's start", .serialized)
struct ShellPassphraseTests {
    func encrypted() throws -> Sandbox {
        let sandbox = Sandbox("spiegel-enc-shell")
        let pass = sandbox.root + "/pass"
        try "correct horse battery\n".write(toFile: pass, atomically: true, encoding: .utf8)
        #expect(try spiegel(["init", "--encrypt"], sandbox: sandbox, environment: ["SPIEGEL_PASSPHRASE_FILE": pass]).status == 0)
        return sandbox
    }

    func launch(_ sandbox: Sandbox) throws -> PTYProcess {
        try PTYProcess(executable: try SpiegelBinary.require(), arguments: [], environment: sandbox.environment(["NO_COLOR": "1"]))
    }

    @Test func aWrongPassphraseIsAskedAgainThenTheShellEndsWith77() throws {
        let sandbox = try encrypted()
        let shell = try launch(sandbox)
        var mark = 0
        for _ in 1...3 {
            // Read without echo in canonical mode: the prompt is written once echo is off.
            try shell.expect("Passphrase for ", after: mark)
            mark = shell.mark
            usleep(300_000)  // read from /dev/tty, not fd 0: give the read a moment to start
            shell.send("wrong passphrase\r")
            try shell.expect("wrong passphrase for this journal", after: mark)
        }
        #expect(shell.waitForExit() == 77, "\(shell.text)")
        #expect(!shell.text.contains("spiegel> "), "no prompt after three wrong tries: \(shell.text)")
        #expect(FileManager.default.fileExists(atPath: sandbox.journal + "/journal.json"))
    }

    /// Types `text` at a passphrase prompt (read from /dev/tty, not fd 0) once it is shown after `mark`.
    func answer(_ shell: PTYProcess, _ prompt: String, after mark: Int, _ text: String) throws -> Int {
        try shell.expect(prompt, after: mark)
        let next = shell.mark
        usleep(300_000)  // give the read a moment to start
        shell.send(text + "\r")
        return next
    }

    /// A new passphrase at a terminal: the warning first, the length rule before "Again:", a mismatch asked
    /// again; `rekey` in the shell asks the current passphrase and refuses it as the new one.
    @Test func aNewPassphraseIsCheckedAsItIsTyped() throws {
        let sandbox = Sandbox("spiegel-enc-new")
        let initial = try PTYProcess(executable: try SpiegelBinary.require(), arguments: ["init", "--encrypt"],
                                     environment: sandbox.environment(["NO_COLOR": "1"]))
        try initial.expect("cannot be reset")
        var mark = try answer(initial, "New passphrase: ", after: 0, "short")
        try initial.expect("at least 8 characters", after: mark)
        mark = try answer(initial, "New passphrase: ", after: mark, "correct horse battery")
        mark = try answer(initial, "Again: ", after: mark, "another horse battery")
        try initial.expect("differ: type it again", after: mark)
        mark = try answer(initial, "New passphrase: ", after: mark, "correct horse battery")
        mark = try answer(initial, "Again: ", after: mark, "correct horse battery")
        try initial.expect("Journal created", after: mark)
        #expect(initial.waitForExit() == 0, "\(initial.text)")

        let shell = try PTYProcess(executable: try SpiegelBinary.require(), arguments: [], environment: sandbox.environment(["NO_COLOR": "1"]))
        mark = try answer(shell, "Passphrase for ", after: 0, "correct horse battery")
        try shell.expectPrompt("spiegel> ", after: mark)
        mark = shell.mark
        try shell.type("rekey\r")
        mark = try answer(shell, "Current passphrase: ", after: mark, "correct horse battery")
        mark = try answer(shell, "New passphrase: ", after: mark, "correct horse battery")
        try shell.expect("that is the current passphrase", after: mark)
        mark = try answer(shell, "New passphrase: ", after: mark, "a new horse battery")
        mark = try answer(shell, "Again: ", after: mark, "a new horse battery")
        try shell.expect("Passphrase changed.", after: mark)
        try shell.expectPrompt("spiegel> ", after: mark)
        try shell.type(TerminalTests.ctrlD)
        #expect(shell.waitForExit() == 0)
        let pass = sandbox.root + "/pass"
        try "a new horse battery\n".write(toFile: pass, atomically: true, encoding: .utf8)
        #expect(try spiegel(["journal"], sandbox: sandbox, environment: ["SPIEGEL_PASSPHRASE_FILE": pass]).status == 0)
    }

    @Test func theRightPassphraseOnTheSecondTryOpensTheShell() throws {
        let sandbox = try encrypted()
        let shell = try launch(sandbox)
        try shell.expect("Passphrase for ")
        var mark = shell.mark
        usleep(300_000)  // read from /dev/tty, not fd 0: give the read a moment to start
        shell.send("wrong passphrase\r")
        try shell.expect("wrong passphrase for this journal", after: mark)
        try shell.expect("Passphrase for ", after: mark)
        mark = shell.mark
        usleep(300_000)
        shell.send("correct horse battery\r")
        try shell.expect("Spiegel", after: mark, "the greeting")
        try shell.expectPrompt("spiegel> ", after: mark)
        try shell.type(TerminalTests.ctrlD)
        #expect(shell.waitForExit() == 0)
    }
}
#endif
