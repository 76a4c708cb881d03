import Foundation
import SpiegelContent

/// Why something is recommended: a code for programs, the figures it rests on, and a sentence for people.
public struct Reason: Sendable, Codable, Hashable {
    public var code: String
    public var principle: String?
    public var days: Int?
    public var value: Int?
    /// For `barrier-named`: the barrier and the commitments whose check-ins named it.
    public var barrier: String? = nil
    public var commitments: [String]? = nil
    public var text: String
}

/// One recommended exercise with its score and reasons.
public struct Recommendation: Sendable, Codable, Hashable {
    public var exercise: String
    public var title: String
    public var principles: [String]
    public var practices: [String]
    public var score: Double
    public var reasons: [Reason]
}

/// An overdue or due commitment that deserves a check-in before anything new.
public struct CheckIn: Sendable, Codable, Hashable {
    public var commitment: String
    /// The if-then situation, when the commitment has one, and the language it was written in.
    public var situation: String?
    public var language: Language?
    public var action: String
    public var due: CalendarDay
    public var daysOverdue: Int
    public var reason: Reason
}

/// The scheduler's fixed, documented parameters (not fitted to a person's journal).
public struct SchedulerParameters: Sendable {
    /// Stability in days after the first practice of a principle (FSRS-like initial stability).
    public var initialStability = 3.0
    /// Each further practice multiplies stability by this (spacing effect).
    public var stabilityGrowth = 1.7
    /// Confidence scales stability: 1/5 gives `lowConfidenceFactor`, 5/5 gives `highConfidenceFactor`.
    public var lowConfidenceFactor = 0.5
    public var highConfidenceFactor = 1.5
    /// Weight of forgetting (1 - retrievability) against low confidence in a principle's need.
    public var forgettingWeight = 0.6
    /// Confidence assumed when a principle was practised without a rating.
    public var defaultConfidence = 3
    /// Multiplier for principles whose `builds-on` prerequisites were never practised.
    public var lockedFactor = 0.35
    /// Multiplier for an exercise that trains a principle whose prerequisites come neither before nor with it.
    public var tooEarlyFactor = 0.5
    /// At most this many check-ins, the most recently due first (older ones stay in `commitments`).
    public var maximumCheckIns = 5
    /// Multiplier for repeating the exercise done last.
    public var repeatFactor = 0.2
    /// Share of the other principles' need an exercise adds to its neediest principle's.
    public var breadthWeight = 0.3
    /// How much an exercise's own recency lowers it (0 = not at all, 1 = fully).
    public var exerciseRecencyWeight = 0.5
    /// A barrier named in the check-ins of at least this many moved commitments (made in the last
    /// `barrierWindowDays`) adds `barrierWeight` to the exercises that work on it (a choice with its id).
    public var barrierThreshold = 2
    public var barrierWindowDays = 90
    public var barrierWeight = 0.5

    public init() {}
}

/// Suggests the next exercise from the journal and the graph: each principle is an item whose
/// retrievability decays with time since practice (FSRS's power curve R = (1 + t / 9S)^-1), more slowly
/// after more practice and higher confidence; need = forgetting and low confidence; `builds-on`
/// prerequisites come first; the last exercise is not repeated; overdue commitments get a check-in.
public struct Scheduler: Sendable {
    public let graph: KnowledgeGraph
    public let parameters: SchedulerParameters
    public let language: Language

    public init(graph: KnowledgeGraph, language: Language, parameters: SchedulerParameters = SchedulerParameters()) {
        self.graph = graph
        self.language = language
        self.parameters = parameters
    }

    func retrievability(_ history: PracticeHistory.Item, today: CalendarDay) -> Double {
        guard history.count > 0, let last = history.lastDay else { return 0 }
        let confidence = Double(history.lastConfidence ?? parameters.defaultConfidence)
        let confidenceFactor = parameters.lowConfidenceFactor
            + (parameters.highConfidenceFactor - parameters.lowConfidenceFactor) * (confidence - 1) / 4
        let stability = parameters.initialStability * pow(parameters.stabilityGrowth, Double(history.count - 1)) * confidenceFactor
        let elapsed = Double(max(0, last.days(until: today)))
        return 1 / (1 + elapsed / (9 * stability))
    }

    /// Recommendations, best first (ties by exercise id), and check-ins for due commitments.
    public func recommend(entries: [EntrySummary], today: CalendarDay, count: Int = 3, principle: String? = nil)
        -> (recommendations: [Recommendation], checkIns: [CheckIn]) {
        recommend(history: PracticeHistory(entries, today: today, dueLimit: parameters.maximumCheckIns), today: today,
                  count: count, principle: principle)
    }

