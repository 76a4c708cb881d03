import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The coach's cache of bundle indexes: for each bundle read in review, an SQLite database with the
/// journal index's tables, named by the bundle's SHA-256 (`<digest>.sqlite`), so that opening the same
/// bundle again reads its summaries instead of decoding every entry. A row's stamp holds the entry's
/// position in the bundle (`inode`) and its length in bytes (`size`). The cache is derived: a file that
/// does not check out is built again, and files unused for `maximumAge` are removed.
struct BundleIndexCache {
    /// The cache folder (`$XDG_CACHE_HOME/spiegel/review`); nil keeps each index in memory only.
    let directory: String?

    static let maximumAge: TimeInterval = 90 * 86_400

    /// The bundle's index: what the cache holds for its digest, else built now from its entries (each
    /// decoded and checked) and kept. Throws when an entry is not one an import would take.
    func index(of reader: BundleReader, progress: ((Int, Int) -> Void)? = nil) throws(ExchangeBundle.ReadError) -> BundleIndex {
        let trusted = directory.map(Self.trust) ?? false
        let path = trusted ? place(for: reader) : nil
        if let path, SafeFiles.isRegularFile(path), let index = try? Self.open(path, for: reader) {
            // Marked as used, so that pruning keeps it.
            utimes(path, nil)
            return index
        }
        if let path, directory != nil {
            // Built in a file beside its place and renamed there when whole: a big bundle's index is not held in
            // memory twice, and a review reading the same cache never sees half of one.
            let temporary = path + "." + SafeFiles.tempSuffix()
            let descriptor = Glibc.open(temporary, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC | O_NOFOLLOW, 0o600)
            if descriptor >= 0 {
                close(descriptor)
                defer { unlink(temporary) }
                if let db = try? SQLiteDatabase(path: temporary), (try? db.execute("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF")) != nil {
                    let index = try Self.build(reader, in: db, progress: progress)
                    if rename(temporary, path) == 0 {
                        prune(except: path)
                        if let kept = try? Self.open(path, for: reader) { return kept }
                    }
                    return index
                }
            }
        }
        // Derived data: without a cache folder the index lives in memory for this review only.
        guard let db = try? SQLiteDatabase(image: nil) else { throw .invalid(reader.path, "cannot make an index in memory") }
        return try Self.build(reader, in: db, progress: progress)
    }

    /// The cached index file of this bundle, when there is one.
    func path(for reader: BundleReader) -> String? {
        guard let directory, Self.trust(directory), let path = place(for: reader), SafeFiles.isRegularFile(path) else { return nil }
        return path
    }

    /// Whether the cache folder may be used, making it when missing: a folder (not a symbolic link) of this
    /// user's that only they can enter. One of theirs that others could enter is made private again and
    /// emptied (anything in it could have been put there); another user's is not used: indexes stay in memory.
    static func trust(_ directory: String) -> Bool {
        var info = stat()
        guard lstat(directory, &info) == 0 else { return (try? SafeFiles.makePrivateDirectory(directory)) != nil }
        guard (info.st_mode & S_IFMT) == S_IFDIR, info.st_uid == geteuid() else { return false }
        if info.st_mode & 0o077 != 0 {
            guard chmod(directory, 0o700) == 0 else { return false }
            for name in (try? SafeFiles.list(directory)) ?? [] { unlink(directory + "/" + name) }
        }
        return true
    }

    /// Where this bundle's index is kept (whether or not it is there yet).
    private func place(for reader: BundleReader) -> String? { directory.map { $0 + "/" + reader.digest + ".sqlite" } }

    /// A cached index, when it is a regular file of this user's, built for this very bundle (its digest is
    /// in `meta`) and its rows agree with the entries they stand for (a spread of them decoded to compare).
    private static func open(_ path: String, for reader: BundleReader) throws(SQLiteError) -> BundleIndex {
        try JournalIndex.refuseSpecialFile(path + "-journal", create: false)
        try JournalIndex.refuseSpecialFile(path, create: false)
        let db = try SQLiteDatabase(path: path)
        guard try IndexSchema.isCurrent(db) else { throw IndexReader.damaged("another schema version") }
        let meta = try IndexReader(db: db).meta()
        guard digestKeys(reader).allSatisfy({ meta[$0.key] == $0.value }) else { throw IndexReader.damaged("another bundle's index") }
        var index = try BundleIndex(db: db, entryCount: reader.entryCount)
        try index.check(against: reader)
        return index
    }

    /// The bundle's SHA-256 as four `meta` rows (`meta` holds integers).
    static func digestKeys(_ reader: BundleReader) -> [(key: String, value: Int64)] {
        let hex = Array(reader.digest.utf8)
        return stride(from: 0, to: min(hex.count, 64), by: 16).map { start in
            let part = String(decoding: hex[start..<min(start + 16, hex.count)], as: UTF8.self)
            return ("bundle_sha256_\(start / 16)", Int64(bitPattern: UInt64(part, radix: 16) ?? 0))
        }
    }

