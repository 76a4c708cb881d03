import Foundation
import Testing

@Suite("Piped script mode")
struct ScriptModeTests {
    static let principles = ["interest", "connection", "action", "awareness", "boundaries"]

    @Test func principlesListsTheFiveIDs() throws {
        let sandbox = Sandbox()
        let result = try spiegel(input: "principles\n", sandbox: sandbox)
        #expect(result.status == 0, "\(result)")
        let ids = result.stdout.split(separator: "\n").filter { !$0.hasPrefix(" ") }.compactMap { $0.split(separator: " ").first.map(String.init) }
        #expect(ids == Self.principles, "\(result)")
        #expect(result.stderr.isEmpty, "\(result)")
        #expect(!result.stdout.contains("spiegel> "), "no prompts when stdin is not a terminal")
    }

    @Test func principlesAsJSON() throws {
        let sandbox = Sandbox()
        let result = try spiegel(["principles", "--json"], sandbox: sandbox)
        #expect(result.status == 0, "\(result)")
        let list = try #require(try json(result.stdout) as? [[String: Any]])
        #expect(list.compactMap { $0["id"] as? String } == Self.principles)
        let dutch = try spiegel(["principles", "--json", "--lang", "nl"], sandbox: sandbox)
        let names = (try json(dutch.stdout) as? [[String: Any]])?.compactMap { $0["name"] as? String } ?? []
        #expect(names.first == "Toon echte interesse", "\(dutch)")
    }

