import ArgumentParser
import Foundation
import SpiegelContent
import SpiegelCore

/// `export`: the journal as a JSON bundle, Markdown, a self-contained HTML page or CSV.
struct ExportCommand: SessionCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Export your journal (json, md, html, csv, ics) for a coach or for yourself.",
        discussion: """
            Without --output the export goes to stdout. --redact masks phone numbers, e-mail addresses, IBANs, BSNs, \
            postcodes, addresses, dates of birth, licence plates and names in everything you typed, and the words \
            in --redact-words; add --preview to see what would be masked (and possible names that would not) first.
            """)

    @Option(help: "json, md, html, csv, or ics (your commitments as calendar to-dos).",
            completion: .list(["json", "md", "html", "csv", "ics"]))
    var format: String = "json"

    @Option(help: ArgumentHelp("Write to this file (atomically) instead of stdout.", valueName: "file"))
    var output: String?

    @Option(help: ArgumentHelp("Only entries from this day on (YYYY-MM-DD).", valueName: "date"))
    var since: String?

    @Option(help: ArgumentHelp("Only entries that train this principle.", valueName: "principle"),
            completion: .list(ContentValidator.corePrinciples))
    var principle: String?

    @Flag(help: """
        Mask personal data (phone, e-mail, IBAN, BSN, postcode, address, date of birth, plate, names) \
        before anything leaves the machine.
        """)
    var redact = false

    @Option(help: ArgumentHelp("A UTF-8 file with names to mask, one a line (# for comments). Implies --redact.",
                               valueName: "file"))
    var redactWords: String?

    @Flag(help: "With --redact: show what would be masked, and words that might be names, instead of exporting.")
    var preview = false

    @Option(name: .customLong("as"), help: ArgumentHelp("Your display name in the export (default: your user name).", valueName: "name"))
    var displayName: String?

    @OptionGroup var global: GlobalOptions

    func execute(in session: Session) throws {
        if preview && !redact && redactWords == nil {
            throw CommandFailure(session.say.errorPreviewNeedsRedact())
        }
        let formats = ["json", "md", "html", "csv", "ics"]
        guard formats.contains(format) else { throw CommandFailure(session.say.errorOneOf(option: "--format", values: formats.joined(separator: ", "), value: format)) }
        var sinceDay: CalendarDay?
        if let since {
            guard let day = CalendarDay(since) else { throw CommandFailure(session.say.errorDateOption(option: "--since", value: since)) }
            sinceDay = day
        }
        if let principle { _ = try session.graph().principle(principle, say: session.say) }
        _ = try session.journal.manifest()
        let contents = try session.summaries()
        session.report(contents.problems)
        let graph = try session.graph()
        let chosen = JournalFilter(principle: principle, since: sinceDay).apply(contents.entries)
        let redacting = redact || redactWords != nil
        let userName = session.environment.variables["USER"] ?? "me"
        let name = displayName ?? (redacting ? PersonalDataKind.name.label : userName)
        let exportedAt = Timestamp.string(session.now)
        if format == "json" && !redacting {
            // The entry files are copied as they are, one at a time: no decoding, and little memory.
            let used = Set(chosen.map(\.exercise))
            let store = try session.journal
            try ExportDestination(path: output).stream { append throws(JournalError) in
                try BundleWriter.writeEntriesBundle(chosen.lazy.compactMap { store.rawEntry(id: $0.id) },
                                                    exercises: graph.exercises.filter { used.contains($0.id) },
                                                    exportedAt: exportedAt, exporter: name, to: append)
            }
            return
        }
        var entries = try session.journal.entries(ids: chosen.map(\.id))
        if redacting {
            let redactor = Redactor(words: try wordList(in: session))
            if preview {
                let report = RedactionPreview(entries: entries, redactor: redactor, knownWords: KnownWords.from(graph))
                if session.json { session.printJSON(report) } else { RedactionPreviewView(session: session).show(report) }
                return
            }
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
        case "ics":
            let labels = ICalendarExport.Labels(
                calendarName: session.say.icsCalendarName(),
                fromExercise: session.say.icsFromExercise(),
                reflection: session.say.icsReflection(),
                plan: CommitmentView(session: session).planWords(),
                checkIn: { [words = CommitmentView(session: session).checkInWords()] in words($0.checkIn) })
            text = ICalendarExport.render(entries, exportedAt: session.now, labels: labels)
        default:
            let used = Set(entries.map(\.exercise))
            let bundle = ExchangeBundle(kind: .entries, exportedAt: exportedAt, exporter: name,
                                        exercises: graph.exercises.filter { used.contains($0.id) }, entries: entries)
            text = JSONOutput.string(bundle)
        }
        try ExportDestination(path: output).write(text)
        if progress { session.warn(session.say.progressDone()) }
        // Written to a file: say what went where (on stderr, so scripts reading stdout get nothing new).
        if let output { session.warn(session.say.exchangeWritten(entries: session.say.countEntries(entries.count), format: format, path: SpiegelEnvironment.absolute(output))) }
    }
}

extension ExportCommand {
    /// The `--redact-words` file, or an empty list.
    func wordList(in session: Session) throws -> WordList {
        guard let redactWords else { return WordList(lines: []) }
        let data: Data
        do { data = try SafeFiles.read(SpiegelEnvironment.absolute(redactWords)) } catch {
            throw CommandFailure("--redact-words: \(error.message)", exitCode: ExitStatus.noInput)
        }
        do { return try WordList(data: data) } catch {
            let problem = switch error {
            case .utf16: session.say.fileUtf16()
            case .notUTF8: session.say.fileNotUtf8()
            }
            throw CommandFailure("--redact-words \(redactWords): \(problem)", exitCode: ExitStatus.dataError)
        }
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

    /// Hands `produce` a sink for the export's pieces: stdout, or the file written atomically as they come.
    func stream(_ produce: ((Data) throws(JournalError) -> Void) throws(JournalError) -> Void) throws {
        guard let path else {
            try produce { Console.write($0, to: .standardOutput) }
            return
        }
        try SafeFiles.write(to: SpiegelEnvironment.absolute(path), replace: true, produce)
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
            session.print(session.say.exchangeAdded(added: session.say.countEntries(result.added), present: session.say.countEntries(result.alreadyPresent)))
        case .feedback:
            session.print(session.say.exchangeNotesAttached(notes: session.say.countNotes(result.notesAttached), exporter: bundle.exporter)
                          + (result.notesForUnknownEntries > 0 ? session.say.exchangeNotesUnknown(session.say.countNotes(result.notesForUnknownEntries)) : ""))
        }
    }
}
