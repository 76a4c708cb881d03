import Foundation
import Testing
import SpiegelContent
@testable import SpiegelCore

/// Bundles read piece by piece: the scanner's layout, the reader's checks, and import through it.
@Suite struct BundleReaderTests {
    static let exportedAt = "2026-11-23T10:00:00+01:00"

    func bundle(_ entries: [Entry], exporter: String = "Anna") -> Data {
        BundleWriter.entriesBundle(rawEntries: entries.map { JSONOutput.data($0) }, exercises: [], exportedAt: Self.exportedAt, exporter: exporter,
                                   journal: "0123456789abcdef")
    }

    func layout(_ data: Data, pieces size: Int) throws -> BundleLayout {
        var scanner = BundleScanner()
        try data.withUnsafeBytes { bytes in
            var start = 0
            while start < bytes.count {
                try scanner.feed(UnsafeRawBufferPointer(rebasing: bytes[start..<min(start + size, bytes.count)]))
                start += size
            }
        }
        try scanner.finish()
        return scanner.layout
    }

    @Test func theLayoutIsTheSameWhateverThePiecesAndEachEntryDecodesOnItsOwn() throws {
        let entries = try ExchangeTests().sampleEntries()
        let data = bundle(entries)
        let whole = try layout(data, pieces: data.count)
        for size in [1, 2, 7, 100, 4096] { #expect(try layout(data, pieces: size) == whole) }
        #expect(Set(whole.members.keys) == ExchangeBundle.members)
        #expect(whole.entries.count == 3)
        for (range, entry) in zip(whole.entries, entries) {
            #expect(try JSONDecoder().decode(Entry.self, from: data.subdata(in: range)) == entry)
        }
        #expect(String(decoding: data.subdata(in: whole.members["exporter"]!), as: UTF8.self) == "\"Anna\"")
    }

    @Test func aFileAndTheSameBytesInMemoryReadAlike() throws {
        let entries = try ExchangeTests().sampleEntries()
        let data = bundle(entries)
        let dir = TempDirectory("spiegel-bundle")
        defer { dir.remove() }
        try data.write(to: URL(fileURLWithPath: dir.path + "/anna.json"))
        let file = try BundleReader(file: dir.path + "/anna.json", path: "anna.json")
        let memory = try BundleReader(data: data, path: "anna.json")
        #expect(file.digest == memory.digest && file.digest.count == 64)
        #expect(try file.entries(0..<file.entryCount) == entries)
        #expect(try memory.entries(0..<memory.entryCount) == entries)
        #expect(file.exporter == "Anna" && file.kind == .entries && file.exportedAt == Self.exportedAt)
        // Another byte, another digest.
        #expect(try BundleReader(data: bundle(entries, exporter: "Anne"), path: "b.json").digest != memory.digest)
    }

    @Test func everyCutOfABundleIsRefusedAndNeverTakenForAShorterOne() throws {
        let data = bundle(try ExchangeTests().sampleEntries())
        for length in stride(from: 0, to: data.count - 2, by: 1) {
            #expect(throws: ExchangeBundle.ReadError.self, "cut at \(length)") {
                try ExchangeBundle.read(data.prefix(length), path: "cut.json")
            }
        }
    }

