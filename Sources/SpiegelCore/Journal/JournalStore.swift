import Foundation

/// The journal's manifest (`journal.json`).
public struct JournalManifest: Codable, Sendable {
    public static let schemaVersion = 1
    public var schemaVersion: Int
    public var createdAt: String
    /// A random name for this journal, given when it is created; exports carry it and a coach's notes are
    /// addressed to it. Journals made before it existed have none.
    public var id: String?
    /// Present when the journal is encrypted.
    public var encryption: EncryptionSettings?
    /// In an encrypted journal: the latest revision of each entry written more than once (`Entry.revision`).
    public var revisions: [String: Int]?
    /// In an encrypted journal: the authentication code of the rest of the manifest (`JournalCipher.mac`).
    public var mac: String?

    public init(createdAt: String, encryption: EncryptionSettings? = nil) {
        schemaVersion = Self.schemaVersion
        self.createdAt = createdAt
        id = String(format: "%08x%08x", UInt32.random(in: 0...UInt32.max), UInt32.random(in: 0...UInt32.max))
        self.encryption = encryption
    }

    /// What tells this journal from others: its id, or for an older journal the moment it was created.
    public var identity: String { id ?? "created-" + createdAt }
}

/// A file that could not be read as part of a journal: reported, skipped, never changed.
public struct JournalProblem: Sendable, Hashable {
    public var path: String
    public var message: String

    /// The message, starting with the file's path (every line names its file).
    public var line: String { message.hasPrefix(path) ? message : path + ": " + message }
}

/// What a journal holds, newest entry first, and the files that could not be read.
public struct JournalContents: Sendable {
    public var entries: [Entry]
    public var problems: [JournalProblem]
}

/// The summaries of a journal's entries, newest first, and the files that could not be read.
public struct JournalSummaries: Sendable {
    public init(entries: [EntrySummary], problems: [JournalProblem]) {
        self.entries = entries
        self.problems = problems
    }

    public var entries: [EntrySummary]
    public var problems: [JournalProblem]
}

/// The only code that touches journal files. A journal is a directory: `journal.json`, `entries/ID.json`,
/// `drafts/ID.json`. Every write is atomic and made under the journal's lock; unreadable files are reported
/// and left alone.
public struct JournalStore: Sendable {
    public let root: String
    /// The key of an encrypted journal: entries, drafts and the index are sealed with it.
    public private(set) var cipher: JournalCipher?
    /// How long writes wait for whole-journal work by another spiegel, and whom they tell.
    public var lockWaiting: LockWaiting
    /// Set inside `exclusively`: this process holds the lock already.
    private var holdsLock = false
    /// The revisions the manifest kept when the store was opened (`opened()`): an entry file of an older
    /// revision is refused.
    public private(set) var revisions: [String: Int] = [:]

    public init(root: String, cipher: JournalCipher? = nil, lockWaiting: LockWaiting = LockWaiting()) {
        self.root = root
        self.cipher = cipher
        self.lockWaiting = lockWaiting
    }

    /// What goes to disk: sealed when the journal is encrypted.
    func stored(_ plain: Data) -> Data { cipher.map { $0.seal(plain) } ?? plain }

    /// What a file holds: opened when it is sealed (which needs the key). A plain file in an encrypted
    /// journal is refused (one left by an interrupted `encrypt` is sealed by running it again; `allowingPlain`
    /// reads it anyway, for the code that tells such files apart).
    func plain(_ data: Data, path: String, allowingPlain: Bool = false) throws(JournalError) -> Data {
        guard JournalCipher.isSealed(data) else {
            if cipher != nil && !allowingPlain { throw .corrupt(path: path, reason: "not encrypted in an encrypted journal") }
            return data
        }
        guard let cipher else { throw .needsPassphrase(path: path) }
        do { return try cipher.open(data, path: path) } catch { throw .cipher(error) }
    }

    /// Reads, opens and decodes one entry or draft file; in an encrypted journal an older revision than the
    /// manifest keeps is refused (a copy put back).
    func readEntry(_ path: String, allowingPlain: Bool = false) throws(JournalError) -> Entry {
        let entry = try Self.decodeEntry(try plain(try SafeFiles.read(path), path: path, allowingPlain: allowingPlain), path: path)
        if cipher != nil, let latest = revisions[entry.id], (entry.revision ?? 1) < latest {
            throw .corrupt(path: path, reason: "an older copy of this entry (revision \(entry.revision ?? 1) of \(latest)) was put back")
        }
        return entry
    }

