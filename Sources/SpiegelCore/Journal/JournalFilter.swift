import SpiegelContent

/// Which entries to show: by principle, exercise, date range, text, and how many.
public struct JournalFilter: Sendable {
    public var principle: String?
    public var exercise: String?
    public var since: CalendarDay?
    public var until: CalendarDay?
    public var grep: String?
    public var limit: Int?

    public init(principle: String? = nil, exercise: String? = nil, since: CalendarDay? = nil, until: CalendarDay? = nil,
                grep: String? = nil, limit: Int? = nil) {
        self.principle = principle
        self.exercise = exercise
        self.since = since
        self.until = until
        self.grep = grep
        self.limit = limit
    }

    public func matches(_ entry: EntrySummary) -> Bool {
        if let principle, !entry.principles.contains(principle) { return false }
        if let exercise, entry.exercise != exercise { return false }
        if since != nil || until != nil {
            guard let day = entry.day else { return false }
            if let since, day < since { return false }
            if let until, day > until { return false }
        }
        if let grep, !entry.searchText.contains(KnowledgeSearch.fold(grep)) { return false }
        return true
    }

    /// The matching entries of a newest-first list, up to `limit` (`grep` needs summaries read with their text).
    public func apply(_ entries: [EntrySummary]) -> [EntrySummary] {
        var result: [EntrySummary] = []
        for entry in entries where matches(entry) {
            result.append(entry)
            if let limit, result.count >= limit { break }
        }
        return result
    }
}
