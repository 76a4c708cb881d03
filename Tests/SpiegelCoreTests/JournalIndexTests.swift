import Foundation
import Testing
import SpiegelContent
@testable import SpiegelCore

/// The derived index must always agree with the entry files, whatever happened to them since.
@Suite struct JournalIndexTests {
    let graph = KnowledgeGraph.curated()

    func entry(_ store: JournalStore, text: String, at date: Date) throws -> Entry {
        let exercise = graph.exercise("small-gesture-plan")!
        var runner = ExerciseRunner(exercise: exercise, entry: Entry(id: JournalStore.newID(at: date), exercise: exercise,
                                                                      language: .en, startedAt: Timestamp.string(date)))
        let today = CalendarDay(date)
        while let slot = runner.current {
            switch slot.step.kind {
            case .text: try runner.answer(.text(text), today: today)
            case .list: try runner.answer(.list([text, "coffee"]), today: today)
            case .rating: try runner.answer(.rating("4"), today: today)
            case .choice: try runner.answer(.choice("1"), today: today)
            case .commitment: try runner.answer(.commitment(action: "offer water", due: "in 3 days"), today: today)
            }
        }
        let done = runner.completedEntry(at: date)
        try store.saveNew(done)
        return done
    }

    @Test func summariesFollowAddedReplacedAndBrokenFiles() throws {
        let dir = TempDirectory("spiegel-index")
        defer { dir.remove() }
        let store = JournalStore(root: dir.path + "/j")
        try store.prepare(now: Date())
        let first = try entry(store, text: "Één café, naïef", at: Date(timeIntervalSince1970: 1_790_000_000))
        #expect(try store.summaries().entries.map(\.id) == [first.id])
        #expect(FileManager.default.fileExists(atPath: store.root + "/.index"))

        // A new entry appears without the index being told.
        let second = try entry(store, text: "the lift was broken", at: Date(timeIntervalSince1970: 1_790_100_000))
        #expect(try store.summaries().entries.map(\.id) == [second.id, first.id])

        // An entry replaced in place (a commitment follow-up) is read again.
        var updated = first
        updated.commitments[0].status = .done
        try store.update(updated)
        let summary = try #require(try store.summaries().entries.first { $0.id == first.id })
        #expect(summary.commitments.first?.status == .done)

        // Search text is folded and only loaded on request.
        #expect(try store.summaries().entries.allSatisfy { $0.searchText.isEmpty })
        let withText = try store.summaries(withText: true).entries
        #expect(JournalFilter(grep: "CAFE").apply(withText).map(\.id) == [first.id])

        // A corrupt file is reported on every read and never rewritten.
        let bad = store.entriesDirectory + "/20300101-000000-abcdef.json"
        try Data("{ not json".utf8).write(to: URL(fileURLWithPath: bad))
        for _ in 0..<2 {
            let read = try store.summaries()
            #expect(read.entries.count == 2)
            #expect(read.problems.contains { $0.path == bad })
        }
        #expect(try String(contentsOfFile: bad, encoding: .utf8) == "{ not json")

        // A deleted entry disappears.
        try FileManager.default.removeItem(atPath: store.entriesDirectory + "/\(second.id).json")
        #expect(try store.summaries().entries.map(\.id) == [first.id])
    }

    @Test func aBrokenIndexIsRebuilt() throws {
        let dir = TempDirectory("spiegel-index")
        defer { dir.remove() }
        let store = JournalStore(root: dir.path + "/j")
        try store.prepare(now: Date())
        let saved = try entry(store, text: "quiet room", at: Date(timeIntervalSince1970: 1_790_000_000))
        _ = try store.summaries()
        for garbage in ["spiegel-index 2\t1\nE\tbroken", "", "not an index at all\n"] {
            try Data(garbage.utf8).write(to: URL(fileURLWithPath: store.root + "/.index"))
            #expect(try store.summaries().entries.map(\.id) == [saved.id])
            #expect(try store.summaries(withText: true).entries.first?.searchText.contains("quiet room") == true)
        }
        // A text file that belongs to another state of the journal is not trusted.
        try Data("spiegel-index 2\t42\n".utf8).write(to: URL(fileURLWithPath: store.root + "/.index-text"))
        #expect(try store.summaries(withText: true).entries.first?.searchText.contains("quiet room") == true)
    }

    @Test func summaryAgreesWithTheEntry() throws {
        let dir = TempDirectory("spiegel-index")
        defer { dir.remove() }
        let store = JournalStore(root: dir.path + "/j")
        try store.prepare(now: Date())
        let saved = try entry(store, text: "tab\there, newline\nthere, backslash \\ end", at: Date(timeIntervalSince1970: 1_790_000_000))
        _ = try store.summaries()  // builds the index
        let fromIndex = try #require(try store.summaries(withText: true).entries.first)
        // The index keeps each commitment's current state, not its history.
        var expected = EntrySummary(saved)
        expected.commitments = expected.commitments.map { var c = $0; c.history = []; return c }
        #expect(fromIndex == expected)
    }
}
