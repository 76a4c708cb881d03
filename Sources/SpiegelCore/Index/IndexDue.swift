import SpiegelContent

extension IndexReader {
    /// The open (or moved) commitments due on or before `today`, with their entry's id and language, read
    /// from the commitments table alone (its `(status, due)` index): what `due` needs, without building
    /// a summary per entry.
    func due(until today: CalendarDay) throws(SQLiteError) -> [DueCommitments.Item] {
        let query = try db.prepare("""
            SELECT e.name, e.language, c.id, c.step, c.action, c.due, c.status, c.situation
            FROM commitments c JOIN entries e ON e.rowid = c.entry
            WHERE c.status IN ('open', 'moved') AND c.due <= ? AND e.problem IS NULL
            """)
        try query.bind([.text(today.description)])
        var items: [DueCommitments.Item] = []
        while try query.step() {
            guard let name = query.text(0), Self.isSafeName(name), let id = query.text(2), JournalStore.isCommitmentID(id),
                  let step = query.text(3), let action = query.text(4), let due = query.text(5).flatMap(CalendarDay.init),
                  let status = query.text(6).flatMap(CommitmentStatus.init), due <= today
            else { throw Self.damaged("due commitment row") }
            let commitment = Commitment(id: id, stepId: step, situation: query.text(7), action: action, due: due, status: status)
            items.append(DueCommitments.Item(commitment: commitment, entryId: String(name.dropLast(5)),
                                             daysOverdue: today.ordinal - due.ordinal,
                                             language: query.text(1).flatMap(Language.init(rawValue:))))
        }
        return items
    }

    /// How many open (or moved) commitments are due on or before `today` (`due --count`, for prompts).
    func dueCount(until today: CalendarDay) throws(SQLiteError) -> Int {
        let query = try db.prepare("""
            SELECT count(*) FROM commitments c JOIN entries e ON e.rowid = c.entry
            WHERE c.status IN ('open', 'moved') AND c.due <= ? AND e.problem IS NULL
            """)
        try query.bind([.text(today.description)])
        guard try query.step(), let count = query.integer(0), count >= 0 else { throw Self.damaged("due count") }
        return Int(count)
    }
}
