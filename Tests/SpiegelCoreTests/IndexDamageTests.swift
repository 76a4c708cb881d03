import Foundation
import Testing
import SpiegelContent
@testable import SpiegelCore

/// Damage inside the index's b-trees that SQLite's quick check does not see: an index whose entries no
/// longer match its table.
@Suite struct IndexDamageTests {
    /// Empties the root page of the unique index on entry names, as a torn write or a bad sector could:
    /// lookups by name then find nothing, though the table still holds every row.
    static func emptyTheNameIndex(_ path: String) throws {
        let (root, pageSize): (Int64, Int64) = try {
            let db = try SQLiteDatabase(path: path)
            return (try db.integer("SELECT rootpage FROM sqlite_master WHERE name = 'sqlite_autoindex_entries_1'") ?? 0,
                    try db.integer("PRAGMA page_size") ?? 0)
        }()
        try #require(root > 1 && pageSize >= 512)
        var bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        let start = Int((root - 1) * pageSize)
        var page = [UInt8](repeating: 0, count: Int(pageSize))
        page[0] = 0x0A  // a leaf page of an index, with no cells
        page[5] = UInt8(truncatingIfNeeded: pageSize >> 8)
        page[6] = UInt8(truncatingIfNeeded: pageSize)
        bytes.replaceSubrange(start..<start + Int(pageSize), with: page)
        try bytes.write(to: URL(fileURLWithPath: path))
    }

    static func rows(_ path: String) throws -> (all: Int64, names: Int64) {
        let db = try SQLiteDatabase(path: path)
        return (try db.integer("SELECT count(*) FROM entries NOT INDEXED") ?? -1,
                try db.integer("SELECT count(DISTINCT name) FROM entries NOT INDEXED") ?? -1)
    }

    @Test func aDamagedNameIndexNeverLetsAnEntryInTwice() throws {
        try JournalIndexTests().withJournal { store, ids in
            _ = try store.summaries()
            let path = store.root + "/" + JournalIndex.fileName
            try Self.emptyTheNameIndex(path)
            // Every file replaced by rename (new inodes): each row is looked up by name to be rewritten.
            for id in ids {
                let file = store.entriesDirectory + "/\(id).json"
                let copy = file + ".copy"
                try FileManager.default.copyItem(atPath: file, toPath: copy)
                #expect(rename(copy, file) == 0)
            }
            #expect(try store.summaries().entries.map(\.id) == ids)
            let rows = try Self.rows(path)
            #expect(rows.all == Int64(ids.count) && rows.names == Int64(ids.count), "\(rows)")
        }
    }

    @Test func reindexChecksTheIndexesAgainstTheirTables() throws {
        try JournalIndexTests().withJournal { store, ids in
            _ = try store.summaries()
            let path = store.root + "/" + JournalIndex.fileName
            try Self.emptyTheNameIndex(path)
            #expect(try store.reindex() == ids.count)
            #expect(try SQLiteDatabase(path: path).text("PRAGMA integrity_check") == "ok")
        }
    }
}