    @Test func brokenStructureIsNamedForWhatItIs() throws {
        let entries = try ExchangeTests().sampleEntries()
        let text = String(decoding: bundle(entries), as: UTF8.self)
        func error(_ text: String) -> ExchangeBundle.ReadError? {
            do { _ = try ExchangeBundle.read(Data(text.utf8), path: "b.json"); return nil } catch { return error }
        }
        #expect(error("") == .notJSON("b.json"))
        #expect(error("[1, 2]") == .foreign("b.json"))
        #expect(error("\"text\"") == .foreign("b.json"))
        #expect(error(text + "x") == .notJSON("b.json"))
        #expect(error(text.replacingOccurrences(of: "\n  ],\n", with: ",\n  ],\n")) == .notJSON("b.json"))
        #expect(error(text.replacingOccurrences(of: "\"exporter\" : \"Anna\"", with: "\"exporter\" : \"Anna\", \"exporter\" : \"Bob\"")) == .invalid("b.json", "the field 'exporter' appears twice"))
        #expect(error(text.replacingOccurrences(of: "\"notes\" :", with: "\"extra\" : [1,,2], \"notes\" :")) == .invalid("b.json", "'extra' is not valid JSON"))
        #expect(error(text.replacingOccurrences(of: "\"schemaVersion\" : 1\n}", with: "\"schemaVersion\" : 9\n}")) == .newer("b.json", 9))
        #expect(error(#"{"format": "spiegel-bundle", "schemaVersion": 1, "kind": "entries", "exportedAt": "x", "exporter": "A", "exercises": [], "notes": [], "entries": 5}"#)
            == .invalid("b.json", "'entries' is not a list"))
        let badExercises = #"{"format": "spiegel-bundle", "schemaVersion": 1, "kind": "entries", "exportedAt": "x", "exporter": "A", "exercises": {"a": 1}, "notes": [], "entries": []}"#
        #expect(error(badExercises)?.message.hasPrefix("b.json: invalid bundle: 'exercises'") == true)
        #expect(throws: ExchangeBundle.ReadError.self) { try BundleReader(data: Data(badExercises.utf8), path: "b.json").checkEntries() }
        // Members this version does not know are skipped; whitespace and a byte-order mark around the document are fine.
        let extended = "\u{FEFF}" + text.replacingOccurrences(of: "\"notes\" :", with: "\"later\" : {\"a\": [1, \"]\"]}, \"notes\" :") + "\n\n"
        #expect(try ExchangeBundle.read(Data(extended.utf8), path: "b.json").entries == entries)
        // A string that holds brackets, quotes and escapes does not confuse the scanner.
        #expect(try ExchangeBundle.read(bundle(entries, exporter: "A \"]},{\\ B"), path: "b.json").exporter == "A \"]},{\\ B")
    }

    @Test func anEntryPastItsLimitIsRefusedWithItsNumber() throws {
        var entries = try ExchangeTests().sampleEntries()
        entries[1].id = "../escape"
        let data = bundle(entries)
        let reader = try BundleReader(data: data, path: "b.json")
        #expect(throws: Never.self) { try reader.entry(at: 0) }
        #expect(throws: ExchangeBundle.ReadError.invalid("b.json", "entry id '../escape' is not a valid id")) { try reader.checkEntries() }
        let broken = Data(String(decoding: bundle(try ExchangeTests().sampleEntries()), as: UTF8.self)
            .replacingOccurrences(of: "\"exercise\" : \"most-satisfied-customer\"", with: "\"exercise\" : 7").utf8)
        #expect(throws: ExchangeBundle.ReadError.invalid("b.json", "entry 1: wrong type at 'exercise'")) {
            try BundleReader(data: broken, path: "b.json").checkEntries()
        }
    }

    @Test func importReadsTheFileABatchAtATime() throws {
        let samples = try ExchangeTests().sampleEntries()
        let entries = (0..<2_500).map { index in
            var entry = samples[index % samples.count]
            entry.id = String(format: "20250101-%06d-000000", index)
            entry.commitments = []
            return entry
        }
        let dir = TempDirectory("spiegel-bundle")
        defer { dir.remove() }
        // One id twice: which is the entry cannot be told, so the bundle is refused before anything is written.
        try bundle(entries + [entries[7]]).write(to: URL(fileURLWithPath: dir.path + "/twice.json"))
        #expect(throws: ExchangeBundle.ReadError.invalid("twice.json", "entry \(entries[7].id) appears twice")) {
            try BundleReader(file: dir.path + "/twice.json", path: "twice.json").checkEntries()
        }
        try bundle(entries).write(to: URL(fileURLWithPath: dir.path + "/big.json"))
        let store = JournalStore(root: dir.path + "/journal")
        try store.prepare(now: Date())
        let reader = try BundleReader(file: dir.path + "/big.json", path: "big.json")
        let checked = try reader.checkEntries()
        #expect(checked.entries == nil && checked.ids.count == 2_500)
        let first = try BundleImporter(store: store).merge(reader, checked: checked)
        #expect(first.added == 2_500 && first.alreadyPresent == 0)
        let kept = try reader.checkEntries(keepingUpTo: 1 << 30)
        #expect(kept.entries?.count == 2_500)
        #expect(try BundleImporter(store: store).merge(reader, checked: kept).added == 0)
        #expect(try store.summaries().entries.count == 2_500)
    }
}

