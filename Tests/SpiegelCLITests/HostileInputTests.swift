import Foundation
import Testing

/// Hostile and broken input: each gets a clear error, bounded time, and changes nothing.
@Suite struct HostileInputTests {
    func entryFiles(_ sandbox: Sandbox) -> [String] { sandbox.files(in: sandbox.entries) }

    @Test func binaryAndOversizedScriptLinesAreRejectedWithTheirLineNumber() throws {
        let sandbox = Sandbox("spiegel-hostile")
        let cases: [(String, String)] = [
            ("principles\npr\u{0}inciples\n", "stdin:2:"),
            ("principles\n" + String(repeating: "x", count: 10 << 20) + "\n", "stdin:2:"),
            ("\u{1B}]0;pwned\u{07}\u{1B}[2J\n", "stdin:1:"),
        ]
        for (script, location) in cases {
            let started = Date()
            let run = try spiegel([], input: script, sandbox: sandbox, environment: ["NO_COLOR": "1"], timeout: 30)
            #expect(run.status == 65, "\(run.stderr.prefix(200))")
            #expect(run.stderr.hasPrefix(location), "\(run.stderr.prefix(200))")
            #expect(!run.stderr.contains("\u{1B}"), "escape sequences must be made visible")
            #expect(run.stderr.split(separator: "\n").count == 1, "one line: \(run.stderr.prefix(300))")
            #expect(Date().timeIntervalSince(started) < 20)
        }
    }

    @Test func pathLikeIdsAreRefused() throws {
        let sandbox = Sandbox("spiegel-hostile")
        for arguments in [["entry", "../../etc/passwd"], ["discard", "--yes", "../../etc/passwd"], ["resume", "../x"],
                          ["done", "../../etc/passwd"], ["show", "../../etc/passwd"], ["start", "../../etc/passwd"]] {
            let run = try spiegel(arguments, sandbox: sandbox, environment: ["NO_COLOR": "1"])
            #expect(run.status != 0, "\(arguments)")
            #expect(!run.stderr.isEmpty)
        }
        #expect(FileManager.default.fileExists(atPath: "/etc/passwd"))
    }

    @Test func hostileBundlesChangeNothing() throws {
        let sandbox = Sandbox("spiegel-hostile")
        #expect(try spiegel([], input: "start small-gesture-plan\nwater\nchair\n\nthe chair\nskip\n\noffer water\nin 3 days\n4\n",
                            sandbox: sandbox).status == 0)
        let before = entryFiles(sandbox)
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        let bundles = [
            "deep.json": deep,
            "future.json": #"{"format":"spiegel-bundle","schemaVersion":999,"entries":[]}"#,
            "escape.json": "{\"format\":\"spiegel-bundle\",\"schemaVersion\":1,\"kind\":\"entries\",\"exportedAt\":\"x\",\"exporter\":\"\u{1B}[31mevil\",\"exercises\":[],\"notes\":[],\"entries\":[{\"id\":\"../../x\"}]}",
            "binary.json": String(decoding: Data((0..<4096).map { UInt8($0 % 256) }), as: UTF8.self),
        ]
        for (name, text) in bundles {
            let path = sandbox.root + "/" + name
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            let started = Date()
            let run = try spiegel(["import", path], sandbox: sandbox, environment: ["NO_COLOR": "1"])
            #expect(run.status == 65, "\(name): \(run)")
            #expect(run.stderr.contains(name), "\(name): \(run.stderr)")
            #expect(!run.stderr.contains("\u{1B}"))
            #expect(Date().timeIntervalSince(started) < 10)
            #expect(entryFiles(sandbox) == before)
            let review = try spiegel(["review", path, "--run", "clients"], sandbox: sandbox, environment: ["NO_COLOR": "1"])
            #expect(review.status != 0)
        }
    }

    @Test func symlinksInAJournalAreNeverFollowed() throws {
        let sandbox = Sandbox("spiegel-hostile")
        #expect(try spiegel([], input: "start small-gesture-plan\nwater\nchair\n\nthe chair\nskip\n\noffer water\nin 3 days\n4\n",
                            sandbox: sandbox).status == 0)
        let outside = sandbox.root + "/outside.json"
        try "precious".write(toFile: outside, atomically: true, encoding: .utf8)
        let link = sandbox.entries + "/20990101-000000-aaaaaa.json"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: outside)
        let listed = try spiegel(["journal"], sandbox: sandbox, environment: ["NO_COLOR": "1"])
        #expect(listed.status == 0)
        #expect(listed.stderr.contains("20990101-000000-aaaaaa"), "the symlink is reported: \(listed.stderr)")
        _ = try spiegel(["doctor", "--quarantine"], sandbox: sandbox, environment: ["NO_COLOR": "1"])
        #expect(try String(contentsOfFile: outside, encoding: .utf8) == "precious")
    }

    @Test func aYAMLBombInAPackIsRefusedQuickly() throws {
        let sandbox = Sandbox("spiegel-hostile")
        let pack = sandbox.root + "/pack/knowledge"
        try FileManager.default.createDirectory(atPath: pack, withIntermediateDirectories: true)
        var bomb = "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
        for level in 1...9 {
            let previous = Character(UnicodeScalar(96 + level)!)
            let name = Character(UnicodeScalar(97 + level)!)
            bomb += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ",") + "]\n"
        }
        bomb += "nodes: [*j]\n"
        try bomb.write(toFile: pack + "/bomb.yaml", atomically: true, encoding: .utf8)
        let started = Date()
        let run = try spiegel(["--knowledge", sandbox.root + "/pack", "principles"], sandbox: sandbox, environment: ["NO_COLOR": "1"])
        #expect(run.status == 65)
        #expect(run.stderr.contains("bomb.yaml"))
        #expect(Date().timeIntervalSince(started) < 10)
    }
}
