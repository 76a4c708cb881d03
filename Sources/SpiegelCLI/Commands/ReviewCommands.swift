import ArgumentParser
import Foundation
import SpiegelContent
import SpiegelCore

/// `review FILE_OR_DIR...`: the coach's side. Opens a review shell in a terminal; piped lines or --run run one-shot.
struct ReviewCommand: SessionCommand {
    static let configuration = CommandConfiguration(
        commandName: "review", abstract: "Review clients' exported bundles or journal directories (coach mode).",
        discussion: "Commands in review mode: clients, summary, entries, entry, compare, mirror, team, note, feedback, help, quit.")

    @Argument(help: "Bundles (.json), directories of bundles, or journal directories.")
    var paths: [String]

    @Option(name: .customLong("run"), help: ArgumentHelp("Run this review command and leave (repeatable).", valueName: "command"))
    var commands: [String] = []

    @OptionGroup var global: GlobalOptions

    func execute(in session: Session) throws {
        let say = session.say
        let workspace = try session.withProgressLine { show in
            ReviewWorkspace(paths: paths.map(SpiegelEnvironment.absolute), cacheDirectory: session.environment.reviewCache) { path, done, total in
                show?(say.progressIndexing(file: (path as NSString).lastPathComponent, done: done, total: total))
            }
        }
        guard !workspace.clients.isEmpty else {
            // Nothing to open: the one reason is the error (65 for a broken file, 66 when nothing is there).
            let missing = workspace.problems.allSatisfy { if case .missing = $0 { true } else { false } }
            guard let first = workspace.problems.first else {
                throw CommandFailure(session.say.errorNothingToReview(paths.joined(separator: ", ")), exitCode: ExitStatus.noInput)
            }
            let more = workspace.problems.count > 1 ? session.say.errorAndMore(workspace.problems.count - 1) : ""
            throw CommandFailure(session.say.reviewProblem(first) + more, exitCode: missing ? ExitStatus.noInput : ExitStatus.dataError)
        }
        for problem in workspace.problems { session.warn(session.say.warningProblem(session.say.reviewProblem(problem))) }
        for notice in workspace.notices {
            session.warn(session.say.warningNote(session.say.reviewproblemOlderExport(older: notice.setAside, newer: notice.kept)))
        }
        let runner = ShellRunner(options: session.options, keepGoing: false, mode: .review(workspace),
                                 lines: commands.isEmpty ? nil : commands)
        let status = runner.run()
        if status != 0 { throw ExitCode(status) }
    }
}

/// The root of review mode's commands.
struct ReviewShellCommand: ParsableCommand {
    static let commands: [ParsableCommand.Type] = [
        HelpCommand.self, ClientsCommand.self, SummaryCommand.self, EntriesCommand.self, ReviewEntryCommand.self,
        CompareCommand.self, ReviewMirrorCommand.self, TeamCommand.self, NoteCommand.self, FeedbackCommand.self, ClearCommand.self, QuitCommand.self,
    ]
    static var commandNames: [String] {
        commands.compactMap { $0.configuration.commandName } + commands.flatMap { $0.configuration.aliases }
    }

    static let configuration = CommandConfiguration(commandName: "review", abstract: "Review mode.", subcommands: commands)
}

extension Session {
    /// The workspace, or a clear error outside review mode.
    func workspace() throws -> ReviewWorkspace {
        guard let review else { throw CommandFailure(say.errorReviewOnly()) }
        return review
    }

    func client(_ name: String) throws -> Client {
        let workspace = try workspace()
        guard let client = workspace.client(name) else {
            throw CommandFailure(say.errorNoClient(name: name, names: workspace.clients.map(\.name).joined(separator: ", ")), exitCode: ExitStatus.dataError)
        }
        return client
    }

    var coachNotes: CoachNoteStore { CoachNoteStore(directory: environment.coachNotes) }
}

/// `clients`: each client's figures, overdue commitments flagged.
struct ClientsCommand: PagedCommand {
    static let configuration = CommandConfiguration(commandName: "clients", abstract: "List the clients: entries, last activity, principles, commitments.")
    @OptionGroup var global: GlobalOptions

