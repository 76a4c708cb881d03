import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The journal's derived index: an SQLite database (`.index.sqlite`) in front of the entry files, which
/// stay the truth. Deleting it loses nothing. It is rebuilt when missing, damaged (any failing query or
/// row that does not check out), of another schema version, or stale (see `IndexFreshness`).
///
/// An encrypted journal's index never reaches the disk as plaintext: the database lives in memory, is
/// loaded from its sealed file with `sqlite3_deserialize` and written back sealed when it changed.
struct JournalIndex {
    static let fileName = ".index.sqlite"
    /// The hand-written format this one replaces: removed when found.
    static let formerFiles = [".index", ".index-text"]

    let root: String
    let entriesDirectory: String
    let cipher: JournalCipher?
    /// The store's reader for one entry file (called on other threads too).
    let readEntry: @Sendable (String) throws(JournalError) -> Entry
    /// Runs a full check with the journal locked exclusively, so that no entry is written (and the journal
    /// is not encrypted or decrypted) meanwhile.
    let exclusively: (() -> Void) throws(JournalError) -> Void
    /// The error code of a full check that could not get the lock in time (the journal is busy).
    static let busy: Int32 = -2

    var path: String { root + "/" + Self.fileName }
    /// Every file the index may leave in the journal (SQLite's rollback journal among them).
    static let files = [fileName, fileName + "-journal"] + formerFiles

    /// Brings the index up to date and runs `body` on it. `force` compares every file's stamp whatever the
    /// directory says; `verify` names entry files to check one by one (those about to be shown in full).
    /// When the file cannot be used even after a rebuild, the index is built in memory for this call.
    func use<T>(force: Bool = false, verify: [String] = [], progress: ((Int, Int) -> Void)? = nil,
                _ body: (IndexReader) throws(SQLiteError) -> T) throws(SQLiteError) -> T {
        for name in Self.formerFiles { unlink(root + "/" + name) }
        for _ in 0..<2 {
            do {
                let db = try open()
                return try update(db, force: force, verify: verify, progress: progress, body)
            } catch {
                if error.code == Self.busy { throw error }
                discard()
            }
        }
        let db = try SQLiteDatabase(image: nil)
        try db.execute(IndexSchema.create)
        return try update(db, force: true, verify: [], progress: progress, body, save: false)
    }

    private func update<T>(_ db: SQLiteDatabase, force: Bool, verify: [String], progress: ((Int, Int) -> Void)?,
                           _ body: (IndexReader) throws(SQLiteError) -> T, save: Bool = true) throws(SQLiteError) -> T {
        let writer = try IndexWriter(db: db, directory: entriesDirectory, readEntry: readEntry)
        var changed = false
        let meta = try IndexReader(db: db).meta()
        let recorded = IndexFreshness(directoryTime: meta[IndexSchema.Key.directoryTime] ?? 0,
                                      checkedAt: meta[IndexSchema.Key.checkedAt] ?? 0)
        // An index that seems fresh must still hold one row per entry file: rows deleted from it (or added to
        // it) are found by counting the directory's names, without a stat per file.
        let seemsFresh = recorded.isFresh(directoryTime: IndexFreshness.modificationTime(entriesDirectory))
        let counted = seemsFresh && !force ? EntryListing.count(entriesDirectory).map(Int64.init) : nil
        var countsAgree = true
        if let counted {
            countsAgree = try db.integer("SELECT count(*) FROM entries NOT INDEXED") == counted && meta[IndexSchema.Key.rows] == counted
        }
        if force || !seemsFresh || !countsAgree {
            let check = { () throws(SQLiteError) -> Bool in
                // A full check looks at every file anyway; it also makes sure the database's own structure
                // is whole (a damaged b-tree index could hide a row and let a duplicate in). The tables the
                // reads trust are checked; the full-text tables, most of the file, only lead to rows of them.
                // A forced check (`doctor --reindex`) also compares every index with its table, which the quick
                // check leaves out.
                let pragma = force ? "integrity_check" : "quick_check"
                for table in IndexSchema.checkedTables where try db.text("PRAGMA \(pragma)(\(table))") != "ok" {
                    throw IndexReader.damaged("\(pragma)(\(table))")
                }
                let now = IndexFreshness.now(of: entriesDirectory)
                return try writer.reconcile(with: EntryListing.stamps(entriesDirectory), freshness: now, progress: progress)
            }
            var outcome: Result<Bool, SQLiteError> = .success(false)
            do {
                try exclusively { outcome = Result { () throws(SQLiteError) in try check() } }
            } catch .busy {
                throw SQLiteError(code: Self.busy, message: "the journal is busy")
            } catch {
                // No lock can be taken (a read-only journal): SQLite's own locking keeps the file whole.
                outcome = Result { () throws(SQLiteError) in try check() }
            }
            changed = try outcome.get()
        }
        for name in verify where IndexReader.isSafeName(name) { changed = try writer.verify(name) || changed }
        if changed, save, let cipher {
            // Derived data: a failed write only means the next read rebuilds.
            _ = try? SafeFiles.write(cipher.seal(try db.serialized()), to: path, replace: true, durable: false)
        }
        return try body(IndexReader(db: db))
    }

