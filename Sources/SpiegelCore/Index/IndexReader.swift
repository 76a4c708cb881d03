import SpiegelContent

/// Queries on the index. Its file is not trusted: every row read is checked (a safe file name, a day that
/// parses, a known status, counts within what the index recorded) and anything wrong throws, which makes
/// the caller rebuild the index from the entry files.
struct IndexReader {
    let db: SQLiteDatabase

    /// Above this many rows the file is not believed (and would not fit the memory a read may take).
    static let maximumRows: Int64 = 10_000_000

    func meta() throws(SQLiteError) -> [String: Int64] {
        var values: [String: Int64] = [:]
        let query = try db.prepare("SELECT key, value FROM meta")
        try query.bind([])
        while try query.step() {
            if let key = query.text(0), let value = query.integer(1) { values[key] = value }
        }
        return values
    }

    /// The summaries that match `filter` (all when nil): newest first, or best match first for `grep`
    /// (with an excerpt whose matching words stand between U+0002 and U+0003).
    func summaries(_ filter: JournalFilter?, commitments wanted: Bool = true) throws(SQLiteError) -> [EntrySummary] {
        let limit = try meta()[IndexSchema.Key.rows] ?? 0
        guard (0...Self.maximumRows).contains(limit) else { throw Self.damaged("row count \(limit)") }
        let query = SummaryQuery(filter)
        let statement = try db.prepare(query.sql)
        try statement.bind(query.values)
        var rows: [Int64] = []
        var summaries: [EntrySummary] = []
        while try statement.step() {
            guard rows.count < limit else { throw Self.damaged("more rows than recorded") }
            let (row, summary) = try Self.summary(statement)
            rows.append(row)
            summaries.append(summary)
        }
        let commitments = wanted ? try self.commitments(of: rows, all: filter == nil || rows.count > 200) : [:]
        for index in summaries.indices {
            let found = commitments[rows[index]] ?? []
            summaries[index].commitments = found.map(\.commitment)
            for (commitment, barriers) in found where !barriers.isEmpty { summaries[index].barriersNamed[commitment.id] = barriers }
        }
        if let match = query.match {
            // Excerpts only for the rows returned: snippet() in the ranked query would run for every match.
            let excerpt = try db.prepare("SELECT snippet(search, -1, char(2), char(3), '…', 12) FROM search WHERE search MATCH ? AND rowid = ?")
            for index in summaries.indices {
                try excerpt.bind([.text(match), .integer(rows[index])])
                if try excerpt.step() { summaries[index].excerpt = excerpt.text(0) }
            }
        }
        return summaries
    }

    /// How many entries match `filter`, whatever its limit.
    func count(_ filter: JournalFilter) throws(SQLiteError) -> Int {
        var unlimited = filter
        unlimited.limit = nil
        let query = SummaryQuery(unlimited)
        let count = try db.integer(query.countSQL, query.values) ?? 0
        guard (0...Self.maximumRows).contains(count) else { throw Self.damaged("match count \(count)") }
        return Int(count)
    }

    /// The entry files of `directory` that could not be read.
    func problems(in directory: String) throws(SQLiteError) -> [JournalProblem] {
        let query = try db.prepare("SELECT name, problem FROM entries WHERE problem IS NOT NULL ORDER BY name")
        try query.bind([])
        var found: [JournalProblem] = []
        while try query.step() {
            guard let name = query.text(0), Self.isSafeName(name), let message = query.text(1) else { throw Self.damaged("problem row") }
            found.append(JournalProblem(path: directory + "/" + name, message: message))
        }
        return found
    }

    /// The ids of readable entries that start with `prefix`.
    func ids(startingWith prefix: String) throws(SQLiteError) -> [String] {
        let query = try db.prepare("SELECT name FROM entries WHERE problem IS NULL AND substr(name, 1, ?) = ? ORDER BY name")
        try query.bind([.integer(Int64(prefix.utf8.count)), .text(prefix)])
        var ids: [String] = []
        while try query.step() {
            guard let name = query.text(0), Self.isSafeName(name) else { throw Self.damaged("entry name") }
            ids.append(String(name.dropLast(5)))
        }
        return ids
    }

