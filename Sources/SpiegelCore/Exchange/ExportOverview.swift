/// What the HTML export shows before its entries, gathered in one pass over the index's summaries (never
/// over whole entries, so that a big export keeps little in memory): figures per principle, confidence
/// over time, activity per day, commitment outcomes, and which entries go in which section.
public struct ExportOverview: Sendable {
    /// One principle's figures.
    public struct PrincipleFigures: Sendable {
        public var entries = 0
        /// Confidence ratings per day (day ordinal -> sum and count), for the chart.
        public var confidenceByDay: [Int: (sum: Int, count: Int)] = [:]
        /// The first and the last rating, by day.
        public var confidenceFirst: (day: Int, value: Int)?
        public var confidenceLast: (day: Int, value: Int)?
        public var commitments: [CommitmentStatus: Int] = [:]

        public var commitmentsMade: Int { commitments.values.reduce(0, +) }
        /// Done among the settled (done or dropped) and moved ones; nil when there are none.
        public var keptRate: Double? {
            let done = commitments[.done] ?? 0
            let settled = done + (commitments[.dropped] ?? 0) + (commitments[.moved] ?? 0)
            return settled == 0 ? nil : Double(done) / Double(settled)
        }

        mutating func add(_ summary: EntrySummary) {
            entries += 1
            for commitment in summary.commitments { commitments[commitment.status, default: 0] += 1 }
            guard let value = summary.confidence, let day = summary.day?.ordinal else { return }
            confidenceByDay[day, default: (0, 0)].sum += value
            confidenceByDay[day, default: (0, 0)].count += 1
            if confidenceFirst.map({ day < $0.day }) ?? true { confidenceFirst = (day, value) }
            if confidenceLast.map({ day >= $0.day }) ?? true { confidenceLast = (day, value) }
        }
    }

    /// A section of the page: the entries whose first principle this is (`principle` nil for entries that
    /// name none), and the entries that train it as well, shown in full under their own first principle.
    public struct Section: Sendable {
        public var principle: String?
        /// Positions in the summaries, newest first.
        public var entries: [Int] = []
        public var alsoTraining: [Int] = []

        /// The section's anchor in the page.
        public var anchor: String { "p-" + (principle ?? "other") }
    }

    public var entries = 0
    public var firstDay: CalendarDay?
    public var lastDay: CalendarDay?
    /// Principle figures in the content's order, then principles it does not know.
    public var principles: [(id: String, figures: PrincipleFigures)] = []
    /// Entries per day (day ordinal -> count).
    public var activity: [Int: Int] = [:]
    public var sections: [Section] = []

    /// Gathers the figures of `summaries` (newest first); `principles` are the content's, in its order.
    public init(_ summaries: [EntrySummary], principles known: [String]) {
        var figures: [String: PrincipleFigures] = [:]
        var sectionOf: [String: Int] = [:]
        var sections: [Section] = known.map { Section(principle: $0) }
        for (index, id) in known.enumerated() { sectionOf[id] = index }
        var unknown: [String] = []
        var other = Section(principle: nil)
        for (position, summary) in summaries.enumerated() {
            entries += 1
            if let day = summary.day {
                activity[day.ordinal, default: 0] += 1
                if firstDay.map({ day < $0 }) ?? true { firstDay = day }
                if lastDay.map({ day > $0 }) ?? true { lastDay = day }
            }
            var seen: [String] = []
            for id in summary.principles where !seen.contains(id) {
                seen.append(id)
                figures[id, default: PrincipleFigures()].add(summary)
                if sectionOf[id] == nil {
                    sectionOf[id] = sections.count
                    sections.append(Section(principle: id))
                    unknown.append(id)
                }
                if seen.count == 1 {
                    sections[sectionOf[id]!].entries.append(position)
                } else {
                    sections[sectionOf[id]!].alsoTraining.append(position)
                }
            }
            if summary.principles.isEmpty { other.entries.append(position) }
        }
        // Principles the content does not know come after its own, by id.
        let order = known + unknown.sorted()
        principles = order.compactMap { id in figures[id].map { (id, $0) } }
        self.sections = order.compactMap { id in sectionOf[id].map { sections[$0] } }.filter { !$0.entries.isEmpty || !$0.alsoTraining.isEmpty }
            + (other.entries.isEmpty ? [] : [other])
    }
}
