import Foundation
import SpiegelContent

/// One client as a coach sees them: a name and their entries (read-only).
public struct Client: Sendable {
    public var name: String
    public var origin: String
    public var entries: [Entry]
    public var exercises: [Exercise]

    /// The entries as summaries, for filters, statistics and recommendations.
    public var summaries: [EntrySummary] { entries.map(EntrySummary.init) }
}

/// The coach's workspace over exported bundles and journal directories; client data is never written.
public struct ReviewWorkspace: Sendable {
    public private(set) var clients: [Client] = []
    public private(set) var problems: [String] = []

    public init(paths: [String]) {
        for path in paths { load(path) }
        clients.sort { $0.name.lowercased() < $1.name.lowercased() }
    }

    private mutating func load(_ path: String) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            problems.append("\(path): no such file or directory")
            return
        }
        if isDirectory.boolValue {
            if FileManager.default.fileExists(atPath: path + "/journal.json") {
                let store = JournalStore(root: path)
                do { _ = try store.manifest() } catch { problems.append(error.message); return }
                let contents = store.entries()
                problems += contents.problems.map(\.message)
                let name = (path as NSString).lastPathComponent
                clients.append(Client(name: name, origin: path, entries: contents.entries, exercises: []))
            } else {
                for name in SafeFiles.list(path).sorted() where name.hasSuffix(".json") || FileManager.default.fileExists(atPath: path + "/" + name + "/journal.json") {
                    load(path + "/" + name)
                }
            }
            return
        }
        do {
            let bundle = try ExchangeBundle.read(try SafeFiles.read(path), path: path)
            guard bundle.kind == .entries else {
                problems.append("\(path): a feedback bundle, not a client's entries")
                return
            }
            let name = uniqueName(bundle.exporter)
            clients.append(Client(name: name, origin: path, entries: bundle.entries.sorted { $0.id > $1.id }, exercises: bundle.exercises))
        } catch let error as ExchangeBundle.ReadError {
            problems.append(error.message)
        } catch let error as JournalError {
            problems.append(error.message)
        } catch {
            problems.append("\(path): \(error)")
        }
    }

    private func uniqueName(_ name: String) -> String {
        var candidate = name.isEmpty ? "client" : name
        var number = 2
        while clients.contains(where: { $0.name == candidate }) {
            candidate = "\(name) (\(number))"
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