    /// This store with the manifest checked: an encrypted journal's manifest must carry the authentication
    /// this key makes (one written before manifests were authenticated carries none), and its revisions are kept.
    public func opened() throws(JournalError) -> JournalStore {
        var store = self
        guard let manifest = try manifest() else { return store }
        try authenticate(manifest)
        store.revisions = manifest.revisions ?? [:]
        return store
    }

    private func authenticate(_ manifest: JournalManifest) throws(JournalError) {
        guard let cipher, manifest.encryption != nil, let mac = manifest.mac else { return }
        var unsigned = manifest
        unsigned.mac = nil
        guard cipher.mac(JSONOutput.data(unsigned)) == mac else {
            throw .corrupt(path: manifestPath, reason: "it does not match its authentication code (changed outside Spiegel)")
        }
    }

    /// Writes the manifest atomically, authenticated with `cipher` when the journal is encrypted.
    @discardableResult
    private func writeManifest(_ manifest: JournalManifest, cipher: JournalCipher?, replace: Bool = true) throws(JournalError) -> Bool {
        var signed = manifest
        signed.mac = nil
        if signed.encryption == nil { signed.revisions = nil }
        if let cipher, signed.encryption != nil { signed.mac = cipher.mac(JSONOutput.data(signed)) }
        return try SafeFiles.write(JSONOutput.data(signed), to: manifestPath, replace: replace)
    }

    /// Whether the journal holds sealed files (a look at the index and the first few entry and draft files):
    /// a manifest without an `encryption` section then is damaged or tampered with, never a plain journal.
    func holdsSealedFiles() throws(JournalError) -> Bool {
        let sealed = { (path: String) in SafeFiles.start(of: path, count: JournalCipher.magic.count).map(JournalCipher.isSealed) ?? false }
        if sealed(root + "/" + JournalIndex.fileName) { return true }
        for folder in [entriesDirectory, draftsDirectory] {
            for name in try SafeFiles.list(folder).lazy.filter(EntryListing.isEntryFileName).prefix(3) where sealed(folder + "/" + name) {
                return true
            }
        }
        return false
    }

    public var manifestPath: String { root + "/journal.json" }
    public var entriesDirectory: String { root + "/entries" }
    public var draftsDirectory: String { root + "/drafts" }

    public var exists: Bool { FileManager.default.fileExists(atPath: manifestPath) }

    /// Creates the journal if needed (private directories, manifest) and checks that its version is readable.
    /// `encryption` makes a new journal an encrypted one.
    public func prepare(now: Date, encryption: EncryptionSettings? = nil) throws(JournalError) {
        try SafeFiles.makePrivateDirectory(root, keepingMode: true)  // the folder given may be a shared one
        try SafeFiles.makePrivateDirectory(entriesDirectory)
        try SafeFiles.makePrivateDirectory(draftsDirectory)
        if exists {
            _ = try manifest()
        } else {
            try writeManifest(JournalManifest(createdAt: Timestamp.string(now), encryption: encryption), cipher: cipher, replace: false)
        }
    }

    // MARK: locking

    /// Runs whole-journal work (`operation` names it for waiters) with the journal locked exclusively:
    /// no other spiegel writes an entry or a draft meanwhile.
    public func exclusively<T>(_ operation: String,
                               _ work: (JournalStore) throws(JournalError) -> T) throws(JournalError) -> T {
        if holdsLock { return try work(self) }
        let lock = try JournalLock.acquire(root: root, mode: .exclusive, operation: operation, waiting: lockWaiting)
        defer { lock.release() }
        var inner = self
        inner.holdsLock = true
        return try work(inner)
    }

