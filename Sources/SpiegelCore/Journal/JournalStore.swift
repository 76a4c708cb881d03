import Foundation

/// The journal's manifest (`journal.json`).
public struct JournalManifest: Codable, Sendable {
    public static let schemaVersion = 1
    public var schemaVersion: Int
    public var createdAt: String
    /// Present when the journal is encrypted.
    public var encryption: EncryptionSettings?

    public init(createdAt: String, encryption: EncryptionSettings? = nil) {
        schemaVersion = Self.schemaVersion
        self.createdAt = createdAt
        self.encryption = encryption
    }
}

/// A file that could not be read as part of a journal: reported, skipped, never changed.
public struct JournalProblem: Sendable, Hashable {
    public var path: String
    public var message: String
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
/// `drafts/ID.json`. Every write is atomic; unreadable files are reported and left alone.
public struct JournalStore: Sendable {
    public let root: String
    /// The key of an encrypted journal: entries, drafts and the index are sealed with it.
    public let cipher: JournalCipher?

    public init(root: String, cipher: JournalCipher? = nil) {
        self.root = root
        self.cipher = cipher
    }

    /// What goes to disk: sealed when the journal is encrypted.
    func stored(_ plain: Data) -> Data { cipher.map { $0.seal(plain) } ?? plain }

    /// What a file holds: opened when it is sealed (which needs the key).
    func plain(_ data: Data, path: String) throws(JournalError) -> Data {
        guard JournalCipher.isSealed(data) else { return data }
        guard let cipher else { throw .encryption("\(path) is encrypted: give the journal's passphrase") }
        do { return try cipher.open(data, path: path) } catch { throw .encryption(error.message) }
    }

    /// Reads, opens and decodes one entry or draft file.
    func readEntry(_ path: String) throws(JournalError) -> Entry {
        try Self.decodeEntry(try plain(try SafeFiles.read(path), path: path), path: path)
    }

    public var manifestPath: String { root + "/journal.json" }
    public var entriesDirectory: String { root + "/entries" }
    public var draftsDirectory: String { root + "/drafts" }

    public var exists: Bool { FileManager.default.fileExists(atPath: manifestPath) }

    /// Creates the journal if needed (private directories, manifest) and checks that its version is readable.
    /// `encryption` makes a new journal an encrypted one.
    public func prepare(now: Date, encryption: EncryptionSettings? = nil) throws(JournalError) {
        try SafeFiles.makePrivateDirectory(root)
        try SafeFiles.makePrivateDirectory(entriesDirectory)
        try SafeFiles.makePrivateDirectory(draftsDirectory)
        if exists {
            _ = try manifest()
        } else {
            let manifest = JournalManifest(createdAt: Timestamp.string(now), encryption: encryption)
            try SafeFiles.write(JSONOutput.data(manifest), to: manifestPath, replace: false)
        }
    }

    // MARK: encryption

    /// Every entry and draft file.
    private var allFiles: [String] {
        [entriesDirectory, draftsDirectory].flatMap { folder in
            SafeFiles.list(folder).filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }.sorted().map { folder + "/" + $0 }
        }
    }

    private func removeIndex() throws(JournalError) {
        for name in JournalIndex.files { try SafeFiles.remove(root + "/" + name) }
    }

    /// Encrypts a plain journal with `cipher`: the manifest first, then each file is sealed in place
    /// (atomically). Running it again after an interruption finishes the job. Returns the files sealed.
    public func encrypt(with cipher: JournalCipher, settings: EncryptionSettings) throws(JournalError) -> Int {
        guard var manifest = try manifest() else { throw .notFound(what: "journal", id: root) }
        if let existing = manifest.encryption, existing != settings {
            throw .encryption("\(root) is already encrypted; use rekey to change its passphrase")
        }
        manifest.encryption = settings
        try SafeFiles.write(JSONOutput.data(manifest), to: manifestPath, replace: true)
        try removeIndex()
        var sealed = 0
        for path in allFiles {
            let data = try SafeFiles.read(path)
            if JournalCipher.isSealed(data) { continue }
            try SafeFiles.write(cipher.seal(data), to: path, replace: true)
            sealed += 1
        }
        return sealed
    }

