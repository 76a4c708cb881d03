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
        let path = place(for: reader)
        if let path, SafeFiles.isRegularFile(path), let index = try? Self.open(path, for: reader) {
            // Marked as used, so that pruning keeps it.
            utimes(path, nil)
            return index
        }
        if let path, let directory, (try? SafeFiles.makePrivateDirectory(directory)) != nil {
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
        guard let path = place(for: reader), SafeFiles.isRegularFile(path) else { return nil }
        return path
    }

    /// Where this bundle's index is kept (whether or not it is there yet).
    private func place(for reader: BundleReader) -> String? { directory.map { $0 + "/" + reader.digest + ".sqlite" } }

    private static func open(_ path: String, for reader: BundleReader) throws(SQLiteError) -> BundleIndex {
        let db = try SQLiteDatabase(path: path)
        guard try IndexSchema.isCurrent(db) else { throw IndexReader.damaged("another schema version") }
        return try BundleIndex(db: db, entryCount: reader.entryCount)
    }

    private static func build(_ reader: BundleReader, in db: SQLiteDatabase,
                              progress: ((Int, Int) -> Void)?) throws(ExchangeBundle.ReadError) -> BundleIndex {
        do {
            _ = try reader.exercises()
            try db.execute(IndexSchema.create)
            let writer = try IndexWriter(db: db, directory: "", readEntry: { path throws(JournalError) in
                throw .cannotRead(path: path, reason: "a bundle's entries are not files")
            })
            for start in stride(from: 0, to: reader.entryCount, by: IndexWriter.batchSize) {
                var rows: [IndexRow] = []
                for position in start..<min(start + IndexWriter.batchSize, reader.entryCount) {
                    let entry = try reader.entry(at: position)
                    let stamp = FileStamp(inode: Int64(position), size: Int64(reader.places[position].count), mtime: 0)
                    rows.append(IndexRow(name: entry.id + ".json", stamp: stamp, content: .entry(entry)))
                }
                try writer.record(rows)
                if reader.entryCount >= BundleReader.progressFrom { progress?(start + rows.count, reader.entryCount) }
            }
            let rows = try db.integer("SELECT count(*) FROM entries") ?? 0
            try db.prepare("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)").run([.text(IndexSchema.Key.rows), .integer(rows)])
            return try BundleIndex(db: db, entryCount: reader.entryCount)
        } catch let error as ExchangeBundle.ReadError {
            throw error
        } catch {
            throw .invalid(reader.path, "cannot index it (\(error))")
        }
    }

    /// Removes cache files not used for `maximumAge`, and what a review killed while building left (a day on).
    private func prune(except kept: String) {
        guard let directory, let names = try? SafeFiles.list(directory) else { return }
        let now = Date().timeIntervalSince1970
        for name in names where directory + "/" + name != kept {
            let age: TimeInterval? = name.hasSuffix(".sqlite") ? Self.maximumAge : name.hasSuffix(".tmp") ? 86_400 : nil
            var info = stat()
            if let age, lstat(directory + "/" + name, &info) == 0, TimeInterval(info.st_mtim.tv_sec) < now - age {
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

    /// The summaries matching `filter` (all when nil), newest first; `grep` is answered by the full-text index.
    func summaries(_ filter: JournalFilter?) throws(SQLiteError) -> [EntrySummary] {
        try IndexReader(db: db).summaries(filter)
    }
}
