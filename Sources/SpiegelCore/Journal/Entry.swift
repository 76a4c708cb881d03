import SpiegelContent

/// One answer to one step, with the prompt as it was shown and the answer as it was typed.
public struct Answer: Codable, Sendable, Hashable {
    public var stepId: String
    public var kind: StepKind
    public var prompt: String
    /// For follow-up steps: which item of the list this answer is about (0-based) and its text.
    public var item: Int?
    public var itemText: String?
    /// Text answers; for ratings and choices the input as typed.
    public var text: String?
    public var items: [String]?
    public var rating: Int?
    /// The chosen option's id and its label as shown.
    public var choice: String?
    public var choiceLabel: String?
    /// For commitment steps: the situation of an if-then plan and the action as typed, the language the
    /// plan is written in (`IfThenPlan`), and the date.
    public var situation: String?
    public var action: String?
    public var planLanguage: Language?
    public var due: CalendarDay?
    public var skipped: Bool?

    public init(stepId: String, kind: StepKind, prompt: String, item: Int? = nil, itemText: String? = nil) {
        self.stepId = stepId
        self.kind = kind
        self.prompt = prompt
        self.item = item
        self.itemText = itemText
    }

    /// The answer in one line of plain text, for lists and summaries.
    public var plainText: String {
        if skipped == true { return "" }
        switch kind {
        case .text: return text ?? ""
        case .list: return (items ?? []).joined(separator: "; ")
        case .rating: return rating.map(String.init) ?? ""
        case .choice: return choiceLabel ?? choice ?? ""
        case .commitment: return [situation, action, due.map { "(\($0))" }].compactMap { $0 }.joined(separator: " ")
        }
    }

    /// A commitment answer's plan, in the language it was written in (the entry's when not recorded).
    public func ifThenPlan(entryLanguage: Language) -> IfThenPlan? {
        guard kind == .commitment, skipped != true, let action else { return nil }
        return IfThenPlan(stored: situation, action: action, language: planLanguage ?? entryLanguage)
    }
}

/// The states a commitment goes through.
public enum CommitmentStatus: String, Codable, Sendable, CaseIterable {
    case open, done, moved, dropped
}

/// The answers of a guided check-in on a commitment; every field is optional.
/// `done` asks what you did, how the customer reacted, what you learned and what is next;
/// `moved` asks what got in the way (barrier option ids, such as `shyness`) ; `dropped` asks why.
public struct CheckInAnswers: Codable, Sendable, Hashable {
    public var did: String?
    public var reaction: String?
    public var learned: String?
    public var next: String?
    /// Barrier option ids from the barrier-check exercise (`shyness`, `creativity`, `involvement`).
    public var barriers: [String]?
    public var why: String?

    public init(did: String? = nil, reaction: String? = nil, learned: String? = nil, next: String? = nil,
                barriers: [String]? = nil, why: String? = nil) {
        self.did = did
        self.reaction = reaction
        self.learned = learned
        self.next = next
        self.barriers = barriers
        self.why = why
    }
}

/// One change of a commitment's status, with the person's reflection and check-in answers.
public struct CommitmentEvent: Codable, Sendable, Hashable {
    public var at: String
    public var status: CommitmentStatus
    public var due: CalendarDay?
    /// A one-line reflection, as typed after the id (`done ID it went well`).
    public var reflection: String?
    /// The answers of a guided check-in, when one was given.
    public var checkIn: CheckInAnswers?

    public init(at: String, status: CommitmentStatus, due: CalendarDay? = nil, reflection: String? = nil,
                checkIn: CheckInAnswers? = nil) {
        self.at = at
        self.status = status
        self.due = due
        self.reflection = reflection
        self.checkIn = checkIn
    }
}

/// Something the person committed to do, by a date, and what became of it.
public struct Commitment: Codable, Sendable, Hashable {
    public var id: String
    public var stepId: String
    /// The "if" of an if-then plan: the situation in which the action is taken (nil for plain commitments).
    public var situation: String?
    /// The "then": what the person will do, as typed.
    public var action: String
    /// The language the plan is written in; nil in entries made before it was recorded (the entry's).
    public var language: Language?
    public var due: CalendarDay
    public var status: CommitmentStatus
    public var history: [CommitmentEvent]

    public init(id: String, stepId: String, situation: String? = nil, action: String, language: Language? = nil, due: CalendarDay,
                status: CommitmentStatus = .open, history: [CommitmentEvent] = []) {
        self.id = id
        self.stepId = stepId
        self.situation = situation
        self.action = action
        self.language = language
        self.due = due
        self.status = status
        self.history = history
    }

    /// Open (or moved) commitments are still to be done.
    public var isOpen: Bool { status == .open || status == .moved }
}

/// A coach's comment on an entry, imported from a feedback bundle.
public struct CoachNote: Codable, Sendable, Hashable {
    public var author: String
    public var at: String
    public var text: String

    public init(author: String, at: String, text: String) {
        self.author = author
        self.at = at
        self.text = text
    }
}

/// A journal entry: one completed exercise (or, while `completedAt` is nil, a draft).
public struct Entry: Codable, Sendable, Hashable {
    public static let schemaVersion = 1

    public var schemaVersion: Int
    public var id: String
    public var exercise: String
    public var exerciseVersion: Int
    public var exerciseTitle: String
    public var language: Language
    public var startedAt: String
    public var completedAt: String?
    public var principles: [String]
    public var practices: [String]
    public var answers: [Answer]
    public var confidence: Int?
    public var commitments: [Commitment]
    public var coachNotes: [CoachNote]?
    /// In an encrypted journal, how many times the entry was written (nil: once); sealed with it, and the
    /// manifest keeps the latest of each entry written more than once, so an older copy put back is found.
    public var revision: Int?

    public init(id: String, exercise: Exercise, language: Language, startedAt: String) {
        schemaVersion = Self.schemaVersion
        self.id = id
        self.exercise = exercise.id
        exerciseVersion = exercise.version
        exerciseTitle = exercise.title.resolved(language).text
        self.language = language
        self.startedAt = startedAt
        principles = exercise.principles
        practices = exercise.practices
        answers = []
        commitments = []
    }

    public var isDraft: Bool { completedAt == nil }

    /// The day the entry was completed (or started), local time.
    public var day: CalendarDay? {
        (Timestamp.date(completedAt ?? startedAt)).map { CalendarDay($0) }
    }

    /// The first line of the first free-text answer (else of the first answer that is not a rating): a
    /// glance at what the entry is about.
    public var firstLine: String {
        let text = (answers.first { $0.kind == .text && !$0.plainText.isEmpty }
            ?? answers.first { !$0.plainText.isEmpty && $0.kind != .rating })?.plainText ?? ""
        return String(text.split(separator: "\n", omittingEmptySubsequences: false).first ?? "")
    }
}
