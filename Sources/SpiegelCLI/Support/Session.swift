import Foundation
import SpiegelContent
import SpiegelCore

/// Caches shared by every command of one process (the knowledge graph is loaded once per set of packs).
final class SessionCaches {
    var graphs: [[String]: KnowledgeGraph] = [:]
    /// Journal stores by root, with their key once the passphrase was given.
    var stores: [String: JournalStore] = [:]
    /// Journal folders already named as missing (once per session).
    var missingNoticed: Set<String> = []
}

/// What a command runs with: resolved options, where answers come from, how to print, and the stores.
public final class Session {
    public let environment: SpiegelEnvironment
    public let options: GlobalOptions
    /// Where exercise answers come from (the shell's reader, or stdin for one-shot commands).
    public let reader: LineReader
    public let style: Style
    public let language: Language
    /// The words of the interface, in `language` (from the message catalogs).
    let say: Messages
    /// The session's moment: `--now`/`SPIEGEL_NOW` when given, else the time the command began.
    public let now: Date
    /// Whether `now` was fixed by an option or the environment (then the clock stands still).
    private let fixedNow: Bool
    /// The journal's directory (the store is opened on first use: an encrypted one needs its passphrase).
    public let journalRoot: String
    /// Set in the shell: commands that read ids (completion) or show due commitments use it.
    public let inShell: Bool
    /// In review mode: the clients' data the coach opened.
    public let review: ReviewWorkspace?
    private let caches: SessionCaches
    /// Where text goes: laid out for the window, paged for long output.
    let screen: Screen

    init(environment: SpiegelEnvironment, options: GlobalOptions, reader: LineReader, inShell: Bool,
         review: ReviewWorkspace? = nil, caches: SessionCaches = SessionCaches()) throws(CommandFailure) {
        self.environment = environment
        self.review = review
        self.options = options
        self.reader = reader
        self.inShell = inShell
        self.caches = caches
        style = Style(enabled: environment.wantsColour(isTerminal: Console.isTerminal(1)))
        language = try environment.language(option: options.lang)
        say = Messages(language)
        now = try environment.now(option: options.now, language: language)
        fixedNow = (options.now ?? environment.variables["SPIEGEL_NOW"]).map { !$0.isEmpty } ?? false
        if options.journal?.isEmpty == true { throw CommandFailure(say.errorEmptyJournal()) }
        journalRoot = environment.journal(option: options.journal)
        screen = Screen(pager: Pager.chosen(environment: environment, disabled: options.noPager))
    }

    /// The same session with a command's own options applied.
    func applying(_ command: GlobalOptions) throws(CommandFailure) -> Session {
        try Session(environment: environment, options: options.overridden(by: command), reader: reader,
                    inShell: inShell, review: review, caches: caches)
    }

    public var json: Bool { options.json }

    /// The journal store; for an encrypted journal the passphrase is asked once (or read from
    /// SPIEGEL_PASSPHRASE_FILE) and a wrong one is an error that changes nothing. At a terminal a wrong
    /// passphrase is asked again, three tries in all.
    public var journal: JournalStore {
        get throws {
            if let cached = caches.stores[journalRoot] { return cached }
            if let mode = SafeFiles.exposedMode(journalRoot) {
                // A folder Spiegel did not make keeps its mode; its files stay private, their names do not.
                warn(say.sessionJournalReadableByOthers(path: TerminalSafe.visible(journalRoot, keepNewlines: false),
                                                        mode: String(mode, radix: 8)))
            }
            let waiting = lockWaiting
            let plain = JournalStore(root: journalRoot, lockWaiting: waiting)
            guard let settings = try plain.manifest()?.encryption else {
                caches.stores[journalRoot] = plain
                return plain
            }
            let fromFile = !(environment.variables["SPIEGEL_PASSPHRASE_FILE"] ?? "").isEmpty
            var cipher: JournalCipher?
            for attempt in 1...(fromFile ? 1 : 3) where cipher == nil {
                let passphrase = try Passphrase(environment: environment, say: say)
                    .read(prompt: say.sessionPassphraseForJournalroot(journalRoot))
                do { cipher = try JournalCipher.open(settings, passphrase: passphrase) } catch {
                    switch error {
                    case .wrongPassphrase:
                        if attempt == (fromFile ? 1 : 3) { throw CommandFailure(say.cipherFailure(error), exitCode: ExitStatus.noPermission) }
                        warn(say.cipherFailure(error))
                    case .damaged, .unsupported:
                        throw CommandFailure("\(manifestPath): \(say.cipherFailure(error))", exitCode: ExitStatus.dataError)
                    }
                }
            }
            guard let cipher else { throw CommandFailure(say.cipherFailure(.wrongPassphrase), exitCode: ExitStatus.noPermission) }
            let store = try JournalStore(root: journalRoot, cipher: cipher, lockWaiting: waiting).opened()
            caches.stores[journalRoot] = store
            return store
        }
    }

