import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The journal's index and the review cache are read as data from outside: special files in their place,
/// rows deleted or added, triggers planted, cache folders that are links or open to others.
@Suite("The index and the cache as untrusted input")
struct UntrustedIndexTests {
    static let env = ["NO_COLOR": "1"]

    func sqlite(_ path: String, _ sql: String) throws {
        let run = try runTool(["python3", "-c", "import sqlite3, sys\ndb = sqlite3.connect(sys.argv[1])\ndb.executescript(sys.argv[2])\ndb.commit()",
                               path, sql])
        #expect(run.status == 0, "\(run)")
    }

    func listed(_ sandbox: Sandbox, sourceLocation: SourceLocation = #_sourceLocation) throws -> Int {
        let run = try spiegel(["journal", "--json"], sandbox: sandbox, environment: Self.env, timeout: 20, sourceLocation: sourceLocation)
        #expect(run.status == 0, "\(run)", sourceLocation: sourceLocation)
        return (try json(run.stdout) as? [Any])?.count ?? -1
    }

    @Test func fifosInPlaceOfTheIndexNeverHang() throws {
        for name in [".index.sqlite", ".index.sqlite-journal"] {
            let sandbox = Sandbox("spiegel-index")
            try completeExercise("small-gesture-plan", text: "een klein gebaar", sandbox: sandbox)
            for file in [".index.sqlite", ".index.sqlite-journal"] { unlink(sandbox.journal + "/" + file) }
            #expect(mkfifo(sandbox.journal + "/" + name, 0o600) == 0)
            #expect(try listed(sandbox) == 1, "\(name)")
            var info = stat()
            #expect(lstat(sandbox.journal + "/" + name, &info) != 0 || (info.st_mode & S_IFMT) == S_IFREG, "\(name) is no FIFO any more")
        }
    }

    @Test func rowsDeletedOrAddedAreFoundAndDoctorSaysSo() throws {
        guard Python.available else { try Test.cancel("python3 is not available") }
        let sandbox = Sandbox("spiegel-index")
        try completeExercise("small-gesture-plan", times: 5, text: "een klein gebaar", sandbox: sandbox)
        let index = sandbox.journal + "/.index.sqlite"
        #expect(try listed(sandbox) == 5)
        // Rows deleted (the recorded count left as it was): every read finds all five again.
        try sqlite(index, "DELETE FROM entries WHERE rowid IN (SELECT rowid FROM entries LIMIT 2);")
        #expect(try listed(sandbox) == 5)
        let stats = try spiegel(["stats", "--json"], sandbox: sandbox, environment: Self.env)
        #expect(stats.status == 0 && stats.stdout.contains("\"entries\" : 5"), "\(stats)")

        // Doctor, run on the index as it was left, names what was hidden and what was a ghost, and repairs it.
        try sqlite(index, "DELETE FROM entries WHERE rowid IN (SELECT rowid FROM entries LIMIT 1);"
                   + "INSERT INTO entries(name, inode, size, mtime, exercise, principles, completed_at, day, confidence, first_line, language) "
                   + "VALUES ('20990101-000000-aaaaaa.json', 1, 1, 1, 'small-gesture-plan', '', '2099-01-01T00:00:00+00:00', '2099-01-01', 3, 'ghost', 'nl');")
        let doctor = try spiegel(["doctor"], sandbox: sandbox, environment: Self.env)
        #expect(doctor.status == 0 && doctor.stdout.contains("missing 1 entry and listed 1 without a file"), "\(doctor)")
        #expect(try listed(sandbox) == 5)
        let again = try spiegel(["doctor"], sandbox: sandbox, environment: Self.env)
        #expect(again.status == 0 && !again.stdout.contains("missing"), "\(again)")
    }

    @Test func triggersAndViewsFromOutsideMakeTheIndexBeRebuilt() throws {
        guard Python.available else { try Test.cancel("python3 is not available") }
        let sandbox = Sandbox("spiegel-index")
        try completeExercise("small-gesture-plan", text: "een klein gebaar", sandbox: sandbox)
        #expect(try listed(sandbox) == 1)
        let index = sandbox.journal + "/.index.sqlite"
        try sqlite(index, """
            CREATE TRIGGER endless AFTER INSERT ON entries BEGIN
              SELECT count(*) FROM (WITH RECURSIVE r(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM r) SELECT x FROM r); END;
            CREATE VIEW planted AS SELECT 1;
            """)
        // A new entry makes the index stale: the next read would fire the trigger.
        try completeExercise("small-gesture-plan", text: "nog een", sandbox: sandbox)
        #expect(try listed(sandbox) == 2)
        let objects = try runTool(["python3", "-c", "import sqlite3, sys\nprint(sqlite3.connect(sys.argv[1]).execute(\"SELECT count(*) FROM sqlite_master WHERE name IN ('endless', 'planted')\").fetchone()[0])", index])
        #expect(objects.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "0", "the planted objects are gone: \(objects)")
    }

    @Test func theReviewCacheIsPrivateAndItsRowsAgreeWithTheBundle() throws {
        guard Python.available else { try Test.cancel("python3 is not available") }
        let sandbox = Sandbox("spiegel-index")
        try completeExercise("small-gesture-plan", text: "het echte antwoord", sandbox: sandbox)
        #expect(try spiegel(["export", "--as", "Anna", "--output", "anna.json"], sandbox: sandbox).status == 0)
        func shown() throws -> String {
            let run = try spiegel(["review", "anna.json", "--run", "entries anna"], sandbox: sandbox, environment: Self.env)
            #expect(run.status == 0, "\(run)")
            return run.stdout
        }
        #expect(try shown().contains("het echte antwoord"))
        let cache = sandbox.root + "/cache/spiegel/review"
        let cached = try #require(sandbox.files(in: cache).first { $0.hasSuffix(".sqlite") })
        #expect(permissions(cache) == 0o700)

        // A row changed in the cache is found out by the bundle it stands for.
        try sqlite(cache + "/" + cached, "UPDATE entries SET first_line = 'planted';")
        #expect(try !shown().contains("planted"))

        // The cache folder a symbolic link to a folder with a planted index: not used.
        let elsewhere = sandbox.root + "/elsewhere"
        try FileManager.default.moveItem(atPath: cache, toPath: elsewhere)
        try sqlite(elsewhere + "/" + cached, "UPDATE entries SET first_line = 'planted';")
        #expect(symlink(elsewhere, cache) == 0)
        #expect(try !shown().contains("planted"))
        unlink(cache)

        // A folder open to others: made private again and emptied before use.
        try FileManager.default.moveItem(atPath: elsewhere, toPath: cache)
        #expect(chmod(cache, 0o777) == 0)
        #expect(try !shown().contains("planted"))
        #expect(permissions(cache) == 0o700)
    }
}
