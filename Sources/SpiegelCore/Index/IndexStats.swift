import SpiegelContent

extension IndexReader {
    /// `JournalStats` as queries on the index (no summary is built).
    func stats(principles ids: [String], today: CalendarDay) throws(SQLiteError) -> JournalStats {
        let entries = try db.integer("SELECT count(*) FROM entries WHERE problem IS NULL") ?? 0
        let practised = try db.prepare("""
            SELECT e.day, e.confidence FROM principles p JOIN entries e ON e.rowid = p.entry
            WHERE p.principle = ? AND e.problem IS NULL ORDER BY e.name
            """)
        var figures: [JournalStats.PrincipleFigures] = []
        for id in ids {
            try practised.bind([.text(id)])
            var count = 0, last: CalendarDay?, confidence: [Int] = []
            while try practised.step() {
                count += 1
                if let day = try Self.day(practised, 0), last.map({ day > $0 }) ?? true { last = day }
                if let rating = practised.integer(1) { confidence.append(Int(rating)) }
            }
            figures.append(JournalStats.PrincipleFigures(principle: id, entries: count, lastPractised: last,
                                                         daysSince: last.map { $0.days(until: today) }, confidence: confidence))
        }
        var weeks = Set<Int>()
        let days = try db.prepare("SELECT DISTINCT day FROM entries WHERE problem IS NULL AND day IS NOT NULL")
        try days.bind([])
        while try days.step() { if let day = try Self.day(days, 0) { weeks.insert(day.weekIndex) } }
        var open = 0, overdue = 0
        let due = try db.prepare("""
            SELECT c.due FROM commitments c JOIN entries e ON e.rowid = c.entry
            WHERE c.status IN ('open', 'moved') AND e.problem IS NULL
            """)
        try due.bind([])
        while try due.step() {
            guard let day = try Self.day(due, 0) else { throw Self.damaged("commitment without a due day") }
            open += 1
            if day < today { overdue += 1 }
        }
        return JournalStats(entries: Int(entries), principles: figures, weeklyStreak: JournalStats.streak(weeks: weeks, today: today),
                            openCommitments: open, overdueCommitments: overdue)
    }

    /// A day column: nil when NULL, damage when it does not parse.
    static func day(_ row: SQLiteStatement, _ column: Int32) throws(SQLiteError) -> CalendarDay? {
        guard let text = row.text(column) else { return nil }
        guard let day = CalendarDay(text) else { throw damaged("day '\(text)'") }
        return day
    }
}
