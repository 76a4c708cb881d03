import CSQLite
import Foundation

/// Something SQLite refused, with its message; the index treats every such failure as a reason to rebuild.
struct SQLiteError: Error {
    var code: Int32
    var message: String
}

/// One connection to an SQLite database: a file, or a database held in memory (an encrypted journal's
/// index, opened from its sealed bytes with `sqlite3_deserialize`). Not shared between threads.
final class SQLiteDatabase {
    private let handle: OpaquePointer
    /// The work the statement running now has done, in steps of `WorkBudget.stride` virtual-machine
    /// instructions: a query past its limit is interrupted (an index file from outside could hold a query
    /// that never ends), which the index treats as damage.
    private let budget: WorkBudget

    final class WorkBudget {
        static let stride: Int32 = 10_000
        /// 200 million instructions (some seconds): ten times what listing 100,000 entries needs.
        static let standard = 20_000
        let limit: Int
        var used = 0
        init(limit: Int) { self.limit = limit }
    }

    /// Bounds every statement's work (see `budget`).
    private func limitWork() {
        sqlite3_progress_handler(handle, WorkBudget.stride, { context in
            guard let context else { return 0 }
            let budget = Unmanaged<WorkBudget>.fromOpaque(context).takeUnretainedValue()
            budget.used += 1
            return budget.used > budget.limit ? 1 : 0
        }, Unmanaged.passUnretained(budget).toOpaque())
    }

    /// Starts the count of a statement's work again.
    fileprivate func startWork() { budget.used = 0 }

    /// Opens (creating if needed) the database file at `path`, private to its owner.
    init(path: String) throws(SQLiteError) {
        budget = WorkBudget(limit: WorkBudget.standard)
        var db: OpaquePointer?
        let status = sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nil)
        guard status == SQLITE_OK, let db else {
            let message = db.map { String(cString: sqlite3_errmsg($0)) } ?? "cannot open"
            sqlite3_close(db)
            throw SQLiteError(code: status, message: message)
        }
        handle = db
        sqlite3_busy_timeout(db, 5_000)
        limitWork()
    }

    /// A database in memory, filled with `image` (the bytes of a database file) when given; `workLimit`
    /// bounds each statement's work (in `WorkBudget.stride` instructions).
    init(image: Data?, workLimit: Int = WorkBudget.standard) throws(SQLiteError) {
        budget = WorkBudget(limit: workLimit)
        var db: OpaquePointer?
        guard sqlite3_open_v2(":memory:", &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nil) == SQLITE_OK, let db else {
            sqlite3_close(db)
            throw SQLiteError(code: SQLITE_CANTOPEN, message: "cannot open a database in memory")
        }
        handle = db
        limitWork()
        guard let image, !image.isEmpty else { return }
        // SQLite owns (and may grow) the buffer it is given: it must come from sqlite3_malloc64.
        guard let buffer = sqlite3_malloc64(sqlite3_uint64(image.count)) else {
            throw SQLiteError(code: SQLITE_NOMEM, message: "out of memory")
        }
        image.copyBytes(to: buffer.assumingMemoryBound(to: UInt8.self), count: image.count)
        let flags = UInt32(SQLITE_DESERIALIZE_FREEONCLOSE | SQLITE_DESERIALIZE_RESIZEABLE)
        let status = sqlite3_deserialize(db, "main", buffer.assumingMemoryBound(to: UInt8.self),
                                         sqlite3_int64(image.count), sqlite3_int64(image.count), flags)
        guard status == SQLITE_OK else { throw SQLiteError(code: status, message: String(cString: sqlite3_errmsg(db))) }
    }

    deinit { sqlite3_close_v2(handle) }

    /// The bytes of the whole database, as a database file would hold them.
    func serialized() throws(SQLiteError) -> Data {
        var size: sqlite3_int64 = 0
        guard let bytes = sqlite3_serialize(handle, "main", &size, 0) else {
            throw SQLiteError(code: SQLITE_NOMEM, message: "cannot serialize the index")
        }
        defer { sqlite3_free(bytes) }
        return Data(bytes: bytes, count: Int(size))
    }

    func execute(_ sql: String) throws(SQLiteError) {
        startWork()
        var error: UnsafeMutablePointer<CChar>?
        let status = sqlite3_exec(handle, sql, nil, nil, &error)
        guard status == SQLITE_OK else {
            let message = error.map { String(cString: $0) } ?? "error \(status)"
            sqlite3_free(error)
            throw SQLiteError(code: status, message: message)
        }
    }

    func prepare(_ sql: String) throws(SQLiteError) -> SQLiteStatement {
        var statement: OpaquePointer?
        guard sqlite3_prepare_v3(handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &statement, nil) == SQLITE_OK, let statement else {
            throw failure()
        }
        return SQLiteStatement(handle: statement, database: self)
    }

    /// The first column of the first row of a query, as an integer (nil when there is no row or it is NULL).
    func integer(_ sql: String, _ values: [SQLiteValue] = []) throws(SQLiteError) -> Int64? {
        let statement = try prepare(sql)
        try statement.bind(values)
        guard try statement.step() else { return nil }
        return statement.integer(0)
    }

    /// The first column of the first row of a query, as text (nil when there is no row or it is NULL).
    func text(_ sql: String) throws(SQLiteError) -> String? {
        let statement = try prepare(sql)
        try statement.bind([])
        guard try statement.step() else { return nil }
        return statement.text(0)
    }

    /// Runs `body` in one write transaction, committed when it returns and rolled back when it throws.
    func transaction<T>(_ body: () throws(SQLiteError) -> T) throws(SQLiteError) -> T {
        try execute("BEGIN IMMEDIATE")
        do {
            let result = try body()
            try execute("COMMIT")
            return result
        } catch {
            try? execute("ROLLBACK")
            throw error
        }
    }

    var lastInsertedRow: Int64 { sqlite3_last_insert_rowid(handle) }

    func failure() -> SQLiteError {
        SQLiteError(code: sqlite3_errcode(handle), message: String(cString: sqlite3_errmsg(handle)))
    }
}

