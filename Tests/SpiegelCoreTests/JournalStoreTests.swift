import Foundation
import SpiegelContent
import Testing
@testable import SpiegelCore

@Suite("Journal store")
struct JournalStoreTests {
    static let now = Date(timeIntervalSince1970: 1_773_135_000)
    static let exercise = SmallContent.exercise("ex-aware", ["awareness"])

    func entry(_ id: String, text: String = "something") -> Entry {
        var entry = Entry(id: id, exercise: Self.exercise, language: .nl, startedAt: Timestamp.string(Self.now))
        var answer = Answer(stepId: "what", kind: .text, prompt: "Wat?")
        answer.text = text
        entry.answers = [answer]
        entry.completedAt = Timestamp.string(Self.now)
        entry.confidence = 3
        return entry
    }

    @Test func prepareMakesPrivateDirectoriesAndFilesWhateverTheUmask() throws {
        let temp = TempDirectory()
        defer { temp.remove() }
        let previous = umask(0o022)
        defer { umask(previous) }
        let store = JournalStore(root: temp.path + "/deep/er/journal")
        #expect(!store.exists)
        try store.prepare(now: Self.now)
        #expect(store.exists)
        for directory in [store.root, store.entriesDirectory, store.draftsDirectory, temp.path + "/deep", temp.path + "/deep/er"] {
            #expect(mode(directory) == 0o700, "\(directory): \(mode(directory).map { String($0, radix: 8) } ?? "missing")")
        }
        #expect(mode(store.manifestPath) == 0o600)
        let manifest = try #require(try store.manifest())
        #expect(manifest.schemaVersion == 1)
        #expect(manifest.createdAt == Timestamp.string(Self.now))

        var draft = entry("20260310-090000-aaaaaa")
        draft.completedAt = nil
        try store.saveDraft(draft)
        #expect(mode(store.draftsDirectory + "/20260310-090000-aaaaaa.json") == 0o600)
        try store.saveNew(entry("20260310-090000-aaaaaa"))
        #expect(mode(store.entriesDirectory + "/20260310-090000-aaaaaa.json") == 0o600)
        #expect(!FileManager.default.fileExists(atPath: store.draftsDirectory + "/20260310-090000-aaaaaa.json"),
                "saving the entry removes its draft")
        #expect(try SafeFiles.list(store.entriesDirectory) == ["20260310-090000-aaaaaa.json"], "no temp files are left")