    /// Keeps the index open while `body` writes entry files in batches (an import) and hands it the function
    /// that adds a batch's rows as soon as its files are written, so that the next read, which sees the
    /// directory changed, finds their stamps known and does not read them again. Derived data: rows that
    /// cannot be recorded are read from their files by the next read. An encrypted index is sealed at the end.
    func recording<T>(_ body: (_ record: ([IndexRow]) -> Void) throws(JournalError) -> T) throws(JournalError) -> T {
        let db = try? open()
        let writer = db.flatMap { try? IndexWriter(db: $0, directory: entriesDirectory, readEntry: readEntry) }
        var recorded = false
        let result = try body { rows in
            guard let writer, !rows.isEmpty else { return }
            do {
                try writer.record(rows)
                recorded = true
            } catch {}
        }
        if recorded, let db, let cipher, let image = try? db.serialized() {
            _ = try? SafeFiles.write(cipher.seal(image), to: path, replace: true, durable: false)
        }
        return result
    }

    /// The database: the file itself, or for an encrypted journal its sealed file opened into memory.
    /// A new database gets the schema; one of another version or application throws (and is discarded).
    private func open() throws(SQLiteError) -> SQLiteDatabase {
        let db: SQLiteDatabase
        if let cipher {
            var image: Data?
            if FileManager.default.fileExists(atPath: path) {
                guard let sealed = try? SafeFiles.read(path, limit: 1 << 31), JournalCipher.isSealed(sealed),
                      let plain = try? cipher.open(sealed, path: path) else { throw IndexReader.damaged("sealed file") }
                image = plain
            }
            db = try SQLiteDatabase(image: image)
        } else {
            // Created private before SQLite opens it; SQLite gives its rollback journal the same mode. Opened
            // without blocking, and only a regular file of this user's is used: a FIFO or a device in its
            // place (or in place of the rollback journal, which SQLite would open) is removed, never waited on.
            try Self.refuseSpecialFile(path + "-journal", create: false)
            try Self.refuseSpecialFile(path, create: true)
            db = try SQLiteDatabase(path: path)
            try db.execute("PRAGMA synchronous = OFF; PRAGMA temp_store = MEMORY")
        }
        if try db.integer("SELECT count(*) FROM sqlite_master") == 0 {
            try db.transaction { () throws(SQLiteError) in
                if try db.integer("SELECT count(*) FROM sqlite_master") == 0 { try db.execute(IndexSchema.create) }
            }
        }
        guard try IndexSchema.isCurrent(db) else { throw IndexReader.damaged("another schema version") }
        return db
    }

    /// Makes sure `path` is a regular file owned by this user (created empty and private when `create` and
    /// missing); anything else there is removed (the index is derived) and the open fails, so the caller
    /// rebuilds.
    static func refuseSpecialFile(_ path: String, create: Bool) throws(SQLiteError) {
        let descriptor = Glibc.open(path, (create ? O_CREAT : 0) | O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY, 0o600)
        guard descriptor >= 0 else {
            if errno == ENOENT && !create { return }
            if errno == ELOOP { unlink(path) }
            throw SQLiteError(code: -1, message: "cannot open \(path)")
        }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, info.st_uid == geteuid() else {
            unlink(path)
            throw IndexReader.damaged("\(path) is not a regular file of this user's")
        }
    }

    /// The entry file names the index holds rows for, as it is (nothing brought up to date), when it says
    /// it is up to date with the directory (else its difference from the files is no fault: it has not read
    /// them yet); nil when it is not, or cannot be opened (the next read rebuilds it anyway).
    func recordedNames() -> Set<String>? {
        guard let db = try? open(), let meta = try? IndexReader(db: db).meta(),
              IndexFreshness(directoryTime: meta[IndexSchema.Key.directoryTime] ?? 0, checkedAt: meta[IndexSchema.Key.checkedAt] ?? 0)
                .isFresh(directoryTime: IndexFreshness.modificationTime(entriesDirectory)),
              let query = try? db.prepare("SELECT name FROM entries NOT INDEXED"), (try? query.bind([])) != nil else { return nil }
        var names = Set<String>()
        while (try? query.step()) == true { if let name = query.text(0) { names.insert(name) } }
        return names
    }

    /// Removes the index file (and a rollback journal left beside it).
    func discard() {
        for name in Self.files { unlink(root + "/" + name) }
    }
}
