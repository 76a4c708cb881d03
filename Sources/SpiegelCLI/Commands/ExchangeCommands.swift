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

    @Option(name: .customLong("format"),
            help: "json, md, html, csv, or ics (your commitments as calendar to-dos); without it, the --output file's extension decides, else json.",
            completion: .list(["json", "md", "html", "csv", "ics"]))
    var formatOption: String?

    /// The format asked for, else the one the output file's name ends in (`notes.html`), else JSON.
    var format: String {
        if let formatOption { return formatOption }
        let byExtension = ["json": "json", "md": "md", "markdown": "md", "html": "html", "htm": "html", "csv": "csv", "ics": "ics"]
        let suffix = output.flatMap { $0.split(separator: "/").last }.flatMap { name in
            name.contains(".") ? name.split(separator: ".").last.map { $0.lowercased() } : nil
        }
        return suffix.flatMap { byExtension[$0] } ?? "json"
    }

    @Option(help: ArgumentHelp("Write to this file (atomically) instead of stdout.", valueName: "file"))
    var output: String?

    @Option(help: ArgumentHelp("Only entries from this day on (YYYY-MM-DD).", valueName: "date"))
    var since: String?

    @Option(help: ArgumentHelp("Only entries that train this principle.", valueName: "principle"),
            completion: .list(ContentValidator.corePrinciples))
    var principle: String?

    @Flag(help: """
        Mask personal data (phone, e-mail, IBAN, BSN, national number, postcode, address, date of birth, \
        plate, names) before anything leaves the machine, each person and number with a numbered mask.
        """)
    var redact = false

    @Option(help: ArgumentHelp("A UTF-8 file with names to mask, one a line (# for comments). Implies --redact.",
                               valueName: "file"))
    var redactWords: String?

    @Flag(help: "With --redact: show what would be masked, and words that might be names, instead of exporting.")
    var preview = false

    @Option(name: .customLong("csv-delimiter"), help: ArgumentHelp("The CSV field separator: ',' or ';' (default: ';' in Dutch, ',' in English).", valueName: "character"))
    var csvDelimiter: String?

    @Option(name: .customLong("as"), help: ArgumentHelp("Your display name in the export (default: your user name).", valueName: "name"))
    var displayName: String?

    @OptionGroup var global: GlobalOptions

    func execute(in session: Session) throws {
        session.noticeIfNoJournal()
        if let output, let root = Self.resolved(try session.journal.root),
           let target = Self.resolved((SpiegelEnvironment.absolute(output) as NSString).deletingLastPathComponent),
           target == root || target.hasPrefix(root + "/") {
            // An export over the journal's own files (its manifest, index or an entry) would destroy it.
            throw CommandFailure(session.say.exportOutputInsideJournal(path: output, root: root), exitCode: ExitStatus.usage)
        }
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
        let principle = try self.principle.map { try session.graph().principle($0, say: session.say).id }
        let identity = try session.journal.manifest()?.identity
        // Filtered by the index: one list of summaries in memory, the smallest that serves (only the HTML
        // page's overview counts commitments from them; the other formats read them from the entries).
        let filter = principle == nil && sinceDay == nil ? nil : JournalFilter(principle: principle, since: sinceDay)
        let contents = try session.summaries(matching: filter, commitments: format == "html")
        session.report(contents.problems)
        let graph = try session.graph()
        let chosen = contents.entries
        let redacting = redact || redactWords != nil
        let userName = session.environment.variables["USER"] ?? "me"
        let name = displayName ?? (redacting ? PersonalDataKind.name.label : userName)
        let exportedAt = Timestamp.string(session.now)
        let redactionWords = RedactionWords(say: session.say)
        var redaction: ExportRedaction?
        if redacting {
            // The first pass numbers every person and value in the chosen entries, so that each mask
            // means one person in every mention and every format of this export.
            let unmasked = ExportSource(store: try session.journal, chosen: chosen, redaction: nil)
            redaction = ExportRedaction(redactor: Redactor(words: try wordList(in: session)), entries: unmasked.entries,
                                        label: redactionWords.label)
        }
        if let redaction, preview {
            let entries = try session.journal.entries(ids: chosen.map(\.id))
            let report = RedactionPreview(entries: entries, redaction: redaction, label: redactionWords.label,
                                          knownWords: KnownWords.from(graph))
            if session.json { session.printJSON(report) } else { RedactionPreviewView(session: session).show(report) }
            return
        }
        // Dutch spreadsheets read ',' as the decimal sign and expect ';' between fields.
        let delimiter: Character
        switch csvDelimiter {
        case nil: delimiter = session.language == .nl ? ";" : ","
        case ","?, ";"?: delimiter = Character(csvDelimiter!)
        case let other?: throw CommandFailure(session.say.exchangeCsvDelimiter(TerminalSafe.visible(other, keepNewlines: false)))
        }
        let progress = chosen.count > 2_000 && Console.isTerminal(2)
        if progress { session.warn(session.say.progressExporting(session.say.countEntries(chosen.count))) }
        let source = ExportSource(store: try session.journal, chosen: chosen, redaction: redaction)
        let title = session.say.exchangeSpiegelJournalOfName(name)
        switch format {
        case "md", "html", "csv":
            let words = session.exportWords(title: title, graph: graph)
            let principles = graph.principles.map(\.id), today = session.today
            try ExportDestination(path: output).streamText { emit throws(JournalError) in
                switch format {
                case "md":
                    try MarkdownExport.write(source.entries, count: chosen.count, exportedAt: exportedAt, words: words, to: emit)
                case "csv":
                    try CSVExport.write(source.entries, barrierNames: words.barrierNames, delimiter: delimiter, to: emit)
                default:
                    try HTMLExport.write(chosen, overview: ExportOverview(chosen, principles: principles), exportedAt: exportedAt,
                                         today: today, words: words, entry: { position throws(JournalError) in source.entry(position) },
                                         to: emit)
                }
            }
        case "ics":
            let labels = ICalendarExport.Labels(
                calendarName: session.say.icsCalendarName(),
                fromExercise: session.say.icsFromExercise(),
                reflection: session.say.icsReflection(),
                plan: CommitmentView(session: session).planWords(),
                checkIn: { [words = CommitmentView(session: session).checkInWords()] in words($0.checkIn) },
                principleNames: Dictionary(uniqueKeysWithValues: graph.principles.map { ($0.id, session.say.principleWord($0.id)) }))
            try ExportDestination(path: output).write(ICalendarExport.render(Array(source.entries), exportedAt: session.now, labels: labels))
        default:
            // The entry files are copied as they are, one at a time (redacted ones are encoded again): no
            // whole journal in memory.
            let used = Set(chosen.map(\.exercise))
            let rawEntries = redaction == nil ? AnySequence(chosen.lazy.compactMap { source.store.rawEntry(id: $0.id) })
                : AnySequence(source.entries.lazy.map { JSONOutput.data($0) })
            try ExportDestination(path: output).stream { append throws(JournalError) in
                try BundleWriter.writeEntriesBundle(rawEntries, exercises: graph.exercises.filter { used.contains($0.id) },
                                                    exportedAt: exportedAt, exporter: name, journal: identity,
                                                    redacted: redaction != nil, to: append)
            }
        }
        if progress { session.warn(session.say.progressDone()) }
        // Written to a file: say what went where (on stderr, so scripts reading stdout get nothing new).
        if let output { session.warn(session.say.exchangeWritten(entries: session.say.countEntries(chosen.count), format: format, path: SpiegelEnvironment.absolute(output))) }
    }
}