    /// The same from a journal's practice history (as the index gives it).
    public func recommend(history: PracticeHistory, today: CalendarDay, count: Int = 3, principle: String? = nil)
        -> (recommendations: [Recommendation], checkIns: [CheckIn]) {
        let principles = history.principles, exercises = history.exercises
        let noEntries = history.entryCount == 0
        let nl = language == .nl
        var need: [String: Double] = [:]
        var reasons: [String: [Reason]] = [:]
        for node in graph.principles {
            let id = node.id
            let history = principles[id] ?? PracticeHistory.Item()
            let retrievability = retrievability(history, today: today)
            let confidence = history.lastConfidence ?? parameters.defaultConfidence
            var value = parameters.forgettingWeight * (1 - retrievability)
                + (1 - parameters.forgettingWeight) * Double(5 - confidence) / 4
            var why: [Reason] = []
            if history.count == 0 {
                value = max(value, 0.9)
                why.append(Reason(code: "never-practised", principle: id, text: nl ? "\(id): nog niet geoefend" : "\(id): not practised yet"))
            } else if let lastDay = history.lastDay {
                let days = lastDay.days(until: today)
                why.append(Reason(code: "last-practised", principle: id, days: days,
                                  text: nl ? "\(id): \(days) dagen geleden voor het laatst geoefend" : "\(id): last practised \(days) days ago"))
            }
            if let rated = history.lastConfidence {
                why.append(Reason(code: "confidence", principle: id, value: rated,
                                  text: nl ? "je vertrouwen daarin was \(rated)/5" : "your confidence there was \(rated)/5"))
            }
            let missing = graph.prerequisites(of: id).filter { (principles[$0]?.count ?? 0) == 0 }
            if !missing.isEmpty {
                value *= parameters.lockedFactor
                why.append(Reason(code: "prerequisite", principle: id,
                                  text: nl ? "\(id) bouwt voort op \(missing.joined(separator: ", ")): die eerst" : "\(id) builds on \(missing.joined(separator: ", ")): those first"))
            } else if let base = graph.prerequisites(of: id).first, let practised = principles[base], practised.count > 0, history.count == 0 {
                why.append(Reason(code: "builds-on", principle: base, value: practised.count,
                                  text: nl ? "bouwt voort op \(base), dat je \(practised.count) keer hebt geoefend" : "builds on \(base), which you have practised \(practised.count) times"))
            }
            need[id] = value
            reasons[id] = why
        }
        let barriers = history.barriers.filter { $0.commitments.count >= parameters.barrierThreshold }
        var ranked: [Recommendation] = []
        for exercise in graph.exercises where principle == nil || exercise.principles.contains(principle!) {
            let values = exercise.principles.compactMap { need[$0] }
            guard !values.isEmpty else { continue }
            // The neediest principle counts fully; the others add a share, so an exercise that trains
            // several neglected principles at once is preferred.
            let strongest = values.max()!
            var score = strongest + parameters.breadthWeight * (values.reduce(0, +) - strongest)
            var why: [Reason] = []
            let weakest = exercise.principles.filter { need[$0] != nil }.max { need[$0]! < need[$1]! || (need[$0]! == need[$1]! && $0 > $1) }!
            why += reasons[weakest] ?? []
            if noEntries {
                why.insert(Reason(code: "start-here", text: nl ? "begin hier" : "start here"), at: 0)
            }
            // Too early: the exercise trains a principle whose prerequisites were neither practised nor
            // trained by this exercise itself.
            let early = exercise.principles.flatMap { principle in
                graph.prerequisites(of: principle).filter { (principles[$0]?.count ?? 0) == 0 && !exercise.principles.contains($0) }
            }
            if let first = early.first {
                score *= parameters.tooEarlyFactor
                why.append(Reason(code: "too-early", principle: first,
                                  text: nl ? "vraagt eerst om \(first)" : "asks for \(first) first"))
            }
            // A barrier that keeps moving commitments: the exercises that work on it come forward (after the
            // too-early factor: what holds you back now matters more than the order of principles).
            let options = Set(exercise.steps.flatMap { $0.options.map(\.id) })
            if let named = barriers.first(where: { options.contains($0.barrier) }) {
                score += parameters.barrierWeight
                let name = graph.node(CheckInBarrier.node(for: named.barrier))?.name.resolved(language).text.lowercased() ?? named.barrier
                let count = named.commitments.count
                why.insert(Reason(code: "barrier-named", value: count, barrier: named.barrier, commitments: named.commitments,
                                  text: nl ? "je verzette \(count) afspraken vanwege \(name)" : "you moved \(count) commitments because of \(name)"),
                           at: 0)
            }
            let own = exercises[exercise.id] ?? PracticeHistory.Item()
            score *= 1 - parameters.exerciseRecencyWeight * retrievability(own, today: today)
            if history.lastExercise == exercise.id {
                score *= parameters.repeatFactor
                why.append(Reason(code: "just-done", text: nl ? "net gedaan: liever iets anders" : "you just did this one: something else first"))
            } else if own.count == 0 && !noEntries {
                why.append(Reason(code: "new-exercise", text: nl ? "een oefening die je nog niet deed" : "an exercise you have not done yet"))
            }
            ranked.append(Recommendation(exercise: exercise.id, title: exercise.title.resolved(language).text,
                                         principles: exercise.principles, practices: exercise.practices,
                                         score: (score * 1000).rounded() / 1000, reasons: why))
        }
        ranked.sort { $0.score != $1.score ? $0.score > $1.score : $0.exercise < $1.exercise }
        let checkIns = history.due.prefix(parameters.maximumCheckIns)
            .map { item -> CheckIn in
                let commitment = item.commitment
                let overdue = commitment.due.days(until: today)
                let plan = IfThenPlan(commitment, entryLanguage: item.language ?? language).sentence
                let text = nl ? "je nam je voor '\(plan)' te doen vóór \(commitment.due): tijd om terug te kijken (done/moved/dropped \(commitment.id))"
                    : "you committed to '\(plan)' by \(commitment.due): time to check in (done/moved/dropped \(commitment.id))"
                return CheckIn(commitment: commitment.id, situation: commitment.situation, language: item.language,
                               action: commitment.action, due: commitment.due, daysOverdue: overdue,
                               reason: Reason(code: "commitment-due", days: overdue, text: text))
            }
        return (Array(ranked.prefix(max(1, count))), checkIns)
    }
}
