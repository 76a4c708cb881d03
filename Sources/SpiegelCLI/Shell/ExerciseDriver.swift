import Foundation
import SpiegelContent
import SpiegelCore

/// Runs an exercise against a line reader: asks each question, feeds the answers to the runner, saves a
/// draft after every answer and the entry at the end. Interactive input is re-asked when invalid;
/// piped input that does not fit is an error naming its line.
struct ExerciseDriver {
    let session: Session
    let exercise: Exercise

    enum Outcome {
        case saved(Entry)
        case cancelled
    }

    /// What one attempt at reading an answer gave.
    private enum Read: Error {
        case input(AnswerInput)
        case skip, back, help, interrupted, end
        case invalid(String)
    }

    func run(_ start: ExerciseRunner) throws -> Outcome {
        var runner = start
        let reader = session.reader
        let style = session.style
        let store = try session.journal
        do { try store.prepare(now: session.now) } catch { throw rescued(error, runner.entry) }
        if reader.isInteractive && runner.entry.answers.isEmpty {
            session.print(style.bold(session.text(exercise.title)) + style.dim("  ~\(exercise.minutes) min"))
            session.printProse(session.text(exercise.intro))
            session.print(style.dim(session.say.exerciseTypeForHelpBackTo()))
        }
        // Lines to start the next question with: the answer taken back, or an answer that was not accepted.
        var prefill: [String] = []
        // How to answer a kind of question is said under its first question only, and again after `?`.
        var hinted: Set<StepKind> = []
        while let slot = runner.current {
            if reader.isInteractive { ask(slot, hint: hinted.insert(slot.step.kind).inserted) }
            runner.begin(at: session.clock())
            let read = read(slot, prefill: prefill)
            prefill = []
            switch read {
            case .input(let input):
                do {
                    try runner.answer(input, today: session.today)
                } catch {
                    guard reader.isInteractive else { throw try invalidInScript(session.say.answerError(error), runner, at: slot) }
                    session.print(style.warn(session.say.answerError(error)))
                    // Longer answers stay in the line to be corrected; a number is quicker typed again.
                    if case .rating = input {} else if case .choice = input {} else { prefill = Self.lines(of: input) }
                    continue
                }
                if reader.isInteractive { showAnswerKey(slot.step, chosen: runner.entry.answers.last?.choice) }
            case .skip:
                do { try runner.skip() } catch {
                    guard reader.isInteractive else { throw try invalidInScript(session.say.answerError(error), runner, at: slot) }
                    session.print(style.warn(session.say.answerError(error)))
                    continue
                }
            case .back:
                let previous = runner.entry.answers.last
                if runner.back() {
                    prefill = previous.map(Self.lines(of:)) ?? []
                } else {
                    session.print(style.dim(session.say.exerciseThisIsTheFirstQuestion()))
                }
            case .help:
                session.print(style.dim(slot.help ?? session.say.exerciseNoExtraHelpForThis()))
                hinted.remove(slot.step.kind)
                continue
            case .invalid(let problem):
                guard reader.isInteractive else { throw CommandFailure(problem, exitCode: ExitStatus.dataError) }
                session.print(style.warn(problem))
                continue
            case .interrupted:
                return try interrupted(runner)
            case .end:
                return try endOfInput(runner)
            }
            do { try session.withJournal { try $0.saveDraft(runner.entry) } } catch { throw rescued(error, runner.entry) }
        }
        do { return .saved(try session.withJournal { try $0.saveNew(runner.completedEntry(at: session.clock())) }) } catch {
            throw rescued(error, runner.entry)
        }
    }

    /// An answer a script gave that is not taken: the answers before it are kept as a draft (said in the
    /// error, with how to resume), and the lines of the exercise's remaining questions are read past, so
    /// that with --keep-going the script goes on with the command after the exercise, not with its answers.
    private func invalidInScript(_ problem: String, _ runner: ExerciseRunner, at slot: Slot) throws -> CommandFailure {
        do { try session.withJournal { try $0.saveDraft(runner.entry) } } catch { throw rescued(error, runner.entry) }
        skipLines(after: slot)
        return CommandFailure(session.say.exerciseInvalidInScript(problem: problem, id: runner.entry.id), exitCode: ExitStatus.dataError)
    }

