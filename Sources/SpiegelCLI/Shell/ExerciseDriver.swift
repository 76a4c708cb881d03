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
            session.print(Wrap.paragraph(session.text(exercise.intro), width: min(Console.width(), 100)))
            session.print(style.dim(session.t(
                "Type '?' for help, 'back' to revise the previous answer, 'skip' for optional steps, Ctrl-C to stop.",
                "Typ '?' voor hulp, 'back' om het vorige antwoord te herzien, 'skip' bij optionele stappen, Ctrl-C om te stoppen.")))
        }
        while let slot = runner.current {
            if reader.isInteractive { ask(slot) }
            switch read(slot) {
            case .input(let input):
                do {
                    try runner.answer(input, today: session.today)
                } catch {
                    guard reader.isInteractive else { throw error }
                    session.print(style.warn(error.message))
                    continue
                }
            case .skip:
                do { try runner.skip() } catch {
                    guard reader.isInteractive else { throw error }
                    session.print(style.warn(error.message))
                    continue
                }
            case .back:
                if !runner.back() { session.print(style.dim(session.t("This is the first question.", "Dit is de eerste vraag."))) }
            case .help:
                session.print(style.dim(slot.help ?? session.t("No extra help for this step.", "Geen extra hulp bij deze stap.")))
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
        do { return .saved(try session.withJournal { try $0.saveNew(runner.completedEntry(at: session.now)) }) } catch {
            throw rescued(error, runner.entry)
        }
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
            return CommandFailure("\(failure.message); your answers so far were kept in \(path)", exitCode: failure.exitCode)
        } catch {
            let earlier = FileManager.default.fileExists(atPath: JournalStore(root: session.journalRoot).draftsDirectory + "/" + draft.id + ".json")
            let kept = earlier ? "the draft saved before this answer is kept (resume \(draft.id))"
                : "the answers could not be kept anywhere"
            return CommandFailure("\(failure.message); \(kept)", exitCode: failure.exitCode)
        }
    }

    private func ask(_ slot: Slot) {
        let style = session.style
        var header = "\n" + style.accent("[\(slot.number)] ") + style.bold(TerminalSafe.visible(slot.prompt))
        if slot.step.optional { header += style.dim(session.t(" (optional)", " (optioneel)")) }
        session.print(header)
        switch slot.step.kind {
        case .list:
            session.print(style.dim(session.t("One item per line; an empty line ends the list.", "Eén punt per regel; een lege regel sluit af.")))
        case .rating:
            if let scale = slot.step.scale {
                let labels = scale.labels.map { "\($0.value) = \(session.text($0.text))" }.joined(separator: ", ")
                session.print(style.dim("\(scale.min)–\(scale.max)" + (labels.isEmpty ? "" : ": " + labels)))
            }
        case .choice:
            for (index, option) in slot.step.options.enumerated() {
                session.print("  \(index + 1). \(session.text(option.label))")
            }
        case .commitment:
            session.print(style.dim(session.t("First what you will do, then by when (YYYY-MM-DD or 'in 3 days').",
                                              "Eerst wat je gaat doen, dan wanneer (JJJJ-MM-DD of 'in 3 days').")))
        case .text:
            session.print(style.dim(session.t("End a line with \\ to write more lines.", "Eindig een regel met \\ voor meer regels.")))
        }
    }

    private func read(_ slot: Slot) -> Read {
        let interactive = session.reader.isInteractive
        let prompt = "> "
        func control(_ text: String) -> Read? {
            let word = text.trimmingCharacters(in: .whitespaces)
            if word == "skip" && slot.step.optional { return .skip }
            guard interactive else { return nil }
            switch word {
            case "?": return .help
            case "back": return .back
            case "skip": return .skip
            default: return nil
            }
        }
        func next(_ prompt: String) -> Result<String, Read> {
            let event = session.reader.read(prompt: prompt, remember: false)
            switch event {
            case .line(let text): return .success(text)
            case .interrupted: return .failure(.interrupted)
            case .end: return .failure(.end)
            case .invalid(let problem): return .failure(.invalid(problem))
            }
        }
        switch slot.step.kind {
        case .text:
            var text: String
            switch next(prompt) { case .success(let t): text = t; case .failure(let r): return r }
            if let steer = control(text) { return steer }
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
                switch next("  - ") {
                case .success(let text):
                    if items.isEmpty, let steer = control(text) { return steer }
                    if text.trimmingCharacters(in: .whitespaces).isEmpty { return .input(.list(items)) }
                    items.append(text)
                case .failure(let r): return r
                }
            }
        case .commitment:
            let action: String
            switch next(session.t("what> ", "wat> ")) { case .success(let t): action = t; case .failure(let r): return r }
            if let steer = control(action) { return steer }
            while true {
                switch next(session.t("by when> ", "wanneer> ")) {
                case .success(let due):
                    // At a terminal only the date is asked again when it is not a usable date.
                    if interactive, CalendarDay.parseDue(due, today: session.today).map({ $0 < session.today }) ?? true {
                        session.print(session.style.warn(session.t("'\(due)' is not a date from today on: use YYYY-MM-DD or 'in N days'",
                                                                   "'\(due)' is geen datum vanaf vandaag: gebruik JJJJ-MM-DD of 'in N days'")))
                        continue
                    }
                    return .input(.commitment(action: action, due: due))
                case .failure(let r): return r
                }
            }
        }
    }

    private func interrupted(_ runner: ExerciseRunner) throws -> Outcome {
        let store = try session.journal
        guard !runner.entry.answers.isEmpty else {
            session.print(session.t("Exercise stopped.", "Oefening gestopt."))
            return .cancelled
        }
        let answer = session.reader.read(prompt: session.t("Keep a draft to resume later? [Y/n] ", "Concept bewaren om later verder te gaan? [J/n] "), remember: false)
        if case .line(let text) = answer, ["n", "no", "nee"].contains(text.trimmingCharacters(in: .whitespaces).lowercased()) {
            try session.withJournal { try $0.deleteDraft(id: runner.entry.id) }
            session.print(session.t("Draft discarded.", "Concept weggegooid."))
        } else {
            session.print(session.t("Draft kept: resume \(runner.entry.id)", "Concept bewaard: resume \(runner.entry.id)"))
        }
        return .cancelled
    }

    private func endOfInput(_ runner: ExerciseRunner) throws -> Outcome {
        guard !runner.entry.answers.isEmpty else {
            if session.reader.isInteractive { return .cancelled }
            throw CommandFailure("input ended before the first answer of '\(exercise.id)'; nothing saved", exitCode: ExitStatus.dataError)
        }
        let message = session.t(
            "input ended before '\(exercise.id)' was complete; draft \(runner.entry.id) kept (continue with: resume \(runner.entry.id))",
            "invoer stopte voordat '\(exercise.id)' klaar was; concept \(runner.entry.id) bewaard (verder met: resume \(runner.entry.id))")
        if session.reader.isInteractive {
            session.print(message)
            return .cancelled
        }
        throw CommandFailure(message, exitCode: ExitStatus.dataError)
    }
}
