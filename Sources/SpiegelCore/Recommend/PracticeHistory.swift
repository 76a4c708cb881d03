import SpiegelContent

/// What the recommender and the greeting need of a journal, small whatever its size: per principle and
/// per exercise how often it was practised, on which day last and the latest confidence rating; the
/// exercise done last; how many entries there are; and the open commitments due by a day. The index
/// answers it with a few queries (`JournalStore.practice`); a bundle's entries give it in one pass.
public struct PracticeHistory: Sendable, Equatable {
    /// One principle's or exercise's practice.
    public struct Item: Sendable, Equatable {
        public var count = 0
        public var lastDay: CalendarDay?
        /// The rating of the most recent rated entry (by day, then id), whatever day that was.
        public var lastConfidence: Int?

        public init(count: Int = 0, lastDay: CalendarDay? = nil, lastConfidence: Int? = nil) {
            self.count = count
            self.lastDay = lastDay
            self.lastConfidence = lastConfidence
        }
    }

    /// A barrier named in check-ins of moved commitments, with the commitments that named it.
    public struct NamedBarrier: Sendable, Equatable {
        public var barrier: String
        public var commitments: [String]

        /// Most often named first (ties by the barrier's id); each barrier's commitments sorted.
        static func ranked(_ found: [String: [String]]) -> [NamedBarrier] {
            found.map { NamedBarrier(barrier: $0.key, commitments: $0.value.sorted()) }
                .sorted { ($1.commitments.count, $0.barrier) < ($0.commitments.count, $1.barrier) }
        }
    }

    public var principles: [String: Item]
    public var exercises: [String: Item]
    /// The exercise of the entry completed last (by completion time, then id).
    public var lastExercise: String?
    public var entryCount: Int
    /// Open commitments due on or before the day asked, the most recently due first, at most as many as asked.
    public var due: [DueCommitments.Item]
    /// How many open commitments are due by that day in all.
    public var dueCount: Int
    /// Barriers named when commitments of recent entries were moved (`SchedulerParameters.barrierWindowDays`).
    public var barriers: [NamedBarrier]

    public init(principles: [String: Item], exercises: [String: Item], lastExercise: String?, entryCount: Int,
                due: [DueCommitments.Item], dueCount: Int, barriers: [NamedBarrier] = []) {
        self.barriers = barriers
        self.principles = principles
        self.exercises = exercises
        self.lastExercise = lastExercise
        self.entryCount = entryCount
        self.due = due
        self.dueCount = dueCount
    }

    /// The history of `entries` (in any order), with up to `dueLimit` due commitments as of `today`.
    public init(_ entries: [EntrySummary], today: CalendarDay, dueLimit: Int = .max) {
        var principles: [String: Item] = [:]
        var exercises: [String: Item] = [:]
        func note(_ item: inout Item, _ entry: EntrySummary, _ day: CalendarDay) {
            item.count += 1
            if item.lastDay.map({ day > $0 }) ?? true { item.lastDay = day }
            if entry.confidence != nil { item.lastConfidence = entry.confidence }
        }
        var last: EntrySummary?
        // Oldest first, so that the latest rating is the one kept.
        let dated = entries.filter { $0.day != nil }.sorted { ($0.day!, $0.id) < ($1.day!, $1.id) }
        for entry in dated {
            for principle in Set(entry.principles) { note(&principles[principle, default: Item()], entry, entry.day!) }
            note(&exercises[entry.exercise, default: Item()], entry, entry.day!)
            if last.map({ ($0.completedAt, $0.id) < (entry.completedAt, entry.id) }) ?? true { last = entry }
        }
        let due = DueCommitments(entries, today: today).items.reversed()
        let since = today.adding(days: -SchedulerParameters().barrierWindowDays)
        var named: [String: [String]] = [:]
        for entry in entries where (entry.day.map { $0 >= since } ?? false) {
            for (commitment, barriers) in entry.barriersNamed { for barrier in barriers { named[barrier, default: []].append(commitment) } }
        }
        self.init(principles: principles, exercises: exercises, lastExercise: last?.exercise, entryCount: entries.count,
                  due: Array(due.prefix(dueLimit)), dueCount: due.count, barriers: NamedBarrier.ranked(named))
    }
}