    /// Reads the lines that answer the steps after `slot` (a list: its items up to the blank line, then a
    /// line for each follow-up of each item; a commitment: three lines; `skip` one), until the input ends.
    private func skipLines(after slot: Slot) {
        let steps = exercise.steps
        guard let index = steps.firstIndex(where: { $0.id == slot.step.id }) else { return }
        func line() -> String? {
            if case .line(let text) = session.reader.readAnswer(prompt: "", prefill: "") { return text }
            return nil
        }
        func skipAnswer(of step: Step) -> Bool {
            guard let first = line() else { return false }
            let word = first.trimmingCharacters(in: .whitespaces)
            if step.optional && (word == "skip" || word == "overslaan") { return true }
            switch step.kind {
            case .commitment:
                // Two lines when the second is a date (the older form), else three.
                guard let second = line() else { return false }
                if CalendarDay.parseDue(second, today: session.today) != nil, !word.isEmpty { return true }
                return line() != nil
            case .list:
                var items = word.isEmpty ? 0 : 1
                while !word.isEmpty, let next = line() {
                    if next.trimmingCharacters(in: .whitespaces).isEmpty { break }
                    items += 1
                }
                for _ in 0..<items { for followUp in step.followUps where !skipAnswer(of: followUp) { return false } }
                return true
            case .text, .rating, .choice: return true
            }
        }
        for step in steps[(index + 1)...] where !skipAnswer(of: step) { return }
    }

    /// When the journal cannot be written, the answers so far go to a private rescue file in the state
    /// directory, and the error says where; nothing in the journal is touched.
    private func rescued(_ error: Error, _ draft: Entry) -> CommandFailure {
        let failure = (error as? SpiegelFailure) ?? CommandFailure("\(error)", exitCode: ExitStatus.ioError)
        guard !draft.answers.isEmpty else { return CommandFailure(failure.message, exitCode: failure.exitCode) }
        let folder = session.environment.stateHome + "/rescued"
        let path = folder + "/" + draft.id + ".json"
        do {
            try SafeFiles.makePrivateDirectory(folder)
            let data = JSONOutput.data(draft)
            try SafeFiles.write((try? session.journal)?.cipher.map { $0.seal(data) } ?? data, to: path, replace: true)
            return CommandFailure(session.say.rescueKept(problem: failure.message, path: path), exitCode: failure.exitCode)
        } catch {
            let earlier = FileManager.default.fileExists(atPath: JournalStore(root: session.journalRoot).draftsDirectory + "/" + draft.id + ".json")
            return CommandFailure(earlier ? session.say.rescueDraftKept(problem: failure.message, id: draft.id) : session.say.rescueLost(failure.message),
                                  exitCode: failure.exitCode)
        }
    }

    /// A choice step's answer key, once the learner has answered: our choice, whether theirs is the same,
    /// and the reason.
    private func showAnswerKey(_ step: Step, chosen: String?) {
        guard let answer = step.answer, let why = step.why,
              let option = step.options.first(where: { $0.id == answer }) else { return }
        let style = session.style
        var line = session.say.exerciseAnswerKey(session.text(option.label))
        if let chosen, let picked = step.options.first(where: { $0.id == chosen }) {
            line += " " + (chosen == answer ? session.say.exerciseAnswerMatch() : session.say.exerciseAnswerDiffers(session.text(picked.label)))
        }
        session.printProse(style.accent(line))
        session.printProse(session.text(why))
    }

