import Foundation
import Testing
import SpiegelContent
@testable import SpiegelCore

/// The derived index must always agree with the entry files, whatever happened to them or to it.
@Suite struct JournalIndexTests {
    static let now = Date(timeIntervalSince1970: 1_790_000_000)
    static let exercise = SmallContent.exercise("ex-aware", ["awareness"])

    func entry(_ id: String, _ text: String, items: [String] = []) -> Entry {
        var entry = Entry(id: id, exercise: Self.exercise, language: .nl, startedAt: Timestamp.string(Self.now))
        var answer = Answer(stepId: "what", kind: .text, prompt: "Wat?")
        answer.text = text
        entry.answers = [answer]
        if !items.isEmpty {
            var list = Answer(stepId: "list", kind: .list, prompt: "Welke?")
            list.items = items
            entry.answers.append(list)
        }
        entry.completedAt = Timestamp.string(Self.now)
        entry.confidence = 4
        entry.commitments = [Commitment(id: id + ".1", stepId: "plan", action: "water aanbieden", due: CalendarDay(year: 2026, month: 12, day: 1))]
        return entry
    }

    /// A journal with three entries; `body` gets the store and the ids, newest first.
    func withJournal(cipher: JournalCipher? = nil, settings: EncryptionSettings? = nil,
                     _ body: (JournalStore, [String]) throws -> Void) throws {
        let dir = TempDirectory("spiegel-index")
        defer { dir.remove() }
        let store = JournalStore(root: dir.path + "/j", cipher: cipher)
        try store.prepare(now: Self.now, encryption: settings)
        let entries = [entry("20260101-090000-aaaaaa", "Het café was vol"),
                       entry("20260102-090000-bbbbbb", "de lift was kapot", items: ["koffie", "thee"]),
                       entry("20260103-090000-cccccc", "stille kamer")]
        for saved in entries { try store.saveNew(saved) }
        try body(store, entries.map(\.id).reversed())
    }

    /// What the index should give for an entry: its summary without the search text.
    func expected(_ entry: Entry) -> EntrySummary {
        var summary = EntrySummary(entry)
        summary.searchText = ""
        return summary
    }

    var indexFile: String { JournalIndex.fileName }

    @Test func summariesAgreeWithTheEntries() throws {
        try withJournal { store, ids in
            let first = try store.summaries()
            #expect(first.problems.isEmpty)
            #expect(first.entries == store.entries(ids: ids).map(expected))
            #expect(try store.summaries().entries == first.entries, "read back from the index")
            #expect(FileManager.default.fileExists(atPath: store.root + "/" + indexFile))
            #expect(mode(store.root + "/" + indexFile) == 0o600)
        }
    }

    @Test func rebuiltAfterDeletionCorruptionAndAnotherSchemaVersion() throws {
        try withJournal { store, ids in
            _ = try store.summaries()
            let path = store.root + "/" + indexFile
            try FileManager.default.removeItem(atPath: path)
            #expect(try store.summaries().entries.map(\.id) == ids)

            var random = SeededRandom(seed: 7)
            for size in [0, 100, 4096, 20_000] {
                try Data((0..<size).map { _ in UInt8(truncatingIfNeeded: random.next()) }).write(to: URL(fileURLWithPath: path))
                #expect(try store.summaries().entries.map(\.id) == ids, "after \(size) random bytes")
            }
            // A page of the real file overwritten.
            var bytes = try Data(contentsOf: URL(fileURLWithPath: path))
            for offset in stride(from: 1024, to: bytes.count, by: 7) { bytes[offset] = 0xA5 }
            try bytes.write(to: URL(fileURLWithPath: path))
            #expect(try store.summaries().entries.map(\.id) == ids, "after damaged pages")

            let db = try SQLiteDatabase(path: path)
            try db.execute("PRAGMA user_version = 99; DELETE FROM entries")
            #expect(try store.summaries().entries.map(\.id) == ids, "another schema version is not trusted")
            #expect(try IndexSchema.isCurrent(SQLiteDatabase(path: path)))
        }
    }

    @Test func rowsThatDoNotCheckOutMakeTheIndexRebuild() throws {
        try withJournal { store, ids in
            _ = try store.summaries()
            let path = store.root + "/" + indexFile
            for damage in ["UPDATE entries SET name = '../../etc/passwd.json' WHERE rowid = 1",
                           "UPDATE entries SET day = 'not a day' WHERE rowid = 2",
                           "UPDATE commitments SET status = 'someday'",
                           "INSERT INTO entries(name, inode, size, mtime, exercise, principles, completed_at, first_line) VALUES ('x.json', 1, 1, 1, 'e', '', '', '')",
                           "UPDATE meta SET value = -5 WHERE key = 'rows'"] {
                try SQLiteDatabase(path: path).execute(damage)
                let read = try store.summaries()
                #expect(read.entries.map(\.id) == ids, "after \(damage)")
                #expect(read.entries.flatMap(\.commitments).allSatisfy { $0.status == .open })
            }
        }
    }

