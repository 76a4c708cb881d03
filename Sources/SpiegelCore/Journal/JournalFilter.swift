import Foundation
#if canImport(Glibc)
import Glibc
#endif
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

    public func matches(_ entry: EntrySummary, folded: Bool = false) -> Bool {
        if let principle, !entry.principles.contains(principle) { return false }
        if let exercise, entry.exercise != exercise { return false }
        if since != nil || until != nil {
            guard let day = entry.day else { return false }
            if let since, day < since { return false }
            if let until, day > until { return false }
        }
        if let grep, !Self.contains(entry.searchText, folded: folded ? grep : KnowledgeSearch.fold(grep)) { return false }
        return true
    }

    /// Byte search in folded text (both sides are folded, so bytes compare like characters).
    static func contains(_ text: String, folded needle: String) -> Bool {
        if needle.isEmpty { return true }
        var haystack = text, pattern = needle
        return haystack.withUTF8 { h in
            pattern.withUTF8 { p in
                guard p.count <= h.count, let hBase = h.baseAddress, let pBase = p.baseAddress else { return false }
                let first = p[0]
                var index = 0
                while index <= h.count - p.count {
                    if h[index] == first && memcmp(hBase + index, pBase, p.count) == 0 { return true }
                    index += 1
                }
                return false
            }
        }
    }

    /// The matching entries of a newest-first list, up to `limit` (`grep` needs summaries read with their text).
    public func apply(_ entries: [EntrySummary]) -> [EntrySummary] {
        var result: [EntrySummary] = []
        var filter = self
        filter.grep = grep.map(KnowledgeSearch.fold)
        for entry in entries where filter.matches(entry, folded: true) {
            result.append(entry)
            if let limit, result.count >= limit { break }
        }
        return result
    }
}