    private func ask(_ slot: Slot, hint: Bool) {
        let style = session.style
        var header = "\n" + style.accent("[\(slot.number)] ") + style.bold(TerminalSafe.visible(slot.prompt))
        if slot.step.optional { header += style.dim(session.say.exerciseOptional()) }
        session.print(header)
        switch slot.step.kind {
        case .list:
            if hint { session.print(style.dim(session.say.exerciseOneItemPerLineAn())) }
        case .rating:
            if let scale = slot.step.scale {
                let labels = scale.labels.map { "\($0.value) = \(session.text($0.text))" }.joined(separator: ", ")
                session.print(style.dim("\(scale.min)–\(scale.max)" + (labels.isEmpty ? "" : ": " + labels)))
            }
        case .choice:
            for (index, option) in slot.step.options.enumerated() {
                // A label that carries its own number ("1. Helping differs…") is not numbered twice.
                let label = session.text(option.label)
                session.print(label.hasPrefix("\(index + 1).") ? "  " + label : "  \(index + 1). " + label)
            }
        case .commitment:
            if hint { session.print(style.dim(session.say.exerciseFirstTheMoment())) }
        case .text:
            if hint { session.print(style.dim(session.say.exerciseEndALineWithTo())) }
        }
    }

    /// The lines that give `answer` again, one per prompt (a multi-line text ends each line but the last
    /// with the continuation mark), to pre-fill the prompts when it is revised.
    static func lines(of answer: Answer) -> [String] {
        if answer.skipped == true { return [] }
        switch answer.kind {
        case .list: return answer.items ?? []
        case .commitment: return [answer.situation ?? "", answer.action ?? "", answer.due?.description ?? ""]
        case .text: return continued(answer.text ?? "")
        case .rating, .choice: return [answer.text ?? ""]
        }
    }

    /// The lines of an answer that was not accepted, to be corrected rather than typed again.
    static func lines(of input: AnswerInput) -> [String] {
        switch input {
        case .text(let text): continued(text)
        case .list(let items): items
        case .rating(let typed), .choice(let typed): [typed]
        case .commitment(let situation, let action, let due): [situation ?? "", action, due]
        }
    }

    private static func continued(_ text: String) -> [String] {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        return lines.enumerated().map { $0.offset < lines.count - 1 ? $0.element + "\\" : $0.element }
    }

    private func read(_ slot: Slot, prefill: [String]) -> Read {
        let interactive = session.reader.isInteractive
        let prompt = "> "
        var pending = prefill[...]
        func control(_ text: String) -> Read? {
            let word = text.trimmingCharacters(in: .whitespaces)
            // The steering words in either language: skip/overslaan, back/terug.
            if (word == "skip" || word == "overslaan") && slot.step.optional { return .skip }
            guard interactive else { return nil }
            switch word {
            case "?": return .help
            case "back", "terug": return .back
            case "skip", "overslaan": return .skip
            default: return nil
            }
        }
        func next(_ prompt: String) -> Result<String, Read> {
            let event = session.reader.readAnswer(prompt: prompt, prefill: pending.popFirst() ?? "")
            switch event {
            case .line(let text): return .success(text)
            case .interrupted: return .failure(.interrupted)
            case .end: return .failure(.end)
            case .invalid(let problem): return .failure(.invalid(problem))
            }
        }
        switch slot.step.kind {
        case .text:
            let previous = prefill.joined(separator: "\n").replacingOccurrences(of: "\\\n", with: "\n")
            var text: String
            switch next(prompt) { case .success(let t): text = t; case .failure(let r): return r }
            if let steer = control(text) { return steer }
            if interactive && text.trimmingCharacters(in: .whitespaces) == "/edit" { return editExternally(previous) }
            while interactive && text.hasSuffix("\\") {
                text.removeLast()
                switch next("… ") { case .success(let more): text += "\n" + more; case .failure(let r): return r }
            }
            return .input(.text(text))
        case .rating:
            switch next(prompt) { case .success(let t): return control(t) ?? .input(.rating(t)); case .failure(let r): return r }
        case .choice:
            switch next(prompt) { case .success(let t): return control(t) ?? .input(.choice(t)); case .failure(let r): return r }
        case .list:
            var items: [String] = []
            while true {
                let wasFilledIn = !pending.isEmpty
                switch next("  - ") {
                case .success(let text):
                    let word = text.trimmingCharacters(in: .whitespaces)
                    if items.isEmpty, let steer = control(text) { return steer }
                    // Within a list, back/terug takes back the item before (to edit), not the whole question.
                    if interactive, word == "back" || word == "terug" {
                        pending = ([items.removeLast()] + pending)[...]
                        continue
                    }
                    if word.isEmpty {
                        // An item given back and cleared is removed; the items after it are still offered.
                        if wasFilledIn && !pending.isEmpty { continue }
                        return .input(.list(items))
                    }
                    items.append(text)
                case .failure(let r): return r
                }
            }
        case .commitment:
            // Three lines at a terminal and in a script alike: the situation ("when> ", empty for none), the
            // action, the date. A whole plan typed as the situation offers its action on the action line. A
            // script's older two-line form (plan, date) is still read.
            let situation: String
            switch next(session.say.exerciseWhen()) { case .success(let t): situation = t; case .failure(let r): return r }
            if let steer = control(situation) { return steer }
            if interactive, (pending.first ?? "").isEmpty, let offered = IfThenPlan.action(offeredBy: situation) {
                pending = ([offered] + pending.dropFirst())[...]
            }
            let action: String
            switch next(session.say.exerciseWhat()) { case .success(let t): action = t; case .failure(let r): return r }
            if let steer = control(action) { return steer }
            // Scripts written for two lines (the plan, whole or not, then the date) read as they always did:
            // a date where the action would stand means there was no situation line.
            if !interactive, !situation.trimmingCharacters(in: .whitespaces).isEmpty,
               let day = CalendarDay.parseDue(action, today: session.today), day >= session.today {
                return .input(.commitment(situation: nil, action: situation, due: action))
            }
            while true {
                switch next(session.say.exerciseByWhen()) {
                case .success(let due):
                    // At a terminal only the date is asked again when it is not a usable date; a usable one is
                    // echoed as the day it is ("→ fri 6 Mar").
                    if interactive {
                        guard let day = CalendarDay.parseDue(due, today: session.today), day >= session.today else {
                            session.print(session.style.warn(session.say.exerciseDueIsNotADate(due)))
                            pending = [due]
                            continue
                        }
                        session.print(session.style.dim(session.say.commitmentsResolvedDay(session.time.date(day))))
                    }
                    return .input(.commitment(situation: situation, action: action, due: due))
                case .failure(let r): return r
                }
            }
        }
    }