    private var manifestPath: String { JournalStore(root: journalRoot).manifestPath }

    /// How this process waits for the journal lock: a line on stderr when it has to, then a bounded wait.
    var lockWaiting: LockWaiting {
        let language = language
        return LockWaiting(timeout: environment.lockTimeout) { holder in
            let name = holder.map { TerminalSafe.visible($0) }
            let text = language == .nl
                ? "wachten tot een andere spiegel\(name.map { " (\($0))" } ?? "") klaar is…"
                : "waiting for another spiegel\(name.map { " (\($0))" } ?? "") to finish…"
            Console.write(text + "\n", to: .standardError)
        }
    }

    /// Runs a write on the journal; when another spiegel encrypted or decrypted it meanwhile, the journal is
    /// opened again as it is now (asking the passphrase if it needs one) and the write is tried once more.
    @discardableResult
    public func withJournal<T>(_ write: (JournalStore) throws -> T) throws -> T {
        do {
            return try write(try journal)
        } catch JournalError.changedMeanwhile {
            forgetJournal()
            return try write(try journal)
        }
    }

    /// Forgets the opened store (after init, encrypt, decrypt or rekey).
    func forgetJournal() {
        caches.stores[journalRoot] = nil
    }

    public var today: CalendarDay { CalendarDay(now) }

    /// Days and times as people read them, in this session's language.
    var time: HumanTime { HumanTime(say: say, today: today) }

    /// The time at this moment (for when things happen during a command: the first question shown, the
    /// last answer given); the fixed `now` when one was given.
    public func clock() -> Date { fixedNow ? now : Date() }

    /// The knowledge graph with the session's packs, loaded once.
    public func graph() throws(ContentErrors) -> KnowledgeGraph {
        let packs = options.knowledge.map(SpiegelEnvironment.absolute)
        if let cached = caches.graphs[packs] { return cached }
        let graph = try KnowledgeGraph.load(packs: packs)
        caches.graphs[packs] = graph
        return graph
    }

    /// Prints text for a person: wrapped to the window on a terminal, collected for the pager when paging.
    public func print(_ text: String = "") {
        screen.write(text.hasSuffix("\n") ? text : text + "\n")
    }

    /// Prints a paragraph of prose: on a terminal no wider than a comfortable line to read (100 columns).
    public func printProse(_ text: String) {
        print(TextLayout(width: screen.output.width.map { min($0, 100) }).lay(text))
    }

    public func printJSON<T: Encodable>(_ value: T) {
        Console.write(JSONOutput.string(value), to: .standardOutput)
    }

    /// A warning or progress line on stderr.
    /// For commands that read the journal: a folder that does not exist (a mistyped `--journal`) is named
    /// once on stderr, with how to make one, instead of reading as an empty journal.
    func noticeIfNoJournal() {
        guard !FileManager.default.fileExists(atPath: journalRoot), caches.missingNoticed.insert(journalRoot).inserted else { return }
        warn(say.sessionNoJournalFolder(TerminalSafe.visible(journalRoot, keepNewlines: false)))
    }

    public func warn(_ text: String) {
        screen.writeError(text + "\n")
    }

    /// The journal's summaries, with progress on stderr (a terminal only) when many files must be read.
    /// A locked or unreadable journal is an error here, not an empty list.
    /// `filter` is applied by the index (`grep` ranks the best match first).
    public func summaries(matching filter: JournalFilter? = nil, commitments: Bool = true) throws -> JournalSummaries {
        try withProgress { progress in try journal.summaries(matching: filter, commitments: commitments, progress: progress) }
    }

