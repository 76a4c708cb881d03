import ArgumentParser
import Foundation
import SpiegelContent
import SpiegelCore

/// `exercises [--principle P]`: the reflective exercises.
struct ExercisesCommand: PagedCommand {
    static let configuration = CommandConfiguration(
        commandName: "exercises", abstract: "List the reflective exercises, optionally for one principle.")

    @Option(help: ArgumentHelp("Only exercises that train this principle.", valueName: "principle"),
            completion: .list(ContentValidator.corePrinciples))
    var principle: String?

    @OptionGroup var global: GlobalOptions

    func execute(in session: Session) throws {
        let graph = try session.graph()
        let principle = try self.principle.map { try graph.principle($0, say: session.say).id }
        let exercises = graph.exercises.filter { principle == nil || $0.principles.contains(principle!) }
        if session.json {
            struct Item: Encodable {
                var id, title, intro: String
                var minutes, steps: Int
                var principles, practices: [String]
            }
            session.printJSON(exercises.map {
                Item(id: $0.id, title: $0.title.resolved(session.language).text, intro: $0.intro.resolved(session.language).text,
                     minutes: $0.minutes, steps: $0.steps.count, principles: $0.principles, practices: $0.practices)
            })
            return
        }
        let width = (exercises.map(\.id.count).max() ?? 0) + 2
        for exercise in exercises {
            session.print(session.style.accent(exercise.id.padding(toLength: width, withPad: " ", startingAt: 0))
                          + session.text(exercise.title)
                          + session.style.dim("  ~\(exercise.minutes) min · " + exercise.principles.map(session.say.principleWord).joined(separator: ", ")))
        }
    }
}

/// `start EXERCISE [--answers FILE]`: runs an exercise; answers come from the terminal, a script or a file.
struct StartCommand: SessionCommand {
    static let configuration = CommandConfiguration(
        commandName: "start", abstract: "Start an exercise: answer its questions; the answers go into your journal.",
        discussion: """
        In the shell Spiegel asks one question at a time: Enter moves on, 'back' returns to the previous answer, \
        '?' explains the question, '/edit' writes the answer in your editor, '\\' at the end of a line continues it, \
        and Ctrl-C keeps what you wrote as a draft for 'resume'. \
        In a script, the lines after 'start EXERCISE' answer its steps in order: one line per text answer; list \
        items one a line ending with a blank line, then each item's follow-up answers in item order; a rating as \
        its number; a choice as its number or label; a commitment as two lines (the action, then YYYY-MM-DD or \
        'in N days'). 'show EXERCISE --json' lists the steps.
        """)

    @Argument(help: "The exercise id (tab completes).", completion: ScriptCompletion.kind("start"))
    var exercise: String

    @Option(help: ArgumentHelp("Take the answers from a JSON file keyed by step id.", valueName: "file"))
    var answers: String?

    @OptionGroup var global: GlobalOptions

    func execute(in session: Session) throws {
        let graph = try session.graph()
        guard let definition = graph.exercise(exercise) else {
            let hint = Suggestion.closest(to: exercise, among: graph.exercises.map(\.id)).map { session.say.errorDidYouMean($0) } ?? ""
            throw CommandFailure(session.say.errorUnknownExercise(id: exercise, hint: hint), exitCode: ExitStatus.dataError)
        }
        if let answers {
            let entry = try AnswerFile(path: answers).run(definition, session: session)
            ExerciseOutcome(session: session).saved(entry, exercise: definition)
            return
        }
        let store = try session.journal
        if session.reader.isInteractive, let draft = try store.drafts().entries.first(where: { $0.exercise == definition.id }) {
            let reply = session.reader.read(prompt: session.say.exercisesContinueDraft(session.say.countAnswers(draft.answers.count)), remember: false)
            if case .line(let text) = reply, !["n", "no", "nee"].contains(text.lowercased().trimmingCharacters(in: .whitespaces)) {
                try ExerciseOutcome(session: session).run(definition, entry: draft)
                return
            }
        }
        let entry = Entry(id: JournalStore.newID(at: session.now), exercise: definition, language: session.language,
                          startedAt: Timestamp.string(session.now))
        try ExerciseOutcome(session: session).run(definition, entry: entry)
    }
}

/// Runs the driver and reports what came of it (summary, "saved", what to do next).
struct ExerciseOutcome {
    let session: Session

    func run(_ exercise: Exercise, entry: Entry) throws {
        let runner = ExerciseRunner(exercise: exercise, entry: entry)
        switch try ExerciseDriver(session: session, exercise: exercise).run(runner) {
        case .saved(let saved): self.saved(saved, exercise: exercise)
        case .cancelled: break
        }
    }