    /// `/edit`: the answer written in the person's editor, starting from `previous`; an empty file or a
    /// failed editor asks the question again.
    private func editExternally(_ previous: String) -> Read {
        let editor = ExternalEditor(environment: session.environment)
        do throws(ExternalEditor.Failure) {
            let text = try editor.edit(previous)
            guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
                return .invalid(session.say.exerciseNothingWasWrittenInThe())
            }
            session.print(session.style.dim(TerminalSafe.visible(text)))
            return .input(.text(text))
        } catch {
            switch error {
            case .failed(let command, let status): return .invalid(session.say.exerciseTheEditorCommandDidNot(command: command, status: status))
            case .file(let problem): return .invalid(session.say.exerciseCannotOpenAnEditorProblem(problem))
            }
        }
    }

    private func interrupted(_ runner: ExerciseRunner) throws -> Outcome {
        guard !runner.entry.answers.isEmpty else {
            session.print(session.say.exerciseExerciseStopped())
            return .cancelled
        }
        let answer = session.reader.read(prompt: session.say.exerciseKeepADraftToResume(), remember: false)
        if case .line(let text) = answer, ["n", "no", "nee"].contains(text.trimmingCharacters(in: .whitespaces).lowercased()) {
            try session.withJournal { try $0.deleteDraft(id: runner.entry.id) }
            session.print(session.say.exerciseDraftDiscarded())
        } else {
            session.print(session.say.exerciseDraftKeptResumeId(runner.entry.id))
        }
        return .cancelled
    }

    private func endOfInput(_ runner: ExerciseRunner) throws -> Outcome {
        guard !runner.entry.answers.isEmpty else {
            if session.reader.isInteractive { return .cancelled }
            throw CommandFailure(session.say.exerciseInputEndedEarly(session.exerciseName(exercise.id)), exitCode: ExitStatus.dataError)
        }
        let message = session.say.exerciseInputEndedBeforeExerciseidWas(exerciseId: session.exerciseName(exercise.id), id: runner.entry.id)
        if session.reader.isInteractive {
            session.print(message)
            return .cancelled
        }
        throw CommandFailure(message, exitCode: ExitStatus.dataError)
    }
}
