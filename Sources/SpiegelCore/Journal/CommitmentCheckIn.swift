import Foundation

/// The barriers a check-in may name as what got in the way: the options of the barrier-check exercise.
public enum CheckInBarrier: String, CaseIterable, Sendable, Codable {
    case shyness, creativity, involvement

    /// The barrier's node in the knowledge graph (its name and description).
    public var node: String {
        switch self {
        case .shyness: "shyness"
        case .creativity: "lack-of-creativity"
        case .involvement: "lack-of-involvement"
        }
    }

    /// The graph node for a barrier id as stored (an unknown id is its own node id).
    public static func node(for id: String) -> String { CheckInBarrier(rawValue: id)?.node ?? id }

    /// The barrier a person means: its id, its name in either language ("Verlegenheid", "lack of
    /// creativity") or a word of its name no other barrier has ("creativiteit", "betrokkenheid"); accents and
    /// case do not matter.
    public static func named(_ text: String, in graph: KnowledgeGraph) -> CheckInBarrier? {
        let folded = KnowledgeSearch.fold(text.trimmingCharacters(in: .whitespaces)).replacingOccurrences(of: "-", with: " ")
        guard !folded.isEmpty else { return nil }
        if let barrier = CheckInBarrier(rawValue: folded) ?? allCases.first(where: { $0.node == folded.replacingOccurrences(of: " ", with: "-") }) {
            return barrier
        }
        func names(_ barrier: CheckInBarrier) -> [String] {
            guard let node = graph.node(barrier.node) else { return [] }
            return [node.name.en, node.name.nl].compactMap { $0 }.map(KnowledgeSearch.fold)
        }
        if let barrier = allCases.first(where: { names($0).contains(folded) }) { return barrier }
        let matching = allCases.filter { barrier in
            names(barrier).contains { $0.split(separator: " ").contains { $0.count >= 4 && $0 == folded } }
        }
        return matching.count == 1 ? matching[0] : nil
    }
}

/// One question of a guided check-in; which are asked depends on the status recorded.
public enum CheckInQuestion: String, CaseIterable, Sendable {
    case did, reaction, learned, next, barriers, why

    /// `done` asks what you did, how the customer reacted, what you learned and what is next; `moved`
    /// what got in the way (barriers, and in your own words when it was something else); `dropped` why.
    public static func asked(for status: CommitmentStatus) -> [CheckInQuestion] {
        switch status {
        case .done: [.did, .reaction, .learned, .next]
        case .moved: [.barriers]
        case .dropped: [.why]
        case .open: []
        }
    }
}

extension CheckInAnswers {
    /// True when no question was answered.
    public var isEmpty: Bool {
        [did, reaction, learned, next, why].allSatisfy { ($0 ?? "").trimmingCharacters(in: .whitespaces).isEmpty }
            && (barriers ?? []).isEmpty
    }

    /// The answer to a text question (nil for `barriers`).
    public subscript(question: CheckInQuestion) -> String? {
        get {
            switch question {
            case .did: did
            case .reaction: reaction
            case .learned: learned
            case .next: next
            case .why: why
            case .barriers: nil
            }
        }
        set {
            let text = newValue.flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 }
            switch question {
            case .did: did = text
            case .reaction: reaction = text
            case .learned: learned = text
            case .next: next = text
            case .why: why = text
            case .barriers: break
            }
        }
    }
}

/// A status change to record on a commitment: what `done`, `moved` and `dropped` hand to `CommitmentCheckIn`.
public struct CommitmentChange: Sendable, Hashable {
    public var status: CommitmentStatus
    /// The new date (for `moved`).
    public var due: CalendarDay?
    /// A one-line reflection typed after the id.
    public var reflection: String?
    /// The guided check-in's answers (nil or empty when none were given).
    public var checkIn: CheckInAnswers?

    public init(status: CommitmentStatus, due: CalendarDay? = nil, reflection: String? = nil, checkIn: CheckInAnswers? = nil) {
        self.status = status
        self.due = due
        self.reflection = reflection
        self.checkIn = checkIn
    }
}

/// Closing the loop on a commitment: finding it by id and recording a check-in on its entry. Pure: the
/// caller reads and writes the entry through `JournalStore`.
public enum CommitmentCheckIn {
    /// The commitment whose id is `prefix` or starts with it, and the id of its entry.
    public static func find(_ prefix: String, in summaries: [EntrySummary]) throws(JournalError) -> (entryId: String, commitment: Commitment) {
        let all = summaries.flatMap { summary in summary.commitments.map { (summary.id, $0) } }
        let id = try JournalStore.unique(prefix, in: all.map(\.1.id), what: "commitment")
        let found = all.first { $0.1.id == id }!
        return (found.0, found.1)
    }

    /// How the person said they would know they did it: the answer to a text step with id `evidence` that
    /// follows the commitment's step (barrier-check asks it), nil when there is none.
    public static func evidence(of commitment: Commitment, in entry: Entry) -> String? {
        guard let step = entry.answers.firstIndex(where: { $0.stepId == commitment.stepId && $0.kind == .commitment }),
              let answer = entry.answers[(step + 1)...].first, answer.stepId == "evidence", answer.skipped != true,
              let text = answer.text, !text.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
        return text
    }

    /// `entry` with `change` recorded on the commitment `id`: the status (and date) set and an event
    /// appended to its history; nil when the entry has no such commitment.
    public static func recording(_ change: CommitmentChange, on id: String, in entry: Entry, at date: Date) -> (Entry, Commitment)? {
        var updated = entry
        guard let position = updated.commitments.firstIndex(where: { $0.id == id }) else { return nil }
        let reflection = change.reflection.flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 }
        // Blank answers are not kept (a skipped question is no answer).
        let checkIn = change.checkIn.flatMap { given -> CheckInAnswers? in
            var answers = given
            for question in CheckInQuestion.allCases where question != .barriers { answers[question] = given[question] }
            if answers.barriers?.isEmpty == true { answers.barriers = nil }
            return answers.isEmpty ? nil : answers
        }
        updated.commitments[position].status = change.status
        if let due = change.due { updated.commitments[position].due = due }
        updated.commitments[position].history.append(CommitmentEvent(
            at: Timestamp.string(date), status: change.status, due: change.due, reflection: reflection, checkIn: checkIn))
        return (updated, updated.commitments[position])
    }
}

extension Commitment {
    /// The barriers named in check-ins when it was moved, each once, in the order first named.
    public var barriersNamed: [String] {
        var seen: [String] = []
        for event in history where event.status == .moved {
            for barrier in event.checkIn?.barriers ?? [] where !seen.contains(barrier) { seen.append(barrier) }
        }
        return seen
    }
}
