import Foundation
import SpiegelContent
import SpiegelCore

/// The derived index file (`.index.sqlite`) as a damaged disk, another program or an attacker could leave
/// it, in a journal whose entry files are intact: every read must come back without a trap or an error,
/// list nothing that breaks the entry rules and never more entries than there are files, and a reindex
/// must give exactly what the files hold.
enum IndexFuzz {
    static let dictionary: [[UInt8]] = [
        [0, 0, 0, 0], [0xFF, 0xFF, 0xFF, 0xFF], [0x7F, 0xFF, 0xFF, 0xFF], [0x80, 0, 0, 0], Array("SQLite format 3\0".utf8),
        Array("../../etc/passwd".utf8), Array("9999-12-31".utf8), Array("-9223372036854775808".utf8), [0x0D], [0x05], [0x0A],
    ]

    struct Workspace: Sendable {
        var root: String
        var template: String { root + "/template" }
        var run: String { root + "/run" }
        var files: Int
    }

    static func makeTarget() -> FuzzTarget {
        let (workspace, seed) = makeWorkspace()
        let seeds = [Seed(name: "index/built.sqlite", bytes: seed)] + Corpus.files("index")
        let mutator = Mutator(corpus: seeds.map(\.bytes), dictionary: dictionary, maximumSize: 1 << 20,
                              boundarySizes: [4096, 8192], hugeRepeatOneIn: 10_000)
        return FuzzTarget(name: "index", fileExtension: "sqlite", seeds: seeds, mutator: mutator,
                          check: { input, context in check(input, workspace, &context) },
                          finish: { try? FileManager.default.removeItem(atPath: workspace.root) })
    }

    /// A journal with the valid entries of the entry corpus, and the index a read builds for it.
    static func makeWorkspace() -> (Workspace, [UInt8]) {
        let root = FuzzConfig.current.outputDirectory + "/work-index-\(getpid())"
        try? FileManager.default.removeItem(atPath: root)
        let store = JournalStore(root: root + "/template")
        var entries: [Entry] = []
        for seed in Corpus.files("entry") {
            if let entry = try? JournalStore.decodeEntry(Data(seed.bytes), path: seed.name), !entry.isDraft,
               !entries.contains(where: { $0.id == entry.id }) { entries.append(entry) }
        }
        do {
            try store.prepare(now: Date(timeIntervalSince1970: 1_790_000_000))
            _ = try store.saveNew(batch: entries)
            _ = try store.summaries()
        } catch {
            fatalError("cannot make the template journal: \(error.message)")
        }
        let bytes = FileManager.default.contents(atPath: store.root + "/.index.sqlite").map { [UInt8]($0) } ?? []
        return (Workspace(root: root, files: entries.count), bytes)
    }

    static func check(_ input: [UInt8], _ workspace: Workspace, _ context: inout CheckContext) {
        try? FileManager.default.removeItem(atPath: workspace.run)
        do {
            try FileManager.default.copyItem(atPath: workspace.template, toPath: workspace.run)
            try? FileManager.default.removeItem(atPath: workspace.run + "/.index.sqlite")
            try Data(input).write(to: URL(fileURLWithPath: workspace.run + "/.index.sqlite"))
        } catch {
            context.fail("setup", "cannot copy the journal: \(error)")
            return
        }
        let store = JournalStore(root: workspace.run)
        do {
            let read = try store.summaries()
            context.expect(read.entries.count <= workspace.files, "index: more entries than files",
                           "\(read.entries.count) summaries for \(workspace.files) files")
            for summary in read.entries {
                let fine = JournalStore.isSafeID(summary.id) && summary.confidence.map(Entry.confidenceRange.contains) ?? true
                    && summary.commitments.allSatisfy { JournalStore.isCommitmentID($0.id) }
                context.expect(fine, "index: a row breaks the entry rules", "listed \(summary.id.prefix(60)) confidence \(String(describing: summary.confidence))")
            }
            _ = try store.summaries(matching: JournalFilter(grep: "koffie"))
            _ = try store.stats(principles: ["interest", "connection", "action", "awareness", "boundaries"], today: CalendarDay("2026-11-30")!)
            _ = try store.reindex()
            let files = try store.entries().entries.map(\.id).sorted()
            let indexed = try store.summaries().entries.map(\.id).sorted()
            context.expect(files == indexed, "index: reindex disagrees with the files", "\(indexed.count) indexed, \(files.count) files")
        } catch {
            context.fail("index: a read failed", error.message)
        }
    }
}
