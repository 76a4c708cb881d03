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
    func index(of reader: BundleReader) throws(ExchangeBundle.ReadError) -> BundleIndex {
        let path = directory.map { $0 + "/" + Self.fileName(reader) }
        if let path, SafeFiles.isRegularFile(path), let index = try? Self.open(path, for: reader) {
            // Marked as used, so that pruning keeps it.
            utimes(path, nil)
            return index
        }
        let index = try Self.build(reader)
        if let path, let directory, let image = try? index.db.serialized() {
            // Derived data: a cache that cannot be written only means the next review decodes again.
            if (try? SafeFiles.makePrivateDirectory(directory)) != nil,
               (try? SafeFiles.write(image, to: path, replace: true, durable: false)) != nil {
                prune(except: path)
            }
        }
        return index
    }

    /// The cached index file of this bundle, when there is one.
    func path(for reader: BundleReader) -> String? {
        guard let path = directory.map({ $0 + "/" + Self.fileName(reader) }), SafeFiles.isRegularFile(path) else { return nil }
        return path
    }

    private static func fileName(_ reader: BundleReader) -> String { reader.digest + ".sqlite" }

    private static func open(_ path: String, for reader: BundleReader) throws(SQLiteError) -> BundleIndex {
        let db = try SQLiteDatabase(path: path)
        guard try IndexSchema.isCurrent(db) else { throw IndexReader.damaged("another schema version") }
        let index = try BundleIndex(db: db, entryCount: reader.entryCount)
        return index
    }

    private static func build(_ reader: BundleReader) throws(ExchangeBundle.ReadError) -> BundleIndex {
        do {
            let db = try SQLiteDatabase(image: nil)
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

    /// Removes cache files not used for `maximumAge`.
    private func prune(except kept: String) {
        guard let directory, let names = try? SafeFiles.list(directory) else { return }
        let oldest = Date().timeIntervalSince1970 - Self.maximumAge
        for name in names where name.hasSuffix(".sqlite") && directory + "/" + name != kept {
            var info = stat()
            if lstat(directory + "/" + name, &info) == 0, TimeInterval(info.st_mtim.tv_sec) < oldest {
                unlink(directory + "/" + name)
            }
        }
    }
}

/// One bundle's index, open in memory: its summaries, and where each entry lies in the bundle.
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
