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

    /// Why a file is not a bundle this version can use.
    public enum ReadError: Error, Sendable, Equatable {
        case notJSON(String)
        case foreign(String)
        case newer(String, Int)
        case invalid(String, String)

        public var message: String {
            switch self {
            case .notJSON(let path): "\(path): not a JSON document"
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
        guard let header = try? JSONDecoder().decode(Header.self, from: data) else { throw .notJSON(path) }
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
        return bundle
    }
}
