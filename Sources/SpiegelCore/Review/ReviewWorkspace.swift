import Foundation
import SpiegelContent

/// One client as a coach sees them: a name, their entries' summaries, and their entries (read-only,
/// decoded from the bundle only when asked for).
public struct Client: Sendable {
    public var name: String
    public var origin: String
    /// The client's journal (`JournalManifest.identity`), to which notes on these entries are addressed.
    public var journal: String?
    /// When the bundle was exported (nil for a journal directory).
    public var exportedAt: String?
    /// The entries as summaries, newest first, for lists, filters, statistics and recommendations.
    public private(set) var summaries: [EntrySummary]
    private let source: Source

    private enum Source: Sendable {
        /// A bundle: each entry's position in it, and the cached index that answers `grep` (nil: none kept).
        case bundle(BundleReader, positions: [String: Int], index: String?)
        case entries([Entry])
    }

    init(name: String, origin: String, entries: [Entry], exportedAt: String? = nil, journal: String? = nil) {
        self.name = name
        self.origin = origin
        self.journal = journal
        self.exportedAt = exportedAt
        let sorted = entries.sorted { $0.id > $1.id }
        summaries = sorted.map(EntrySummary.init)
        source = .entries(sorted)
    }

    init(bundle reader: BundleReader, index: BundleIndex, indexPath: String?) throws(SQLiteError) {
        name = reader.exporter
        origin = reader.path
        journal = reader.journal
        exportedAt = reader.exportedAt
        if let checked = index.checkedSummaries { summaries = checked } else { summaries = try index.summaries(nil) }
        source = .bundle(reader, positions: index.positions, index: indexPath)
    }

    /// Every entry, newest first.
    public func entries() throws(JournalError) -> [Entry] {
        try entries(ids: summaries.map(\.id))
    }

    /// The entries with these ids, in the order given (ids the client does not have are skipped).
    public func entries(ids: [String]) throws(JournalError) -> [Entry] {
        switch source {
        case .entries(let entries):
            let wanted = Set(ids)
            let byID = Dictionary(entries.filter { wanted.contains($0.id) }.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
            return ids.compactMap { byID[$0] }
        case .bundle(let reader, let positions, _):
            do {
                return try reader.entries(ids.compactMap { positions[$0] })
            } catch {
                throw .cannotRead(path: reader.path, reason: error.message)
            }
        }
    }

    /// The summaries that match `filter`, newest first (best first for `grep`).
    public func summaries(matching filter: JournalFilter) throws(JournalError) -> [EntrySummary] {
        guard filter.grep != nil else { return filter.apply(summaries) }
        if case .bundle(let reader, _, let path?) = source {
            do {
                return try BundleIndex(db: SQLiteDatabase(path: path), entryCount: reader.entryCount).summaries(filter)
            } catch {
                // The cache is derived: when it cannot answer, the entries can.
            }
        }
        return filter.apply(try entries().map(EntrySummary.init))
    }
}

/// Something review could not use: a path, and why.
public enum ReviewProblem: Sendable {
    case missing(path: String)
    case bundle(ExchangeBundle.ReadError)
    case journal(JournalError)
    /// An entry file of a journal directory that could not be read (the journal's own words).
    case entryFile(JournalProblem)
    case feedbackBundle(path: String)
    case index(path: String, reason: String)

    public var message: String {
        switch self {
        case .missing(let path): "\(path): no such file or directory"
        case .bundle(let error): error.message
        case .journal(let error): error.message
        case .entryFile(let problem): problem.message
        case .feedbackBundle(let path): "\(path): a feedback bundle, not a client's entries"
        case .index(let path, let reason): "\(path): cannot read its index (\(reason))"
        }
    }
}

/// Two exports of the same journal were given: the older one is set aside.
public struct OlderExport: Sendable {
    public var setAside: String
    public var kept: String
}

/// The coach's workspace over exported bundles and journal directories; client data is never written.
public struct ReviewWorkspace: Sendable {
    public private(set) var clients: [Client] = []
    /// Paths that could not be read, each with the reason.
    public private(set) var problems: [ReviewProblem] = []
    /// Things the coach should know that are not errors: older exports set aside.
    public private(set) var notices: [OlderExport] = []
    private let cache: BundleIndexCache
    /// Which exported client holds each entry id (exports of the same journal share ids).
    private var exportOwners: [String: Int] = [:]

    /// Reads every path (bundles, journal directories, folders of them). Each bundle's index is kept in
    /// `cacheDirectory` (the coach's cache), so that the next review of the same bundle starts at once;
    /// `progress` hears (bundle, entries indexed, entries) while a big bundle's index is built.
    public init(paths: [String], cacheDirectory: String? = nil, progress: ((String, Int, Int) -> Void)? = nil) {
        cache = BundleIndexCache(directory: cacheDirectory)
        for path in paths { load(path, progress: progress) }
        clients.sort { $0.name.lowercased() < $1.name.lowercased() }
    }

