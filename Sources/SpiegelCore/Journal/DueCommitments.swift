import SpiegelContent

/// The commitments that are due today or overdue, oldest due date first: what `due` reports to cron jobs,
/// timers and shell prompts.
public struct DueCommitments: Sendable {
    public struct Item: Sendable, Codable, Equatable {
        public var commitment: Commitment
        public var entryId: String
        /// Days past the due date (0: due today).
        public var daysOverdue: Int
        /// The language the commitment was written in.
        public var language: Language?
    }

    public let items: [Item]

    /// The due items of `summaries`.
    public init(_ summaries: [EntrySummary], today: CalendarDay) {
        self.init(items: summaries.flatMap { summary in
            summary.commitments.filter { $0.isOpen && $0.due <= today }.map {
                Item(commitment: $0, entryId: summary.id, daysOverdue: today.ordinal - $0.due.ordinal, language: summary.language)
            }
        })
    }

    /// `items` ordered: oldest due date first, then by id.
    init(items: [Item]) {
        self.items = items.sorted { ($0.commitment.due, $0.commitment.id) < ($1.commitment.due, $1.commitment.id) }
    }
}