/// The coach's cache of bundle indexes, keyed by the bundle's content.
@Suite struct BundleIndexCacheTests {
    func writeBundle(in dir: TempDirectory, name: String = "anna.json") throws -> (path: String, entries: [Entry]) {
        let entries = try ExchangeTests().sampleEntries()
        let path = dir.path + "/" + name
        try BundleReaderTests().bundle(entries).write(to: URL(fileURLWithPath: path))
        return (path, entries)
    }

    func stamp(_ path: String) -> (inode: UInt, mtime: Int)? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        return (UInt(info.st_ino), info.st_mtim.tv_sec)
    }

    @Test func theSecondReviewOfABundleReadsItsCachedIndex() throws {
        let dir = TempDirectory("spiegel-cache")
        defer { dir.remove() }
        let (path, entries) = try writeBundle(in: dir)
        let cache = dir.path + "/cache/review"
        let first = ReviewWorkspace(paths: [path], cacheDirectory: cache)
        #expect(first.problems.isEmpty)
        let digest = try BundleReader(file: path, path: path).digest
        let file = cache + "/" + digest + ".sqlite"
        #expect(mode(cache) == 0o700 && mode(file) == 0o600)
        #expect(first.clients.first?.summaries.map(\.id) == entries.map(\.id).sorted(by: >))

        // Marked old; the next review uses the same file (same inode) and marks it used.
        var times = [timeval(tv_sec: 1_000_000_000, tv_usec: 0), timeval(tv_sec: 1_000_000_000, tv_usec: 0)]
        #expect(utimes(file, &times) == 0)
        let before = try #require(stamp(file))
        let second = ReviewWorkspace(paths: [path], cacheDirectory: cache)
        let after = try #require(stamp(file))
        #expect(after.inode == before.inode && after.mtime > before.mtime)
        let client = try #require(second.clients.first)
        #expect(client.summaries == first.clients.first?.summaries)
        #expect(try client.entries() == entries.sorted { $0.id > $1.id })
        #expect(try second.entry(entries[1].id).1 == entries[1])
    }

    @Test func aDamagedCacheIsBuiltAgainAndOldOnesArePruned() throws {
        let dir = TempDirectory("spiegel-cache")
        defer { dir.remove() }
        let (path, entries) = try writeBundle(in: dir)
        let cache = dir.path + "/cache"
        let digest = try BundleReader(file: path, path: path).digest
        try FileManager.default.createDirectory(atPath: cache, withIntermediateDirectories: true)
        try Data((0..<8192).map { _ in UInt8.random(in: 0...255) }).write(to: URL(fileURLWithPath: cache + "/" + digest + ".sqlite"))
        let stale = cache + "/" + String(repeating: "0", count: 64) + ".sqlite"
        try Data("old".utf8).write(to: URL(fileURLWithPath: stale))
        let leftover = cache + "/" + digest + ".sqlite.123-456.tmp"
        try Data("half".utf8).write(to: URL(fileURLWithPath: leftover))
        var times = [timeval(tv_sec: 1_000_000_000, tv_usec: 0), timeval(tv_sec: 1_000_000_000, tv_usec: 0)]
        #expect(utimes(stale, &times) == 0 && utimes(leftover, &times) == 0)

        let workspace = ReviewWorkspace(paths: [path], cacheDirectory: cache)
        #expect(workspace.problems.isEmpty)
        #expect(workspace.clients.first?.summaries.count == entries.count)
        #expect(!FileManager.default.fileExists(atPath: stale) && !FileManager.default.fileExists(atPath: leftover))
        #expect(try FileManager.default.contentsOfDirectory(atPath: cache) == [digest + ".sqlite"])
        // The rebuilt file is a good index: a third review reads it.
        let again = ReviewWorkspace(paths: [path], cacheDirectory: cache)
        #expect(again.clients.first?.summaries.count == entries.count)
    }

    @Test func grepInReviewFoldsAccentsWithAndWithoutACache() throws {
        let dir = TempDirectory("spiegel-cache")
        defer { dir.remove() }
        let (path, entries) = try writeBundle(in: dir)
        for cache in [dir.path + "/cache", nil] {
            let client = try #require(ReviewWorkspace(paths: [path], cacheDirectory: cache).clients.first)
            #expect(try client.summaries(matching: JournalFilter(grep: "cafe")).count == entries.count)
            #expect(try client.summaries(matching: JournalFilter(grep: "koffieautomaat")).isEmpty)
        }
    }
}
