import ArgumentParser
import Foundation
import SpiegelContent
import SpiegelCore

/// `export`: the journal as a JSON bundle, Markdown, a self-contained HTML page or CSV.
struct ExportCommand: SessionCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Export your journal (json, md, html, csv) for a coach or for yourself.",
        discussion: "Without --output the export goes to stdout. --redact masks e-mail addresses, phone numbers, IBANs and the words in --redact-words.")

    @Option(help: "json, md, html or csv.", completion: .list(["json", "md", "html", "csv"]))
    var format: String = "json"

    @Option(help: ArgumentHelp("Write to this file (atomically) instead of stdout.", valueName: "file"))
    var output: String?

    @Option(help: ArgumentHelp("Only entries from this day on (YYYY-MM-DD).", valueName: "date"))
    var since: String?

    @Option(help: ArgumentHelp("Only entries that train this principle.", valueName: "principle"),
            completion: .list(ContentValidator.corePrinciples))
    var principle: String?

    @Flag(help: "Mask e-mail addresses, phone numbers, IBANs and listed words before anything leaves the machine.")
    var redact = false

    @Option(help: ArgumentHelp("A file with words to mask (one a line: customer names). Implies --redact.", valueName: "file"))
    var redactWords: String?

    @Option(name: .customLong("as"), help: ArgumentHelp("Your display name in the export (default: your user name).", valueName: "name"))
    var displayName: String?

    @OptionGroup var global: GlobalOptions

    func execute(in session: Session) throws {
        let formats = ["json", "md", "html", "csv"]
        guard formats.contains(format) else { throw CommandFailure(session.say.errorOneOf("--format", formats.joined(separator: ", "), format)) }
        var sinceDay: CalendarDay?
        if let since {
            guard let day = CalendarDay(since) else { throw CommandFailure(session.say.errorDateOption("--since", since)) }
            sinceDay = day
        }
        if let principle { _ = try session.graph().principle(principle, say: session.say) }
        _ = try session.journal.manifest()
        let contents = try session.summaries()
        session.report(contents.problems)
        let graph = try session.graph()
        let chosen = JournalFilter(principle: principle, since: sinceDay).apply(contents.entries)
        let name = displayName ?? session.environment.variables["USER"] ?? "me"
        let exportedAt = Timestamp.string(session.now)
        let redacting = redact || redactWords != nil
        if format == "json" && !redacting {
            // The entry files are copied as they are: no decoding and encoding of every entry.
            let used = Set(chosen.map(\.exercise))
            let bundle = BundleWriter.entriesBundle(
                rawEntries: try session.journal.rawEntries(ids: chosen.map(\.id)),
                exercises: graph.exercises.filter { used.contains($0.id) }, exportedAt: exportedAt, exporter: name)
            try ExportDestination(path: output).write(bundle)
            return
        }
        var entries = try session.journal.entries(ids: chosen.map(\.id))
        if redacting {
            var words: [String] = []
            if let redactWords {
                let data: Data
                do { data = try SafeFiles.read(SpiegelEnvironment.absolute(redactWords)) } catch {
                    throw CommandFailure("--redact-words: \(error.message)", exitCode: ExitStatus.noInput)
                }
                words = String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline).map(String.init)
            }
            let redactor = Redactor(words: words)
            entries = entries.map(redactor.redact)
        }
        let progress = entries.count > 2_000 && Console.isTerminal(2)
        if progress { session.warn(session.say.progressExporting(session.say.countEntries(entries.count))) }
        let title = session.say.exchangeSpiegelJournalOfName(name)
        let text: String
        switch format {
        case "md":
            text = MarkdownExport.render(entries, title: title, exportedAt: exportedAt, language: session.language)
        case "html":
            text = HTMLExport.render(entries, title: title, exportedAt: exportedAt, principles: graph.principles.map(\.id),
                                     today: session.today, language: session.language)
        case "csv":
            text = CSVExport.render(entries)
        default:
            let used = Set(entries.map(\.exercise))
            let bundle = ExchangeBundle(kind: .entries, exportedAt: exportedAt, exporter: name,
                                        exercises: graph.exercises.filter { used.contains($0.id) }, entries: entries)
            text = JSONOutput.string(bundle)
        }
        try ExportDestination(path: output).write(text)
        if progress { session.warn(session.say.progressDone()) }
        // Written to a file: say what went where (on stderr, so scripts reading stdout get nothing new).
        if let output { session.warn(session.say.exchangeWritten(session.say.countEntries(entries.count), format, SpiegelEnvironment.absolute(output))) }
    }
}

/// Where an export goes: stdout, or a file written atomically with private permissions.
struct ExportDestination {
    let path: String?

    func write(_ text: String) throws {
        try write(Data(text.utf8))
    }

    func write(_ data: Data) throws {
        guard let path else {
            Console.write(data, to: .standardOutput)
            return
        }
        try SafeFiles.write(data, to: SpiegelEnvironment.absolute(path), replace: true)
    }
}

/// `import FILE`: merges a bundle (entries, or a coach's feedback) into the journal.
struct ImportCommand: SessionCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Merge a bundle into your journal: entries, or a coach's feedback notes.")

    @Argument(help: "The JSON bundle to import.")
    var file: String

    @OptionGroup var global: GlobalOptions

    func execute(in session: Session) throws {
        let path = SpiegelEnvironment.absolute(file)
        let data: Data
        do { data = try SafeFiles.read(path) } catch {
            throw CommandFailure("\(file): \(error.message)", exitCode: ExitStatus.noInput)
        }
        let bundle: ExchangeBundle
        do { bundle = try ExchangeBundle.read(data, path: file) } catch {
            throw CommandFailure(error.message, exitCode: ExitStatus.dataError)
        }
        try session.journal.prepare(now: session.now)
        let result = try BundleImporter(store: session.journal).merge(bundle)
        if session.json { session.printJSON(result); return }
        switch bundle.kind {
        case .entries:
            session.print(session.say.exchangeAdded(session.say.countEntries(result.added), session.say.countEntries(result.alreadyPresent)))
        case .feedback:
            session.print(session.say.exchangeNotesAttached(session.say.countNotes(result.notesAttached), bundle.exporter)
                          + (result.notesForUnknownEntries > 0 ? session.say.exchangeNotesUnknown(session.say.countNotes(result.notesForUnknownEntries)) : ""))
        }
    }
}
