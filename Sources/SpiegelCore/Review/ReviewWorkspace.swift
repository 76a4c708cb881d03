import Foundation
import SpiegelContent

/// One client as a coach sees them: a name and their entries (read-only).
public struct Client: Sendable {
    public var name: String
    public var origin: String
    public var entries: [Entry]
    public var exercises: [Exercise]
    /// When the bundle was exported (nil for a journal directory).
    public var exportedAt: String?

    /// The entries as summaries, for filters, statistics and recommendations.
    public var summaries: [EntrySummary] { entries.map(EntrySummary.init) }
}

/// The coach's workspace over exported bundles and journal directories; client data is never written.
public struct ReviewWorkspace: Sendable {
    public private(set) var clients: [Client] = []
    /// Paths that could not be read, each with the reason.
    public private(set) var problems: [String] = []
    /// Things the coach should know that are not errors (an older export set aside).
    public private(set) var notices: [String] = []

    public init(paths: [String]) {
        for path in paths { load(path) }
        clients.sort { $0.name.lowercased() < $1.name.lowercased() }
    }

    private mutating func load(_ path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else {
            problems.append("\(path): no such file or directory")
            return
        }
        if (info.st_mode & S_IFMT) == S_IFDIR {
            if SafeFiles.isRegularFile(path + "/journal.json") {
                let store = JournalStore(root: path)
                do {
                    _ = try store.manifest()
                    let contents = try store.entries()
                    problems += contents.problems.map(\.message)
                    let name = (path as NSString).lastPathComponent
                    add(Client(name: name, origin: path, entries: contents.entries, exercises: []))
                } catch {
                    problems.append(error.message)
                }
            } else {
                do {
                    for name in try SafeFiles.list(path).sorted()
                    where name.hasSuffix(".json") || SafeFiles.isRegularFile(path + "/" + name + "/journal.json") {
                        load(path + "/" + name)
                    }
                } catch {
                    problems.append(error.message)
                }
            }
            return
        }
        do {
            let bundle = try ExchangeBundle.read(try SafeFiles.read(path, limit: ExchangeBundle.maxSize), path: path)
            guard bundle.kind == .entries else {
                problems.append("\(path): a feedback bundle, not a client's entries")
                return
            }
            add(Client(name: bundle.exporter, origin: path, entries: bundle.entries.sorted { $0.id > $1.id },
                       exercises: bundle.exercises, exportedAt: bundle.exportedAt))
        } catch let error as ExchangeBundle.ReadError {
            problems.append(error.message)
        } catch let error as JournalError {
            problems.append(error.message)
        } catch {
            problems.append("\(path): \(error)")
        }
    }

    /// Adds a client; two exports of the same journal (they share entries) are one client: the newer
    /// export is kept and the coach is told.
    private mutating func add(_ client: Client) {
        var client = client
        let ids = Set(client.entries.map(\.id))
        if let index = clients.firstIndex(where: { other in other.exportedAt != nil && client.exportedAt != nil
            && other.entries.contains { ids.contains($0.id) } }) {
            let other = clients[index]
            let newer = (Timestamp.date(client.exportedAt!) ?? .distantPast) > (Timestamp.date(other.exportedAt!) ?? .distantPast)
            var (kept, setAside) = newer ? (client, other) : (other, client)
            notices.append("\(setAside.origin): an older export of the same journal as \(kept.origin); showing the newer one")
            kept.name = other.name
            clients[index] = kept
            return
        }
        client.name = uniqueName(client.name)
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
        let all = clients.flatMap { client in client.entries.map { (client, $0) } }
        if let exact = all.first(where: { $0.1.id == id }) { return exact }
        let matches = all.filter { $0.1.id.hasPrefix(id) }
        if matches.count == 1 { return matches[0] }
        if matches.isEmpty { throw .notFound(what: "entry", id: id) }
        throw .ambiguous(what: "entry", prefix: id, matches: matches.map(\.1.id))
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

    public func add(_ note: EntryNote) throws(JournalError) {
        try SafeFiles.makePrivateDirectory(directory)
        let notes = try all() + [note]
        try SafeFiles.write(JSONOutput.data(notes), to: path, replace: true)
    }
}
