import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// An encrypted journal cannot be turned into a plain one from outside: a manifest that lost its
/// `encryption` section writes nothing, and a plain entry put into an encrypted journal is refused.
@Suite("Encryption that cannot be undone from outside")
struct EncryptionDowngradeTests {
    static let answers = "start small-gesture-plan\nGEHEIM antwoord\nchair\n\nthe chair\nskip\n\noffer water\nin 3 days\n4\n"

    func encryptedJournal(_ sandbox: Sandbox) throws -> [String: String] {
        let pass = sandbox.root + "/pass"
        try "correct horse battery\n".write(toFile: pass, atomically: true, encoding: .utf8)
        let env = ["SPIEGEL_PASSPHRASE_FILE": pass, "NO_COLOR": "1"]
        #expect(try spiegel(["init", "--encrypt"], sandbox: sandbox, environment: env).status == 0)
        #expect(try spiegel([], input: Self.answers, sandbox: sandbox, environment: env).status == 0)
        return env
    }

    func plaintextFiles(_ sandbox: Sandbox) -> [String] {
        let found = FileManager.default.enumerator(atPath: sandbox.journal)?.compactMap { $0 as? String } ?? []
        return found.filter { FileManager.default.contents(atPath: sandbox.journal + "/" + $0).map { $0.range(of: Data("GEHEIM".utf8)) != nil } ?? false }
    }

    @Test func aManifestWithoutItsEncryptionSectionWritesNothingInPlaintext() throws {
        let sandbox = Sandbox("spiegel-downgrade")
        let env = try encryptedJournal(sandbox)
        let manifestPath = sandbox.journal + "/journal.json"
        var manifest = try jsonObject(Data(contentsOf: URL(fileURLWithPath: manifestPath)))
        manifest["encryption"] = nil
        try JSONSerialization.data(withJSONObject: manifest).write(to: URL(fileURLWithPath: manifestPath))
        let run = try spiegel([], input: Self.answers, sandbox: sandbox, environment: env)
        #expect(run.status == 65 && run.stderr.contains("encryption"), "\(run)")
        #expect(plaintextFiles(sandbox).isEmpty, "no answer reached the journal in the clear: \(plaintextFiles(sandbox))")
    }

    @Test func aPlainEntryInAnEncryptedJournalIsRefused() throws {
        let plainSandbox = Sandbox("spiegel-downgrade")
        #expect(try spiegel([], input: Self.answers.replacingOccurrences(of: "GEHEIM", with: "planted"), sandbox: plainSandbox).status == 0)
        let plain = try #require(plainSandbox.files(in: plainSandbox.entries).first { $0.hasSuffix(".json") })

        let sandbox = Sandbox("spiegel-downgrade")
        let env = try encryptedJournal(sandbox)
        try FileManager.default.copyItem(atPath: plainSandbox.entries + "/" + plain, toPath: sandbox.entries + "/" + plain)
        let listed = try spiegel(["journal", "--json"], sandbox: sandbox, environment: env)
        let entries = try json(listed.stdout) as? [Any]
        #expect(listed.status == 0 && entries?.count == 1, "only the sealed entry: \(listed)")
        #expect(listed.stderr.contains("not encrypted in an encrypted journal"), "\(listed.stderr)")
        let shown = try spiegel(["entry", String(plain.dropLast(5))], sandbox: sandbox, environment: env)
        #expect(shown.status != 0 && !shown.stdout.contains("planted"), "\(shown)")
        let doctor = try spiegel(["doctor"], sandbox: sandbox, environment: env)
        #expect(doctor.status == 65 && doctor.stdout.contains(plain), "\(doctor)")
    }

    @Test func anOlderSealedEntryPutBackIsReportedAndTheManifestIsAuthenticated() throws {
        let sandbox = Sandbox("spiegel-downgrade")
        let env = try encryptedJournal(sandbox)
        let file = try #require(sandbox.files(in: sandbox.entries).first { $0.hasSuffix(".json") })
        let path = sandbox.entries + "/" + file
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let listed = try spiegel(["commitments", "--json"], sandbox: sandbox, environment: env)
        let id = try #require((try json(listed.stdout) as? [[String: Any]])?.first?["id"] as? String)
        #expect(try spiegel(["done", id, "--did", "gedaan"], sandbox: sandbox, environment: env).status == 0)
        let manifestPath = sandbox.journal + "/journal.json"
        let manifest = try jsonObject(Data(contentsOf: URL(fileURLWithPath: manifestPath)))
        #expect((manifest["revisions"] as? [String: Int])?[String(file.dropLast(5))] == 2 && manifest["mac"] is String, "\(manifest)")

        // The sealed file from before the check-in, put back: refused, and doctor says so.
        try before.write(to: URL(fileURLWithPath: path))
        let open = try spiegel(["commitments", "--json"], sandbox: sandbox, environment: env)
        let stillOpen = try json(open.stdout) as? [Any]
        #expect(open.status == 0 && stillOpen?.isEmpty == true, "the commitment is not open again: \(open)")
        #expect(open.stderr.contains("older copy"), "\(open.stderr)")
        let doctor = try spiegel(["doctor"], sandbox: sandbox, environment: env)
        #expect(doctor.status == 65 && doctor.stdout.contains("older copy"), "\(doctor)")

        // The manifest's revisions removed: its authentication no longer matches.
        var changed = manifest
        changed["revisions"] = nil
        try JSONSerialization.data(withJSONObject: changed).write(to: URL(fileURLWithPath: manifestPath))
        let tampered = try spiegel(["journal"], sandbox: sandbox, environment: env)
        #expect(tampered.status == 65 && tampered.stderr.contains("authentication"), "\(tampered)")
    }

    @Test func passphrasesFromCRLFFilesAndPipesAndAClearLimit() throws {
        let sandbox = Sandbox("spiegel-downgrade")
        _ = try encryptedJournal(sandbox)
        // The same passphrase with a Windows line end.
        let crlf = try sandbox.write("correct horse battery\r\n", to: "crlf")
        #expect(try spiegel(["journal"], sandbox: sandbox, environment: ["SPIEGEL_PASSPHRASE_FILE": crlf]).status == 0)
        // Through a FIFO a script writes it into.
        let fifo = sandbox.root + "/pass-fifo"
        #expect(mkfifo(fifo, 0o600) == 0)
        let writer = Thread {
            let fd = open(fifo, O_WRONLY)
            if fd >= 0 { _ = "correct horse battery\n".withCString { write(fd, $0, 22) }; close(fd) }
        }
        writer.start()
        let piped = try spiegel(["journal"], sandbox: sandbox, environment: ["SPIEGEL_PASSPHRASE_FILE": fifo])
        #expect(piped.status == 0, "\(piped)")
        // Too big a file says how big it may be.
        let big = try sandbox.write(String(repeating: "x", count: 70_000), to: "big")
        let refused = try spiegel(["journal"], sandbox: sandbox, environment: ["SPIEGEL_PASSPHRASE_FILE": big])
        #expect(refused.status == 66 && refused.stderr.contains("larger than 64 KB"), "\(refused)")
    }
}
