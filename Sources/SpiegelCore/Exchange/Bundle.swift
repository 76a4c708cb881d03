import Foundation
import SpiegelContent

/// A coach's note on one entry, as carried by a feedback bundle and kept in the coach's own notes.
public struct EntryNote: Codable, Sendable, Hashable {
    public var entryId: String
    public var client: String
    public var author: String
    public var at: String
    public var text: String
    /// The journal the entry is in (`JournalManifest.identity`, from the client's export); nil in notes
    /// made before exports carried it.
    public var journal: String?

    public init(entryId: String, client: String, author: String, at: String, text: String, journal: String? = nil) {
        self.entryId = entryId
        self.client = client
        self.author = author
        self.at = at
        self.text = text
        self.journal = journal
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
    /// True when the entries' typed text was masked (`export --redact`): its masks are no one's real words.
    public var redacted: Bool?
    /// The exercises' definitions as they were answered, so a reader without them still sees the prompts.
    public var exercises: [Exercise]
    public var entries: [Entry]
    public var notes: [EntryNote]
    /// The journal the entries come from (an export) or the notes are for (feedback); nil in older bundles.
    public var journal: String?

    public init(kind: Kind, exportedAt: String, exporter: String, exercises: [Exercise], entries: [Entry], notes: [EntryNote] = [],
                journal: String? = nil) {
        self.journal = journal
        format = Self.format
        schemaVersion = Self.schemaVersion
        self.kind = kind
        self.exportedAt = exportedAt
        self.exporter = exporter
        self.exercises = exercises
        self.entries = entries
        self.notes = notes
    }

    /// The members of a bundle this version reads (others are skipped).
    static let members: Set<String> = ["format", "schemaVersion", "kind", "exportedAt", "exporter", "exercises", "entries", "notes", "journal", "redacted"]
    /// Limits per field (from `EntryLimits`, the table input uses too), so that one huge answer or note
    /// cannot make every review slow.
    public static let maxAnswerBytes = EntryLimits.answerBytes, maxNoteBytes = EntryLimits.noteBytes,
                      maxNameBytes = EntryLimits.nameBytes

    /// Why a file is not a bundle this version can use.
    public enum ReadError: Error, Sendable, Equatable {
        case notJSON(String)
        case foreign(String)
        case newer(String, Int)
        case invalid(String, String)
        case unreadable(String, String)

        public var message: String {
            switch self {
            case .notJSON(let path): "\(path): not a JSON document (not even valid JSON)"
            case .foreign(let path): "\(path): not a Spiegel bundle (no \"format\": \"\(ExchangeBundle.format)\")"
            case .newer(let path, let version):
                "\(path): bundle schemaVersion \(version) is newer than this Spiegel reads (\(ExchangeBundle.schemaVersion)); update Spiegel"
            case .invalid(let path, let reason): "\(path): invalid bundle: \(reason)"
            case .unreadable(let path, let reason): "\(path): \(reason)"
            }
        }
    }

    /// Reads a whole bundle held in memory (`BundleReader` reads one of any size piece by piece): the
    /// version is checked before anything else, then every entry as an import checks it.
    public static func read(_ data: Data, path: String) throws(ReadError) -> ExchangeBundle {
        let reader = try BundleReader(data: data, path: path)
        return ExchangeBundle(kind: reader.kind, exportedAt: reader.exportedAt, exporter: reader.exporter,
                              exercises: try reader.exercises(), entries: try reader.entries(0..<reader.entryCount), notes: reader.notes,
                              journal: reader.journal)
    }

    /// Refuses an entry an import must not take: unsafe ids, a newer schema, a draft, a broken or oversized field.
    static func check(_ entry: Entry, path: String) throws(ReadError) {
        guard JournalStore.isSafeID(entry.id) else { throw .invalid(path, "entry id '\(entry.id.prefix(40))' is not a valid id") }
        if entry.schemaVersion > Entry.schemaVersion { throw .newer(path, entry.schemaVersion) }
        guard ([entry.exercise] + entry.principles + entry.practices).allSatisfy(JournalStore.isSafeID) else {
            throw .invalid(path, "entry \(entry.id) names an exercise, principle or practice that is not a valid id")
        }
        if entry.isDraft { throw .invalid(path, "entry \(entry.id) has no completedAt") }
        if let problem = entry.validationProblem { throw .invalid(path, "entry \(entry.id): \(problem)") }
        if let problem = oversized(entry) { throw .invalid(path, "entry \(entry.id): \(problem)") }
    }

    /// Which field of an entry is over its limit, if any.
    static func oversized(_ entry: Entry) -> String? {
        let kb = maxAnswerBytes >> 10
        for answer in entry.answers {
            if EntryLimits.size(of: answer) > maxAnswerBytes { return "the answer to '\(answer.stepId.prefix(40))' is longer than \(kb) KB" }
            if answer.prompt.utf8.count > EntryLimits.promptBytes + maxAnswerBytes
                || (answer.itemText?.utf8.count ?? 0) > maxAnswerBytes
                || (answer.choiceLabel?.utf8.count ?? 0) > EntryLimits.promptBytes {
                return "the prompt of '\(answer.stepId.prefix(40))' is longer than \(kb) KB"
            }
        }
        for commitment in entry.commitments {
            let checkIns = commitment.history.compactMap(\.checkIn)
            if commitment.action.utf8.count > maxAnswerBytes || (commitment.situation?.utf8.count ?? 0) > maxAnswerBytes
                || commitment.history.contains(where: { ($0.reflection?.utf8.count ?? 0) > maxAnswerBytes })
                || checkIns.contains(where: { $0.oversized }) {
                return "commitment \(commitment.id) has a text longer than \(kb) KB"
            }
        }
        if let notes = entry.coachNotes {
            if notes.count > EntryLimits.notesPerEntry { return "more than \(EntryLimits.notesPerEntry) coach notes" }
            if notes.contains(where: { $0.text.utf8.count > maxNoteBytes || $0.author.utf8.count > maxNameBytes }) {
                return "a coach note is longer than \(maxNoteBytes >> 10) KB"
            }
        }
        return nil
    }
}

extension CheckInAnswers {
    /// Whether a field is longer than `EntryLimits.answerBytes` (refused when typed, imported or reviewed).
    public var oversized: Bool {
        CheckInQuestion.allCases.contains { (self[$0]?.utf8.count ?? 0) > EntryLimits.answerBytes }
            || (barriers?.count ?? 0) > EntryLimits.count
    }
}