extension ExportCommand {
    /// `path` with every symbolic link resolved, when it exists.
    static func resolved(_ path: String) -> String? {
        guard let real = realpath(path, nil) else { return nil }
        defer { free(real) }
        return String(cString: real)
    }
}

/// The chosen entries of an export, read from their files one at a time (and redacted when asked) as the
/// export is written, so that no more than one entry is in memory at once.
struct ExportSource {
    let store: JournalStore
    let chosen: [EntrySummary]
    let redaction: ExportRedaction?

    /// The entry at `position` in `chosen`; nil when its file cannot be read now (reported by the summaries).
    func entry(_ position: Int) -> Entry? {
        let id = chosen[position].id
        guard let data = store.rawEntry(id: id),
              let entry = try? JournalStore.decodeEntry(data, path: store.entriesDirectory + "/" + id + ".json"),
              entry.id == id else { return nil }
        return redaction?.redact(entry) ?? entry
    }

    /// The readable entries in order, newest first, each read when it is reached.
    var entries: some Sequence<Entry> {
        chosen.indices.lazy.compactMap(entry)
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
        try SafeFiles.writeOutput(to: SpiegelEnvironment.absolute(path)) { append throws(JournalError) in try append(data) }
    }

    /// Hands `produce` a sink for text: collected into pieces of about a megabyte, each written as it fills.
    func streamText(_ produce: ((String) throws(JournalError) -> Void) throws(JournalError) -> Void) throws {
        try stream { append throws(JournalError) in
            // `append` is called only from within `produce`, never after it returns.
            try withoutActuallyEscaping(append) { append throws(JournalError) in
                let pending = PendingBytes()
                try produce { text throws(JournalError) in
                    pending.bytes.append(contentsOf: text.utf8)
                    if pending.bytes.count >= 1 << 20 {
                        try append(Data(pending.bytes))
                        pending.bytes.removeAll(keepingCapacity: true)
                    }
                }
                try append(Data(pending.bytes))
            }
        }
    }

