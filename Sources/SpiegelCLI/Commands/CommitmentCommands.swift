import ArgumentParser
import SpiegelContent
import SpiegelCore

/// `commitments [--all]`: what you said you would do.
struct CommitmentsCommand: PagedCommand {
    static let configuration = CommandConfiguration(commandName: "commitments", abstract: "List your open commitments (due and overdue first).")

    @Flag(help: "Also list done and dropped ones.")
    var all = false

    @OptionGroup var global: GlobalOptions

    func execute(in session: Session) throws {
        session.noticeIfNoJournal()
        _ = try session.journal.manifest()
        let (listed, problems) = try session.withProgress { progress in try session.journal.commitments(all: all, progress: progress) }
        session.report(problems)
        let commitments = listed.map(\.commitment)
        if session.json {
            // The index keeps each commitment's state; the history (with reflections) is in the entry files.
            let owners = Array(Set(listed.map(\.entry)))
            let full = Dictionary(try session.journal.entries(ids: owners).flatMap(\.commitments).map { ($0.id, $0) },
                                  uniquingKeysWith: { first, _ in first })
            session.printJSON(listed.map { PlannedCommitment(full[$0.commitment.id] ?? $0.commitment, entryLanguage: $0.language ?? session.language) })
            return
        }
        if commitments.isEmpty { session.print(session.say.commitmentsNoOpenCommitments()); return }
        let view = CommitmentView(session: session, ids: ListIDs(session: session, commitments: listed))
        // A finished one says the day it was done or dropped: that is in its history, in the entry file.
        let finished = Array(Set(listed.filter { !$0.commitment.isOpen }.map(\.entry)))
        let histories = finished.isEmpty ? [:] : Dictionary(try session.journal.entries(ids: finished).flatMap(\.commitments).map { ($0.id, $0) },
                                                              uniquingKeysWith: { first, _ in first })
        for item in listed { session.print(view.line(histories[item.commitment.id] ?? item.commitment, language: item.language)) }
        session.print(session.style.dim(session.say.commitmentsFollowUpWithDoneId()))
    }
}

/// A commitment in `--json`, with its plan as the one sentence every screen shows (`plan`) and the
/// language it is worded in (`language`).
struct PlannedCommitment: Encodable {
    var commitment: Commitment
    var plan: IfThenPlan

    init(_ commitment: Commitment, entryLanguage: Language) {
        self.commitment = commitment
        plan = IfThenPlan(commitment, entryLanguage: entryLanguage)
    }

    private enum Keys: String, CodingKey { case plan, language }

    func encode(to encoder: any Encoder) throws {
        try commitment.encode(to: encoder)
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(plan.sentence, forKey: .plan)
        try container.encode(plan.language, forKey: .language)
    }
}

/// Records what became of a commitment: finds it, asks the guided check-in when a person is at a terminal
/// and gave neither words nor options, records it (`CommitmentCheckIn`) and shows the result.
struct CommitmentUpdate {
    let session: Session

    /// The commitment an id (or its start) names: the exact one, else the only match, else the only open
    /// match (`done 2026` among one open and several finished ones).
    static func find(_ id: String, in matches: [IndexedCommitment]) throws -> (entry: String, commitment: Commitment) {
        let open = matches.filter(\.commitment.isOpen)
        guard let found = matches.first(where: { $0.commitment.id == id }) ?? (matches.count == 1 ? matches.first : nil)
                ?? (open.count == 1 ? open.first : nil) else {
            if matches.isEmpty { throw JournalError.notFound(what: "commitment", id: id) }
            throw JournalError.ambiguous(what: "commitment", prefix: id, matches: matches.map(\.commitment.id))
        }
        return (found.entry, found.commitment)
    }

    /// `due` may be nil for `moved` only at a terminal: the check-in then asks for it.
    func apply(id: String, status: CommitmentStatus, due: CalendarDay?, words: [String], answers given: CheckInAnswers) throws {
        let store = try session.journal
        _ = try store.manifest()
        let (entryId, commitment) = try Self.find(id, in: try store.commitments(startingWith: id))
        var change = CommitmentChange(status: status, due: due, reflection: words.joined(separator: " "), checkIn: given)
        let entry = try store.entry(matching: entryId)
        // A finished plan is checked in on again only when the person at the terminal says so (scripts
        // record what they are given, as before).
        if !commitment.isOpen, session.reader.isInteractive {
            let question = session.say.commitmentsAlreadyFinished(id: commitment.id, status: session.say.status(commitment.status))
            guard case .line(let reply) = session.reader.read(prompt: question, remember: false),
                  ["y", "yes", "j", "ja"].contains(reply.lowercased().trimmingCharacters(in: .whitespaces)) else {
                session.print(session.say.commitmentsNothingRecorded())
                return
            }
        }
        if words.isEmpty && given.isEmpty && session.reader.isInteractive {
            let dialogue = CheckInDialogue(session: session, language: entry.language)
            guard let asked = dialogue.ask(status, on: commitment, evidence: CommitmentCheckIn.evidence(of: commitment, in: entry), due: due)
            else { return }
            change.checkIn = asked.answers
            change.due = asked.due ?? due
        }
        if status == .moved && change.due == nil { throw CommandFailure(session.say.commitmentsMovedNeedsADate()) }
        // Within the limits an export of it is imported with.
        if (change.reflection?.utf8.count ?? 0) > EntryLimits.answerBytes || change.checkIn?.oversized == true {
            throw AnswerError.tooLong(limitKB: EntryLimits.answerBytes >> 10)
        }
        // Recorded on the entry as it is when written (another check-in may have been recorded meanwhile).
        let at = session.now
        guard let updated = try session.withJournal({ store in
            try store.update(id: entry.id) { current in CommitmentCheckIn.recording(change, on: commitment.id, in: current, at: at)?.0 }
        }), let recorded = updated.commitments.first(where: { $0.id == commitment.id }) else { return }
        if session.json { session.printJSON(PlannedCommitment(recorded, entryLanguage: updated.language)); return }
        session.print(CommitmentView(session: session).line(recorded, language: entry.language))
    }
}

