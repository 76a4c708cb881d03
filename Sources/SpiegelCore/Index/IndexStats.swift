import SpiegelContent

extension IndexReader {
    /// `JournalStats` as queries on the index's own indexes (no summary is built).
    /// `ratings` keeps only that many of each principle's latest confidence ratings (all when nil).
    func stats(principles ids: [String], today: CalendarDay, ratings: Int? = nil) throws(SQLiteError) -> JournalStats {
        let entries = try db.integer("SELECT coalesce(sum(count), 0) FROM practice WHERE kind = 1") ?? 0
        guard (0...Self.maximumRows).contains(entries) else { throw Self.damaged("entry count") }
        let counted = try db.prepare("""
            SELECT coalesce((SELECT count FROM practice WHERE kind = 0 AND key = ?1), 0),
                NULLIF((SELECT max(day) FROM principles WHERE principle = ?1), '')
            """)
        let rated = try db.prepare("""
            SELECT confidence FROM (SELECT confidence, day, name FROM principles WHERE principle = ? AND confidence IS NOT NULL
                                    ORDER BY day DESC, name DESC LIMIT ?) ORDER BY day, name
            """)
        var figures: [JournalStats.PrincipleFigures] = []
        for id in ids {
            try counted.bind([.text(id)])
            guard try counted.step(), let count = counted.integer(0), (0...Self.maximumRows).contains(count) else {
                throw Self.damaged("principle count")
            }
            let last = try Self.day(counted, 1)
            try rated.bind([.text(id), .integer(Int64(min(ratings ?? Int(Self.maximumRows), Int(Self.maximumRows))))])
            var confidence: [Int] = []
            while try rated.step() {
                guard let rating = rated.integer(0), Entry.confidenceRange.contains(Int(clamping: rating)) else {
                    throw Self.damaged("confidence")
                }
                confidence.append(Int(rating))
            }
            figures.append(JournalStats.PrincipleFigures(principle: id, entries: Int(count), lastPractised: last,
                                                         daysSince: last.map { $0.days(until: today) }, confidence: confidence))
        }
        let open = try db.integer("SELECT count(*) FROM commitments WHERE status IN ('open', 'moved')") ?? 0
        let overdue = try dueCount(by: today.adding(days: -1))
        return JournalStats(entries: Int(entries), principles: figures, weeklyStreak: try weeklyStreak(today: today),
                            openCommitments: Int(open), overdueCommitments: overdue)
    }

    /// Consecutive weeks with an entry, counting back from this week (or last week when this one is empty):
    /// one indexed lookup per week of the streak.
    private func weeklyStreak(today: CalendarDay) throws(SQLiteError) -> Int {
        let any = try db.prepare("SELECT 1 FROM entries WHERE problem IS NULL AND day >= ? AND day <= ? LIMIT 1")
        func practised(_ week: Int) throws(SQLiteError) -> Bool {
            // Week w holds the days whose ordinal is 7w - 3 to 7w + 3 (see `CalendarDay.weekIndex`).
            try any.bind([.text(CalendarDay(ordinal: 7 * week - 3).description), .text(CalendarDay(ordinal: 7 * week + 3).description)])
            return try any.step()
        }
        var week = today.weekIndex
        if try !practised(week) { week -= 1 }
        var streak = 0
        while try practised(week) {
            streak += 1
            week -= 1
        }
        return streak
    }

    /// A day column: nil when NULL, damage when it does not parse.
    static func day(_ row: SQLiteStatement, _ column: Int32) throws(SQLiteError) -> CalendarDay? {
        guard let text = row.text(column) else { return nil }
        guard let day = CalendarDay(text) else { throw damaged("day '\(text)'") }
        return day
    }
}
