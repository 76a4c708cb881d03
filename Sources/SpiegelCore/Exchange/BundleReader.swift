import Crypto
import Foundation
import SpiegelContent
#if canImport(Glibc)
import Glibc
#endif

/// A bundle opened for reading piece by piece: one pass over its bytes finds where its members and
/// entries lie (and hashes them); the header is checked at once and each entry is decoded and checked
/// only when asked for. A bundle of any size is read in the memory of a few entries.
public final class BundleReader: Sendable {
    /// The name the bundle was given by, for messages.
    public let path: String
    public let kind: ExchangeBundle.Kind
    public let exportedAt: String
    public let exporter: String
    /// The bundle says its entries were redacted.
    public let redacted: Bool
    public let notes: [EntryNote]
    /// The journal the entries come from or the notes are for (`ExchangeBundle.journal`).
    public let journal: String?
    /// The SHA-256 of the bundle's bytes (lowercase hex): the same bytes, the same digest.
    public let digest: String
    let places: [Range<Int>]
    /// Where the exercises' definitions lie: decoded only when asked for (a review does not need them).
    private let exercisesPlace: Range<Int>
    private let source: Source

    /// How many entries the bundle holds (not yet checked one by one).
    public var entryCount: Int { places.count }

    /// Largest sizes read: one entry (every answer at its limit fits), and any other member.
    public static let maxEntryBytes = 8 << 20, maxMemberBytes = 64 << 20
    static let chunk = 1 << 20
    /// Bundles with this many entries report progress (every 1,000) while they are checked or indexed.
    public static let progressFrom = 2_000

    private enum Source: Sendable {
        case memory(Data)
        case file(Descriptor)
    }

    /// An open file, closed when the last reader of it goes.
    private final class Descriptor: Sendable {
        let fd: Int32
        init(_ fd: Int32) { self.fd = fd }
        deinit { close(fd) }
    }