    @Test func commentsAndBlankLinesAreIgnored() throws {
        let sandbox = Sandbox()
        let script = "# a comment\n\n   \n  # indented comment\nprinciples\n\n# done\n"
        let result = try spiegel(input: script, sandbox: sandbox)
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.contains("boundaries"))
        #expect(result.stderr.isEmpty, "\(result)")
    }

    @Test func windowsLineEndingsAndAMissingFinalNewlineWork() throws {
        let sandbox = Sandbox()
        let result = try spiegel(input: "# from Windows\r\nprinciples\r\n\r\nexercises", sandbox: sandbox)
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.contains("boundaries") && result.stdout.contains("most-satisfied-customer"), "\(result)")
    }

    @Test func unknownCommandNamesItsLine() throws {
        let sandbox = Sandbox()
        let result = try spiegel(input: "principles\nstrat most-satisfied-customer\nexercises\n", sandbox: sandbox)
        #expect(result.status == 65, "\(result)")
        #expect(result.stderr.contains("stdin:2:"), "\(result)")
        #expect(result.stderr.contains("unknown command 'strat'"), "\(result)")
        #expect(result.stderr.contains("did you mean 'start'"), "\(result)")
        #expect(result.stdout.contains("boundaries"), "line 1 ran")
        #expect(!result.stdout.contains("most-satisfied-customer"), "the script stopped at line 2: \(result)")
    }

    @Test func lineNumbersCountCommentsAndBlankLines() throws {
        let sandbox = Sandbox()
        let result = try spiegel(input: "# comment\n\nprinciples\nshw interest\n", sandbox: sandbox)
        #expect(result.status == 65, "\(result)")
        #expect(result.stderr.hasPrefix("stdin:4: "), "\(result)")
        #expect(result.stderr.contains("did you mean 'show'"), "\(result)")
    }

    @Test func keepGoingRunsLaterLinesButStillFails() throws {
        let sandbox = Sandbox()
        let result = try spiegel(["--keep-going"], input: "strat\nexercises\nshow no-such-node\nprinciples\n", sandbox: sandbox)
        #expect(result.status != 0, "\(result)")
        #expect(result.status == 65, "\(result)")
        #expect(result.stderr.contains("stdin:1:"), "\(result)")
        #expect(result.stderr.contains("stdin:3:"), "\(result)")
        #expect(result.stdout.contains("most-satisfied-customer"), "line 2 ran: \(result)")
        #expect(result.stdout.contains("boundaries"), "line 4 ran: \(result)")
    }

    @Test func aFailingCommandStopsTheScript() throws {
        let sandbox = Sandbox()
        let result = try spiegel(input: "show no-such-node\nprinciples\n", sandbox: sandbox)
        #expect(result.status == 65, "\(result)")
        #expect(result.stderr.contains("stdin:1:") && result.stderr.contains("no node 'no-such-node'"), "\(result)")
        #expect(!result.stdout.contains("boundaries"), "\(result)")
    }

    @Test func invalidUTF8LineIsReportedWithItsNumber() throws {
        let sandbox = Sandbox()
        let binary = try SpiegelBinary.require()
        // Pipe raw bytes through a file descriptor: line 2 is not UTF-8.
        let inputPath = sandbox.root + "/input"
        try (Data("principles\n".utf8) + Data([0x73, 0xFF, 0x0A]) + Data("principles\n".utf8)).write(to: URL(fileURLWithPath: inputPath))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.environment = sandbox.environment()
        process.standardInput = try FileHandle(forReadingFrom: URL(fileURLWithPath: inputPath))
        let errPath = sandbox.root + "/err"
        _ = FileManager.default.createFile(atPath: errPath, contents: nil)
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: errPath))
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        let stderr = (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? ""
        #expect(process.terminationStatus == 65, "\(stderr)")
        #expect(stderr.contains("stdin:2: line is not valid UTF-8"), "\(stderr)")
    }

    @Test func oneShotUnknownCommandIsAUsageError() throws {
        let sandbox = Sandbox()
        let result = try spiegel(["no-such-command"], sandbox: sandbox)
        #expect(result.status == 64, "\(result)")
        #expect(result.stderr.contains("unknown command 'no-such-command'"), "\(result)")
        #expect(result.stdout.isEmpty)
        let typo = try spiegel(["principels"], sandbox: sandbox)
        #expect(typo.status == 64, "\(typo)")
        #expect(typo.stderr.contains("did you mean 'principles'"), "\(typo)")
    }

    @Test func oneShotBadOptionIsAUsageError() throws {
        let sandbox = Sandbox()
        let result = try spiegel(["principles", "--no-such-option"], sandbox: sandbox)
        #expect(result.status == 64, "\(result)")
        #expect(!result.stderr.isEmpty)
        let lang = try spiegel(["principles", "--lang", "fr"], sandbox: sandbox)
        #expect(lang.status == 64, "\(lang)")
        #expect(lang.stderr.contains("--lang must be 'en' or 'nl'"), "\(lang)")
    }

    @Test func generatesABashCompletionScript() throws {
        let sandbox = Sandbox()
        let result = try spiegel(["--generate-completion-script", "bash"], sandbox: sandbox)
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.hasPrefix("#!/bin/bash"), "\(result.stdout.prefix(200))")
        #expect(result.stdout.contains("complete -"), "registers a completion")
        #expect(result.stdout.contains("principles") && result.stdout.contains("start"), "knows the commands")
        if FileManager.default.isExecutableFile(atPath: "/bin/bash") {
            let scriptPath = sandbox.root + "/completion.bash"
            try result.stdoutData.write(to: URL(fileURLWithPath: scriptPath))
            let bash = Process()
            bash.executableURL = URL(fileURLWithPath: "/bin/bash")
            bash.arguments = ["-n", scriptPath]
            bash.standardOutput = FileHandle.nullDevice
            bash.standardError = FileHandle.nullDevice
            try bash.run()
            bash.waitUntilExit()
            #expect(bash.terminationStatus == 0, "bash -n rejects the completion script")
        }
    }

    /// An invalid answer with --keep-going: the draft is kept and named, the exercise's remaining lines are
    /// read past (not run as commands), and the script goes on with the next command.
    @Test func anInvalidAnswerKeepsTheDraftAndSkipsTheExercisesLines() throws {
        let sandbox = Sandbox()
        let script = "start small-gesture-plan\nat the door\na chair\n\nthe chair\nskip\nWhen a guest waits\nI offer water\nsomeday\n4\n"
            + "start small-gesture-plan\nat the desk\nwater\ncoffee\n\nthe water\n9\n\noffer water\nin 3 days\n4\nprinciples\n"
        let result = try spiegel(["--keep-going", "--now", "2026-03-02"], input: script, sandbox: sandbox, environment: ["NO_COLOR": "1"])
        #expect(result.status == 65, "\(result)")
        #expect(!result.stderr.contains("unknown command"), "answers ran as commands: \(result.stderr)")
        #expect(result.stderr.components(separatedBy: "draft kept (resume ").count == 2, "\(result.stderr)")
        #expect(result.stdout.contains("boundaries"), "the command after the exercises ran: \(result)")
        let drafts = try #require(try json(try spiegel(["drafts", "--json"], sandbox: sandbox).stdout) as? [[String: Any]])
        #expect(drafts.count == 1, "\(drafts)")
        let saved = try spiegel(["journal", "--json"], sandbox: sandbox)
        #expect((try json(saved.stdout) as? [[String: Any]])?.count == 1, "the second exercise was saved: \(saved)")
    }

    @Test func noColorMeansNoEscapes() throws {
        let sandbox = Sandbox()
        let script = "principles\nexercises\nshow interest\nsearch cafe\nrecommend\nstrat\n"
        let result = try spiegel(["--keep-going"], input: script, sandbox: sandbox, environment: ["NO_COLOR": "1"])
        #expect(result.stdout.contains("boundaries"), "\(result)")
        #expect(!result.stdout.contains("\u{1B}["), "\(result)")
        #expect(!result.stderr.contains("\u{1B}["), "\(result)")
        // Piped output is not a terminal: no colours even without NO_COLOR.
        let plain = try spiegel(input: "principles\nshow interest\n", sandbox: sandbox)
        #expect(!plain.stdout.contains("\u{1B}["), "\(plain)")
    }

    @Test func searchIgnoresAccentsAlsoInAPack() throws {
        let sandbox = Sandbox()
        let pack = sandbox.root + "/pack"
        try FileManager.default.createDirectory(atPath: pack + "/knowledge", withIntermediateDirectories: true)
        try Data("""
        nodes:
          - id: src-pack
            kind: source
            name: {en: "Pack source"}
            summary: {en: "A source."}
            title: "Pack"
            author: Pack Author
            publication: pack.example
            seed: pack.txt
          - id: coffee-corner
            kind: concept
            name: {en: "Coffee corner", nl: "Koffiehoek"}
            summary: {en: "A quiet corner of the café where guests wait.", nl: "Een rustige hoek van het café."}
            from: [src-pack]
            supports: [interest]

        """.utf8).write(to: URL(fileURLWithPath: pack + "/knowledge/cafe.yaml"))
        for query in ["cafe", "CAFÉ"] {
            let result = try spiegel(["search", "--json", "--knowledge", pack, query], sandbox: sandbox)
            #expect(result.status == 0, "\(result)")
            let ids = (try json(result.stdout) as? [[String: Any]])?.compactMap { $0["id"] as? String }
            #expect(ids == ["coffee-corner"], "\(query): \(result)")
        }
        let empty = try spiegel(["search", "--json", "zzzqqqxxx"], sandbox: sandbox)
        #expect(empty.status == 0)
        #expect((try json(empty.stdout) as? [Any])?.isEmpty == true, "\(empty)")
        // A broken pack is refused with FILE:LINE:COLUMN.
        try Data("nodes:\n  - id: broken\n    kind: concept\n    name: {en: x}\n    summary: {en: y}\n    from: [src-pack]\n    sumary: {en: z}\n".utf8)
            .write(to: URL(fileURLWithPath: pack + "/knowledge/zz-broken.yaml"))
        let broken = try spiegel(["principles", "--knowledge", pack], sandbox: sandbox)
        #expect(broken.status == 65, "\(broken)")
        #expect(broken.stderr.contains(pack + "/knowledge/zz-broken.yaml:7:5: unknown field 'sumary' (did you mean 'summary'?)"), "\(broken)")
    }

    @Test func graphDotIsAcceptedByGraphviz() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/dot") else { return }
        let sandbox = Sandbox()
        let result = try spiegel(["graph", "--format", "dot"], sandbox: sandbox)
        #expect(result.status == 0, "\(result)")
        let dotPath = sandbox.root + "/graph.dot"
        try result.stdoutData.write(to: URL(fileURLWithPath: dotPath))
        let dot = Process()
        dot.executableURL = URL(fileURLWithPath: "/usr/bin/dot")
        dot.arguments = ["-Tsvg", "-o", sandbox.root + "/graph.svg", dotPath]
        dot.standardOutput = FileHandle.nullDevice
        dot.standardError = FileHandle.nullDevice
        try dot.run()
        dot.waitUntilExit()
        #expect(dot.terminationStatus == 0)
    }
}