        // A journal directory that became readable by others is made private again.
        chmod(store.entriesDirectory, 0o755)
        try store.prepare(now: Self.now)
        #expect(mode(store.entriesDirectory) == 0o700)
    }

    @Test func prepareTwiceKeepsTheManifest() throws {
        let temp = TempDirectory()
        defer { temp.remove() }
        let store = JournalStore(root: temp.path + "/journal")
        try store.prepare(now: Self.now)
        let before = try Data(contentsOf: URL(fileURLWithPath: store.manifestPath))
        try store.prepare(now: Self.now.addingTimeInterval(86_400))
        #expect(try Data(contentsOf: URL(fileURLWithPath: store.manifestPath)) == before)
    }

    @Test func saveNewNeverOverwrites() throws {
        let temp = TempDirectory()
        defer { temp.remove() }
        let store = JournalStore(root: temp.path + "/journal")
        try store.prepare(now: Self.now)
        let original = entry("20260310-090000-bbbbbb", text: "the original")
        #expect(try store.saveNew(original).id == original.id)
        let path = store.entriesDirectory + "/20260310-090000-bbbbbb.json"
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        // A second entry with a taken id keeps its answers under a new id; the first is untouched.
        let second = try store.saveNew(entry("20260310-090000-bbbbbb", text: "the second"))
        #expect(second.id != original.id && JournalStore.isSafeID(second.id))
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == bytes)
        #expect(Set(try store.entries().entries.map { $0.answers.first?.text }) == ["the original", "the second"])
        #expect(try SafeFiles.list(store.entriesDirectory).sorted() == ["20260310-090000-bbbbbb.json", second.id + ".json"].sorted(),
                "the refused write left no temp file")

        // update changes an existing entry as its file holds it, and refuses a missing one.
        let note = CoachNote(author: "coach", at: Timestamp.string(Self.now), text: "goed gedaan")
        try store.update(id: original.id) { current in
            var changed = current
            changed.coachNotes = [note]
            return changed
        }
        #expect(try store.entry(matching: "20260310-090000-bb").coachNotes?.first?.text == "goed gedaan")
        #expect(throws: JournalError.notFound(what: "entry", id: "20260310-090000-cccccc")) {
            try store.update(id: "20260310-090000-cccccc") { $0 }
        }
    }

    @Test func unsafeIDsAreRefused() throws {
        let temp = TempDirectory()
        defer { temp.remove() }
        let store = JournalStore(root: temp.path + "/journal")
        try store.prepare(now: Self.now)
        #expect(throws: JournalError.unsafePath("../escape")) { try store.saveNew(entry("../escape")) }
        #expect(throws: JournalError.unsafePath("A/b")) { try store.deleteDraft(id: "A/b") }
        #expect(!FileManager.default.fileExists(atPath: temp.path + "/escape.json"))
    }

    @Test func aCorruptFileIsReportedAndLeftAlone() throws {
        let temp = TempDirectory()
        defer { temp.remove() }
        let store = JournalStore(root: temp.path + "/journal")
        try store.prepare(now: Self.now)
        try store.saveNew(entry("20260310-090000-dddddd"))
        let corruptPath = store.entriesDirectory + "/20260311-090000-eeeeee.json"
        let corrupt = Data("{\"schemaVersion\": 1, \"id\": \"20260311-090000-eeeeee\", \"answers\": [tru".utf8) + Data([0xFF, 0x00, 0x0A])
        try corrupt.write(to: URL(fileURLWithPath: corruptPath))
        chmod(corruptPath, 0o640)
        let newerPath = store.entriesDirectory + "/20260312-090000-ffffff.json"
        let newer = Data("{\"schemaVersion\": 999, \"id\": \"20260312-090000-ffffff\"}".utf8)
        try newer.write(to: URL(fileURLWithPath: newerPath))
        let misnamedPath = store.entriesDirectory + "/20260313-090000-000000.json"
        let misnamed = JSONOutput.data(entry("20260313-090000-111111"))
        try misnamed.write(to: URL(fileURLWithPath: misnamedPath))

        let contents = try store.entries()
        #expect(contents.entries.map(\.id) == ["20260310-090000-dddddd"])
        let problems = Dictionary(uniqueKeysWithValues: contents.problems.map { ($0.path, $0.message) })
        #expect(problems.count == 3, "\(contents.problems)")
        #expect(problems[corruptPath]?.contains("not a valid journal file") == true, "\(problems)")
        #expect(problems[newerPath]?.contains("schemaVersion 999 is newer") == true, "\(problems)")
        #expect(problems[misnamedPath]?.contains("does not match its id") == true, "\(problems)")

        // Reading (and preparing again) changes nothing.
        try store.prepare(now: Self.now)
        _ = try store.drafts()
        #expect(try Data(contentsOf: URL(fileURLWithPath: corruptPath)) == corrupt)
        #expect(try Data(contentsOf: URL(fileURLWithPath: newerPath)) == newer)
        #expect(try Data(contentsOf: URL(fileURLWithPath: misnamedPath)) == misnamed)
        #expect(mode(corruptPath) == 0o640)
    }

    @Test func aNewerManifestIsRefused() throws {
        let temp = TempDirectory()
        defer { temp.remove() }
        let store = JournalStore(root: temp.path + "/journal")
        try FileManager.default.createDirectory(atPath: store.root, withIntermediateDirectories: true)
        let manifest = Data("{\"schemaVersion\": 999, \"createdAt\": \"2030-01-01T00:00:00+00:00\"}".utf8)
        try manifest.write(to: URL(fileURLWithPath: store.manifestPath))
        let expected = JournalError.newerSchema(path: store.manifestPath, found: 999, supported: 1)
        #expect(throws: expected) { try store.prepare(now: Self.now) }
        #expect(throws: expected) { _ = try store.manifest() }
        #expect(expected.message.contains("schemaVersion 999 is newer than this Spiegel understands"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: store.manifestPath)) == manifest)
        #expect(throws: JournalError.self) { try JournalDoctor(store: store).check() }
    }

    @Test func aBrokenManifestIsCorrupt() throws {
        let temp = TempDirectory()
        defer { temp.remove() }
        let store = JournalStore(root: temp.path + "/journal")
        try temp.write("journal/journal.json", "not json")
        do {
            try store.prepare(now: Self.now)
            Issue.record("a broken manifest was accepted")
        } catch {
            guard case .corrupt(let path, _) = error else {
                Issue.record("unexpected error \(error)")
                return
            }
            #expect(path == store.manifestPath)
        }
    }

    @Test func dutchAndEmojiSurviveByteForByte() throws {
        let temp = TempDirectory()
        defer { temp.remove() }
        let store = JournalStore(root: temp.path + "/journal")
        try store.prepare(now: Self.now)
        // Precomposed and decomposed accents, an emoji with a skin tone and a ZWJ family, a right-to-left mark.
        let text = "Één café, naïef — 😊 cafe\u{301} 👍🏽 👨‍👩‍👧 \u{200F}ĳs\n\"quoted\" \\ tab\t"
        try store.saveNew(entry("20260310-090000-abcdef", text: text))
        let raw = try Data(contentsOf: URL(fileURLWithPath: store.entriesDirectory + "/20260310-090000-abcdef.json"))
        #expect(raw.range(of: Data("Één café, naïef — 😊 cafe\u{301} 👍🏽 👨‍👩‍👧".utf8)) != nil,
                "the file holds the text as UTF-8, not escaped")
        let read = try store.entry(matching: "20260310-090000-abcdef")
        let back = try #require(read.answers.first?.text)
        #expect(Array(back.utf8) == Array(text.utf8))
        #expect(Array(read.exerciseTitle.utf8) == Array(Self.exercise.title.nl!.utf8))
    }

    @Test func prefixesFindOneEntry() throws {
        let temp = TempDirectory()
        defer { temp.remove() }
        let store = JournalStore(root: temp.path + "/journal")
        try store.prepare(now: Self.now)
        try store.saveNew(entry("20260310-090000-aaaaaa"))
        try store.saveNew(entry("20260310-090000-abbbbb"))
        try store.saveNew(entry("20260311-090000-cccccc"))
        #expect(try store.entries().entries.map(\.id) == ["20260311-090000-cccccc", "20260310-090000-abbbbb", "20260310-090000-aaaaaa"])
        #expect(try store.entry(matching: "20260311").id == "20260311-090000-cccccc")
        do {
            _ = try store.entry(matching: "20260310-090000-a")
            Issue.record("an ambiguous prefix found an entry")
        } catch {
            guard case .ambiguous(let what, let prefix, let matches) = error else {
                Issue.record("unexpected error \(error)")
                return
            }
            #expect(what == "entry" && prefix == "20260310-090000-a")
            #expect(Set(matches) == ["20260310-090000-abbbbb", "20260310-090000-aaaaaa"])
        }
        #expect(throws: JournalError.notFound(what: "entry", id: "1999")) { try store.entry(matching: "1999") }
    }

    @Test func summariesMatchTheEntriesAndTheIndexIsPrivate() throws {
        let temp = TempDirectory()
        defer { temp.remove() }
        let previous = umask(0o022)
        defer { umask(previous) }
        let store = JournalStore(root: temp.path + "/journal")
        try store.prepare(now: Self.now)
        let tricky = "Één café\tmet \\ backslash\nen een tweede regel — 😊\r"
        let entries = [entry("20260310-090000-aaaaaa", text: tricky), entry("20260311-090000-bbbbbb", text: "tweede")]
        for entry in entries { try store.saveNew(entry) }
        for pass in 1...2 {  // the first pass builds the index, the second reads it back
            let summaries = try store.summaries()
            #expect(summaries.problems.isEmpty, "pass \(pass): \(summaries.problems)")
            // The index keeps the searchable text in its FTS table, not in the summaries.
            #expect(summaries.entries == entries.reversed().map { var s = EntrySummary($0); s.searchText = ""; return s }, "pass \(pass)")
            #expect(summaries.entries.last?.firstLine == "Één café\tmet \\ backslash", "pass \(pass)")
        }
        let index = try #require(SafeFiles.list(store.root).first { $0.hasPrefix(".index") })
        #expect(mode(store.root + "/" + index) == 0o600)
        #expect(try store.summaries(matching: JournalFilter(grep: "een cafe")).entries.map(\.id) == ["20260310-090000-aaaaaa"])
    }

    @Test func aRepairedFileIsReadAgain() throws {
        let temp = TempDirectory()
        defer { temp.remove() }
        let store = JournalStore(root: temp.path + "/journal")
        try store.prepare(now: Self.now)
        let path = store.entriesDirectory + "/20260310-090000-aaaaaa.json"
        try Data("{ broken".utf8).write(to: URL(fileURLWithPath: path))
        let before = try store.summaries()
        #expect(before.entries.isEmpty)
        #expect(before.problems.map(\.path) == [path])
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data("{ broken".utf8), "reading leaves the file alone")

        // Repaired in place (same file, same inode), as `cat good > file` or an editor writing in place does.
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try handle.truncate(atOffset: 0)
        try handle.write(contentsOf: JSONOutput.data(entry("20260310-090000-aaaaaa", text: "hersteld")))
        try handle.close()
        // Edited in place: the directory's time does not change, so it takes a reindex (`doctor --reindex`).
        _ = try store.reindex()
        let after = try store.summaries()
        #expect(after.problems.isEmpty, "a repaired file is still reported: \(after.problems)")
        #expect(after.entries.map(\.firstLine) == ["hersteld"])
    }

    @Test func newIDsAreSafeAndSortable() {
        let first = JournalStore.newID(at: Date(timeIntervalSince1970: 1_773_135_000))
        let later = JournalStore.newID(at: Date(timeIntervalSince1970: 1_773_135_001))
        #expect(JournalStore.isSafeID(first) && JournalStore.isSafeID(later))
        #expect(first.hasPrefix("20260310-093000-"), "\(first)")
        #expect(first < later)
        #expect(!JournalStore.isSafeID("") && !JournalStore.isSafeID("../x") && !JournalStore.isSafeID("ABC"))
    }
}