    /// Opens the bundle at `file` (a regular file, never through a symbolic link) and reads its layout.
    public convenience init(file: String, path: String) throws(ExchangeBundle.ReadError) {
        let fd = open(file, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY)
        guard fd >= 0 else {
            let code = errno
            throw .unreadable(path, code == ELOOP ? "is a symbolic link" : String(cString: strerror(code)))
        }
        let descriptor = Descriptor(fd)
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
            throw .unreadable(path, "not a regular file")
        }
        var scanner = BundleScanner()
        var hash = SHA256()
        var failure: BundleScanner.Failure?
        var buffer = [UInt8](repeating: 0, count: Self.chunk)
        while failure == nil {
            let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress!, Self.chunk) }
            if count < 0 && errno == EINTR { continue }
            guard count >= 0 else { throw .unreadable(path, String(cString: strerror(errno))) }
            if count == 0 { break }
            buffer.withUnsafeBytes { bytes in
                let piece = UnsafeRawBufferPointer(rebasing: bytes[0..<count])
                hash.update(bufferPointer: piece)
                do throws(BundleScanner.Failure) { try scanner.feed(piece) } catch { failure = error }
            }
        }
        if failure == nil {
            do { try scanner.finish() } catch { failure = error }
        }
        if let failure {
            // Only a small file is read again whole, to tell a foreign JSON document from broken bytes.
            let whole = Int(info.st_size) <= Self.maxMemberBytes ? try? Self.bytes(0..<Int(info.st_size), of: .file(descriptor), path: path) : nil
            throw Self.readError(failure, data: whole, path: path)
        }
        try self.init(layout: scanner.layout, source: .file(descriptor), digest: Self.hex(hash.finalize()), path: path)
    }

    /// Reads a bundle held in memory.
    public convenience init(data: Data, path: String) throws(ExchangeBundle.ReadError) {
        var scanner = BundleScanner()
        var failure: BundleScanner.Failure?
        data.withUnsafeBytes { bytes in
            do throws(BundleScanner.Failure) { try scanner.feed(bytes) } catch { failure = error }
        }
        if failure == nil {
            do { try scanner.finish() } catch { failure = error }
        }
        if let failure { throw Self.readError(failure, data: data, path: path) }
        try self.init(layout: scanner.layout, source: .memory(data), digest: Self.hex(SHA256.hash(data: data)), path: path)
    }

    private init(layout: BundleLayout, source: Source, digest: String, path: String) throws(ExchangeBundle.ReadError) {
        self.source = source
        self.path = path
        self.digest = digest
        places = layout.entries
        func member<T: Decodable>(_ key: String, _ type: T.Type) throws(ExchangeBundle.ReadError) -> T? {
            guard let range = layout.members[key] else { return nil }
            return try Self.decode(type, member: key, at: range, of: source, path: path)
        }
        // The version and the format before anything else: a newer bundle may change everything below.
        let version = try? member("schemaVersion", Int.self), format = try? member("format", String.self)
        if let version = version ?? nil, version > ExchangeBundle.schemaVersion { throw .newer(path, version) }
        guard format == ExchangeBundle.format else { throw .foreign(path) }
        func required<T: Decodable>(_ key: String, _ type: T.Type) throws(ExchangeBundle.ReadError) -> T {
            guard let value = try member(key, type) else { throw .invalid(path, "missing field '\(key)'") }
            return value
        }
        _ = try required("schemaVersion", Int.self)
        kind = try required("kind", ExchangeBundle.Kind.self)
        exportedAt = try required("exportedAt", String.self)
        exporter = try required("exporter", String.self)
        redacted = (try member("redacted", Bool.self)) ?? false
        guard let exercisesPlace = layout.members["exercises"] else { throw .invalid(path, "missing field 'exercises'") }
        self.exercisesPlace = exercisesPlace
        notes = try required("notes", [EntryNote].self)
        journal = try member("journal", String.self)
        if let journal, journal.utf8.count > ExchangeBundle.maxNameBytes {
            throw .invalid(path, "the journal's id is longer than \(ExchangeBundle.maxNameBytes) bytes")
        }
        guard let list = layout.members["entries"] else { throw .invalid(path, "missing field 'entries'") }
        guard try Self.bytes(list.prefix(1), of: source, path: path) == Data("[".utf8) else {
            throw .invalid(path, "'entries' is not a list")
        }
        for (key, range) in layout.members where !ExchangeBundle.members.contains(key) {
            // Members this version does not know are skipped, but only when they are JSON.
            guard range.count <= Self.maxMemberBytes,
                  (try? JSONSerialization.jsonObject(with: Self.bytes(range, of: source, path: path), options: [.fragmentsAllowed])) != nil else {
                throw .invalid(path, "'\(key.prefix(40))' is not valid JSON")
            }
        }
        if exporter.utf8.count > ExchangeBundle.maxNameBytes {
            throw .invalid(path, "the exporter's name is longer than \(ExchangeBundle.maxNameBytes) bytes")
        }
        if notes.count > EntryLimits.notesPerBundle {
            throw .invalid(path, "more than \(EntryLimits.notesPerBundle) notes (\(notes.count))")
        }
        if let note = notes.first(where: { $0.text.utf8.count > ExchangeBundle.maxNoteBytes || $0.author.utf8.count > ExchangeBundle.maxNameBytes
                                           || $0.client.utf8.count > ExchangeBundle.maxNameBytes
                                           || ($0.journal?.utf8.count ?? 0) > ExchangeBundle.maxNameBytes }) {
            throw .invalid(path, "the note on entry \(note.entryId.prefix(40)) is longer than \(ExchangeBundle.maxNoteBytes >> 10) KB")
        }
        if let note = notes.first(where: { Timestamp.date($0.at) == nil || !JournalStore.isSafeID($0.entryId) }) {
            throw .invalid(path, "a note has an entry id or a time that is not valid ('\(note.entryId.prefix(40))')")
        }
    }

    /// The definitions of the exercises the entries answer, as the bundle carries them.
    public func exercises() throws(ExchangeBundle.ReadError) -> [Exercise] {
        try Self.decode([Exercise].self, member: "exercises", at: exercisesPlace, of: source, path: path)
    }

    /// A top-level member's value, decoded (within `maxMemberBytes`).
    private static func decode<T: Decodable>(_ type: T.Type, member key: String, at range: Range<Int>, of source: Source,
                                             path: String) throws(ExchangeBundle.ReadError) -> T {
        guard range.count <= maxMemberBytes else { throw .invalid(path, "'\(key)' is larger than \(maxMemberBytes >> 20) MB") }
        let data = try bytes(range, of: source, path: path)
        do {
            return try JSONDecoder().decode(T.self, from: data)
        } catch {
            throw .invalid(path, "'\(key)': \(JournalStore.describe(error))")
        }
    }

    private static func hex(_ digest: SHA256.Digest) -> String { digest.map { String(format: "%02x", $0) }.joined() }

    /// The entry at `index` (in the bundle's order), decoded and checked as an import checks it.
    public func entry(at index: Int) throws(ExchangeBundle.ReadError) -> Entry {
        let range = places[index]
        guard range.count <= Self.maxEntryBytes else {
            throw .invalid(path, "entry \(index + 1) is larger than \(Self.maxEntryBytes >> 20) MB")
        }
        let data = try Self.bytes(range, of: source, path: path)
        let entry: Entry
        do {
            entry = try JSONDecoder().decode(Entry.self, from: data)
        } catch {
            struct Version: Decodable { var schemaVersion: Int? }
            if let version = (try? JSONDecoder().decode(Version.self, from: data))?.schemaVersion, version > Entry.schemaVersion {
                throw .newer(path, version)
            }
            throw .invalid(path, "entry \(index + 1): \(JournalStore.describe(error))")
        }
        try ExchangeBundle.check(entry, path: path)
        return entry
    }

    /// The entries at `indices`, decoded and checked.
    public func entries(_ indices: some Sequence<Int>) throws(ExchangeBundle.ReadError) -> [Entry] {
        var entries: [Entry] = []
        for index in indices { entries.append(try entry(at: index)) }
        return entries
    }

    /// What checking every entry found: the ids in the bundle's order, and the entries themselves when
    /// they were few enough to keep (so that an import decodes them once).
    public struct CheckedEntries: Sendable {
        public let ids: [String]
        public let entries: [Entry]?
    }

    /// Decodes and checks every entry (and the exercises). The entries are kept when their bytes come to
    /// at most `limit`.
    @discardableResult
    public func checkEntries(keepingUpTo limit: Int = 0, progress: ((Int, Int) -> Void)? = nil) throws(ExchangeBundle.ReadError) -> CheckedEntries {
        _ = try exercises()
        var ids: [String] = []
        ids.reserveCapacity(places.count)
        var kept: [Entry]? = places.reduce(0) { $0 + $1.count } <= limit ? [] : nil
        var seen = Set<String>()
        for index in places.indices {
            let entry = try entry(at: index)
            guard seen.insert(entry.id).inserted else { throw Self.twice(entry.id, path: path) }
            ids.append(entry.id)
            kept?.append(entry)
            if places.count >= Self.progressFrom && (index + 1) % 1_000 == 0 { progress?(index + 1, places.count) }
        }
        return CheckedEntries(ids: ids, entries: kept)
    }

    /// Two entries with one id: which of them is the entry cannot be told, so the bundle is refused.
    static func twice(_ id: String, path: String) -> ExchangeBundle.ReadError {
        .invalid(path, "entry \(id) appears twice")
    }

    private static func bytes(_ range: Range<Int>, of source: Source, path: String) throws(ExchangeBundle.ReadError) -> Data {
        switch source {
        case .memory(let data):
            return data.subdata(in: data.startIndex + range.lowerBound..<data.startIndex + range.upperBound)
        case .file(let descriptor):
            let fd = descriptor.fd
            var data = Data(count: range.count)
            var total = 0
            let failed: Int32? = data.withUnsafeMutableBytes { buffer in
                while total < buffer.count {
                    let n = pread(fd, buffer.baseAddress! + total, buffer.count - total, off_t(range.lowerBound + total))
                    if n < 0 { if errno == EINTR { continue }; return errno }
                    if n == 0 { return 0 }
                    total += n
                }
                return nil
            }
            if let failed {
                throw .unreadable(path, failed == 0 ? "the file became shorter while it was read" : String(cString: strerror(failed)))
            }
            return data
        }
    }

    private static func readError(_ failure: BundleScanner.Failure, data: Data?, path: String) -> ExchangeBundle.ReadError {
        switch failure {
        case .notObject:
            // Valid JSON of another shape is a foreign document; anything else is not JSON at all.
            if let data, (try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])) != nil { return .foreign(path) }
            return .notJSON(path)
        case .malformed:
            return .notJSON(path)
        case .duplicate(let key):
            return .invalid(path, "the field '\(key.prefix(40))' appears twice")
        }
    }
}
