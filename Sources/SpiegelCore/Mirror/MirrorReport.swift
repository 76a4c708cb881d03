import SpiegelContent

/// A period of practice reflected back: every figure carries the ids of the entries it rests on, so the
/// person can check it. Built by `Mirror`; worded by the command line.
public struct MirrorReport: Codable, Sendable {
    public struct Period: Codable, Sendable, Hashable {
        public var from: CalendarDay
        public var to: CalendarDay

        public init(from: CalendarDay, to: CalendarDay) {
            self.from = from
            self.to = to
        }
    }

    /// Practice of one principle in the period.
    public struct Principle: Codable, Sendable {
        public var id: String
        public var entries: Int
        /// The exercises' estimated minutes, added up.
        public var minutes: Int
        /// Confidence at the first and the last rated entry of the period, and every rating between.
        public var confidenceFirst: Int?
        public var confidenceLast: Int?
        public var confidencePath: [Int]
        /// The last day it was practised (ever, up to the period's end).
        public var lastPractised: CalendarDay?
        public var entryIds: [String]
    }

    /// What became of the commitments made in a period.
    public struct Commitments: Codable, Sendable {
        public var made = 0
        public var done = 0
        public var moved = 0
        public var dropped = 0
        public var open = 0
        /// Done among those whose outcome is known (done or dropped), nil when none is.
        public var keptRate: Double?
        public var entryIds: [String] = []
    }

    /// What got in the way of a moved commitment: the barriers named in its check-in and the person's words
    /// (the check-in's "something else", or the reflection typed after `moved ID DATE`; may be empty).
    public struct Obstacle: Codable, Sendable {
        public var commitmentId: String
        public var text: String
        public var barriers: [String]
        /// When it was moved.
        public var day: CalendarDay?
    }

    /// A term that recurs in the person's answers: its stem, the word as most often written, how often.
    public struct Theme: Codable, Sendable {
        public var term: String
        public var stem: String
        public var count: Int
        /// Not among the previous period's themes.
        public var isNew: Bool
        public var principles: [String]
        public var entries: [String]
    }

    /// A need or barrier named in a choice (recognition, explanation, solution; shyness, creativity, involvement).
    public struct Mention: Codable, Sendable {
        public var id: String
        public var count: Int
        public var entries: [String]
    }

    /// An entry from about a month, half a year or a year ago.
    public struct Glimpse: Codable, Sendable {
        public var monthsAgo: Int
        public var entryId: String
        public var day: CalendarDay
        public var firstLine: String
    }

    /// Something the person said they would do next time, and whether a later entry seems to show it.
    public struct Intention: Codable, Sendable {
        public var entryId: String
        /// For a commitment: its id; for a check-in's "what is next": the commitment checked in on.
        public var commitmentId: String?
        /// The if-then situation of a commitment, and the language it was written in.
        public var situation: String?
        public var language: Language?
        /// Where it was said: `step` (a "next time" answer), `commitment`, or `check-in`.
        public var source: String
        /// A commitment's status (a dropped one is not looked for in later entries).
        public var status: CommitmentStatus? = nil
        public var text: String
        /// A later entry or check-in that shares enough words with it; `guess` says it is inferred.
        public var followedBy: String?
        public var guess: Bool
    }

    /// Commitments made in one calendar month of the period.
    public struct Month: Codable, Sendable {
        /// `YYYY-MM`.
        public var month: String
        public var commitments: Commitments
    }

    public var period: Period
    public var previous: Period
    public var principles: [Principle]
    /// The principle not practised for longest.
    public var neglected: String?
    public var commitments: Commitments
    public var previousCommitments: Commitments
    public var commitmentsByPrinciple: [String: Commitments]
    /// The kept rate month by month, for the chart.
    public var months: [Month]
    /// The oldest commitment still open (made in any period up to the end of this one).
    public var oldestOpen: Commitment?
    public var obstacles: [Obstacle]
    /// The barriers named in check-ins of commitments moved in the period, most often first (`entries` holds
    /// the commitment ids).
    public var movedBecause: [Mention]
    public var themes: [Theme]
    public var mentions: [Mention]
    public var onThisDay: [Glimpse]
    public var nextTime: [Intention]
}
