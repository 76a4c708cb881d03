import SpiegelContent
import SpiegelCore

/// The guided check-in at a terminal: the questions `CheckInQuestion.asked(for:)` lists, the barriers as
/// numbered choices (and "something else" in your own words), and the new date for `moved` when it was not
/// given. Answers are read like exercise answers: never completed as commands, never kept in the history.
struct CheckInDialogue {
    let session: Session
    /// The language the commitment was written in, for its sentence.
    var language: Language?

    struct Result {
        var answers: CheckInAnswers
        var due: CalendarDay?
    }

    /// What one read gave: a line, the end of input (stop asking, keep what was answered), or Ctrl-C (record nothing).
    private enum Read {
        case line(String)
        case end
        case cancel
    }

    /// The answers, or nil when the person cancelled (Ctrl-C): then nothing is recorded.
    /// `evidence`: how the person said they would know they did it, shown before the questions of `done`.
    func ask(_ status: CommitmentStatus, on commitment: Commitment, evidence: String?, due: CalendarDay?) -> Result? {
        let style = session.style
        let plan = CommitmentView(session: session).plan(commitment, language: language)
        session.print(style.bold(session.say.commitmentsCheckInOn(id: commitment.id, plan: plan)))
        if status == .done, let evidence {
            session.print(session.say.commitmentsYouWouldKnow(TerminalSafe.visible(evidence, keepNewlines: false)))
        }
        session.print(style.dim(session.say.commitmentsEnterSkips()))
        var answers = CheckInAnswers()
        questions: for question in CheckInQuestion.asked(for: status) {
            if question == .barriers {
                switch barriers(into: &answers) {
                case .cancel: return cancelled()
                case .end: break questions
                case .line: continue
                }
            }
            switch read(prompt(for: question)) {
            case .line(let text): answers[question] = text
            case .end: break questions
            case .cancel: return cancelled()
            }
        }
        guard status == .moved, due == nil else { return Result(answers: answers, due: due) }
        // Enter takes the date the prompt offers (a week from today), as every other question may be skipped.
        let offered = session.today.adding(days: 7)
        while true {
            switch read(session.say.commitmentsNewDateOffered(session.time.date(offered))) {
            case .line(let text):
                let typed = text.trimmingCharacters(in: .whitespaces)
                if let day = typed.isEmpty ? offered : CalendarDay.parseDue(typed, today: session.today), day >= session.today {
                    session.print(style.dim(session.say.commitmentsResolvedDay(session.time.date(day))))
                    return Result(answers: answers, due: day)
                }
                session.print(style.warn(session.say.exerciseDueIsNotADate(TerminalSafe.visible(text, keepNewlines: false))))
            case .end, .cancel: return cancelled()
            }
        }
    }

    private func cancelled() -> Result? {
        session.print(session.style.dim(session.say.commitmentsNothingRecorded()))
        return nil
    }

    private func prompt(for question: CheckInQuestion) -> String {
        switch question {
        case .did: session.say.commitmentsDid()
        case .reaction: session.say.commitmentsReaction()
        case .learned: session.say.commitmentsLearned()
        case .next: session.say.commitmentsNext()
        case .why, .barriers: session.say.commitmentsWhyDropped()
        }
    }

    private func read(_ prompt: String) -> Read {
        switch session.reader.readAnswer(prompt: prompt, prefill: "") {
        case .line(let text): return .line(text)
        case .end: return .end
        case .interrupted: return .cancel
        case .invalid(let problem):
            session.print(session.style.warn(problem))
            return read(prompt)
        }
    }

    /// The barriers as numbered choices, "something else" last (then in the person's words, as `why`).
    private func barriers(into answers: inout CheckInAnswers) -> Read {
        let options = CheckInBarrier.allCases.map { barrier in (barrier.rawValue, session.barrierNames([barrier.rawValue])) }
        session.print(session.say.commitmentsWhatGotInTheWay())
        for (index, option) in options.enumerated() { session.print("  \(index + 1). " + option.1) }
        session.print("  \(options.count + 1). " + session.say.commitmentsSomethingElse())
        while true {
            let typed: String
            switch read("> ") {
            case .line(let text): typed = text
            case .end: return .end
            case .cancel: return .cancel
            }
            let words = typed.split { $0 == " " || $0 == "," }.map(String.init)
            var chosen: [String] = []
            var other = false
            var wrong: String?
            for word in words {
                let folded = KnowledgeSearch.fold(word)
                if let number = Int(word), (1...options.count + 1).contains(number) {
                    if number == options.count + 1 { other = true } else { chosen.append(options[number - 1].0) }
                } else if let graph = try? session.graph(), let match = CheckInBarrier.named(word, in: graph) {
                    chosen.append(match.rawValue)
                } else {
                    wrong = word
                }
            }
            if let wrong {
                session.print(session.style.warn(session.say.commitmentsNotAChoice(typed: TerminalSafe.visible(wrong, keepNewlines: false),
                                                                                     last: options.count + 1)))
                continue
            }
            var unique: [String] = []
            for id in chosen where !unique.contains(id) { unique.append(id) }
            if !unique.isEmpty { answers.barriers = unique }
            if other {
                switch read(session.say.commitmentsWhatWasIt()) {
                case .line(let text): answers.why = text.trimmingCharacters(in: .whitespaces).isEmpty ? nil : text
                case .end: return .end
                case .cancel: return .cancel
                }
            }
            return .line(typed)
        }
    }
}
