import Foundation
import SpiegelContent

/// Builds the mirror of a period from the journal's entries: pure, no files, no words chosen.
public struct Mirror: Sendable {
    public let graph: KnowledgeGraph

    public init(graph: KnowledgeGraph) {
        self.graph = graph
    }

    /// The choice options that name a need or a barrier.
    public static let mentionable: Set<String> = ["recognition", "explanation", "solution", "shyness", "creativity", "involvement"]

    /// The mirror of `period` (compared with the period of the same length before it) over `entries`.
    public func reflect(_ entries: [Entry], period: MirrorReport.Period, today: CalendarDay) -> MirrorReport {
        let length = period.to.ordinal - period.from.ordinal + 1
        let previous = MirrorReport.Period(from: period.from.adding(days: -length), to: period.from.adding(days: -1))
        let sorted = entries.filter { !$0.isDraft }.sorted {
            (Timestamp.date($0.completedAt ?? "") ?? .distantPast, $0.id) < (Timestamp.date($1.completedAt ?? "") ?? .distantPast, $1.id)
        }
        let inPeriod = sorted.filter { within($0, period) }
        let before = sorted.filter { within($0, previous) }
        let stemmers = Stemmers()
        let themes = Themes(stemmers: stemmers)
        let current = themes.count(inPeriod)
        let earlier = themes.count(before)
        let obstacles = obstacles(sorted, period)
        return MirrorReport(
            period: period, previous: previous,
            principles: principles(inPeriod, all: sorted, until: period.to),
            neglected: neglected(sorted, until: period.to),
            commitments: commitments(inPeriod), previousCommitments: commitments(before),
            commitmentsByPrinciple: Dictionary(uniqueKeysWithValues: graph.principles.map { principle in
                (principle.id, commitments(inPeriod.filter { $0.principles.contains(principle.id) }))
            }),
            months: months(inPeriod),
            // Each with the language its plan is worded in, so that the sentence is said in it.
            oldestOpen: sorted.filter { ($0.day ?? today) <= period.to }
                .flatMap { entry in entry.commitments.map { var c = $0; c.language = c.language ?? entry.language; return c } }
                .filter(\.isOpen)
                .min { ($0.due, $0.id) < ($1.due, $1.id) },
            obstacles: obstacles,
            movedBecause: movedBecause(obstacles),
            themes: themes.report(current, previous: earlier),
            mentions: mentions(inPeriod),
            onThisDay: onThisDay(sorted, today: today),
            nextTime: nextTime(inPeriod, later: sorted, themes: themes, period: period))
    }

    private func within(_ entry: Entry, _ period: MirrorReport.Period) -> Bool {
        guard let day = entry.day else { return false }
        return day >= period.from && day <= period.to
    }

    private func principles(_ entries: [Entry], all: [Entry], until end: CalendarDay) -> [MirrorReport.Principle] {
        graph.principles.map { principle in
            let practised = entries.filter { $0.principles.contains(principle.id) }
            let path = practised.compactMap(\.confidence)
            let minutes = practised.reduce(0) { $0 + (graph.exercise($1.exercise)?.minutes ?? 0) }
            let last = all.filter { $0.principles.contains(principle.id) }.compactMap(\.day).filter { $0 <= end }.max()
            return MirrorReport.Principle(id: principle.id, entries: practised.count, minutes: minutes,
                                          confidenceFirst: path.first, confidenceLast: path.last, confidencePath: path,
                                          lastPractised: last, entryIds: practised.map(\.id))
        }
    }

    private func neglected(_ entries: [Entry], until end: CalendarDay) -> String? {
        let lastDays = graph.principles.map { principle in
            (principle.id, entries.filter { $0.principles.contains(principle.id) }.compactMap(\.day).filter { $0 <= end }.max())
        }
        // Never practised counts as longest; among those, the first in the graph's order.
        if let never = lastDays.first(where: { $0.1 == nil }) { return never.0 }
        return lastDays.min { ($0.1!, $0.0) < ($1.1!, $1.0) }?.0
    }