    /// Runs one write with the journal locked shared, through the store as the journal is now: a journal
    /// decrypted meanwhile is written plain; one encrypted meanwhile (or under another key) is refused
    /// rather than written in the wrong form.
    private func writing<T>(_ work: (JournalStore) throws(JournalError) -> T) throws(JournalError) -> T {
        if holdsLock { return try work(self) }
        let lock = try JournalLock.acquire(root: root, mode: .shared, operation: "write", waiting: lockWaiting)
        defer { lock.release() }
        var current = self
        let settings = try manifest()?.encryption
        switch (settings, cipher) {
        case (nil, _):
            // Never plaintext beside sealed files: a manifest that lost its encryption section is an error.
            if try holdsSealedFiles() {
                throw .corrupt(path: manifestPath, reason: "has no encryption section, but the journal holds encrypted files; nothing was written")
            }
            current.cipher = nil
        case (.some, nil):
            throw .changedMeanwhile(path: root)
        case (.some(let settings), .some(let cipher)):
            if let keyID = settings.keyID, keyID != cipher.keyID { throw .changedMeanwhile(path: root) }
        }
        if let manifest = try manifest() { try current.authenticate(manifest) }
        current.holdsLock = true
        return try work(current)
    }

    // MARK: encryption

    /// Every entry and draft file.
    private func allFiles() throws(JournalError) -> [String] {
        var files: [String] = []
        for folder in [entriesDirectory, draftsDirectory] {
            files += try SafeFiles.list(folder).filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }.sorted().map { folder + "/" + $0 }
        }
        return files
    }

    /// Converts every entry and draft file with `convert` (nil: leave it), and then the files that appeared
    /// meanwhile, so nothing is left in the old form. A failure part-way says how far it got.
    private func convertAll(_ operation: String, extra: [String] = [],
                            _ convert: (Data, String) throws(JournalError) -> Data?) throws(JournalError) -> Int {
        var seen = Set<String>()
        var converted = 0
        var pending = try allFiles() + extra
        let total = pending.count
        while !pending.isEmpty {
            for path in pending {
                seen.insert(path)
                guard SafeFiles.isRegularFile(path) else { continue }  // FIFOs and the like hold no entry
                do {
                    let data = try SafeFiles.read(path)
                    guard let replacement = try convert(data, path) else { continue }
                    try SafeFiles.write(replacement, to: path, replace: true)
                    converted += 1
                } catch {
                    throw .incomplete(operation: operation, done: converted, total: total, cause: error)
                }
            }
            pending = try allFiles().filter { !seen.contains($0) }
        }
        return converted
    }

    private func removeIndex() throws(JournalError) {
        for name in JournalIndex.files { try SafeFiles.remove(root + "/" + name) }
    }

    /// Encrypts a plain journal with `cipher`, with the journal locked: the manifest first, then each file
    /// is sealed in place (atomically), then the files that appeared meanwhile. `extra` are files outside the
    /// journal that hold its answers (rescued drafts) and are sealed too. Running it again after an
    /// interruption finishes the job. Returns the files sealed.
    public func encrypt(with cipher: JournalCipher, settings: EncryptionSettings,
                        extra: [String] = []) throws(JournalError) -> Int {
        try exclusively("encrypt") { store throws(JournalError) in
            guard var manifest = try store.manifest() else { throw .notFound(what: "journal", id: root) }
            if let existing = manifest.encryption, existing != settings {
                throw .alreadyEncrypted(path: root)
            }
            _ = try store.allFiles()  // a folder that cannot be listed stops here, before anything changes
            manifest.encryption = settings
            try store.writeManifest(manifest, cipher: cipher)
            try store.removeIndex()
            try store.cleanDebris()
            return try store.convertAll("encrypt", extra: extra) { data, _ in
                JournalCipher.isSealed(data) ? nil : cipher.seal(data)
            }
        }
    }

    /// Decrypts an encrypted journal (this store must hold its key), with the journal locked: each file
    /// first (and those that appeared meanwhile), the manifest last.
    public func decrypt() throws(JournalError) -> Int {
        try exclusively("decrypt") { store throws(JournalError) in
            guard var manifest = try store.manifest() else { throw .notFound(what: "journal", id: root) }
            try store.cleanDebris()
            let opened = try store.convertAll("decrypt") { data, path throws(JournalError) in
                JournalCipher.isSealed(data) ? try store.plain(data, path: path) : nil
            }
            try store.removeIndex()
            manifest.encryption = nil
            try store.writeManifest(manifest, cipher: nil)
            return opened
        }
    }

    /// Keeps the same data key under new settings (a new passphrase): one atomic manifest write.
    public func rekey(_ settings: EncryptionSettings) throws(JournalError) {
        try exclusively("rekey") { store throws(JournalError) in
            guard var manifest = try store.manifest(), manifest.encryption != nil else {
                throw .notEncrypted(path: root)
            }
            try store.authenticate(manifest)
            manifest.encryption = settings
            try store.writeManifest(manifest, cipher: store.cipher)
        }
    }

    /// Plain files in an encrypted journal (left by an interrupted `encrypt`).
    public func unsealedFiles() throws(JournalError) -> [String] {
        guard try manifest()?.encryption != nil else { return [] }
        return try allFiles().filter { path in (try? SafeFiles.read(path)).map { !JournalCipher.isSealed($0) } ?? false }
    }

    /// Removes the temporary files of interrupted writes by processes that no longer run.
    @discardableResult
    public func cleanDebris() throws(JournalError) -> Int {
        try SafeFiles.removeDebris(in: entriesDirectory) + SafeFiles.removeDebris(in: draftsDirectory)
            + SafeFiles.removeDebris(in: root)
    }

    /// The manifest, or nil when there is no journal yet; a newer schema is refused.
    public func manifest() throws(JournalError) -> JournalManifest? {
        guard exists else { return nil }
        let data = try SafeFiles.read(manifestPath)
        guard let manifest = try? JSONDecoder().decode(JournalManifest.self, from: data) else {
            throw .corrupt(path: manifestPath, reason: "expected schemaVersion and createdAt")
        }
        if manifest.schemaVersion > JournalManifest.schemaVersion {
            throw .newerSchema(path: manifestPath, found: manifest.schemaVersion, supported: JournalManifest.schemaVersion)
        }
        return manifest
    }

    /// A new sortable id: UTC time to the second, then random hex (`20261123-091502-3fa9c1`).
    public static func newID(at date: Date) -> String {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down))
        let day = CalendarDay(ordinal: seconds.floorDiv(86_400))
        let second = seconds - seconds.floorDiv(86_400) * 86_400
        let stamp = String(format: "%04d%02d%02d-%02d%02d%02d", day.year, day.month, day.day,
                           second / 3600, second % 3600 / 60, second % 60)
        return stamp + "-" + String(format: "%06x", UInt32.random(in: 0...0xFFFFFF))
    }

    /// Ids are file names: only lowercase letters, digits and '-' (no paths).
    public static func isSafeID(_ id: String) -> Bool {
        !id.isEmpty && id.count <= 64
            && id.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }

    // MARK: reading

    /// Decodes one entry file; newer schemas and broken files are errors naming the path.
    public static func decodeEntry(_ data: Data, path: String) throws(JournalError) -> Entry {
        struct Version: Decodable { var schemaVersion: Int? }
        let entry: Entry
        do {
            // One decoding for the usual file; only a file that does not decode is read again for its version.
            entry = try JSONDecoder().decode(Entry.self, from: data)
        } catch {
            guard let version = try? JSONDecoder().decode(Version.self, from: data) else {
                throw .corrupt(path: path, reason: "not valid JSON")
            }
            if let found = version.schemaVersion, found > Entry.schemaVersion {
                throw .newerSchema(path: path, found: found, supported: Entry.schemaVersion)
            }
            throw .corrupt(path: path, reason: Self.describe(error))
        }
        if entry.schemaVersion > Entry.schemaVersion {
            throw .newerSchema(path: path, found: entry.schemaVersion, supported: Entry.schemaVersion)
        }
        if let problem = entry.validationProblem { throw .corrupt(path: path, reason: problem) }
        return entry
    }

    static func describe(_ error: Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, _): "missing field '\(key.stringValue)'"
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            "wrong type at '\(context.codingPath.map(\.stringValue).joined(separator: "."))'"
        case DecodingError.dataCorrupted(let context): context.debugDescription
        default: "\(error)"
        }
    }

    private func readFolder(_ directory: String) throws(JournalError) -> JournalContents {
        var entries: [Entry] = []
        var problems: [JournalProblem] = []
        for name in try SafeFiles.list(directory).sorted() where name.hasSuffix(".json") && !name.hasPrefix(".") {
            let path = directory + "/" + name
            do {
                let entry = try readEntry(path)
                guard entry.id + ".json" == name else {
                    problems.append(JournalProblem(path: path, message: "file name does not match its id '\(entry.id)'"))
                    continue
                }
                entries.append(entry)
            } catch {
                problems.append(JournalProblem(path: path, message: error.message))
            }
        }
        entries.sort { $0.id > $1.id }
        return JournalContents(entries: entries, problems: problems)
    }

    /// Every completed entry, newest first, and the files that could not be read (including stray
    /// JSON files beside the manifest, which are never entries).
    public func entries() throws(JournalError) -> JournalContents {
        var contents = try readFolder(entriesDirectory)
        contents.problems += try strayFiles()
        return contents
    }

    /// The completed entries with these ids (files that cannot be read are skipped), newest first.
    public func entries(ids: [String]) -> [Entry] {
        // Shown in full: the index learns of edits made in place to these files.
        _ = try? index.use(verify: ids.map { $0 + ".json" }) { _ throws(SQLiteError) in }
        return ids.compactMap { id -> Entry? in
            guard Self.isSafeID(id) else { return nil }
            let path = entriesDirectory + "/" + id + ".json"
            return try? readEntry(path)
        }.sorted { $0.id > $1.id }
    }

    /// The files of these entries as they are (for exports that copy them); unreadable ones are skipped.
    public func rawEntries(ids: [String]) -> [Data] { ids.compactMap(rawEntry) }

    /// The file of one entry as it is (opened when sealed); nil when it cannot be read.
    public func rawEntry(id: String) -> Data? {
        guard Self.isSafeID(id) else { return nil }
        let path = entriesDirectory + "/" + id + ".json"
        return try? plain(try SafeFiles.read(path), path: path)
    }

    /// The derived index in front of `entries/` (see `JournalIndex`).
    var index: JournalIndex {
        JournalIndex(root: root, entriesDirectory: entriesDirectory, cipher: cipher,
                     readEntry: { path throws(JournalError) in try readEntry(path) },
                     exclusively: { work throws(JournalError) in try exclusively("index") { _ throws(JournalError) in work() } })
    }

    /// Summaries of the completed entries through the derived index: all of them newest first, or those
    /// that match `filter` (newest first; best match first for its `grep`). `progress` hears (files read,
    /// files to read) when many files must be read (a first read, a big import).
    /// `commitments: false` leaves every summary's commitments empty (a list that reads whole entries
    /// afterwards needs no second copy of them: at 100,000 entries that is most of its memory).
    public func summaries(matching filter: JournalFilter? = nil, commitments: Bool = true,
                          progress: (@Sendable (Int, Int) -> Void)? = nil) throws(JournalError) -> JournalSummaries {
        guard exists else { return JournalSummaries(entries: [], problems: []) }
        let (entries, problems) = try reporting(progress: progress) { reader throws(SQLiteError) in
            try reader.summaries(filter, commitments: commitments)
        }
        return JournalSummaries(entries: entries, problems: problems)
    }

    /// How many completed entries match `filter`, whatever its limit (to say how many a capped list left out).
    public func count(matching filter: JournalFilter) throws(JournalError) -> Int {
        guard exists else { return 0 }
        return try queried { reader throws(SQLiteError) in try reader.count(filter) }
    }

    /// Practice figures for `principles` as of `today`, counted by the index; and the unreadable files.
    /// `ratings` keeps only that many of each principle's latest confidence ratings (all when nil).
    public func stats(principles: [String], today: CalendarDay, ratings: Int? = nil,
                      progress: (@Sendable (Int, Int) -> Void)? = nil) throws(JournalError) -> (JournalStats, [JournalProblem]) {
        guard exists else { return (JournalStats(entries: [], principles: principles, today: today), []) }
        return try reporting(progress: progress) { reader throws(SQLiteError) in
            try reader.stats(principles: principles, today: today, ratings: ratings)
        }
    }

    /// The practice history the recommender needs, as of `today` with up to `dueLimit` due commitments,
    /// answered by the index's queries; and the unreadable files.
    public func practice(today: CalendarDay, dueLimit: Int = .max, progress: (@Sendable (Int, Int) -> Void)? = nil) throws(JournalError) -> (PracticeHistory, [JournalProblem]) {
        guard exists else { return (PracticeHistory([], today: today), []) }
        return try reporting(progress: progress) { reader throws(SQLiteError) in try reader.practice(today: today, dueLimit: dueLimit) }
    }

    /// Open commitments due today or earlier, oldest due date first; and the unreadable files.
    public func dueCommitments(today: CalendarDay, progress: (@Sendable (Int, Int) -> Void)? = nil) throws(JournalError) -> ([DueCommitments.Item], [JournalProblem]) {
        guard exists else { return ([], []) }
        return try reporting(progress: progress) { reader throws(SQLiteError) in try reader.dueCommitments(by: today).reversed() }
    }

    /// How many open commitments are due today or earlier; and the unreadable files.
    public func dueCount(today: CalendarDay, progress: (@Sendable (Int, Int) -> Void)? = nil) throws(JournalError) -> (Int, [JournalProblem]) {
        guard exists else { return (0, []) }
        return try reporting(progress: progress) { reader throws(SQLiteError) in try reader.dueCount(by: today) }
    }

    /// The open commitments (or `all`) with their entry's id, earliest due first, as the index keeps them
    /// (their history is in the entry files); and the unreadable files.
    public func commitments(all: Bool, progress: (@Sendable (Int, Int) -> Void)? = nil) throws(JournalError) -> ([IndexedCommitment], [JournalProblem]) {
        guard exists else { return ([], []) }
        return try reporting(progress: progress) { reader throws(SQLiteError) in try reader.commitments(all: all) }
    }

    /// The commitments whose id is `prefix` or starts with it, with their entry's id.
    public func commitments(startingWith prefix: String) throws(JournalError) -> [IndexedCommitment] {
        guard exists else { return [] }
        return try queried { reader throws(SQLiteError) in try reader.commitments(startingWith: prefix) }
    }

    /// The ids of the completed entries that start with `prefix`, in id order.
    public func entryIDs(startingWith prefix: String = "") throws(JournalError) -> [String] {
        guard exists else { return [] }
        return try queried { reader throws(SQLiteError) in try reader.ids(startingWith: prefix) }
    }

    /// A query on the index with the unreadable files beside its answer.
    private func reporting<T>(progress: (@Sendable (Int, Int) -> Void)? = nil,
                              _ body: (IndexReader) throws(SQLiteError) -> T) throws(JournalError) -> (T, [JournalProblem]) {
        let (value, problems) = try queried(progress: progress) { reader throws(SQLiteError) in (try body(reader), try reader.problems(in: entriesDirectory)) }
        return (value, problems + (try strayFiles()))
    }

    /// Compares every entry file with the index (files edited in place keep the directory's time, so
    /// only this sees them); returns how many entries the index holds.
    public func reindex(progress: (@Sendable (Int, Int) -> Void)? = nil) throws(JournalError) -> Int {
        try queried(force: true, progress: progress) { reader throws(SQLiteError) in try reader.summaries(nil).count }
    }

    /// How far the index, as it is, is from the entry files: files it has no row for (hidden entries) and
    /// rows without a file (ghosts). Doctor reports them before bringing the index up to date.
    public func indexDiscrepancies() throws(JournalError) -> (hidden: Int, ghosts: Int) {
        guard exists, let rows = index.recordedNames() else { return (0, 0) }
        let files = Set(try SafeFiles.list(entriesDirectory).filter(EntryListing.isEntryFileName))
        return (files.subtracting(rows).count, rows.subtracting(files).count)
    }

    /// Runs `body` on the index brought up to date; a busy journal and an unusable index become journal errors.
    func queried<T>(force: Bool = false, verify: [String] = [], progress: (@Sendable (Int, Int) -> Void)? = nil,
                            _ body: (IndexReader) throws(SQLiteError) -> T) throws(JournalError) -> T {
        try SafeFiles.checkListable(entriesDirectory)
        do {
            return try index.use(force: force, verify: verify, progress: progress, body)
        } catch {
            throw error.code == JournalIndex.busy ? .busy(operation: nil) : .cannotRead(path: index.path, reason: error.message)
        }
    }

    /// JSON files beside the manifest: never entries, always reported.
    private func strayFiles() throws(JournalError) -> [JournalProblem] {
        var problems: [JournalProblem] = []
        for name in try SafeFiles.list(root).sorted() where name.hasSuffix(".json") && name != "journal.json" && !name.hasPrefix(".") {
            let path = root + "/" + name
            let reason: String
            do {
                _ = try readEntry(path)
                reason = "\(path): an entry outside entries/; move it there to include it"
            } catch {
                reason = error.message
            }
            problems.append(JournalProblem(path: path, message: reason))
        }
        return problems
    }

    /// Every draft, newest first.
    public func drafts() throws(JournalError) -> JournalContents { try readFolder(draftsDirectory) }

    /// The entry whose id is `prefix` or starts with it.
    public func entry(matching prefix: String) throws(JournalError) -> Entry {
        let ids = try queried { reader throws(SQLiteError) in try reader.ids(startingWith: prefix) }
        let id = try Self.unique(prefix, in: ids, what: "entry")
        _ = try? index.use(verify: [id + ".json"]) { _ throws(SQLiteError) in }
        return try readEntry(entriesDirectory + "/" + id + ".json")
    }

    static func unique(_ prefix: String, in ids: [String], what: String) throws(JournalError) -> String {
        if ids.contains(prefix) { return prefix }
        let matches = ids.filter { $0.hasPrefix(prefix) }.sorted()
        if matches.count == 1 { return matches[0] }
        if matches.isEmpty { throw .notFound(what: what, id: prefix) }
        throw .ambiguous(what: what, prefix: prefix, matches: matches)
    }

    /// The draft whose id is `prefix` or starts with it.
    public func draft(matching prefix: String) throws(JournalError) -> Entry {
        try Self.unique(prefix, in: try drafts().entries, what: "draft")
    }

    static func unique(_ prefix: String, in entries: [Entry], what: String) throws(JournalError) -> Entry {
        if let exact = entries.first(where: { $0.id == prefix }) { return exact }
        let matches = entries.filter { $0.id.hasPrefix(prefix) }
        if matches.count == 1 { return matches[0] }
        if matches.isEmpty { throw .notFound(what: what, id: prefix) }
        throw .ambiguous(what: what, prefix: prefix, matches: matches.map(\.id))
    }

    // MARK: writing

    private func path(for entry: Entry) throws(JournalError) -> String {
        guard Self.isSafeID(entry.id) else { throw .unsafePath(entry.id) }
        return (entry.isDraft ? draftsDirectory : entriesDirectory) + "/" + entry.id + ".json"
    }

    /// Saves a draft (replacing its previous state) atomically. Drafts guard against the process ending
    /// (Ctrl-C, a closed terminal, end of input), so they skip the fsyncs that completed entries get.
    public func saveDraft(_ draft: Entry) throws(JournalError) {
        try writing { store throws(JournalError) in
            try SafeFiles.write(store.stored(JSONOutput.data(draft)), to: try store.path(for: draft), replace: true, durable: false)
        }
    }

    /// Entries written together by `saveNew(batch:)` between two flushes to disk.
    static let writeBatch = 1_000

    /// Saves many new completed entries (imports) in batches, with one flush to disk per batch instead of
    /// one per entry, and puts each batch in the index as written, so that the next read need not read them
    /// again. Each batch is encoded on two threads. Existing entries are never overwritten; returns how many
    /// were added.
    public func saveNew(batch entries: [Entry]) throws(JournalError) -> Int {
        for entry in entries { precondition(!entry.isDraft, "a completed entry has completedAt") }
        return try writing { store throws(JournalError) in
            try store.index.recording { record throws(JournalError) in
                var added = 0
                for start in stride(from: 0, to: entries.count, by: Self.writeBatch) {
                    let batch = entries[start..<min(start + Self.writeBatch, entries.count)]
                    let half = batch.startIndex + batch.count / 2
                    let secondHalf = Background { [tail = batch[half...]] in tail.map { store.stored(JSONOutput.data($0)) } }
                    let encoded = batch[..<half].map { store.stored(JSONOutput.data($0)) } + secondHalf.value()
                    var files: [(Data, String)] = []
                    for (entry, data) in zip(batch, encoded) { files.append((data, try store.path(for: entry))) }
                    var rows: [IndexRow] = []
                    for (entry, written) in zip(batch, try SafeFiles.writeNew(batch: files)) where written {
                        let name = entry.id + ".json"
                        if let stamp = FileStamp(path: entriesDirectory + "/" + name) {
                            rows.append(IndexRow(name: name, stamp: stamp, content: .entry(entry)))
                        }
                    }
                    record(rows)
                    added += rows.count
                }
                return added
            }
        }
    }

    /// Saves a completed entry as a new file and then removes its draft. When an entry with that id exists
    /// already (it is left as it is), the new one gets a new id: answers are never dropped. Returns the
    /// entry as saved.
    @discardableResult
    public func saveNew(_ entry: Entry) throws(JournalError) -> Entry {
        precondition(!entry.isDraft, "a completed entry has completedAt")
        return try writing { store throws(JournalError) in
            var saved = entry
            var attempts = 0
            while !(try SafeFiles.write(store.stored(JSONOutput.data(saved)), to: try store.path(for: saved), replace: false)) {
                attempts += 1
                guard attempts < 100 else { throw .cannotWrite(path: entriesDirectory, reason: "no free id for a new entry") }
                saved.id = Self.newID(at: Timestamp.date(saved.completedAt ?? "") ?? Date())
                saved.commitments = saved.commitments.enumerated().map { index, commitment in
                    var renamed = commitment
                    renamed.id = "\(saved.id).\(index + 1)"
                    return renamed
                }
            }
            try SafeFiles.remove(draftsDirectory + "/" + entry.id + ".json")
            return saved
        }
    }

    /// Changes an existing completed entry (a check-in, a coach's notes): with the journal's update lock
    /// held alone, the entry is read again from its file, `change` is applied to what it holds now and the
    /// result is written atomically, then recorded in the index. Two updates never overwrite each other,
    /// however many spiegels make them at once. `change` returns nil to leave the entry as it is (then
    /// nothing is written). Returns the entry as written, or nil.
    @discardableResult
    public func update(id: String, _ change: (Entry) throws(JournalError) -> Entry?) throws(JournalError) -> Entry? {
        guard Self.isSafeID(id) else { throw .unsafePath(id) }
        return try writing { store throws(JournalError) in
            let lock = try JournalLock.acquire(root: root, mode: .exclusive, operation: "update", waiting: lockWaiting,
                                               path: JournalLock.updatePath(root: root))
            defer { lock.release() }
            let name = id + ".json"
            let target = entriesDirectory + "/" + name
            guard SafeFiles.isRegularFile(target) else { throw .notFound(what: "entry", id: id) }
            let current = try store.readEntry(target)
            guard current.id == id else { throw .corrupt(path: target, reason: "the file holds entry '\(current.id)'") }
            guard var updated = try change(current) else { return nil }
            updated.id = id
            if store.cipher != nil { updated.revision = (current.revision ?? 1) + 1 }
            try SafeFiles.write(store.stored(JSONOutput.data(updated)), to: target, replace: true)
            // The file first, then the manifest: killed between them, the file is newer than the manifest says
            // (accepted), never older.
            if let cipher = store.cipher, let revision = updated.revision, var manifest = try store.manifest() {
                manifest.revisions = (manifest.revisions ?? [:]).merging([id: revision]) { max($0, $1) }
                try store.writeManifest(manifest, cipher: cipher)
            }
            // The index learns of the change at once (derived data: a row not recorded is read by the next read).
            if let stamp = FileStamp(path: target) {
                try store.index.recording { record throws(JournalError) in record([IndexRow(name: name, stamp: stamp, content: .entry(updated))]) }
            }
            return updated
        }
    }

    /// Deletes a draft.
    public func deleteDraft(id: String) throws(JournalError) {
        guard Self.isSafeID(id) else { throw .unsafePath(id) }
        try writing { _ throws(JournalError) in try SafeFiles.remove(draftsDirectory + "/" + id + ".json") }
    }
}
