import SpiegelContent
/// The words of the Markdown and HTML exports in the reader's language, given by the caller (the exports
/// choose no words of their own), and the few phrases built from them.
public struct ExportWords: Sendable {
    public var language: String
    public var title: String
    public var exported: String
    /// "3 entries", "1 notitie".
    public var countEntries: @Sendable (Int) -> String
    public var skipped: String
    public var commitments: String
    public var coach: String
    public var contents: String
    public var overview: String
    public var entriesPerPrinciple: String
    public var activityPerWeek: String
    public var activityPerMonth: String
    public var confidenceOverTime: String
    public var confidence: String
    public var outcomes: String
    public var principle: String
    public var made: String
    public var kept: String
    public var due: String
    public var otherEntries: String
    public var alsoTraining: String
    /// "Page", "of": the printed page numbers read "Page 2 of 5".
    public var page: String
    public var pageOf: String
    /// Month abbreviations, January first.
    public var months: [String]
    public var principleNames: [String: String]
    /// Exercise titles by id, for entries named without being read (links to other sections).
    public var exerciseTitles: [String: String]
    public var statusNames: [CommitmentStatus: String]
    /// The labels of the barriers a check-in can name (`shyness` -> "Shyness").
    public var barrierNames: [String: String]
    /// What each check-in answer is about: "What you did", "How the customer reacted", …
    public var checkInLabels: [CheckInField: String]
    /// "moved to {day}" (the status word included).
    public var movedTo: @Sendable (_ day: String) -> String

    /// The questions of a check-in, in the order the exports show their answers.
    public enum CheckInField: CaseIterable, Sendable {
        case did, reaction, learned, next, barriers, why
    }

    public init(language: String, title: String, exported: String, countEntries: @escaping @Sendable (Int) -> String,
                skipped: String, commitments: String, coach: String, contents: String, overview: String,
                entriesPerPrinciple: String, activityPerWeek: String, activityPerMonth: String,
                confidenceOverTime: String, confidence: String, outcomes: String, principle: String, made: String,
                kept: String, due: String, otherEntries: String, alsoTraining: String, page: String, pageOf: String,
                months: [String], principleNames: [String: String], exerciseTitles: [String: String], statusNames: [CommitmentStatus: String],
                barrierNames: [String: String], checkInLabels: [CheckInField: String],
                movedTo: @escaping @Sendable (String) -> String) {
        self.language = language
        self.title = title
        self.exported = exported
        self.countEntries = countEntries
        self.skipped = skipped
        self.commitments = commitments
        self.coach = coach
        self.contents = contents
        self.overview = overview
        self.entriesPerPrinciple = entriesPerPrinciple
        self.activityPerWeek = activityPerWeek
        self.activityPerMonth = activityPerMonth
        self.confidenceOverTime = confidenceOverTime
        self.confidence = confidence
        self.outcomes = outcomes
        self.principle = principle
        self.made = made
        self.kept = kept
        self.due = due
        self.otherEntries = otherEntries
        self.alsoTraining = alsoTraining
        self.page = page
        self.pageOf = pageOf
        self.months = months
        self.principleNames = principleNames
        self.exerciseTitles = exerciseTitles
        self.statusNames = statusNames
        self.barrierNames = barrierNames
        self.checkInLabels = checkInLabels
        self.movedTo = movedTo
    }

    /// A principle's name, or its id when the content does not know it.
    public func name(ofPrinciple id: String) -> String { principleNames[id] ?? id }

    /// A day as people read it: "2 Mar 2026", "2 mrt 2026".
    public func date(_ day: CalendarDay) -> String {
        "\(day.day) \(months.indices.contains(day.month - 1) ? months[day.month - 1] : String(day.month)) \(day.year)"
    }

    /// A status in words.
    public func name(of status: CommitmentStatus) -> String { statusNames[status] ?? status.rawValue }

    /// A commitment as one sentence (`IfThenPlan`) in the language it was written in.
    public func plan(_ commitment: Commitment, entryLanguage: Language) -> String {
        IfThenPlan(commitment, entryLanguage: entryLanguage).sentence
    }

    /// The answers of a check-in as (label, text) pairs in a fixed order, the empty ones left out;
    /// barriers by their labels.
    public func fields(of checkIn: CheckInAnswers) -> [(label: String, text: String)] {
        CheckInField.allCases.compactMap { field in
            let text = switch field {
            case .did: checkIn.did
            case .reaction: checkIn.reaction
            case .learned: checkIn.learned
            case .next: checkIn.next
            case .barriers: (checkIn.barriers ?? []).map { barrierNames[$0] ?? $0 }.joined(separator: "; ")
            case .why: checkIn.why
            }
            guard let text, !text.isEmpty else { return nil }
            return (checkInLabels[field] ?? "", text)
        }
    }

    /// One event of a commitment's history in words: its status (with the new date when moved).
    public func headline(of event: CommitmentEvent) -> String {
        if event.status == .moved, let due = event.due { return movedTo(date(due)) }
        return name(of: event.status)
    }

    /// The day of an event or entry timestamp (`2026-03-02`), or the text's first ten characters.
    static func day(_ timestamp: String) -> String {
        Timestamp.date(timestamp).map { CalendarDay($0).description } ?? String(timestamp.prefix(10))
    }
}

extension CommitmentEvent {
    /// The event that only records the commitment being made (status open, nothing said): the exports
    /// leave it out of the history they show.
    var isBare: Bool {
        status == .open && (reflection ?? "").isEmpty && checkIn.map { ExportWords.isEmpty($0) } != false
    }
}

extension ExportWords {
    static func isEmpty(_ checkIn: CheckInAnswers) -> Bool {
        [checkIn.did, checkIn.reaction, checkIn.learned, checkIn.next, checkIn.why].allSatisfy { ($0 ?? "").isEmpty }
            && (checkIn.barriers ?? []).isEmpty
    }
}