/// A value bound to a statement's parameter.
enum SQLiteValue {
    case integer(Int64)
    case text(String)
    case null

    init(_ value: Int?) { self = value.map { .integer(Int64($0)) } ?? .null }
    init(_ value: String?) { self = value.map { .text($0) } ?? .null }
}

/// A prepared statement: bind, step through the rows, read columns; reset to run it again.
final class SQLiteStatement {
    private let handle: OpaquePointer
    /// Keeps the connection open while the statement lives.
    private let database: SQLiteDatabase

    fileprivate init(handle: OpaquePointer, database: SQLiteDatabase) {
        self.handle = handle
        self.database = database
    }

    deinit { sqlite3_finalize(handle) }

    /// Resets the statement and binds `values` to its parameters in order.
    func bind(_ values: [SQLiteValue]) throws(SQLiteError) {
        database.startWork()
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
        for (offset, value) in values.enumerated() {
            let position = Int32(offset + 1)
            let status: Int32 = switch value {
            case .integer(let number): sqlite3_bind_int64(handle, position, number)
            case .text(let text): sqlite3_bind_text(handle, position, text, -1, csqlite_transient())
            case .null: sqlite3_bind_null(handle, position)
            }
            guard status == SQLITE_OK else { throw database.failure() }
        }
    }

    /// Moves to the next row: true when there is one.
    func step() throws(SQLiteError) -> Bool {
        switch sqlite3_step(handle) {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default: throw database.failure()
        }
    }

    /// Binds `values` and runs the statement to its end (inserts, updates, deletes).
    func run(_ values: [SQLiteValue]) throws(SQLiteError) {
        try bind(values)
        while try step() {}
    }

    func isNull(_ column: Int32) -> Bool { sqlite3_column_type(handle, column) == SQLITE_NULL }

    func integer(_ column: Int32) -> Int64? { isNull(column) ? nil : sqlite3_column_int64(handle, column) }

    func text(_ column: Int32) -> String? {
        guard let bytes = sqlite3_column_text(handle, column) else { return nil }
        let count = Int(sqlite3_column_bytes(handle, column))
        return String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self)
    }
}