    private static func build(_ reader: BundleReader, in db: SQLiteDatabase,
                              progress: ((Int, Int) -> Void)?) throws(ExchangeBundle.ReadError) -> BundleIndex {
        do {
            _ = try reader.exercises()
            try db.execute(IndexSchema.create)
            let writer = try IndexWriter(db: db, directory: "", readEntry: { path throws(JournalError) in
                throw .cannotRead(path: path, reason: "a bundle's entries are not files")
            })
            var seen = Set<String>()
            for start in stride(from: 0, to: reader.entryCount, by: IndexWriter.batchSize) {
                var rows: [IndexRow] = []
                for position in start..<min(start + IndexWriter.batchSize, reader.entryCount) {
                    let entry = try reader.entry(at: position)
                    guard seen.insert(entry.id).inserted else { throw BundleReader.twice(entry.id, path: reader.path) }
                    let stamp = FileStamp(inode: Int64(position), size: Int64(reader.places[position].count), mtime: 0)
                    rows.append(IndexRow(name: entry.id + ".json", stamp: stamp, content: .entry(entry)))
                }
                try writer.record(rows)
                if reader.entryCount >= BundleReader.progressFrom { progress?(start + rows.count, reader.entryCount) }
            }
            let rows = try db.integer("SELECT count(*) FROM entries") ?? 0
            let put = try db.prepare("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)")
            for (key, value) in [(IndexSchema.Key.rows, rows)] + digestKeys(reader) { try put.run([.text(key), .integer(value)]) }
            return try BundleIndex(db: db, entryCount: reader.entryCount)
        } catch let error as ExchangeBundle.ReadError {
            throw error
        } catch {
            throw .invalid(reader.path, "cannot index it (\(error))")
        }
    }

    /// Removes cache files not used for `maximumAge`, what a review killed while building left (at once when
    /// its process is gone, else a day on).
    private func prune(except kept: String) {
        guard let directory, let names = try? SafeFiles.list(directory) else { return }
        let now = Date().timeIntervalSince1970
        for name in names where directory + "/" + name != kept {
            let age: TimeInterval? = name.hasSuffix(".sqlite") ? Self.maximumAge : name.hasSuffix(".tmp") ? 86_400 : nil
            var info = stat()
            if name.hasSuffix(".tmp"), SafeFiles.isDebris("." + name) {
                unlink(directory + "/" + name)
            } else if let age, lstat(directory + "/" + name, &info) == 0, TimeInterval(info.st_mtim.tv_sec) < now - age {
                unlink(directory + "/" + name)
            }
        }
    }
}

/// One bundle's index, open (from the cache, or in memory): its summaries, and where each entry lies in the bundle.
struct BundleIndex {
    let db: SQLiteDatabase
    /// Each entry's position in the bundle, by id.
    let positions: [String: Int]

    /// Reads the positions, checking every one against the bundle the index is for.
    init(db: SQLiteDatabase, entryCount: Int) throws(SQLiteError) {
        self.db = db
        var positions: [String: Int] = [:]
        let rows = try db.prepare("SELECT name, inode FROM entries WHERE problem IS NULL")
        try rows.bind([])
        while try rows.step() {
            guard let name = rows.text(0), IndexReader.isSafeName(name), let position = rows.integer(1),
                  (0..<Int64(entryCount)).contains(position) else { throw IndexReader.damaged("bundle row") }
            positions[String(name.dropLast(5))] = Int(position)
        }
        guard Int64(positions.count) == (try IndexReader(db: db).meta()[IndexSchema.Key.rows] ?? -1) else {
            throw IndexReader.damaged("row count")
        }
        self.positions = positions
    }

    /// Compares the rows of a spread of entries (up to 32, first and last among them) with those entries
    /// decoded from the bundle: a row that does not agree makes the cached index untrusted.
    /// The summaries `check` read (so that opening a client does not read them twice).
    private(set) var checkedSummaries: [EntrySummary]?

    mutating func check(against reader: BundleReader) throws(SQLiteError) {
        let count = reader.entryCount
        let all = try summaries(nil)
        checkedSummaries = all
        guard count > 0 else { return }
        let sample = Set((0..<min(count, 32)).map { $0 * (count - 1) / max(1, min(count, 32) - 1) })
        let cached = Dictionary(all.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        for position in sample.sorted() {
            guard let entry = try? reader.entry(at: position), positions[entry.id] == position,
                  let row = cached[entry.id], Self.agree(row, EntrySummary(entry)) else { throw IndexReader.damaged("a row that does not agree with the bundle") }
        }
    }

    private static func agree(_ row: EntrySummary, _ entry: EntrySummary) -> Bool {
        row.id == entry.id && row.exercise == entry.exercise && row.principles == entry.principles
            && row.completedAt == entry.completedAt && row.day == entry.day && row.confidence == entry.confidence
            && row.firstLine == entry.firstLine && row.language == entry.language
            && row.commitments.map { [$0.id, $0.action, $0.due.description, $0.status.rawValue] }
                == entry.commitments.map { [$0.id, $0.action, $0.due.description, $0.status.rawValue] }
    }

    /// The summaries matching `filter` (all when nil), newest first; `grep` is answered by the full-text index.
    func summaries(_ filter: JournalFilter?) throws(SQLiteError) -> [EntrySummary] {
        try IndexReader(db: db).summaries(filter)
    }
}
