import Foundation
import SpiegelContent
import SpiegelCore
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The derived index survives a process killed while it rebuilds, and `doctor --reindex` picks up
/// a file edited in place.
@Suite("Index under crashes and outside edits")
struct IndexCrashTests {
    @Test func aRebuildKilledMidwayIsFinishedByTheNextRead() throws {
        let sandbox = Sandbox("spiegel-index-crash")
        let store = JournalStore(root: sandbox.journal)
        let count = try JournalGenerator(graph: .curated()).generate(count: 3_000, seed: 11, into: store, now: Date())
        let index = sandbox.journal + "/.index.sqlite"
        // The generator's batches go into the index as written: start from no index, so the read rebuilds it.
        try FileManager.default.removeItem(atPath: index)
        // Kill the first reader while it writes: SQLite's rollback journal is there only during a write.
        let run = try SpiegelRun(["journal", "--limit", "1"], sandbox: sandbox)
        var sawWrite = false
        let deadline = Date().addingTimeInterval(60)
        while run.isRunning && Date() < deadline {
            if FileManager.default.fileExists(atPath: index + "-journal") {
                kill(run.pid, SIGKILL)
                sawWrite = true
                break
            }
            usleep(200)
        }
        _ = run.finish(timeout: 60)
        #expect(sawWrite, "the rebuild ended before it could be killed")

        let listed = try spiegel(["journal", "--json"], sandbox: sandbox, timeout: 120)
        #expect(listed.status == 0, "\(listed)")
        let ids = try #require(try json(listed.stdout) as? [[String: Any]]).compactMap { $0["id"] as? String }
        #expect(ids.count == count)
        #expect(try ids == store.entries().entries.map(\.id))
        #expect(!FileManager.default.fileExists(atPath: index + "-journal"))
    }

    @Test func doctorReindexPicksUpAnEditInPlace() throws {
        let sandbox = Sandbox("spiegel-index-edit")
        let store = JournalStore(root: sandbox.journal)
        _ = try JournalGenerator(graph: .curated()).generate(count: 5, seed: 3, into: store, now: Date())
        #expect(try spiegel(["journal"], sandbox: sandbox).status == 0)
        usleep(30_000)  // past the racy window of the directory's time
        #expect(try spiegel(["journal"], sandbox: sandbox).status == 0)
        var entry = try #require(try store.entries().entries.last)
        let index = try #require(entry.answers.firstIndex { $0.kind == .text && !$0.plainText.isEmpty })
        entry.answers[index].text = "kwetsbaarheidsoefening"
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: sandbox.entries + "/\(entry.id).json"))
        try handle.truncate(atOffset: 0)
        try handle.write(contentsOf: JSONOutput.data(entry))
        try handle.close()

        #expect(try !spiegel(["journal", "--grep", "kwetsbaarheidsoefening", "--json"], sandbox: sandbox).stdout.contains(entry.id),
                "an edit in place keeps the directory's time, so the index does not see it yet")
        let doctor = try spiegel(["doctor", "--reindex", "--json"], sandbox: sandbox)
        #expect(doctor.status == 0, "\(doctor)")
        #expect((try json(doctor.stdout) as? [String: Any])?["indexed"] as? Int == 5, "\(doctor.stdout)")
        let found = try spiegel(["journal", "--grep", "kwetsbaarheid", "--json"], sandbox: sandbox)
        #expect(found.stdout.contains("\"" + entry.id + "\""), "\(found)")
    }
}