    @Test func anOldFormatIsRemoved() throws {
        try withJournal { store, ids in
            for name in JournalIndex.formerFiles { try Data("spiegel-index 3\t1\n".utf8).write(to: URL(fileURLWithPath: store.root + "/" + name)) }
            #expect(try store.summaries().entries.map(\.id) == ids)
            for name in JournalIndex.formerFiles { #expect(!FileManager.default.fileExists(atPath: store.root + "/" + name)) }
        }
    }

    @Test func followsEntriesAddedRemovedAndReplacedByOthers() throws {
        try withJournal { store, ids in
            _ = try store.summaries()
            // Another process adds an entry (written elsewhere, moved in).
            let added = entry("20260104-090000-dddddd", "nieuw van elders")
            let outside = store.root + "/../elsewhere.json"
            try JSONOutput.data(added).write(to: URL(fileURLWithPath: outside))
            let mover = try Process.run(URL(fileURLWithPath: "/bin/mv"), arguments: [outside, store.entriesDirectory + "/\(added.id).json"])
            mover.waitUntilExit()
            #expect(try store.summaries().entries.map(\.id) == [added.id] + ids)

            // Replaced by rename with a file of the same size: only the inode tells.
            let replaced = entry(ids[1], "de LIFT was kapot", items: ["koffie", "thee"])
            let temporary = store.entriesDirectory + "/.replace.tmp"
            try JSONOutput.data(replaced).write(to: URL(fileURLWithPath: temporary))
            #expect(rename(temporary, store.entriesDirectory + "/\(ids[1]).json") == 0)
            #expect(try store.summaries().entries.first { $0.id == ids[1] }?.firstLine == "de LIFT was kapot")

            // Deleted behind the index's back.
            try FileManager.default.removeItem(atPath: store.entriesDirectory + "/\(ids[0]).json")
            #expect(try store.summaries().entries.map(\.id) == [added.id] + ids.dropFirst())
        }
    }

    @Test func anEditInPlaceIsPickedUpByReindexAndWhenShownInFull() throws {
        try withJournal { store, ids in
            _ = try store.summaries()
            // Let the directory's time fall out of the racy window, so that the index trusts it.
            usleep(30_000)
            _ = try store.summaries()
            func editInPlace(_ text: String) throws {
                let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: store.entriesDirectory + "/\(ids[2]).json"))
                try handle.truncate(atOffset: 0)
                try handle.write(contentsOf: JSONOutput.data(entry(ids[2], text)))
                try handle.close()
            }
            try editInPlace("ander café")
            #expect(try store.summaries().entries.last?.firstLine == "Het café was vol", "the directory did not change")
            #expect(try store.reindex() == 3)
            #expect(try store.summaries().entries.last?.firstLine == "ander café")

            try editInPlace("weer anders")
            #expect(try store.entry(matching: ids[2]).firstLine == "weer anders")
            #expect(try store.summaries().entries.last?.firstLine == "weer anders", "shown in full, so checked")
        }
    }

    @Test func anUnchangedJournalIsNotWrittenAgain() throws {
        try withJournal { store, _ in
            _ = try store.summaries()
            usleep(30_000)
            _ = try store.summaries()
            let path = store.root + "/" + indexFile
            let before = FileStamp(path: path)
            for _ in 0..<3 { _ = try store.summaries() }
            #expect(FileStamp(path: path) == before)
        }
    }

    @Test func statisticsFromQueriesAgreeWithStatisticsFromSummaries() throws {
        let dir = TempDirectory("spiegel-index")
        defer { dir.remove() }
        let store = JournalStore(root: dir.path + "/j")
        let graph = KnowledgeGraph.curated()
        _ = try JournalGenerator(graph: graph).generate(count: 300, seed: 5, into: store, now: Self.now)
        let principles = graph.principles.map(\.id) + ["no-such-principle"]
        let today = CalendarDay(Self.now)
        let (queried, problems) = try store.stats(principles: principles, today: today)
        let counted = JournalStats(entries: try store.summaries().entries, principles: principles, today: today)
        #expect(problems.isEmpty)
        #expect(JSONOutput.string(queried) == JSONOutput.string(counted))
        #expect(queried.entries == 300 && queried.openCommitments > 0 && queried.principles.contains { $0.entries > 0 })
        let recent = try store.stats(principles: principles, today: today, ratings: 3).0
        #expect(recent.principles.map(\.confidence) == counted.principles.map { Array($0.confidence.suffix(3)) })
        #expect(recent.principles.map(\.entries) == counted.principles.map(\.entries))
    }

    @Test func practiceFromQueriesAgreesWithPracticeFromSummaries() throws {
        let dir = TempDirectory("spiegel-index")
        defer { dir.remove() }
        let store = JournalStore(root: dir.path + "/j")
        let graph = KnowledgeGraph.curated()
        _ = try JournalGenerator(graph: graph).generate(count: 300, seed: 9, into: store, now: Self.now)
        let today = CalendarDay(Self.now)
        let summaries = try store.summaries().entries
        for limit in [0, 5, Int.max] {
            let (queried, problems) = try store.practice(today: today, dueLimit: limit)
            #expect(problems.isEmpty)
            #expect(queried == PracticeHistory(summaries, today: today, dueLimit: limit))
        }
        let (history, _) = try store.practice(today: today, dueLimit: 5)
        #expect(history.entryCount == 300 && history.dueCount > 5 && history.due.count == 5)
        #expect(history.principles.values.contains { $0.count > 1 && $0.lastConfidence != nil })
        let (due, _) = try store.dueCommitments(today: today)
        #expect(due == DueCommitments(summaries, today: today).items)
        let scheduler = Scheduler(graph: graph, language: .en)
        #expect(scheduler.recommend(history: history, today: today, count: 5) == scheduler.recommend(entries: summaries, today: today, count: 5))
        // Commitments by prefix and as listed.
        let first = try #require(due.first)
        #expect(try store.commitments(startingWith: first.commitment.id).map(\.commitment) == [first.commitment])
        #expect(try store.commitments(startingWith: first.entryId).allSatisfy { $0.entry == first.entryId })
        let open = try store.commitments(all: false).0
        #expect(open.map(\.commitment.id) == summaries.flatMap(\.commitments).filter(\.isOpen)
            .sorted { ($0.due, $0.id) < ($1.due, $1.id) }.map(\.id))
        #expect(try store.commitments(all: true).0.count == summaries.flatMap(\.commitments).count)
    }

    /// Rows recorded batch by batch while an import writes (the next batch encoded on another thread) and rows
    /// of a rebuild from nothing (the next batch of files decoded on another thread, the full text of each
    /// batch inserted last) give the same answers, and the full-text index checks out.
    @Test func rowsRecordedWhileWritingAndRowsOfARebuildAnswerAlike() throws {
        let dir = TempDirectory("spiegel-index")
        defer { dir.remove() }
        let graph = KnowledgeGraph.curated()
        let count = JournalStore.writeBatch + IndexWriter.batchSize + 57
        let source = JournalStore(root: dir.path + "/source")
        _ = try JournalGenerator(graph: graph).generate(count: count, seed: 13, into: source, now: Self.now)
        // Imported in one call: several batches of files, each recorded in the index as it is written.
        let imported = JournalStore(root: dir.path + "/imported")
        try imported.prepare(now: Self.now)
        #expect(try imported.saveNew(batch: source.entries().entries) == count)
        let principles = graph.principles.map(\.id)
        let today = CalendarDay(Self.now)
        func answers(_ store: JournalStore) throws -> [String] {
            try [JSONOutput.string(store.summaries().entries.map(\.id)),
                 JSONOutput.string(store.summaries(matching: JournalFilter(grep: "parkeerplaats")).entries.map(\.id)),
                 "\(try store.count(matching: JournalFilter(grep: "koffie")))",
                 JSONOutput.string(store.stats(principles: principles, today: today).0),
                 JSONOutput.string(store.dueCommitments(today: today).0.map(\.commitment.id))]
        }
        let importedIndex = imported.root + "/" + indexFile
        #expect(try SQLiteDatabase(path: importedIndex).integer("SELECT count(*) FROM entries") == Int64(count), "recorded as written")
        let recorded = try answers(imported)
        // Rebuilt from nothing: batches of files decoded on another thread, each batch's full text inserted last.
        try FileManager.default.removeItem(atPath: importedIndex)
        #expect(try answers(imported) == recorded)
        #expect(try answers(source) == recorded)
        #expect(try imported.summaries().entries.count == count)
        try SQLiteDatabase(path: importedIndex).execute("INSERT INTO search(search) VALUES ('integrity-check')")
    }

    @Test func grepCountsEveryMatchWhateverTheLimit() throws {
        try withJournal { store, ids throws in
            let filter = JournalFilter(grep: "water", limit: 1)
            #expect(try store.summaries(matching: filter).entries.count == 1)
            #expect(try store.count(matching: filter) == ids.count)
            #expect(try store.count(matching: JournalFilter(grep: "nowhere-to-be-found")) == 0)
        }
    }

    @Test func theRacyRule() {
        let recorded = IndexFreshness(directoryTime: 1_000, checkedAt: 2_000)
        #expect(recorded.isFresh(directoryTime: 1_000))
        #expect(!recorded.isFresh(directoryTime: 1_001), "the directory changed")
        #expect(!recorded.isFresh(directoryTime: nil), "the directory is gone")
        #expect(!IndexFreshness(directoryTime: 2_000, checkedAt: 2_000).isFresh(directoryTime: 2_000),
                "a change in the same tick as the check could hide behind the same time")
    }

    @Test func grepRanksTheBestMatchFirstAndFoldsAccents() throws {
        let dir = TempDirectory("spiegel-index")
        defer { dir.remove() }
        let store = JournalStore(root: dir.path + "/j")
        try store.prepare(now: Self.now)
        try store.saveNew(entry("20260101-090000-aaaaaa", "café"))
        try store.saveNew(entry("20260102-090000-bbbbbb", "een lange dag, met in de middag ook nog even het cafe, en verder veel werk en weinig rust"))
        try store.saveNew(entry("20260103-090000-cccccc", "cafe cafe café: over het café"))
        try store.saveNew(entry("20260104-090000-dddddd", "niets van dat alles"))
        let found = try store.summaries(matching: JournalFilter(grep: "CAFE")).entries
        #expect(found.map(\.id) == ["20260103-090000-cccccc", "20260101-090000-aaaaaa", "20260102-090000-bbbbbb"])
        #expect(found.first?.excerpt?.contains("\u{2}café\u{3}") == true, "\(found.first?.excerpt ?? "")")
        #expect(try store.summaries(matching: JournalFilter(grep: "caf")).entries.count == 3, "a prefix")
        #expect(try store.summaries(matching: JournalFilter(grep: "cafe", limit: 1)).entries.map(\.id) == ["20260103-090000-cccccc"])
        #expect(try store.summaries(matching: JournalFilter(grep: "water")).entries.count == 4, "commitments are searched")
        #expect(try store.summaries(matching: JournalFilter(grep: "\"cafe\" OR niets")).entries.isEmpty, "no query syntax gets through")
        #expect(try store.summaries(matching: JournalFilter(since: CalendarDay(year: 2030, month: 1, day: 1))).entries.isEmpty)
        #expect(try store.summaries(matching: JournalFilter(principle: "awareness", limit: 2)).entries.map(\.id)
                == ["20260104-090000-dddddd", "20260103-090000-cccccc"])
    }

    @Test func anEncryptedJournalLeavesNoAnswerTextOnDisk() throws {
        let (cipher, settings) = try JournalCipher.create(passphrase: "correct horse")
        try withJournal(cipher: cipher, settings: settings) { store, ids in
            #expect(try store.summaries().entries.map(\.id) == ids)
            #expect(try store.summaries(matching: JournalFilter(grep: "cafe")).entries.map(\.id) == [ids[2]])
            _ = try store.reindex()
            #expect(try store.entry(matching: ids[0]).firstLine == "stille kamer")
            #expect(FileManager.default.fileExists(atPath: store.root + "/" + indexFile))
            let secrets = ["café", "lift", "kapot", "koffie", "stille", "water aanbieden", "aanbieden"]
            let files = FileManager.default.enumerator(atPath: store.root)?.allObjects.compactMap { $0 as? String } ?? []
            for file in files {
                guard let data = FileManager.default.contents(atPath: store.root + "/" + file) else { continue }
                for secret in secrets {
                    #expect(data.range(of: Data(secret.utf8)) == nil, "\(file) holds '\(secret)'")
                }
            }
            // Read back from the sealed index (not rebuilt): the same answers.
            let sealedIndex = try Data(contentsOf: URL(fileURLWithPath: store.root + "/" + indexFile))
            #expect(JournalCipher.isSealed(sealedIndex))
            #expect(try store.summaries(matching: JournalFilter(grep: "koffie")).entries.map(\.id) == [ids[1]])
        }
    }

    @Test func aQueryThatNeverEndsIsInterrupted() throws {
        // A small budget (a million instructions) to keep the test short; the standard one is 200 times larger.
        let db = try SQLiteDatabase(image: nil, workLimit: 100)
        let endless = "WITH RECURSIVE r(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM r) SELECT count(*) FROM r"
        #expect(throws: SQLiteError.self) { _ = try db.integer(endless) }
        // The budget is per statement: the next query runs as usual.
        #expect(try db.integer("WITH RECURSIVE r(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM r WHERE x < 10000) SELECT count(*) FROM r") == 10_000)
    }
}
