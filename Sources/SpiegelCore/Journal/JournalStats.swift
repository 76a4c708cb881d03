import SpiegelContent

/// Per-principle practice figures and the weekly streak, computed from entries.
public struct JournalStats: Sendable, Codable {
    public struct PrincipleFigures: Sendable, Codable {
        public var principle: String
        public var entries: Int
        public var lastPractised: CalendarDay?
        public var daysSince: Int?
        /// Confidence ratings in time order (oldest first).
        public var confidence: [Int]
    }

    public var entries: Int
    public var principles: [PrincipleFigures]
    /// Consecutive weeks (Monday-based) with at least one entry, counting back from this week or last week.
    public var weeklyStreak: Int
    public var openCommitments: Int
    public var overdueCommitments: Int

    public init(entries list: [EntrySummary], principles ids: [String], today: CalendarDay) {
        let ordered = list.sorted { $0.id < $1.id }
        entries = list.count
        principles = ids.map { id in
            let practised = ordered.filter { $0.principles.contains(id) }
            let last = practised.compactMap(\.day).max()
            return PrincipleFigures(principle: id, entries: practised.count, lastPractised: last,
                                    daysSince: last.map { $0.days(until: today) },
                                    confidence: practised.compactMap(\.confidence))
        }
        weeklyStreak = Self.streak(weeks: Set(list.compactMap { $0.day?.weekIndex }), today: today)
        let open = list.flatMap(\.commitments).filter(\.isOpen)
        openCommitments = open.count
        overdueCommitments = open.filter { $0.due < today }.count
    }

    /// The figures as the index's queries give them.
    init(entries: Int, principles: [PrincipleFigures], weeklyStreak: Int, openCommitments: Int, overdueCommitments: Int) {
        self.entries = entries
        self.principles = principles
        self.weeklyStreak = weeklyStreak
        self.openCommitments = openCommitments
        self.overdueCommitments = overdueCommitments
    }

    /// Consecutive weeks in `weeks`, counting back from this week (or last week when this one is empty).
    static func streak(weeks: Set<Int>, today: CalendarDay) -> Int {
        var week = today.weekIndex
        if !weeks.contains(week) { week -= 1 }
        var streak = 0
        while weeks.contains(week) {
            streak += 1
            week -= 1
        }
        return streak
    }
}
