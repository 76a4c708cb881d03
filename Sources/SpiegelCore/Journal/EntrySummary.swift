import SpiegelContent

/// What listing, filtering, statistics and recommendations need of an entry, small enough to keep in the
/// journal's derived index so that big journals stay fast.
public struct EntrySummary: Sendable, Hashable {
    public var id: String
    public var exercise: String
    public var principles: [String]
    public var completedAt: String
    public var day: CalendarDay?
    public var confidence: Int?
    public var firstLine: String
    /// Every answer, item and commitment, folded (lowercase, no accents), for `--grep`.
    public var searchText: String
    public var commitments: [Commitment]
    /// The barriers named in check-ins of moved commitments, by commitment id (`Commitment.barriersNamed`;
    /// the index keeps no histories).
    public var barriersNamed: [String: [String]] = [:]
    /// The language the entry was written in (its commitments are shown as sentences in it).
    public var language: Language?
    /// For a `--grep` result: where the text matched, the matching words between U+0002 and U+0003.
    public var excerpt: String?

    public init(id: String, exercise: String, principles: [String], completedAt: String, day: CalendarDay?, confidence: Int?,
                firstLine: String, searchText: String, commitments: [Commitment]) {
        self.id = id
        self.exercise = exercise
        self.principles = principles
        self.completedAt = completedAt
        self.day = day
        self.confidence = confidence
        self.firstLine = firstLine
        self.searchText = searchText
        self.commitments = commitments
    }

    public init(_ entry: Entry) {
        self.init(id: entry.id, exercise: entry.exercise, principles: entry.principles,
                  completedAt: entry.completedAt ?? entry.startedAt, day: entry.day, confidence: entry.confidence,
                  firstLine: entry.firstLine, searchText: KnowledgeSearch.fold(entry.typedText(where: \.isSearchable)),
                  commitments: entry.commitments)
        language = entry.language
        for commitment in entry.commitments where !commitment.barriersNamed.isEmpty {
            barriersNamed[commitment.id] = commitment.barriersNamed
        }
    }
}

extension JournalSummaries {
    /// The language each commitment was written in, by commitment id (to show it as a sentence in that language).
    public var commitmentLanguages: [String: Language] {
        var languages: [String: Language] = [:]
        for entry in entries { for commitment in entry.commitments { languages[commitment.id] = entry.language } }
        return languages
    }
}