    /// Decrypts an encrypted journal (this store must hold its key): each file first, the manifest last.
    public func decrypt() throws(JournalError) -> Int {
        guard var manifest = try manifest() else { throw .notFound(what: "journal", id: root) }
        var opened = 0
        for path in allFiles {
            let data = try SafeFiles.read(path)
            guard JournalCipher.isSealed(data) else { continue }
            try SafeFiles.write(try plain(data, path: path), to: path, replace: true)
            opened += 1
        }
        try removeIndex()
        manifest.encryption = nil
        try SafeFiles.write(JSONOutput.data(manifest), to: manifestPath, replace: true)
        return opened
    }

    /// Keeps the same data key under new settings (a new passphrase): one atomic manifest write.
    public func rekey(_ settings: EncryptionSettings) throws(JournalError) {
        guard var manifest = try manifest(), manifest.encryption != nil else {
            throw .encryption("\(root) is not encrypted; use encrypt")
        }
        manifest.encryption = settings
        try SafeFiles.write(JSONOutput.data(manifest), to: manifestPath, replace: true)
    }

    /// Plain files in an encrypted journal (left by an interrupted `encrypt`).
    public func unsealedFiles() throws(JournalError) -> [String] {
        guard try manifest()?.encryption != nil else { return [] }
        return allFiles.filter { path in (try? SafeFiles.read(path)).map { !JournalCipher.isSealed($0) } ?? false }
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
        guard let version = try? JSONDecoder().decode(Version.self, from: data) else {
            throw .corrupt(path: path, reason: "not valid JSON")
        }
        if let found = version.schemaVersion, found > Entry.schemaVersion {
            throw .newerSchema(path: path, found: found, supported: Entry.schemaVersion)
        }
        do {
            return try JSONDecoder().decode(Entry.self, from: data)
        } catch {
            throw .corrupt(path: path, reason: Self.describe(error))
        }
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

    private func readFolder(_ directory: String) -> JournalContents {
        var entries: [Entry] = []
        var problems: [JournalProblem] = []
        for name in SafeFiles.list(directory).sorted() where name.hasSuffix(".json") && !name.hasPrefix(".") {
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
    public func entries() -> JournalContents {
        var contents = readFolder(entriesDirectory)
        contents.problems += strayFiles()
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
    public func rawEntries(ids: [String]) -> [Data] {
        ids.compactMap { id in
            guard Self.isSafeID(id) else { return nil }
            let path = entriesDirectory + "/" + id + ".json"
            return try? plain(try SafeFiles.read(path), path: path)
        }
    }

    /// The derived index in front of `entries/` (see `JournalIndex`).
    var index: JournalIndex {
        JournalIndex(root: root, entriesDirectory: entriesDirectory, cipher: cipher) { path throws(JournalError) in try readEntry(path) }
    }

    /// Summaries of the completed entries through the derived index: all of them newest first, or those
    /// that match `filter` (newest first; best match first for its `grep`). `progress` hears (files read,
    /// files to read) when many files must be read (a first read, a big import).
    public func summaries(matching filter: JournalFilter? = nil, progress: (@Sendable (Int, Int) -> Void)? = nil) throws(JournalError) -> JournalSummaries {
        guard exists else { return JournalSummaries(entries: [], problems: []) }
        do {
            let (entries, problems) = try index.use(progress: progress) { reader throws(SQLiteError) in
                (try reader.summaries(filter), try reader.problems())
            }
            let found = problems.map { JournalProblem(path: entriesDirectory + "/" + $0.name, message: $0.message) }
            return JournalSummaries(entries: entries, problems: found + strayFiles())
        } catch {
            throw .cannotRead(path: index.path, reason: error.message)
        }
    }

    /// Practice figures for `principles` as of `today`, counted by the index; and the unreadable files.
    public func stats(principles: [String], today: CalendarDay) throws(JournalError) -> (JournalStats, [JournalProblem]) {
        guard exists else { return (JournalStats(entries: [], principles: principles, today: today), []) }
        do {
            let (stats, problems) = try index.use { reader throws(SQLiteError) in
                (try reader.stats(principles: principles, today: today), try reader.problems())
            }
            return (stats, problems.map { JournalProblem(path: entriesDirectory + "/" + $0.name, message: $0.message) } + strayFiles())
        } catch {
            throw .cannotRead(path: index.path, reason: error.message)
        }
    }

    /// Compares every entry file with the index (files edited in place keep the directory's time, so
    /// only this sees them); returns how many entries the index holds.
    public func reindex(progress: (@Sendable (Int, Int) -> Void)? = nil) throws(JournalError) -> Int {
        do {
            return try index.use(force: true, progress: progress) { reader throws(SQLiteError) in try reader.summaries(nil).count }
        } catch {
            throw .cannotRead(path: index.path, reason: error.message)
        }
    }

    /// JSON files beside the manifest: never entries, always reported.
    private func strayFiles() -> [JournalProblem] {
        var problems: [JournalProblem] = []
        for name in SafeFiles.list(root).sorted() where name.hasSuffix(".json") && name != "journal.json" && !name.hasPrefix(".") {
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
    public func drafts() -> JournalContents { readFolder(draftsDirectory) }

    /// The entry whose id is `prefix` or starts with it.
    public func entry(matching prefix: String) throws(JournalError) -> Entry {
        let ids: [String]
        do {
            ids = try index.use { reader throws(SQLiteError) in try reader.ids(startingWith: prefix) }
        } catch {
            throw .cannotRead(path: index.path, reason: error.message)
        }
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
        try Self.unique(prefix, in: drafts().entries, what: "draft")
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
        try SafeFiles.write(stored(JSONOutput.data(draft)), to: try path(for: draft), replace: true, durable: false)
    }

    /// Saves many new completed entries with one flush to disk instead of one per entry (imports).
    /// Existing entries are never overwritten; returns how many were added.
    public func saveNew(batch entries: [Entry]) throws(JournalError) -> Int {
        var files: [(Data, String)] = []
        for entry in entries {
            precondition(!entry.isDraft, "a completed entry has completedAt")
            files.append((stored(JSONOutput.data(entry)), try path(for: entry)))
        }
        return try SafeFiles.writeNew(batch: files).filter { $0 }.count
    }

    /// Saves a completed entry as a new file and then removes its draft. Returns false if an entry with
    /// that id already exists (it is left as it is).
    @discardableResult
    public func saveNew(_ entry: Entry) throws(JournalError) -> Bool {
        precondition(!entry.isDraft, "a completed entry has completedAt")
        let saved = try SafeFiles.write(stored(JSONOutput.data(entry)), to: try path(for: entry), replace: false)
        try SafeFiles.remove(draftsDirectory + "/" + entry.id + ".json")
        return saved
    }

    /// Replaces an existing completed entry (commitment follow-up, imported notes).
    public func update(_ entry: Entry) throws(JournalError) {
        let target = try path(for: entry)
        guard FileManager.default.fileExists(atPath: target) else { throw .notFound(what: "entry", id: entry.id) }
        try SafeFiles.write(stored(JSONOutput.data(entry)), to: target, replace: true)
    }

    /// Deletes a draft.
    public func deleteDraft(id: String) throws(JournalError) {
        guard Self.isSafeID(id) else { throw .unsafePath(id) }
        try SafeFiles.remove(draftsDirectory + "/" + id + ".json")
    }
}