    private func commitments(of rows: [Int64], all: Bool) throws(SQLiteError) -> [Int64: [(commitment: Commitment, barriers: [String])]] {
        var found: [Int64: [(commitment: Commitment, barriers: [String])]] = [:]
        let columns = "SELECT entry, id, step, action, due, status, situation, barriers FROM commitments"
        let query = try db.prepare(all ? columns + " ORDER BY entry, position" : columns + " WHERE entry = ? ORDER BY position")
        for row in all ? [nil] : rows.map(Optional.some) {
            try query.bind(row.map { [.integer($0)] } ?? [])
            while try query.step() {
                guard let entry = query.integer(0), let id = query.text(1), JournalStore.isCommitmentID(id),
                      let step = query.text(2), let action = query.text(3),
                      let due = query.text(4).flatMap(CalendarDay.init), let status = query.text(5).flatMap(CommitmentStatus.init)
                else { throw Self.damaged("commitment row") }
                let barriers = query.text(7).map(IndexRow.split) ?? []
                guard barriers.allSatisfy(JournalStore.isSafeID) else { throw Self.damaged("commitment barriers") }
                found[entry, default: []].append((Commitment(id: id, stepId: step, situation: query.text(6), action: action, due: due,
                                                             status: status), barriers))
            }
        }
        return found
    }

    private static func summary(_ row: SQLiteStatement) throws(SQLiteError) -> (Int64, EntrySummary) {
        // The same rules as for an entry file (`Entry.validationProblem`): the index holds only entries that kept them.
        guard let rowid = row.integer(0), let name = row.text(1), isSafeName(name), JournalStore.isSafeID(String(name.dropLast(5))),
              let exercise = row.text(2), JournalStore.isSafeID(exercise),
              let principles = row.text(3).map(IndexRow.split), principles.allSatisfy(JournalStore.isSafeID),
              let completedAt = row.text(4), let firstLine = row.text(7) else {
            throw damaged("entry row")
        }
        let confidence = row.integer(6)
        if let confidence, !Entry.confidenceRange.contains(Int(clamping: confidence)) { throw damaged("confidence \(confidence)") }
        var day: CalendarDay?
        if let text = row.text(5) {
            guard let parsed = CalendarDay(text) else { throw damaged("day '\(text)'") }
            day = parsed
        }
        var summary = EntrySummary(id: String(name.dropLast(5)), exercise: exercise, principles: principles,
                                   completedAt: completedAt, day: day, confidence: confidence.map { Int($0) },
                                   firstLine: firstLine, searchText: "", commitments: [])
        summary.language = row.text(8).flatMap(Language.init(rawValue:))
        return (rowid, summary)
    }

    /// An entry file's name: `ID.json`, no directory part, not hidden, not absurdly long.
    static func isSafeName(_ name: String) -> Bool {
        EntryListing.isEntryFileName(name) && name.utf8.count <= 255 && !name.utf8.contains(where: { $0 == 47 || $0 == 0 })
    }

    static func damaged(_ what: String) -> SQLiteError { SQLiteError(code: -1, message: "damaged index: \(what)") }
}

/// The SQL for a filtered list: FTS5 `MATCH` ranked by bm25 for `grep`, newest first otherwise.
struct SummaryQuery {
    var sql: String
    /// The number of rows `sql` gives without its limit (bound to the same values, less the limit).
    var countSQL: String
    var values: [SQLiteValue] = []
    /// The FTS5 query of a `grep` (its rows get an excerpt).
    var match: String?

    init(_ filter: JournalFilter?) {
        let columns = "e.rowid, e.name, e.exercise, e.principles, e.completed_at, e.day, e.confidence, e.first_line, e.language"
        var conditions = ["e.problem IS NULL"]
        var from = " FROM entries e"
        var order = " ORDER BY e.name DESC"
        sql = "SELECT " + columns
        if let grep = filter?.grep, let match = Self.match(grep) {
            self.match = match
            from = " FROM search JOIN entries e ON e.rowid = search.rowid"
            conditions.append("search MATCH ?")
            values.append(.text(match))
            order = " ORDER BY bm25(search), e.name DESC"
        }
        if let principle = filter?.principle {
            conditions.append("e.rowid IN (SELECT entry FROM principles WHERE principle = ?)")
            values.append(.text(principle))
        }
        if let exercise = filter?.exercise {
            conditions.append("e.exercise = ?")
            values.append(.text(exercise))
        }
        if let since = filter?.since {
            conditions.append("e.day >= ?")
            values.append(.text(since.description))
        }
        if let until = filter?.until {
            conditions.append("e.day <= ?")
            values.append(.text(until.description))
        }
        let selection = from + " WHERE " + conditions.joined(separator: " AND ")
        countSQL = "SELECT count(*)" + selection
        sql += selection + order
        if let limit = filter?.limit {
            sql += " LIMIT ?"
            values.append(.integer(Int64(limit)))
        }
    }

    /// Each word of the text as a quoted prefix term (so no FTS5 syntax gets through), all required;
    /// nil when the text holds no word.
    static func match(_ text: String) -> String? {
        let words = text.split { !$0.isLetter && !$0.isNumber }
        guard !words.isEmpty else { return nil }
        return words.map { "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"*" }.joined(separator: " ")
    }
}
