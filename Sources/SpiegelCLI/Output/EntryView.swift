import SpiegelContent
import SpiegelCore

/// Prints journal entries; every user text passes through TerminalSafe.
struct EntryView {
    let session: Session
    /// Ids as lists show them (shortened where unique).
    var ids = ListIDs()

    /// One line per entry: date, exercise, principles, the first answer's first line.
    func line(_ entry: EntrySummary) -> String {
        let style = session.style
        let time = session.time
        let date: String = entry.day.map { time.day($0) } ?? time.moment(entry.completedAt)
        let first = TerminalSafe.visible(entry.firstLine, keepNewlines: false)
        let glance = first.count > 60 ? String(first.prefix(59)) + "…" : first
        return style.dim(date) + "  " + style.accent(TerminalSafe.visible(ids.entry(entry.id), keepNewlines: false)) + "  " + TerminalSafe.visible(entry.exercise, keepNewlines: false)
            + style.dim(" [" + TerminalSafe.visible(entry.principles.map(session.say.principleWord).joined(separator: ","), keepNewlines: false) + "]") + (glance.isEmpty ? "" : "  " + glance)
    }

    /// A search excerpt on one line, the matching words (between U+0002 and U+0003) in bold.
    func highlighted(_ excerpt: String) -> String {
        var out = "", inMatch = false
        for piece in excerpt.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\u{2}" || $0 == "\u{3}" }) {
            let text = TerminalSafe.visible(piece.replacingOccurrences(of: "\n", with: " · "), keepNewlines: false)
            out += inMatch ? session.style.bold(text) : text
            inMatch.toggle()
        }
        return out
    }

    func full(_ entry: Entry, notes: [CoachNote] = []) {
        let style = session.style
        session.print(style.bold(TerminalSafe.visible(entry.exerciseTitle)) + style.dim("  \(entry.id)"))
        session.print(style.dim("\(entry.exercise) v\(entry.exerciseVersion) · \(entry.language.rawValue) · "
                                + session.say.entryStarted() + session.time.moment(entry.startedAt)
                                + (entry.completedAt.map { session.say.entryCompleted() + session.time.moment($0) } ?? "")))
        session.print(style.dim(session.say.entryPrinciples() + session.names(entry.principles)))
        for answer in entry.answers {
            session.print()
            session.print(style.bold(TerminalSafe.visible(answer.prompt)))
            if answer.skipped == true {
                session.print(style.dim("  (" + session.say.entrySkipped() + ")"))
            } else if let items = answer.items {
                for item in items { session.print("  • " + TerminalSafe.visible(item)) }
            } else {
                session.print("  " + AnswerView(session: session).text(answer, of: entry.exercise, language: entry.language).replacingOccurrences(of: "\n", with: "\n  "))
            }
        }
        if !entry.commitments.isEmpty {
            session.print()
            session.print(style.bold(session.say.entryCommitments()))
            for commitment in entry.commitments {
                session.print("  " + CommitmentView(session: session).line(commitment, language: entry.language))
                for event in commitment.history.dropFirst() {
                    let moved: String = event.due.map { " → " + session.time.day($0) } ?? ""
                    session.print(style.dim("    \(session.time.moment(event.at)) \(session.say.status(event.status))" + moved
                                            + (event.reflection.map { ": " + TerminalSafe.visible($0, keepNewlines: false) } ?? "")))
                    for line in CommitmentView(session: session).checkInLines(event.checkIn) { session.print(style.dim("      " + line)) }
                }
            }
        }
        // A note the coach keeps and the same note come back in the client's export are one note.
        var seen = Set<CoachNote>()
        let allNotes = ((entry.coachNotes ?? []) + notes).filter { seen.insert($0).inserted }
        if !allNotes.isEmpty {
            session.print()
            session.print(style.bold(session.say.entryCoachNotes()))
            for note in allNotes {
                session.print("  " + style.dim("\(TerminalSafe.visible(note.author, keepNewlines: false)), \(session.time.moment(note.at)): ") + TerminalSafe.visible(note.text))
            }
        }
    }
}

/// One commitment in a line: id, status, due date (overdue marked), the plan as one sentence.
struct CommitmentView {
    let session: Session
    /// Ids as lists show them (shortened where unique).
    var ids = ListIDs()

    /// The plan as one sentence (`IfThenPlan`) in the language it was written in (the session's when
    /// unknown), or the action alone; terminal-safe.
    func plan(situation: String?, action: String, language: Language? = nil) -> String {
        let sentence = IfThenPlan(stored: situation, action: action, language: language ?? session.language).sentence
        return TerminalSafe.visible(sentence, keepNewlines: false)
    }

    func plan(_ commitment: Commitment, language: Language? = nil) -> String {
        plan(situation: commitment.situation, action: commitment.action, language: commitment.language ?? language)
    }

    /// The plan's sentence over plain values, for writers that run without the session (the calendar export).
    func planWords() -> @Sendable (Commitment, Language) -> String {
        { commitment, language in IfThenPlan(commitment, entryLanguage: language).sentence }
    }

    /// A check-in's answers, one line each ("learned: …"), barriers named in the session's language; as a
    /// function of plain values, for writers that run without the session.
    func checkInWords() -> @Sendable (CheckInAnswers?) -> [String] {
        let say = session.say
        let labels = [say.commitmentsAnswerDid(), say.commitmentsAnswerReaction(), say.commitmentsAnswerLearned(),
                      say.commitmentsAnswerNext(), say.commitmentsAnswerBarriers(), say.commitmentsAnswerWhy()]
        let names = Dictionary(uniqueKeysWithValues: CheckInBarrier.allCases.map { ($0.rawValue, session.barrierNames([$0.rawValue])) })
        return { answers in
            guard let answers else { return [] }
            let barriers = (answers.barriers ?? []).map { names[$0] ?? $0 }.joined(separator: " · ")
            return zip(labels, [answers.did, answers.reaction, answers.learned, answers.next, barriers.isEmpty ? nil : barriers, answers.why])
                .compactMap { label, text in text.map { label + $0 } }
        }
    }

    /// A check-in's answers on screen, one line each, terminal-safe.
    func checkInLines(_ answers: CheckInAnswers?) -> [String] {
        checkInWords()(answers).map { TerminalSafe.visible($0, keepNewlines: false) }
    }

    /// When, said with its date: "due Fri 6 Mar", "due Wed 11 Mar, 1 day overdue" (marked), "on Tue 10 Mar"
    /// for a finished one (the day it was done or dropped).
    func when(_ commitment: Commitment) -> String {
        let say = session.say
        guard commitment.isOpen else {
            let finished = commitment.history.last { $0.status == commitment.status }.flatMap { Timestamp.date($0.at) }
            return say.commitmentsFinishedOn(session.time.date(finished.map { CalendarDay($0) } ?? commitment.due))
        }
        let planned = say.commitmentsPlannedFor(session.time.date(commitment.due))
        let late = commitment.due.days(until: session.today)
        return late > 0 ? session.style.bad(planned + ", " + say.dueOverdue(late)) : planned
    }

    func line(_ commitment: Commitment, language: Language? = nil) -> String {
        let style = session.style
        let due = when(commitment)
        return style.accent(ids.commitment(commitment.id)) + "  [\(session.say.status(commitment.status))] " + due + "  "
            + plan(commitment, language: language)
    }
}