    func commitments(_ entries: [Entry]) -> MirrorReport.Commitments {
        var figures = MirrorReport.Commitments()
        for entry in entries where !entry.commitments.isEmpty {
            figures.entryIds.append(entry.id)
            for commitment in entry.commitments {
                figures.made += 1
                switch commitment.status {
                case .done: figures.done += 1
                case .dropped: figures.dropped += 1
                case .open: figures.open += 1
                case .moved: figures.moved += 1
                }
            }
        }
        let settled = figures.done + figures.dropped
        figures.keptRate = settled > 0 ? Double(figures.done) / Double(settled) : nil
        return figures
    }

    private func months(_ entries: [Entry]) -> [MirrorReport.Month] {
        let grouped = Dictionary(grouping: entries) { entry in
            entry.day.map { String(format: "%04d-%02d", $0.year, $0.month) } ?? ""
        }
        return grouped.filter { !$0.key.isEmpty }.sorted { $0.key < $1.key }
            .map { MirrorReport.Month(month: $0.key, commitments: commitments($0.value)) }
    }

    /// What got in the way of commitments moved in the period (by the day of the move), newest first.
    func obstacles(_ entries: [Entry], _ period: MirrorReport.Period) -> [MirrorReport.Obstacle] {
        var found: [MirrorReport.Obstacle] = []
        for commitment in entries.flatMap(\.commitments) {
            for event in commitment.history where event.status == .moved {
                let day = Timestamp.date(event.at).map { CalendarDay($0) }
                guard let day, day >= period.from, day <= period.to else { continue }
                let words = [event.checkIn?.why, event.reflection].compactMap { $0 }
                    .filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }.joined(separator: " — ")
                let barriers = event.checkIn?.barriers ?? []
                guard !words.isEmpty || !barriers.isEmpty else { continue }
                found.append(MirrorReport.Obstacle(commitmentId: commitment.id, text: words, barriers: barriers, day: day))
            }
        }
        return found.sorted { ($1.day?.ordinal ?? 0, $0.commitmentId) < ($0.day?.ordinal ?? 0, $1.commitmentId) }
    }

    /// How many moved commitments named each barrier (each commitment once per barrier).
    private func movedBecause(_ obstacles: [MirrorReport.Obstacle]) -> [MirrorReport.Mention] {
        var found: [String: Set<String>] = [:]
        for obstacle in obstacles { for barrier in obstacle.barriers { found[barrier, default: []].insert(obstacle.commitmentId) } }
        return found.map { MirrorReport.Mention(id: $0.key, count: $0.value.count, entries: $0.value.sorted()) }
            .sorted { ($1.count, $0.id) < ($0.count, $1.id) }
    }

    private func mentions(_ entries: [Entry]) -> [MirrorReport.Mention] {
        var found: [String: [String]] = [:]
        for entry in entries {
            for answer in entry.answers where answer.kind == .choice {
                if let choice = answer.choice, Self.mentionable.contains(choice) { found[choice, default: []].append(entry.id) }
            }
        }
        return found.map { MirrorReport.Mention(id: $0.key, count: $0.value.count, entries: Array(Set($0.value)).sorted()) }
            .sorted { ($1.count, $0.id) < ($0.count, $1.id) }
    }

    private func onThisDay(_ entries: [Entry], today: CalendarDay) -> [MirrorReport.Glimpse] {
        [1, 6, 12].compactMap { months in
            let target = today.adding(days: -Int((Double(months) * 30.44).rounded()))
            // The entry closest to that day, within three days of it.
            let near = entries.compactMap { entry in entry.day.map { (entry, abs($0.ordinal - target.ordinal)) } }
                .filter { $0.1 <= 3 }.min { ($0.1, $0.0.id) < ($1.1, $1.0.id) }
            return near.map { MirrorReport.Glimpse(monthsAgo: months, entryId: $0.0.id, day: $0.0.day!, firstLine: $0.0.firstLine) }
        }
    }

    /// Answers to "next time" steps, commitments (their actions) and check-ins ("what is next"), in the
    /// period; a commitment done counts as done, otherwise a later entry or check-in sharing at least two
    /// stemmed terms with it is taken (as a guess) to show it happened.
    private func nextTime(_ entries: [Entry], later all: [Entry], themes: Themes, period: MirrorReport.Period) -> [MirrorReport.Intention] {
        // What each entry shows was done: its answers and the check-ins of its commitments ("what you did").
        // Only entries from the period on can follow what was said in it (stemming every entry would cost seconds).
        let start = Timestamp.date(period.from.description)?.addingTimeInterval(-86_400) ?? .distantPast
        let shown = all.filter { (Timestamp.date($0.completedAt ?? $0.startedAt) ?? .distantPast) >= start }
            .map { other -> (id: String, at: Date, stems: Set<String>) in
            let texts = other.answers.map(\.plainText) + other.commitments.flatMap(\.history).compactMap { $0.checkIn?.did }
            return (other.id, Timestamp.date(other.completedAt ?? other.startedAt) ?? .distantPast,
                    themes.stems(texts.joined(separator: " "), language: other.language))
        }
        func followed(_ text: String, language: Language, after date: Date, excluding id: String) -> String? {
            let terms = themes.stems(text, language: language)
            guard terms.count >= 2 else { return nil }
            return shown.first { $0.id != id && $0.at > date && $0.stems.intersection(terms).count >= 2 }?.id
        }
        var intentions: [MirrorReport.Intention] = []
        for entry in entries {
            let made = Timestamp.date(entry.completedAt ?? entry.startedAt) ?? .distantPast
            for text in entry.answers.filter({ $0.stepId.contains("next") && $0.kind == .text }).compactMap(\.text)
            where !text.trimmingCharacters(in: .whitespaces).isEmpty {
                let later = followed(text, language: entry.language, after: made, excluding: entry.id)
                intentions.append(MirrorReport.Intention(entryId: entry.id, source: "step", text: text, followedBy: later, guess: later != nil))
            }
            for commitment in entry.commitments where !commitment.action.trimmingCharacters(in: .whitespaces).isEmpty {
                let done = commitment.status == .done
                let later = done ? commitment.id : commitment.status == .dropped ? nil
                    : followed(([commitment.situation ?? ""] + [commitment.action]).joined(separator: " "),
                               language: entry.language, after: made, excluding: entry.id)
                intentions.append(MirrorReport.Intention(entryId: entry.id, commitmentId: commitment.id, situation: commitment.situation,
                                                         language: commitment.language ?? entry.language, source: "commitment", status: commitment.status,
                                                         text: commitment.action, followedBy: later, guess: later != nil && !done))
            }
        }
        // "What is next", said in a check-in during the period (on a commitment of any entry).
        for entry in all {
            for commitment in entry.commitments {
                for event in commitment.history {
                    guard let next = event.checkIn?.next, !next.trimmingCharacters(in: .whitespaces).isEmpty,
                          let at = Timestamp.date(event.at), (period.from...period.to).contains(CalendarDay(at)) else { continue }
                    let later = followed(next, language: entry.language, after: at, excluding: "")
                    intentions.append(MirrorReport.Intention(entryId: entry.id, commitmentId: commitment.id, source: "check-in",
                                                             text: next, followedBy: later, guess: later != nil))
                }
            }
        }
        return intentions
    }
}

/// One stemmer per language, made when first needed.
final class Stemmers {
    private var made: [Language: Stemmer] = [:]

    func stem(_ word: String, _ language: Language) -> String {
        if let stemmer = made[language] { return stemmer.stem(word) }
        let stemmer = Stemmer(language)
        made[language] = stemmer
        return stemmer.stem(word)
    }
}
