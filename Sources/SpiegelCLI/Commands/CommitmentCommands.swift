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
        _ = try session.journal.manifest()
        let (listed, problems) = try session.withProgress { progress in try session.journal.commitments(all: all, progress: progress) }
        session.report(problems)
        let commitments = listed.map(\.commitment)
        if session.json {
            // The index keeps each commitment's state; the history (with reflections) is in the entry files.
            let owners = Array(Set(listed.map(\.entry)))
            let full = Dictionary(try session.journal.entries(ids: owners).flatMap(\.commitments).map { ($0.id, $0) },
                                  uniquingKeysWith: { first, _ in first })
            session.printJSON(commitments.map { full[$0.id] ?? $0 })
            return
        }
        if commitments.isEmpty { session.print(session.say.commitmentsNoOpenCommitments()); return }
        let view = CommitmentView(session: session, ids: ListIDs(session: session, commitments: listed))
        for commitment in commitments { session.print(view.line(commitment)) }
        session.print(session.style.dim(session.say.commitmentsFollowUpWithDoneId()))
    }
}

/// Changes a commitment's status and records the reflection; shared by done, moved and dropped.
struct CommitmentUpdate {
    let session: Session

    func apply(id: String, status: CommitmentStatus, due: CalendarDay?, words: [String]) throws {
        let store = try session.journal
        _ = try store.manifest()
        let matches = try store.commitments(startingWith: id)
        let exact = matches.filter { $0.commitment.id == id }
        guard let found = exact.first ?? (matches.count == 1 ? matches.first : nil) else {
            if matches.isEmpty { throw JournalError.notFound(what: "commitment", id: id) }
            throw JournalError.ambiguous(what: "commitment", prefix: id, matches: matches.map(\.commitment.id))
        }
        let (owner, commitment) = (found.entry, found.commitment)
        var reflection = words.joined(separator: " ")
        if reflection.isEmpty && session.reader.isInteractive {
            if case .line(let text) = session.reader.read(prompt: session.say.commitmentsReflectionOneLineOptional(), remember: false) {
                reflection = text
            }
        }
        var updated = try store.entry(matching: owner)
        guard let position = updated.commitments.firstIndex(where: { $0.id == commitment.id }) else { return }
        updated.commitments[position].status = status
        if let due { updated.commitments[position].due = due }
        updated.commitments[position].history.append(CommitmentEvent(
            at: Timestamp.string(session.now), status: status, due: due, reflection: reflection.isEmpty ? nil : reflection))
        try session.withJournal { try $0.update(updated) }
        if session.json { session.printJSON(updated.commitments[position]); return }
        session.print(CommitmentView(session: session).line(updated.commitments[position]))
    }
}

/// `done ID [REFLECTION]`.
struct DoneCommand: SessionCommand {
    static let configuration = CommandConfiguration(commandName: "done", abstract: "Mark a commitment as done, with a reflection.")

    @Argument(help: "The commitment id (or its start).", completion: ScriptCompletion.kind("done")) var id: String
    @Argument(parsing: .remaining, help: "What you noticed (optional).") var reflection: [String] = []
    @OptionGroup var global: GlobalOptions

    func execute(in session: Session) throws {
        try CommitmentUpdate(session: session).apply(id: id, status: .done, due: nil, words: reflection)
    }
}

/// `moved ID DATE [REFLECTION]`.
struct MovedCommand: SessionCommand {
    static let configuration = CommandConfiguration(commandName: "moved", abstract: "Move a commitment to a new date, with a reflection.")

    @Argument(help: "The commitment id (or its start).", completion: ScriptCompletion.kind("moved")) var id: String
    @Argument(help: "The new date: YYYY-MM-DD, 'tomorrow', 'in 7 days', 'next tuesday' (Dutch too; no quotes needed).") var date: String
    @Argument(parsing: .remaining, help: "Why (optional).") var reflection: [String] = []
    @OptionGroup var global: GlobalOptions

    func execute(in session: Session) throws {
        // The date may take several words (`moved ID in 7 days`); what follows is the reflection.
        let words = [date] + reflection
        guard let (due, used) = CalendarDay.parseDue(leading: words, today: session.today) else {
            throw CommandFailure(session.say.answerNotADate(TerminalSafe.visible(date, keepNewlines: false)))
        }
        try CommitmentUpdate(session: session).apply(id: id, status: .moved, due: due, words: Array(words.dropFirst(used)))
    }
}

/// `dropped ID [REFLECTION]`.
struct DroppedCommand: SessionCommand {
    static let configuration = CommandConfiguration(commandName: "dropped", abstract: "Drop a commitment, with a reflection.")

    @Argument(help: "The commitment id (or its start).", completion: ScriptCompletion.kind("dropped")) var id: String
    @Argument(parsing: .remaining, help: "Why (optional).") var reflection: [String] = []
    @OptionGroup var global: GlobalOptions

    func execute(in session: Session) throws {
        try CommitmentUpdate(session: session).apply(id: id, status: .dropped, due: nil, words: reflection)
    }
}
