import Foundation
import SpiegelCore
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Whole-journal work (`encrypt`, `decrypt`) while other spiegels write entries: every entry ends up
/// readable, in the journal's final form, and every writer either saved or said where its answers are.
@Suite("Whole-journal work beside writers", .serialized)
struct ConcurrencyTests {
    static let writers = 16
    static let existing = 400

    /// A piped `small-gesture-plan` whose first answer names the writer.
    static func script(_ writer: Int) -> String {
        "start small-gesture-plan\nwriter-\(writer) at the door\nchair\ncoffee\n\nthe chair\nskip\n\noffer water\nin 3 days\n4\n"
    }

    struct Journal {
        let sandbox = Sandbox("spiegel-race")
        let environment: [String: String]
        let passphrase = "race passphrase"

        init() throws {
            let file = sandbox.root + "/pass"
            try "race passphrase\n".write(toFile: file, atomically: true, encoding: .utf8)
            environment = ["SPIEGEL_PASSPHRASE_FILE": file, "SPIEGEL_LOCK_TIMEOUT": "120"]
        }

        /// Fills the journal with generated entries (sealed when it is encrypted).
        func fill() throws {
            let plain = JournalStore(root: sandbox.journal)
            let cipher = try plain.manifest()?.encryption.map { try JournalCipher.open($0, passphrase: passphrase) }
            let written = try JournalGenerator(graph: .curated()).generate(
                count: ConcurrencyTests.existing, seed: 7, into: JournalStore(root: sandbox.journal, cipher: cipher), now: Date())
            #expect(written == ConcurrencyTests.existing)
        }

        /// Runs `command` in the background with the writers started 30 ms apart; returns all outcomes.
        func race(_ command: String) throws -> (RunResult, [RunResult]) {
            let whole = try SpiegelRun([command], sandbox: sandbox, environment: environment)
            var runs: [SpiegelRun] = []
            for writer in 0..<ConcurrencyTests.writers {
                runs.append(try SpiegelRun([], input: ConcurrencyTests.script(writer), sandbox: sandbox, environment: environment))
                usleep(30_000)
            }
            let outcome = whole.finish(timeout: 180)
            return (outcome, runs.map { $0.finish(timeout: 180) })
        }

        /// Every entry and draft file, with its bytes.
        func files() -> [String: Data] {
            var all: [String: Data] = [:]
            for folder in [sandbox.entries, sandbox.drafts] {
                for name in sandbox.files(in: folder) {
                    all[folder + "/" + name] = FileManager.default.contents(atPath: folder + "/" + name) ?? Data()
                }
            }
            return all
        }
    }

    static let sealedMark = Data("SPIEGEL-SEALED-1\n".utf8)

    /// Which writers' answers are in the journal's listing, and how many entries it lists.
    func listed(_ journal: Journal) throws -> (count: Int, writers: Set<Int>) {
        let run = try spiegel(["journal", "--json"], sandbox: journal.sandbox, environment: journal.environment, timeout: 60)
        #expect(run.status == 0 && run.stderr.isEmpty, "\(run.stderr)")
        let entries = try #require(try json(run.stdout) as? [[String: Any]])
        let writers = (0..<Self.writers).filter { run.stdout.contains("writer-\($0) ") }
        return (entries.count, Set(writers))
    }

    func checkWriters(_ results: [RunResult]) -> Set<Int> {
        var saved = Set<Int>()
        for (writer, result) in results.enumerated() {
            if result.status == 0 {
                saved.insert(writer)
            } else {
                // A writer that could not save says where its answers are (a busy journal is 75).
                #expect(result.status == 75 && result.stderr.contains("kept in"), "writer \(writer): \(result)")
            }
        }
        return saved
    }

    @Test func decryptBesideWritersLeavesEveryEntryPlain() throws {
        let journal = try Journal()
        #expect(try spiegel(["init", "--encrypt"], sandbox: journal.sandbox, environment: journal.environment).status == 0)
        try journal.fill()
        let (decrypt, results) = try journal.race("decrypt")
        #expect(decrypt.status == 0, "\(decrypt)")
        let saved = checkWriters(results)
        let manifest = try String(contentsOfFile: journal.sandbox.journal + "/journal.json", encoding: .utf8)
        #expect(!manifest.contains("encryption"), "decrypt removed the key")
        let sealed = journal.files().filter { $0.value.starts(with: Self.sealedMark) }.keys.sorted()
        #expect(sealed.isEmpty, "files left sealed without a key: \(sealed)")
        let (count, writers) = try listed(journal)
        #expect(count == Self.existing + saved.count, "\(count) entries listed, \(saved.count) writers saved")
        #expect(writers == saved, "every saved writer's entry is listed")
    }

    @Test func encryptBesideWritersLeavesNothingPlain() throws {
        let journal = try Journal()
        #expect(try spiegel(["init"], sandbox: journal.sandbox, environment: journal.environment).status == 0)
        try journal.fill()
        let (encrypt, results) = try journal.race("encrypt")
        #expect(encrypt.status == 0, "\(encrypt)")
        let saved = checkWriters(results)
        let plain = journal.files().filter { !$0.value.starts(with: Self.sealedMark) }.keys.sorted()
        #expect(plain.isEmpty, "files left in plain text in an encrypted journal: \(plain)")
        let (count, writers) = try listed(journal)
        #expect(count == Self.existing + saved.count, "\(count) entries listed, \(saved.count) writers saved")
        #expect(writers == saved, "every saved writer's entry is listed")
    }
}