/// `done ID [REFLECTION]`.
struct DoneCommand: SessionCommand {
    static let configuration = CommandConfiguration(
        commandName: "done", abstract: "Mark a commitment as done, with a reflection.",
        discussion: "At a terminal, without a reflection or options, it asks what you did, how the customer reacted, what you learned and what is next (Enter skips).")

    @Argument(help: "The commitment id (or its start).", completion: ScriptCompletion.kind("done")) var id: String
    @Option(help: "What you did.") var did: String?
    @Option(help: "How the customer reacted.") var reaction: String?
    @Option(help: "What you learned.") var learned: String?
    @Option(help: "What is next.") var next: String?
    @Argument(parsing: .remaining, help: "What you noticed (optional).") var reflection: [String] = []
    @OptionGroup var global: GlobalOptions

    func execute(in session: Session) throws {
        let answers = CheckInAnswers(did: did, reaction: reaction, learned: learned, next: next)
        try CommitmentUpdate(session: session).apply(id: id, status: .done, due: nil, words: reflection, answers: answers)
    }
}

/// `moved ID [DATE] [REFLECTION]`.
struct MovedCommand: SessionCommand {
    static let configuration = CommandConfiguration(
        commandName: "moved", abstract: "Move a commitment to a new date, with a reflection.",
        discussion: "At a terminal, without a reflection or options, it asks what got in the way and, when not given, the new date.")

    @Argument(help: "The commitment id (or its start).", completion: ScriptCompletion.kind("moved")) var id: String
    @Option(name: .customLong("barrier"), help: ArgumentHelp("What got in the way (may be repeated).",
                                                             valueName: "barrier"))
    var barriers: [CheckInBarrier] = []
    @Option(help: "What got in the way, in your own words.") var why: String?
    @Argument(help: "The new date: YYYY-MM-DD, 'friday', '3 March', 'in 7 days', 'next week' (Dutch too; quotes optional); asked at a terminal when left out.")
    var date: String?
    @Argument(parsing: .remaining, help: "Why (optional).") var reflection: [String] = []
    @OptionGroup var global: GlobalOptions

    func execute(in session: Session) throws {
        // The date may take several words, quoted or not (`moved ID in 7 days`, `moved ID "3 maart"`); what
        // follows is the reflection. A new date is from today on, as in exercises.
        var due: CalendarDay?
        var words: [String] = []
        if let date {
            let all = ([date] + reflection).flatMap { $0.split(whereSeparator: \.isWhitespace).map(String.init) }
            guard let (day, used) = CalendarDay.parseDue(leading: all, today: session.today) else {
                throw CommandFailure(session.say.answerNotADate(TerminalSafe.visible(date, keepNewlines: false)))
            }
            guard day >= session.today else { throw CommandFailure(session.say.answerDateInPast(session.time.day(day))) }
            due = day
            words = Array(all.dropFirst(used))
        }
        let answers = CheckInAnswers(barriers: barriers.isEmpty ? nil : barriers.map(\.rawValue), why: why)
        try CommitmentUpdate(session: session).apply(id: id, status: .moved, due: due, words: words, answers: answers)
    }
}

/// `dropped ID [REFLECTION]`.
struct DroppedCommand: SessionCommand {
    static let configuration = CommandConfiguration(
        commandName: "dropped", abstract: "Drop a commitment, with a reflection.",
        discussion: "At a terminal, without a reflection or options, it asks why.")

    @Argument(help: "The commitment id (or its start).", completion: ScriptCompletion.kind("dropped")) var id: String
    @Option(help: "Why you let it go.") var why: String?
    @Argument(parsing: .remaining, help: "Why (optional).") var reflection: [String] = []
    @OptionGroup var global: GlobalOptions

    func execute(in session: Session) throws {
        try CommitmentUpdate(session: session).apply(id: id, status: .dropped, due: nil, words: reflection, answers: CheckInAnswers(why: why))
    }
}

/// `--barrier` takes an id or the barrier's name (or a word of it) in either language: `--barrier verlegenheid`.
extension CheckInBarrier: ExpressibleByArgument {
    public init?(argument: String) {
        guard let barrier = CheckInBarrier.named(argument, in: .curated()) else { return nil }
        self = barrier
    }
}
