/// The tables of the journal's derived index (`.index.sqlite`). A file with another `user_version` or
/// `application_id` is not trusted: it is deleted and rebuilt from the entry files.
enum IndexSchema {
    /// Raised whenever a table or column changes meaning.
    static let version: Int64 = 4
    /// "SpgI": marks the file as Spiegel's index.
    static let applicationID: Int64 = 0x5370_6749

    /// One row per entry file (`problem` set when it could not be read), its principles and commitments
    /// (with the if-then situation and the barriers named when they were moved, comma-joined),
    /// and the searchable text in FTS5 (accents and case folded; prefix indexes for 2 and 3 letters).
    /// Principle rows repeat the entry's day, name and confidence, and the partial indexes on `entries`
    /// cover exercise, day and completion, so that practice figures are read from indexes alone; `practice`
    /// counts the entries per principle (kind 0) and exercise (kind 1), kept by triggers.
    static let create = """
        PRAGMA user_version = \(version);
        PRAGMA application_id = \(applicationID);
        CREATE TABLE meta(key TEXT PRIMARY KEY, value INTEGER NOT NULL) WITHOUT ROWID;
        CREATE TABLE entries(
            rowid INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            inode INTEGER NOT NULL, size INTEGER NOT NULL, mtime INTEGER NOT NULL,
            problem TEXT,
            exercise TEXT, principles TEXT, completed_at TEXT, day TEXT, confidence INTEGER, first_line TEXT, language TEXT);
        CREATE INDEX entries_by_day ON entries(day) WHERE problem IS NULL;
        CREATE INDEX entries_with_problems ON entries(name) WHERE problem IS NOT NULL;
        CREATE INDEX entries_by_exercise ON entries(exercise, day, name, confidence) WHERE problem IS NULL;
        CREATE INDEX entries_by_completion ON entries(completed_at, name) WHERE problem IS NULL;
        CREATE TABLE principles(
            principle TEXT NOT NULL, day TEXT NOT NULL, name TEXT NOT NULL, entry INTEGER NOT NULL, confidence INTEGER,
            PRIMARY KEY(principle, day, name)) WITHOUT ROWID;
        CREATE INDEX principles_by_entry ON principles(entry);
        CREATE TABLE practice(kind INTEGER NOT NULL, key TEXT NOT NULL, count INTEGER NOT NULL, PRIMARY KEY(kind, key)) WITHOUT ROWID;
        CREATE TRIGGER principle_added AFTER INSERT ON principles BEGIN
            INSERT INTO practice VALUES (0, new.principle, 1) ON CONFLICT(kind, key) DO UPDATE SET count = count + 1; END;
        CREATE TRIGGER principle_removed AFTER DELETE ON principles BEGIN
            UPDATE practice SET count = count - 1 WHERE kind = 0 AND key = old.principle; END;
        CREATE TRIGGER exercise_added AFTER INSERT ON entries WHEN new.problem IS NULL BEGIN
            INSERT INTO practice VALUES (1, new.exercise, 1) ON CONFLICT(kind, key) DO UPDATE SET count = count + 1; END;
        CREATE TRIGGER exercise_removed AFTER DELETE ON entries WHEN old.problem IS NULL BEGIN
            UPDATE practice SET count = count - 1 WHERE kind = 1 AND key = old.exercise; END;
        CREATE TABLE commitments(
            entry INTEGER NOT NULL, position INTEGER NOT NULL,
            id TEXT NOT NULL, step TEXT NOT NULL, action TEXT NOT NULL, due TEXT NOT NULL, status TEXT NOT NULL,
            situation TEXT, barriers TEXT,
            PRIMARY KEY(entry, position)) WITHOUT ROWID;
        CREATE INDEX commitments_by_status ON commitments(status, due);
        CREATE VIRTUAL TABLE search USING fts5(first_line, body, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3');
        """

    /// The tables (with their indexes) whose structure a full check verifies: all but the full-text ones.
    static let checkedTables = ["meta", "entries", "principles", "commitments", "practice"]

    /// Keys of `meta`.
    enum Key {
        /// The modification time (ns) of `entries/` when the index was last brought up to date.
        static let directoryTime = "entries_mtime_ns"
        /// The file-system clock (ns) just before that check started.
        static let checkedAt = "checked_at_ns"
        /// How many rows `entries` holds: a read that finds another number does not trust the file.
        static let rows = "rows"
    }

    /// True when the database was written by this version of the schema and holds exactly the tables,
    /// indexes and triggers `create` makes: a trigger or a view added from outside (one that could make every
    /// read loop) makes the file untrusted, and it is rebuilt.
    static func isCurrent(_ db: SQLiteDatabase) throws(SQLiteError) -> Bool {
        let version = try db.integer("PRAGMA user_version"), application = try db.integer("PRAGMA application_id")
        guard version == Self.version && application == applicationID else { return false }
        return try structure(of: db) == expectedStructure
    }

    /// Every object of the schema as `type name sql`.
    private static func structure(of db: SQLiteDatabase) throws(SQLiteError) -> Set<String> {
        let query = try db.prepare("SELECT type, name, tbl_name, sql FROM sqlite_master")
        try query.bind([])
        var objects = Set<String>()
        while try query.step() {
            objects.insert([0, 1, 2, 3].map { query.text(Int32($0)) ?? "" }.joined(separator: "\u{1F}"))
        }
        return objects
    }

    /// The structure `create` gives a new database (made once, in memory).
    private static let expectedStructure: Set<String>? = {
        guard let db = try? SQLiteDatabase(image: nil), (try? db.execute(create)) != nil else { return nil }
        return try? structure(of: db)
    }()
}
