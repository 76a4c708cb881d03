import Foundation
import SpiegelContent

/// A coach's note on one entry, as carried by a feedback bundle and kept in the coach's own notes.
public struct EntryNote: Codable, Sendable, Hashable {
    public var entryId: String
    public var client: String
    public var author: String
    public var at: String
    public var text: String

    public init(entryId: String, client: String, author: String, at: String, text: String) {
        self.entryId = entryId
        self.client = client
        self.author = author
        self.at = at
        self.text = text
    }
}

/// The exchange format between clients and coaches: a self-describing JSON document.
/// `kind` is `entries` (a client's export) or `feedback` (a coach's notes on those entries).
public struct ExchangeBundle: Codable, Sendable {
    public static let schemaVersion = 1
    public static let format = "spiegel-bundle"

    public enum Kind: String, Codable, Sendable {
        case entries, feedback
    }

    public var format: String
    public var schemaVersion: Int
    public var kind: Kind
    public var exportedAt: String
    /// The display name the exporter chose (a client's name, or the coach's).
    public var exporter: String
    /// The exercises' definitions as they were answered, so a reader without them still sees the prompts.
    public var exercises: [Exercise]
    public var entries: [Entry]
    public var notes: [EntryNote]

    public init(kind: Kind, exportedAt: String, exporter: String, exercises: [Exercise], entries: [Entry], notes: [EntryNote] = []) {
        format = Self.format
        schemaVersion = Self.schemaVersion
        self.kind = kind
        self.exportedAt = exportedAt
        self.exporter = exporter
        self.exercises = exercises
        self.entries = entries
        self.notes = notes
    }

    /// The largest bundle file read (the index issue makes reading stream; until then, the whole file).
    public static let maxSize = 256 << 20
    /// Limits per field, so that one huge answer or note cannot make every review slow.
    public static let maxAnswerBytes = 64 << 10, maxNoteBytes = 16 << 10, maxNameBytes = 200

    /// Why a file is not a bundle this version can use.
    public enum ReadError: Error, Sendable, Equatable {
        case notJSON(String)
        case foreign(String)
        case newer(String, Int)
        case invalid(String, String)

        public var message: String {
            switch self {
            case .notJSON(let path): "\(path): not a JSON document (not even valid JSON)"
            case .foreign(let path): "\(path): not a Spiegel bundle (no \"format\": \"\(ExchangeBundle.format)\")"
            case .newer(let path, let version):
                "\(path): bundle schemaVersion \(version) is newer than this Spiegel reads (\(ExchangeBundle.schemaVersion)); update Spiegel"
            case .invalid(let path, let reason): "\(path): invalid bundle: \(reason)"
            }
        }
    }

    /// Reads a bundle, checking the version before anything else; entries with unsafe ids are refused.
    public static func read(_ data: Data, path: String) throws(ReadError) -> ExchangeBundle {
        struct Header: Decodable { var format: String?; var schemaVersion: Int? }
        guard let header = try? JSONDecoder().decode(Header.self, from: data) else {
            if (try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])) != nil {
                throw .foreign(path)
            }
            throw .notJSON(path)
        }
        if let version = header.schemaVersion, version > schemaVersion { throw .newer(path, version) }
        guard header.format == format else { throw .foreign(path) }
        let bundle: ExchangeBundle
        do {
            bundle = try JSONDecoder().decode(ExchangeBundle.self, from: data)
        } catch {
            throw .invalid(path, JournalStore.describe(error))
        }
        if let bad = bundle.entries.first(where: { !JournalStore.isSafeID($0.id) }) {
            throw .invalid(path, "entry id '\(bad.id.prefix(40))' is not a valid id")
        }
        if let newer = bundle.entries.first(where: { $0.schemaVersion > Entry.schemaVersion }) {
            throw .newer(path, newer.schemaVersion)
        }
        if let bad = bundle.entries.first(where: { entry in
            !([entry.exercise] + entry.principles + entry.practices).allSatisfy(JournalStore.isSafeID)
        }) {
            throw .invalid(path, "entry \(bad.id) names an exercise, principle or practice that is not a valid id")
        }
        if let bad = bundle.entries.first(where: { $0.isDraft }) {
            throw .invalid(path, "entry \(bad.id) has no completedAt")
        }
        for entry in bundle.entries {
            if let problem = entry.validationProblem { throw .invalid(path, "entry \(entry.id): \(problem)") }
            if let problem = oversized(entry) { throw .invalid(path, "entry \(entry.id): \(problem)") }
        }
        if bundle.exporter.utf8.count > maxNameBytes { throw .invalid(path, "the exporter's name is longer than \(maxNameBytes) bytes") }
        if let note = bundle.notes.first(where: { $0.text.utf8.count > maxNoteBytes || $0.author.utf8.count > maxNameBytes }) {
            throw .invalid(path, "the note on entry \(note.entryId.prefix(40)) is longer than \(maxNoteBytes >> 10) KB")
        }
        if let note = bundle.notes.first(where: { Timestamp.date($0.at) == nil || !JournalStore.isSafeID($0.entryId) }) {
            throw .invalid(path, "a note has an entry id or a time that is not valid ('\(note.entryId.prefix(40))')")
        }
        return bundle
    }

    /// Which field of an entry is over its limit, if any.
    static func oversized(_ entry: Entry) -> String? {
        for answer in entry.answers {
            let size = (answer.text?.utf8.count ?? 0) + (answer.items ?? []).reduce(0) { $0 + $1.utf8.count }
                + (answer.action?.utf8.count ?? 0)
            if size > maxAnswerBytes { return "the answer to '\(answer.stepId.prefix(40))' is longer than \(maxAnswerBytes >> 10) KB" }
        }
        for commitment in entry.commitments {
            if commitment.action.utf8.count > maxAnswerBytes
                || commitment.history.contains(where: { ($0.reflection?.utf8.count ?? 0) > maxAnswerBytes }) {
                return "commitment \(commitment.id) has a text longer than \(maxAnswerBytes >> 10) KB"
            }
        }
        if let notes = entry.coachNotes, notes.contains(where: { $0.text.utf8.count > maxNoteBytes || $0.author.utf8.count > maxNameBytes }) {
            return "a coach note is longer than \(maxNoteBytes >> 10) KB"
        }
        return nil
    }
}