    /// Text waiting to be written.
    private final class PendingBytes {
        var bytes: [UInt8] = []
        init() { bytes.reserveCapacity(1 << 20 + 65_536) }
    }

    /// Hands `produce` a sink for the export's pieces: stdout, or the output (`SafeFiles.writeOutput`: a
    /// regular file written atomically, a FIFO or device straight) as they come.
    func stream(_ produce: ((Data) throws(JournalError) -> Void) throws(JournalError) -> Void) throws {
        guard let path else {
            try produce { Console.write($0, to: .standardOutput) }
            return
        }
        try SafeFiles.writeOutput(to: SpiegelEnvironment.absolute(path), produce)
    }
}

/// `import FILE`: merges a bundle (entries, or a coach's feedback) into the journal.
struct ImportCommand: SessionCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Merge a bundle into your journal: entries, or a coach's feedback notes.")

    @Argument(help: "The JSON bundle to import.")
    var file: String

    @Flag(help: "Import a redacted export's entries without asking (their masks become entries of this journal).")
    var force = false

    @OptionGroup var global: GlobalOptions

    func execute(in session: Session) throws {
        let reader: BundleReader
        let checked: BundleReader.CheckedEntries
        let say = session.say
        do {
            let opened = try BundleReader(file: SpiegelEnvironment.absolute(file), path: file)
            reader = opened
            // A bundle of up to 32 MB of entries is decoded once and kept; a bigger one a batch at a time.
            let name = (file as NSString).lastPathComponent
            checked = try session.withProgress(saying: { say.progressChecking(file: name, done: $0, total: $1) }) { progress in
                try opened.checkEntries(keepingUpTo: 32 << 20, progress: progress)
            }
        } catch let error as ExchangeBundle.ReadError {
            throw CommandFailure(say.bundleError(error), exitCode: { if case .unreadable = error { ExitStatus.noInput } else { ExitStatus.dataError } }())
        }
        if reader.kind == .entries, reader.redacted, !force {
            // Masks are nobody's words: they become a person's entries only when that person says so.
            guard session.reader.isInteractive else {
                throw CommandFailure(say.importRedactedNeedsForce(file), exitCode: ExitStatus.dataError)
            }
            session.warn(say.importRedactedBundle(file))
            guard case .line(let reply) = session.reader.read(prompt: say.importRedactedAsk(), remember: false),
                  ["y", "yes", "j", "ja"].contains(reply.lowercased().trimmingCharacters(in: .whitespaces)) else {
                session.print(say.importRedactedDeclined())
                return
            }
        }
        try session.journal.prepare(now: session.now)
        let result = try session.withProgress(saying: { say.progressImporting(done: $0, total: $1) }) { progress in
            try BundleImporter(store: session.journal).merge(reader, checked: checked, progress: progress)
        }
        if session.json { session.printJSON(result); return }
        switch reader.kind {
        case .entries:
            session.print(session.say.exchangeAdded(added: session.say.countEntries(result.added), present: session.say.countEntries(result.alreadyPresent)))
        case .feedback:
            session.print(session.say.exchangeNotesAttached(notes: session.say.countNotes(result.notesAttached), exporter: reader.exporter)
                          + (result.notesForUnknownEntries > 0 ? session.say.exchangeNotesUnknown(session.say.countNotes(result.notesForUnknownEntries)) : ""))
        }
    }
}
