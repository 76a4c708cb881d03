import SpiegelContent

/// Practice figures, due commitments and commitment lookups as queries on the index's own indexes: no
/// summary is built, so they cost the same at 100 entries as at 100,000 (the counts aside).
extension IndexReader {
    /// The journal's `PracticeHistory`, with up to `dueLimit` due commitments as of `today`.
    func practice(today: CalendarDay, dueLimit: Int) throws(SQLiteError) -> PracticeHistory {
        let principles = try items("""
            SELECT key, count, NULLIF((SELECT max(day) FROM principles r WHERE r.principle = key), ''),
                (SELECT confidence FROM principles r WHERE r.principle = key AND r.confidence IS NOT NULL
                 ORDER BY r.day DESC, r.name DESC LIMIT 1)
            FROM practice WHERE kind = 0 AND count > 0
            """)
        let exercises = try items("""
            SELECT key, count, (SELECT max(day) FROM entries r WHERE r.problem IS NULL AND r.exercise = key),
                (SELECT confidence FROM entries r WHERE r.problem IS NULL AND r.exercise = key AND r.confidence IS NOT NULL
                 ORDER BY r.day DESC, r.name DESC LIMIT 1)
            FROM practice WHERE kind = 1 AND count > 0
            """)
        let last = try db.prepare("""
            SELECT exercise FROM entries WHERE problem IS NULL AND day IS NOT NULL ORDER BY completed_at DESC, name DESC LIMIT 1
            """)
        try last.bind([])
        var lastExercise: String?
        if try last.step() {
            guard let exercise = last.text(0), JournalStore.isSafeID(exercise) else { throw Self.damaged("exercise") }
            lastExercise = exercise
        }
        // Every readable entry has one exercise: the exercise counts add up to the entries.
        let entries = exercises.values.reduce(0) { $0 + $1.count }
        return PracticeHistory(principles: principles, exercises: exercises, lastExercise: lastExercise,
                               entryCount: entries, due: try dueCommitments(by: today, limit: dueLimit),
                               dueCount: try dueCount(by: today),
                               barriers: try barriersNamed(since: today.adding(days: -SchedulerParameters().barrierWindowDays)))
    }

    /// The barriers named when commitments of entries from `since` on were moved.
    func barriersNamed(since: CalendarDay) throws(SQLiteError) -> [PracticeHistory.NamedBarrier] {
        let query = try db.prepare("""
            SELECT c.id, c.barriers FROM commitments c JOIN entries e ON e.rowid = c.entry
            WHERE e.problem IS NULL AND c.barriers IS NOT NULL AND e.day >= ?
            """)
        try query.bind([.text(since.description)])
        var named: [String: [String]] = [:]
        while try query.step() {
            guard let id = query.text(0), JournalStore.isCommitmentID(id), let barriers = query.text(1) else {
                throw Self.damaged("barriers row")
            }
            for barrier in IndexRow.split(barriers) where JournalStore.isSafeID(barrier) { named[barrier, default: []].append(id) }
        }
        return PracticeHistory.NamedBarrier.ranked(named)
    }

    /// How many open commitments are due on or before `day`.
    func dueCount(by day: CalendarDay) throws(SQLiteError) -> Int {
        // Commitments belong to readable entries only (a file that could not be read has no rows).
        let count = try db.integer("SELECT count(*) FROM commitments WHERE status IN ('open', 'moved') AND due <= ?",
                                   [.text(day.description)]) ?? 0
        guard (0...Self.maximumRows).contains(count) else { throw Self.damaged("commitment count") }
        return Int(count)
    }

    /// Open commitments due on or before `day`, the most recently due first, at most `limit`.
    func dueCommitments(by day: CalendarDay, limit: Int = .max) throws(SQLiteError) -> [DueCommitments.Item] {
        try commitments(where: "c.status IN ('open', 'moved') AND c.due <= ?", [.text(day.description)],
                        order: "c.due DESC, c.id DESC", limit: limit).map { found in
            DueCommitments.Item(commitment: found.commitment, entryId: found.entry, daysOverdue: day.ordinal - found.commitment.due.ordinal,
                                language: found.language)
        }
    }

    /// Commitments (the open ones, or all) with their entry's id, earliest due first. Each is the state the
    /// index keeps (no history: that is in the entry file).
    func commitments(all: Bool) throws(SQLiteError) -> [IndexedCommitment] {
        try commitments(where: all ? "1" : "c.status IN ('open', 'moved')", [], order: "c.due, c.id", limit: .max)
    }

    /// The commitments whose id is `prefix` or starts with it, with their entry's id.
    func commitments(startingWith prefix: String) throws(SQLiteError) -> [IndexedCommitment] {
        try commitments(where: "substr(c.id, 1, ?) = ?", [.integer(Int64(prefix.utf8.count)), .text(prefix)],
                        order: "c.id", limit: .max)
    }

    private func commitments(where condition: String, _ values: [SQLiteValue], order: String,
                             limit: Int) throws(SQLiteError) -> [IndexedCommitment] {
        let query = try db.prepare("""
            SELECT e.name, c.id, c.step, c.action, c.due, c.status, (SELECT count(*) FROM commitments x WHERE x.entry = c.entry),
                c.situation, e.language
            FROM commitments c JOIN entries e ON e.rowid = c.entry
            WHERE e.problem IS NULL AND \(condition) ORDER BY \(order) LIMIT ?
            """)
        try query.bind(values + [.integer(Int64(min(limit, Int(Self.maximumRows))))])
        var found: [IndexedCommitment] = []
        while try query.step() {
            guard let name = query.text(0), Self.isSafeName(name), let id = query.text(1), JournalStore.isCommitmentID(id),
                  let step = query.text(2), let action = query.text(3),
                  let due = query.text(4).flatMap(CalendarDay.init), let status = query.text(5).flatMap(CommitmentStatus.init),
                  let siblings = query.integer(6), (1...Self.maximumRows).contains(siblings)
            else { throw Self.damaged("commitment row") }
            let commitment = Commitment(id: id, stepId: step, situation: query.text(7), action: action, due: due, status: status)
            found.append(IndexedCommitment(entry: String(name.dropLast(5)), commitment: commitment, ofEntry: Int(siblings),
                                           language: query.text(8).flatMap(Language.init(rawValue:))))
        }
        return found
    }

    /// Rows of (key, count, last day, last confidence), checked, by key.
    private func items(_ sql: String) throws(SQLiteError) -> [String: PracticeHistory.Item] {
        let query = try db.prepare(sql)
        try query.bind([])
        var items: [String: PracticeHistory.Item] = [:]
        while try query.step() {
            guard let key = query.text(0), JournalStore.isSafeID(key), let count = query.integer(1),
                  (1...Self.maximumRows).contains(count) else { throw Self.damaged("practice row") }
            let confidence = query.integer(3)
            if let confidence, !Entry.confidenceRange.contains(Int(clamping: confidence)) { throw Self.damaged("confidence") }
            items[key] = PracticeHistory.Item(count: Int(count), lastDay: try Self.day(query, 2), lastConfidence: confidence.map { Int($0) })
        }
        return items
    }
}

/// A commitment as the index keeps it (its state, not its history), with its entry's id and how many
/// commitments that entry holds.
public struct IndexedCommitment: Sendable, Equatable {
    public var entry: String
    public var commitment: Commitment
    public var ofEntry: Int
    /// The language of its entry, in which the plan is worded.
    public var language: Language?
}
