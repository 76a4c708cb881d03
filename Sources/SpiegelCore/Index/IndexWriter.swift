import Foundation

/// Brings the index's rows in line with the entry files: new and changed files are read, vanished ones
/// dropped. Files are read and written in batches, each in its own transaction, so a process killed
/// midway leaves a consistent index that the next read completes; the freshness stamp is written last.
/// While one batch is written, the next is read and decoded on another thread.
final class IndexWriter {
    let db: SQLiteDatabase
    let directory: String
    /// Reads and decodes one entry file (the store's reader: it opens sealed files); called off the main thread.
    let readEntry: @Sendable (String) throws(JournalError) -> Entry
    private let findRow, insertProblem, insertEntry, insertPrinciple, insertCommitment, insertText: SQLiteStatement
    private let deletions: [SQLiteStatement]

    init(db: SQLiteDatabase, directory: String, readEntry: @escaping @Sendable (String) throws(JournalError) -> Entry) throws(SQLiteError) {
        self.db = db
        self.directory = directory
        self.readEntry = readEntry
        findRow = try db.prepare("SELECT rowid FROM entries WHERE name = ?")
        insertProblem = try db.prepare("INSERT INTO entries(name, inode, size, mtime, problem) VALUES (?, ?, ?, ?, ?)")
        insertEntry = try db.prepare("""
            INSERT INTO entries(name, inode, size, mtime, exercise, principles, completed_at, day, confidence, first_line, language)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        insertPrinciple = try db.prepare("INSERT OR IGNORE INTO principles(principle, day, name, entry, confidence) VALUES (?, ?, ?, ?, ?)")
        insertCommitment = try db.prepare("INSERT INTO commitments(entry, position, id, step, action, due, status, situation, barriers) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
        insertText = try db.prepare("INSERT INTO search(rowid, first_line, body) VALUES (?, ?, ?)")
        deletions = try ["DELETE FROM principles WHERE entry = ?", "DELETE FROM commitments WHERE entry = ?",
                         "DELETE FROM search WHERE rowid = ?", "DELETE FROM entries WHERE rowid = ?"].map { sql throws(SQLiteError) in try db.prepare(sql) }
    }

    static let batchSize = 500

    /// The rows that differ from `listing` are rewritten. Returns true when anything was written.
    func reconcile(with listing: [String: FileStamp], freshness: IndexFreshness,
                   progress: ((Int, Int) -> Void)?) throws(SQLiteError) -> Bool {
        var known: [String: FileStamp] = [:]
        let rows = try db.prepare("SELECT name, inode, size, mtime FROM entries")
        try rows.bind([])
        while try rows.step() {
            guard let name = rows.text(0), let inode = rows.integer(1), let size = rows.integer(2), let mtime = rows.integer(3) else { continue }
            known[name] = FileStamp(inode: inode, size: size, mtime: mtime)
        }
        let vanished = known.keys.filter { listing[$0] == nil }
        let changed = listing.filter { known[$0.key] != $0.value }.map(\.key).sorted(by: >)
        var wrote = !vanished.isEmpty || !changed.isEmpty
        if !vanished.isEmpty {
            try db.transaction { () throws(SQLiteError) in for name in vanished { try remove(name) } }
        }
        let batches = stride(from: 0, to: changed.count, by: Self.batchSize).map { start in
            changed[start..<min(start + Self.batchSize, changed.count)].map { ($0, listing[$0]!) }
        }
        let directory = directory, readEntry = readEntry
        func reading(_ files: [(String, FileStamp)]) -> Background<[IndexRow]> {
            Background { files.map { name, stamp in IndexRow(name: name, stamp: stamp, directory: directory, readEntry: readEntry) } }
        }
        var done = 0
        var next = batches.first.map(reading)
        for index in batches.indices {
            let rows = next?.value() ?? []
            next = index + 1 < batches.count ? reading(batches[index + 1]) : nil
            try write(rows)
            done += rows.count
            if changed.count >= 2_000 { progress?(done, changed.count) }
        }
        // One row per file, counted in the table itself: a damaged index on names could have let a file in twice.
        let count = try db.integer("SELECT count(*) FROM entries NOT INDEXED") ?? 0
        guard count == Int64(listing.count) else { throw IndexReader.damaged("\(count) rows for \(listing.count) files") }
        let stamp: [(String, Int64)] = [(IndexSchema.Key.directoryTime, freshness.directoryTime),
                                        (IndexSchema.Key.checkedAt, freshness.checkedAt), (IndexSchema.Key.rows, count)]
        let recorded = try IndexReader(db: db).meta()
        if stamp.contains(where: { recorded[$0.0] != $0.1 }) {
            let put = try db.prepare("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)")
            try db.transaction { () throws(SQLiteError) in
                for (key, value) in stamp { try put.run([.text(key), .integer(value)]) }
            }
            wrote = true
        }
        return wrote
    }

    /// Puts rows for files just written (with their stamps) in the index, in batches; the freshness stamp
    /// is left alone, so the next read still compares the directory, but finds these files known.
    func record(_ rows: [IndexRow]) throws(SQLiteError) {
        for start in stride(from: 0, to: rows.count, by: Self.batchSize) {
            try write(rows[start..<min(start + Self.batchSize, rows.count)])
        }
    }

    /// Reads one file again when its stamp differs from the row's (an entry about to be shown in full).
    /// Returns true when the row was rewritten.
    func verify(_ name: String) throws(SQLiteError) -> Bool {
        let path = directory + "/" + name
        guard let stamp = FileStamp(path: path) else { return false }
        let query = try db.prepare("SELECT inode, size, mtime FROM entries WHERE name = ?")
        try query.bind([.text(name)])
        // A file the index does not know yet waits for the next full check.
        guard try query.step() else { return false }
        if FileStamp(inode: query.integer(0) ?? -1, size: query.integer(1) ?? -1, mtime: query.integer(2) ?? -1) == stamp {
            return false
        }
        try write([IndexRow(name: name, stamp: stamp, directory: directory, readEntry: readEntry)])
        return true
    }

    /// Replaces the rows of these files in one transaction. The full-text rows go in last: a statement
    /// that fires a trigger (every insert into `entries` and `principles`) opens a statement savepoint,
    /// and FTS5 writes its pending terms out as a new segment at each savepoint; inserted after the
    /// others, the batch's terms are written once, at the commit, instead of one segment per entry.
    private func write<Rows: Collection<IndexRow>>(_ rows: Rows) throws(SQLiteError) {
        try db.transaction { () throws(SQLiteError) in
            for row in rows { try remove(row.name) }
            var texts: [(row: Int64, firstLine: String, body: String)] = []
            texts.reserveCapacity(rows.count)
            for row in rows {
                if let text = try insert(row) { texts.append(text) }
            }
            for text in texts { try insertText.run([.integer(text.row), .text(text.firstLine), .text(text.body)]) }
        }
    }

    private func remove(_ name: String) throws(SQLiteError) {
        try findRow.bind([.text(name)])
        guard try findRow.step(), let row = findRow.integer(0) else { return }
        for statement in deletions { try statement.run([.integer(row)]) }
    }

    /// Inserts one file's rows but its full text, which it returns (with the row it belongs to) for `write`.
    private func insert(_ row: IndexRow) throws(SQLiteError) -> (row: Int64, firstLine: String, body: String)? {
        let stamp: [SQLiteValue] = [.text(row.name), .integer(row.stamp.inode), .integer(row.stamp.size), .integer(row.stamp.mtime)]
        guard case .entry(let entry) = row.content else {
            if case .problem(let message) = row.content {
                try insertProblem.run(stamp + [.text(message)])
            }
            return nil
        }
        let day = entry.day?.description, firstLine = entry.firstLine
        try insertEntry.run(stamp + [.text(entry.exercise), .text(IndexRow.joined(entry.principles)),
                              .text(entry.completedAt ?? entry.startedAt), SQLiteValue(day),
                              SQLiteValue(entry.confidence), .text(firstLine), .text(entry.language.rawValue)])
        let id = db.lastInsertedRow
        for principle in entry.principles {
            try insertPrinciple.run([.text(principle), .text(day ?? ""), .text(row.name), .integer(id),
                                     SQLiteValue(entry.confidence)])
        }
        for (position, c) in entry.commitments.enumerated() {
            try insertCommitment.run([.integer(id), .integer(Int64(position)), .text(c.id), .text(c.stepId), .text(c.action),
                                .text(c.due.description), .text(c.status.rawValue), SQLiteValue(c.situation),
                                SQLiteValue(c.barriersNamed.isEmpty ? nil : IndexRow.joined(c.barriersNamed))])
        }
        return (id, firstLine, IndexRow.searchableText(entry))
    }
}

/// One entry file as the index keeps it: its stamp and either the entry or why it could not be read.
struct IndexRow: Sendable {
    enum Content: Sendable {
        case entry(Entry)
        case problem(String)
    }

    var name: String
    var stamp: FileStamp
    var content: Content

    init(name: String, stamp: FileStamp, content: Content) {
        self.name = name
        self.stamp = stamp
        self.content = content
    }

    init(name: String, stamp: FileStamp, directory: String, readEntry: (String) throws(JournalError) -> Entry) {
        self.name = name
        self.stamp = stamp
        let path = directory + "/" + name
        do {
            let entry = try readEntry(path)
            content = entry.id + ".json" == name
                ? .entry(entry) : .problem("\(path): file name does not match its id '\(entry.id)'")
        } catch {
            content = .problem(error.message)
        }
    }

    /// Principles are kept in order in one column, apart by a character no id holds.
    static let separator: Character = "\u{1F}"

    static func joined(_ principles: [String]) -> String { principles.joined(separator: String(separator)) }

    static func split(_ text: String) -> [String] {
        text.isEmpty ? [] : text.split(separator: separator, omittingEmptySubsequences: false).map(String.init)
    }

    /// Everything the person typed (answers, items, plans, check-ins, notes), as written: the tokenizer
    /// folds case and accents.
    static func searchableText(_ entry: Entry) -> String {
        entry.typedText(where: \.isSearchable)
    }
}