    func execute(in session: Session) throws {
        struct Row: Encodable {
            var name: String
            var entries: Int
            var lastActivity: String?
            var principles: [String]
            var openCommitments, overdueCommitments: Int
        }
        let rows = try session.workspace().clients.map { client -> Row in
            let open = client.summaries.flatMap(\.commitments).filter(\.isOpen)
            return Row(name: client.name, entries: client.summaries.count, lastActivity: client.summaries.compactMap(\.day).max()?.description,
                       principles: Array(Set(client.summaries.flatMap(\.principles))).sorted(),
                       openCommitments: open.count, overdueCommitments: open.filter { $0.due < session.today }.count)
        }
        if session.json { session.printJSON(rows); return }
        for row in rows {
            let overdue = row.overdueCommitments > 0 ? session.style.bad(" " + session.say.reviewOverdue(row.overdueCommitments)) : ""
            let last = row.lastActivity.flatMap(CalendarDay.init).map { session.time.day($0) } ?? "—"
            session.print(session.style.bold(TerminalSafe.visible(row.name, keepNewlines: false)) + "  "
                          + session.say.reviewClientLine(entries: session.say.countEntries(row.entries), last: last,
                                                         principles: row.principles.map(session.say.principleWord).joined(separator: ","),
                                                         open: session.say.reviewOpen(row.openCommitments)) + overdue)
        }
    }
}

/// `summary [CLIENT]`: per principle counts and confidence trend, and the next session's recommendation.
struct SummaryCommand: PagedCommand {
    static let configuration = CommandConfiguration(commandName: "summary", abstract: "A client's practice per principle and a recommendation for the next session.")
    @Argument(help: "The client (default: all, one after another).") var client: String?
    @OptionGroup var global: GlobalOptions

    func execute(in session: Session) throws {
        let clients = try client.map { [try session.client($0)] } ?? session.workspace().clients
        let graph = try session.graph()
        struct Output: Encodable { var client: String; var stats: JournalStats; var recommendations: [Recommendation] }
        var outputs: [Output] = []
        for client in clients {
            let stats = JournalStats(entries: client.summaries, principles: graph.principles.map(\.id), today: session.today)
            let next = Scheduler(graph: graph, language: session.language).recommend(entries: client.summaries, today: session.today, count: 1)
            outputs.append(Output(client: client.name, stats: stats, recommendations: next.recommendations))
        }
        if session.json { session.printJSON(outputs); return }
        for output in outputs {
            session.print(session.style.bold(TerminalSafe.visible(output.client, keepNewlines: false)))
            let width = max(12, output.stats.principles.map { session.say.principleWord($0.principle).count + 2 }.max() ?? 0)
            for figures in output.stats.principles {
                session.print("  " + session.say.principleWord(figures.principle).padding(toLength: width, withPad: " ", startingAt: 0)
                              + String(figures.entries).padding(toLength: 5, withPad: " ", startingAt: 0)
                              + session.style.accent(Sparkline.render(figures.confidence.suffix(12).map { $0 }))
                              + (figures.confidence.last.map { " \($0)/5" } ?? ""))
            }
            if let next = output.recommendations.first {
                let view = RecommendationView(session: session)
                session.print("  " + session.say.reviewNextSession() + "\(TerminalSafe.visible(next.title, keepNewlines: false)) (\(next.exercise))"
                              + (view.mainReason(next).map { " — " + $0 } ?? ""))
            }
        }
    }
}

/// `entries CLIENT [filters]`.
struct EntriesCommand: PagedCommand {
    static let configuration = CommandConfiguration(commandName: "entries", abstract: "List a client's entries (filters as in 'journal').")
    @Argument(help: "The client.") var client: String
    @OptionGroup var filters: EntryFilterOptions
    @OptionGroup var global: GlobalOptions

    func execute(in session: Session) throws {
        let chosen = try session.client(client)
        let found = try chosen.summaries(matching: filters.filter(in: session))
        if session.json { session.printJSON(try chosen.entries(ids: found.map(\.id))); return }
        let view = EntryView(session: session)
        for summary in found { session.print(view.line(summary)) }
    }
}

/// `entry ID` in review mode: one entry with the coach's notes.
struct ReviewEntryCommand: PagedCommand {
    static let configuration = CommandConfiguration(commandName: "entry", abstract: "Show one entry in full, with your notes.")
    @Argument(help: "The entry id or its start.") var id: String
    @OptionGroup var global: GlobalOptions

    func execute(in session: Session) throws {
        let (_, entry) = try session.workspace().entry(id)
        let notes = try session.coachNotes.all().filter { $0.entryId == entry.id }
        if session.json { session.printJSON(entry); return }
        EntryView(session: session).full(entry, notes: notes.map { CoachNote(author: $0.author, at: $0.at, text: $0.text) })
    }
}

/// `compare`: clients side by side per principle.
struct CompareCommand: PagedCommand {
    static let configuration = CommandConfiguration(commandName: "compare", abstract: "Compare clients side by side per principle.")
    @OptionGroup var global: GlobalOptions