    func saved(_ entry: Entry, exercise: Exercise) {
        if session.json {
            session.printJSON(entry)
            return
        }
        if session.reader.isInteractive {
            session.print()
            session.print(session.style.bold(session.say.exercisesSummary()))
            for answer in entry.answers where answer.skipped != true {
                session.print("  " + session.style.dim(TerminalSafe.visible(answer.prompt, keepNewlines: false)))
                session.print("    " + AnswerView(session: session).text(answer, of: entry.exercise, language: entry.language)
                    .replacingOccurrences(of: "\n", with: "\n    "))
            }
        }
        session.print(session.style.good(session.say.exercisesSaved()) + " \(entry.id)")
        if session.reader.isInteractive, let next = try? Recommender(session: session).next() {
            session.print(session.say.exercisesNext() + next)
        }
    }
}

/// `resume [ID]`: continues a draft (the newest when no id is given).
struct ResumeCommand: SessionCommand {
    static let configuration = CommandConfiguration(
        commandName: "resume", abstract: "Continue an unfinished exercise (a draft).")

    @Argument(help: "The draft id or its start (default: the newest draft).", completion: ScriptCompletion.kind("resume"))
    var id: String?

    @OptionGroup var global: GlobalOptions

    func execute(in session: Session) throws {
        let draft = try session.draft(id, orNewest: session.say.exercisesThereIsNoDraftTo())
        let graph = try session.graph()
        guard let exercise = graph.exercise(draft.exercise) else {
            throw CommandFailure(session.say.errorDraftExerciseMissing(id: draft.id, exercise: draft.exercise),
                                 exitCode: ExitStatus.dataError)
        }
        if session.reader.isInteractive {
            session.print(session.style.dim(session.say.exercisesResuming(exercise: session.exerciseName(exercise.id), answers: session.say.countAnswers(draft.answers.count))))
        }
        try ExerciseOutcome(session: session).run(exercise, entry: draft)
    }
}

/// `drafts`: unfinished exercises.
struct DraftsCommand: PagedCommand {
    static let configuration = CommandConfiguration(commandName: "drafts", abstract: "List unfinished exercises (drafts).")

    @OptionGroup var global: GlobalOptions

    func execute(in session: Session) throws {
        session.noticeIfNoJournal()
        let contents = try session.journal.drafts()
        session.report(contents.problems)
        if session.json {
            session.printJSON(contents.entries)
            return
        }
        if contents.entries.isEmpty { session.print(session.say.exercisesNoDrafts()); return }
        let ids = contents.entries.map(\.id)
        let short = ShortID.aligned(ShortID.prefixes(of: ids, among: ids))
        for draft in contents.entries {
            session.print(session.style.accent(TerminalSafe.visible(short[draft.id] ?? draft.id, keepNewlines: false)) + "  " + draft.exercise
                          + session.style.dim("  " + session.say.countAnswers(draft.answers.count) + " · " + session.time.moment(draft.startedAt)))
        }
    }
}

/// `discard ID`: deletes a draft after confirmation.
struct DiscardCommand: SessionCommand {
    static let configuration = CommandConfiguration(commandName: "discard", abstract: "Delete a draft (asks first).")

    @Argument(help: "The draft id or its start (default: the newest draft, as for resume).", completion: ScriptCompletion.kind("discard"))
    var id: String?

    @Flag(name: [.long, .customShort("y")], help: "Do not ask for confirmation.")
    var yes = false

    @OptionGroup var global: GlobalOptions

    func execute(in session: Session) throws {
        let draft = try session.draft(id, orNewest: session.say.exercisesNoDraftToDiscard())
        if !yes {
            guard session.reader.isInteractive else {
                throw CommandFailure(session.say.errorDiscardNeedsYes(), exitCode: ExitStatus.usage)
            }
            let reply = session.reader.read(prompt: session.say.exercisesDeleteDraft(id: draft.id, exercise: session.exerciseName(draft.exercise, saved: draft.exerciseTitle), answers: session.say.countAnswers(draft.answers.count)),
                                            remember: false)
            guard case .line(let text) = reply, ["y", "yes", "j", "ja"].contains(text.lowercased().trimmingCharacters(in: .whitespaces)) else {
                session.print(session.say.exercisesKept())
                return
            }
        }
        try session.journal.deleteDraft(id: draft.id)
        session.print(session.say.exercisesDiscardedDraftid(draft.id))
    }
}

extension Session {
    /// The draft with this id (or id start), or without one the newest draft; `none` is the message
    /// when there is no draft at all.
    func draft(_ id: String?, orNewest none: String) throws -> Entry {
        let store = try journal
        if let id { return try store.draft(matching: id) }
        guard let newest = try store.drafts().entries.first else { throw CommandFailure(none, exitCode: ExitStatus.noInput) }
        return newest
    }
}