    /// Runs a query on the journal's index with progress on stderr (a terminal only) while a rebuild reads
    /// many files; the progress line is cleared afterwards.
    public func withProgress<T>(_ query: (_ progress: (@Sendable (Int, Int) -> Void)?) throws -> T) throws -> T {
        try withProgress(saying: { [say] in say.progressReading(done: $0, total: $1) }, query)
    }

    /// The same with other words for the line ("checking anna.json: 2,000 of 10,000 entries…").
    public func withProgress<T>(saying words: @escaping @Sendable (Int, Int) -> String,
                                _ query: (_ progress: (@Sendable (Int, Int) -> Void)?) throws -> T) throws -> T {
        try withProgressLine { show in
            guard let show else { return try query(nil) }
            return try query { done, total in show(words(done, total)) }
        }
    }

    /// Runs `body` with a function that shows one progress line on stderr (a terminal only: nil otherwise),
    /// each replacing the one before; the line is cleared afterwards.
    public func withProgressLine<T>(_ body: (_ show: (@Sendable (String) -> Void)?) throws -> T) throws -> T {
        guard Console.isTerminal(2) else { return try body(nil) }
        let shown = ProgressShown()
        let value = try body { line in
            shown.set()
            Console.write("\r\u{1B}[K" + line, to: .standardError)
        }
        if shown.value { Console.write("\r\u{1B}[K", to: .standardError) }
        return value
    }

    /// Reports files of the journal that could not be read (they are skipped and left untouched).
    public func report(_ problems: [JournalProblem]) {
        for problem in problems {
            // A file's name is data: control characters, bidi marks and line breaks in it are shown, piped or not.
            warn(say.warningSkipped(TerminalSafe.visible(problem.line, keepNewlines: false)))
        }
    }


    /// Node names in the session's language, for ids inside sentences ("interest, connection" becomes
    /// "Show real interest · Connect with the person…": names may hold commas); an id the graph does not
    /// know stays as it is.
    /// Barrier ids as stored in check-ins and choices (`creativity`), by their names in the graph.
    func barrierNames(_ ids: [String]) -> String { names(ids.map(CheckInBarrier.node(for:))) }

    /// A node's id as a list shows it: a principle or barrier by its word in the session's language
    /// ("interesse", "verlegenheid", "gebrek-aan-creativiteit"), which commands take as its id; any other
    /// node by its id.
    func shownID(_ node: Node) -> String {
        switch node.kind {
        case .principle: return say.principleWord(node.id)
        case .barrier: return node.name.resolved(language).text.lowercased().replacingOccurrences(of: " ", with: "-")
        default: return node.id
        }
    }

    /// A number with `digits` decimals as the session's language writes it: "0.41", "0,41".
    func decimal(_ value: Double, digits: Int = 2) -> String {
        let text = String(format: "%.\(digits)f", value)
        return language == .nl ? text.replacingOccurrences(of: ".", with: ",") : text
    }

    /// An exercise as a person knows it: its title in the session's language, quoted ("“The helpful no”"),
    /// else the title it was saved with, else its id.
    func exerciseName(_ id: String, saved: String? = nil) -> String {
        let title = (try? graph())?.exercise(id).map { text($0.title) } ?? saved ?? id
        return "“" + TerminalSafe.visible(title, keepNewlines: false) + "”"
    }

    func names(_ ids: [String]) -> String {
        let graph = try? graph()
        return ids.map { id in graph?.node(id).map { $0.name.resolved(language).text } ?? id }.joined(separator: " · ")
    }

    /// A content text in the session's language; a fallback to the other language is marked.
    public func text(_ value: LocalizedText) -> String {
        let (text, fallback) = value.resolved(language)
        return fallback ? text + " " + style.dim(language == .nl ? "[en]" : "[nl]") : text
    }
}

/// Whether a progress line was written (and must be cleared).
private final class ProgressShown: @unchecked Sendable {
    private(set) var value = false
    func set() { value = true }
}