    func execute(in session: Session) throws {
        let graph = try session.graph()
        let clients = try session.workspace().clients
        let principles = graph.principles.map(\.id)
        let table = clients.map { client in
            (client.name, JournalStats(entries: client.summaries, principles: principles, today: session.today))
        }
        if session.json {
            struct Row: Encodable { var client: String; var principles: [String: Int] }
            session.printJSON(table.map { Row(client: $0.0, principles: Dictionary(uniqueKeysWithValues: $0.1.principles.map { ($0.principle, $0.entries) })) })
            return
        }
        session.print("".padding(toLength: 18, withPad: " ", startingAt: 0)
                      + principles.map { session.say.principleWord($0).padding(toLength: 12, withPad: " ", startingAt: 0) }.joined())
        for (name, stats) in table {
            let cells = stats.principles.map { figures in
                ("\(figures.entries)" + (figures.confidence.last.map { " (\($0)/5)" } ?? "")).padding(toLength: 12, withPad: " ", startingAt: 0)
            }
            session.print(String(TerminalSafe.visible(name, keepNewlines: false).prefix(17)).padding(toLength: 18, withPad: " ", startingAt: 0) + cells.joined())
        }
    }
}

/// `note ENTRY_ID TEXT`: a coach's comment, kept in the coach's own data.
struct NoteCommand: SessionCommand {
    static let configuration = CommandConfiguration(commandName: "note", abstract: "Add your comment to a client's entry (kept in your own data).")
    @Argument(help: "The entry id or its start.") var id: String
    @Argument(parsing: .remaining, help: "The note.") var words: [String] = []
    @OptionGroup var global: GlobalOptions

    func execute(in session: Session) throws {
        let text = words.joined(separator: " ")
        guard !text.trimmingCharacters(in: .whitespaces).isEmpty else { throw CommandFailure(session.say.errorNoteEmpty()) }
        guard text.utf8.count <= EntryLimits.noteBytes else {
            throw CommandFailure(session.say.errorNoteTooLong(EntryLimits.noteBytes >> 10), exitCode: ExitStatus.dataError)
        }
        let (client, entry) = try session.workspace().entry(id)
        let author = session.environment.variables["USER"] ?? "coach"
        try session.coachNotes.add(EntryNote(entryId: entry.id, client: client.name, author: author, at: Timestamp.string(session.now), text: text,
                                               journal: client.journal))
        session.print(session.say.reviewNotedOnIdClientname(id: entry.id, clientName: client.name))
    }
}

/// `feedback CLIENT --output FILE`: the coach's notes on that client's entries, as a bundle to send back.
struct FeedbackCommand: SessionCommand {
    static let configuration = CommandConfiguration(commandName: "feedback", abstract: "Write a feedback bundle with your notes for one client.")
    @Argument(help: "The client.") var client: String
    @Option(help: ArgumentHelp("The feedback bundle to write.", valueName: "file")) var output: String
    @Option(name: .customLong("as"), help: ArgumentHelp("Your name as the client will see it.", valueName: "name")) var displayName: String?
    @OptionGroup var global: GlobalOptions

    func execute(in session: Session) throws {
        let chosen = try session.client(client)
        let ids = Set(chosen.summaries.map(\.id))
        let name = displayName ?? session.environment.variables["USER"] ?? "coach"
        let notes = try session.coachNotes.all().filter { ids.contains($0.entryId) }.map {
            EntryNote(entryId: $0.entryId, client: $0.client, author: name, at: $0.at, text: $0.text, journal: $0.journal ?? chosen.journal)
        }
        guard notes.count <= EntryLimits.notesPerBundle else {
            throw CommandFailure(session.say.errorTooManyNotesForABundle(count: notes.count, limit: EntryLimits.notesPerBundle),
                                 exitCode: ExitStatus.dataError)
        }
        let bundle = ExchangeBundle(kind: .feedback, exportedAt: Timestamp.string(session.now), exporter: name,
                                    exercises: [], entries: [], notes: notes, journal: chosen.journal)
        try ExportDestination(path: output).write(JSONOutput.string(bundle))
        session.print(session.say.reviewNotesWritten(notes: session.say.countNotes(notes.count), output: output))
    }
}

/// What review mode says when it opens.
struct ReviewGreeting {
    let session: Session

    func show() {
        let count = session.review?.clients.count ?? 0
        session.print(session.style.bold(session.say.reviewReviewMode())
                      + session.style.dim(session.say.reviewModeSummary(session.say.countClients(count))))
    }
}