    private mutating func load(_ path: String, progress: ((String, Int, Int) -> Void)?) {
        var info = stat()
        guard stat(path, &info) == 0 else {
            problems.append(.missing(path: path))
            return
        }
        if (info.st_mode & S_IFMT) == S_IFDIR {
            if SafeFiles.isRegularFile(path + "/journal.json") {
                let store = JournalStore(root: path)
                do {
                    let manifest = try store.manifest()
                    let contents = try store.entries()
                    problems += contents.problems.map(ReviewProblem.entryFile)
                    let name = (path as NSString).lastPathComponent
                    add(Client(name: name, origin: path, entries: contents.entries, journal: manifest?.identity))
                } catch {
                    problems.append(.journal(error))
                }
            } else {
                do {
                    for name in try SafeFiles.list(path).sorted()
                    where name.hasSuffix(".json") || SafeFiles.isRegularFile(path + "/" + name + "/journal.json") {
                        load(path + "/" + name, progress: progress)
                    }
                } catch {
                    problems.append(.journal(error))
                }
            }
            return
        }
        do {
            let reader = try BundleReader(file: path, path: path)
            guard reader.kind == .entries else {
                problems.append(.feedbackBundle(path: path))
                return
            }
            let index = try cache.index(of: reader, progress: progress.map { report in { report(path, $0, $1) } })
            add(try Client(bundle: reader, index: index, indexPath: cache.path(for: reader)))
        } catch let error as ExchangeBundle.ReadError {
            problems.append(.bundle(error))
        } catch {
            problems.append(.index(path: path, reason: "\(error)"))
        }
    }

    /// Adds a client; two exports of the same journal (they share entries) are one client: the newer
    /// export is kept and the coach is told.
    private mutating func add(_ client: Client) {
        var client = client
        let exported = client.exportedAt != nil
        let owners = exportOwners
        if exported, let index = client.summaries.lazy.compactMap({ owners[$0.id] }).first {
            let other = clients[index]
            let newer = (Timestamp.date(client.exportedAt!) ?? .distantPast) > (Timestamp.date(other.exportedAt!) ?? .distantPast)
            var (kept, setAside) = newer ? (client, other) : (other, client)
            notices.append(OlderExport(setAside: setAside.origin, kept: kept.origin))
            kept.name = other.name
            clients[index] = kept
            for summary in client.summaries { exportOwners[summary.id] = index }
            return
        }
        client.name = uniqueName(client.name)
        if exported { for summary in client.summaries { exportOwners[summary.id] = clients.count } }
        clients.append(client)
    }

    private func uniqueName(_ name: String) -> String {
        let base = name.isEmpty ? "client" : name
        var candidate = base
        var number = 2
        while clients.contains(where: { $0.name == candidate }) {
            candidate = "\(base) (\(number))"
            number += 1
        }
        return candidate
    }

    /// A client by exact name, or by a case-insensitive unique start of it.
    public func client(_ name: String) -> Client? {
        if let exact = clients.first(where: { $0.name == name }) { return exact }
        let matches = clients.filter { $0.name.lowercased().hasPrefix(name.lowercased()) }
        return matches.count == 1 ? matches[0] : nil
    }

    /// The entry with this id (or unique id prefix) and its client.
    public func entry(_ id: String) throws(JournalError) -> (Client, Entry) {
        let all = clients.flatMap { client in client.summaries.map { (client, $0.id) } }
        var matches = all.filter { $0.1 == id }
        if matches.isEmpty { matches = all.filter { $0.1.hasPrefix(id) } }
        if matches.isEmpty { throw .notFound(what: "entry", id: id) }
        guard matches.count == 1 || Set(matches.map(\.1)).count == 1 else {
            throw .ambiguous(what: "entry", prefix: id, matches: matches.map(\.1))
        }
        let (client, found) = matches[0]
        guard let entry = try client.entries(ids: [found]).first else { throw .notFound(what: "entry", id: id) }
        return (client, entry)
    }
}

/// The coach's own notes, kept in the coach's data directory (never in a client's bundle).
public struct CoachNoteStore: Sendable {
    public let directory: String

    public init(directory: String) {
        self.directory = directory
    }

    var path: String { directory + "/notes.json" }

    public func all() throws(JournalError) -> [EntryNote] {
        guard FileManager.default.fileExists(atPath: path) else { return [] }
        let data = try SafeFiles.read(path)
        guard let notes = try? JSONDecoder().decode([EntryNote].self, from: data) else {
            throw .corrupt(path: path, reason: "expected a list of notes")
        }
        return notes
    }

    /// Keeps a note; refused when its entry has `EntryLimits.notesPerEntry` notes already (a feedback
    /// bundle with more could not be imported).
    public func add(_ note: EntryNote) throws(JournalError) {
        try SafeFiles.makePrivateDirectory(directory)
        let existing = try all()
        if existing.count(where: { $0.entryId == note.entryId }) >= EntryLimits.notesPerEntry {
            throw .tooManyNotes(entry: note.entryId, limit: EntryLimits.notesPerEntry)
        }
        let notes = existing + [note]
        try SafeFiles.write(JSONOutput.data(notes), to: path, replace: true)
    }
}
