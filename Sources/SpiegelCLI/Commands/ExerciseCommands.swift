import ArgumentParser
import Foundation
import SpiegelContent
import SpiegelCore

/// `exercises [--principle P]`: the reflective exercises.
struct ExercisesCommand: SessionCommand {
    static let configuration = CommandConfiguration(
        commandName: "exercises", abstract: "List the reflective exercises, optionally for one principle.")

    @Option(help: ArgumentHelp("Only exercises that train this principle.", valueName: "principle"))
    var principle: String?

    @OptionGroup var global: GlobalOptions

    func execute(in session: Session) throws {
        let graph = try session.graph()
        if let principle, graph.node(principle)?.kind != .principle {
            throw CommandFailure("unknown principle '\(principle)'; one of \(graph.principles.map(\.id).joined(separator: ", "))")
        }
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
                          + session.style.dim("  ~\(exercise.minutes) min · " + exercise.principles.joined(separator: ", ")))
        }
    }
}

/// `start EXERCISE [--answers FILE]`: runs an exercise; answers come from the terminal, a script or a file.
struct StartCommand: SessionCommand {
    static let configuration = CommandConfiguration(
        commandName: "start", abstract: "Start an exercise: answer its questions; the answers go into your journal.",
        discussion: """
        In a script, the lines after 'start EXERCISE' answer its steps in order: one line per text answer; list \
        items one a line ending with a blank line, then each item's follow-up answers in item order; a rating as \
        its number; a choice as its number or label; a commitment as two lines (the action, then YYYY-MM-DD or \
        'in N days'). 'show EXERCISE --json' lists the steps.
        """)

    @Argument(help: "The exercise id (tab completes).")
    var exercise: String

    @Option(help: ArgumentHelp("Take the answers from a JSON file keyed by step id.", valueName: "file"))
    var answers: String?

    @OptionGroup var global: GlobalOptions

    func execute(in session: Session) throws {
        let graph = try session.graph()
        guard let definition = graph.exercise(exercise) else {
            let hint = Suggestion.closest(to: exercise, among: graph.exercises.map(\.id)).map { " — did you mean '\($0)'?" } ?? ""
            throw CommandFailure("unknown exercise '\(exercise)'\(hint); 'exercises' lists them", exitCode: ExitStatus.dataError)
        }
        if let answers {
            let entry = try AnswerFile(path: answers).run(definition, session: session)
            ExerciseOutcome(session: session).saved(entry, exercise: definition)
            return
        }
        let store = try session.journal
        if session.reader.isInteractive, let draft = try store.drafts().entries.first(where: { $0.exercise == definition.id }) {
            let reply = session.reader.read(prompt: session.t(
                "You have an unfinished draft of this exercise (\(draft.answers.count) answers). Continue it? [Y/n] ",
                "Je hebt een onafgemaakt concept van deze oefening (\(draft.answers.count) antwoorden). Verder gaan? [J/n] "), remember: false)
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
            session.print(session.style.bold(session.t("Summary", "Samenvatting")))
            for answer in entry.answers where answer.skipped != true {
                session.print("  " + session.style.dim(TerminalSafe.visible(answer.prompt, keepNewlines: false)))
                session.print("    " + TerminalSafe.visible(answer.plainText).replacingOccurrences(of: "\n", with: "\n    "))
            }
        }
        session.print(session.style.good(session.t("saved", "opgeslagen")) + " \(entry.id)")
        if session.reader.isInteractive, let next = try? Recommender(session: session).next() {
            session.print(session.t("Next: ", "Volgende: ") + next)
        }
    }
}

/// `resume [ID]`: continues a draft (the newest when no id is given).
struct ResumeCommand: SessionCommand {
    static let configuration = CommandConfiguration(
        commandName: "resume", abstract: "Continue an unfinished exercise (a draft).")

    @Argument(help: "The draft id or its start (default: the newest draft).")
    var id: String?

    @OptionGroup var global: GlobalOptions

    func execute(in session: Session) throws {
        let store = try session.journal
        let draft: Entry
        if let id {
            draft = try store.draft(matching: id)
        } else {
            guard let newest = try store.drafts().entries.first else {
                throw CommandFailure(session.t("there is no draft to resume", "er is geen concept om te hervatten"), exitCode: ExitStatus.noInput)
            }
            draft = newest
        }
        let graph = try session.graph()
        guard let exercise = graph.exercise(draft.exercise) else {
            throw CommandFailure("draft \(draft.id) is for exercise '\(draft.exercise)', which is not loaded (a missing --knowledge pack?)",
                                 exitCode: ExitStatus.dataError)
        }
        if session.reader.isInteractive {
            session.print(session.style.dim(session.t("Resuming \(exercise.id) after \(draft.answers.count) answers.",
                                                      "Verder met \(exercise.id) na \(draft.answers.count) antwoorden.")))
        }
        try ExerciseOutcome(session: session).run(exercise, entry: draft)
    }
}

/// `drafts`: unfinished exercises.
struct DraftsCommand: SessionCommand {
    static let configuration = CommandConfiguration(commandName: "drafts", abstract: "List unfinished exercises (drafts).")

    @OptionGroup var global: GlobalOptions

    func execute(in session: Session) throws {
        let contents = try session.journal.drafts()
        session.report(contents.problems)
        if session.json {
            session.printJSON(contents.entries)
            return
        }
        if contents.entries.isEmpty { session.print(session.t("No drafts.", "Geen concepten.")); return }
        for draft in contents.entries {
            session.print(session.style.accent(draft.id) + "  " + draft.exercise
                          + session.style.dim("  \(draft.answers.count) " + session.t("answers", "antwoorden") + " · " + draft.startedAt))
        }
    }
}

/// `discard ID`: deletes a draft after confirmation.
struct DiscardCommand: SessionCommand {
    static let configuration = CommandConfiguration(commandName: "discard", abstract: "Delete a draft (asks first).")

    @Argument(help: "The draft id or its start.")
    var id: String

    @Flag(name: [.long, .customShort("y")], help: "Do not ask for confirmation.")
    var yes = false

    @OptionGroup var global: GlobalOptions

    func execute(in session: Session) throws {
        let draft = try session.journal.draft(matching: id)
        if !yes {
            guard session.reader.isInteractive else {
                throw CommandFailure("discard needs --yes when it cannot ask", exitCode: ExitStatus.usage)
            }
            let reply = session.reader.read(prompt: session.t("Delete draft \(draft.id) (\(draft.exercise), \(draft.answers.count) answers)? [y/N] ",
                                                              "Concept \(draft.id) (\(draft.exercise), \(draft.answers.count) antwoorden) verwijderen? [j/N] "),
                                            remember: false)
            guard case .line(let text) = reply, ["y", "yes", "j", "ja"].contains(text.lowercased().trimmingCharacters(in: .whitespaces)) else {
                session.print(session.t("Kept.", "Bewaard."))
                return
            }
        }
        try session.journal.deleteDraft(id: draft.id)
        session.print(session.t("Discarded \(draft.id).", "\(draft.id) verwijderd."))
    }
}
