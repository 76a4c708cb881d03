import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// `--output` writes where the path leads and `--journal` leaves a folder it did not make as it is.
@Suite("Outputs and journals that respect the file system")
struct OutputPathTests {
    static let env = ["NO_COLOR": "1"]

    func fileType(_ path: String) -> mode_t? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        return info.st_mode & S_IFMT
    }

    @Test func outputWritesThroughLinksAndIntoSpecialFiles() throws {
        let sandbox = Sandbox("spiegel-output")
        try completeExercise("small-gesture-plan", text: "een klein gebaar", sandbox: sandbox)

        // A symbolic link is written through: the link stays, its target gets the export.
        let target = try sandbox.write("old", to: "target.json")
        #expect(symlink(target, sandbox.root + "/link.json") == 0)
        let linked = try spiegel(["export", "--output", "link.json"], sandbox: sandbox, environment: Self.env)
        #expect(linked.status == 0, "\(linked)")
        #expect(fileType(sandbox.root + "/link.json") == S_IFLNK, "the link is still a link")
        #expect(try String(contentsOfFile: target, encoding: .utf8).contains("spiegel-bundle"), "the target holds the export")
        #expect(permissions(target) == 0o600)

        // A FIFO is written into, not replaced.
        let fifo = sandbox.root + "/pipe"
        #expect(mkfifo(fifo, 0o600) == 0)
        let received = LockedData()
        let reader = Thread {
            let fd = open(fifo, O_RDONLY)
            var buffer = [UInt8](repeating: 0, count: 65_536)
            while fd >= 0 {
                let count = read(fd, &buffer, buffer.count)
                if count <= 0 { break }
                received.append(buffer.prefix(count))
            }
            if fd >= 0 { close(fd) }
            received.finish()
        }
        reader.start()
        let piped = try spiegel(["export", "--format", "md", "--output", fifo], sandbox: sandbox, environment: Self.env)
        #expect(piped.status == 0, "\(piped)")
        #expect(received.wait(seconds: 10), "the reader got to the end")
        #expect(fileType(fifo) == S_IFIFO, "the FIFO is still a FIFO")
        #expect(String(decoding: received.bytes, as: UTF8.self).contains("een klein gebaar"))

        // A character device and /dev/stdout are written to as they are.
        let null = try spiegel(["export", "--format", "html", "--output", "/dev/null"], sandbox: sandbox, environment: Self.env)
        #expect(null.status == 0 && fileType("/dev/null") == S_IFCHR, "\(null)")
        let stdout = try spiegel(["export", "--output", "/dev/stdout"], sandbox: sandbox, environment: Self.env)
        #expect(stdout.status == 0 && stdout.stdout.contains("spiegel-bundle"), "\(stdout)")

        // A regular file is replaced atomically; a folder is refused.
        let plain = try spiegel(["export", "--output", "target.json"], sandbox: sandbox, environment: Self.env)
        #expect(plain.status == 0 && fileType(target) == S_IFREG, "\(plain)")
        #expect(sandbox.files(in: sandbox.root).allSatisfy { !$0.hasSuffix(".tmp") }, "no temporary file left")
        try FileManager.default.createDirectory(atPath: sandbox.root + "/folder", withIntermediateDirectories: false)
        let folder = try spiegel(["export", "--output", "folder"], sandbox: sandbox, environment: Self.env)
        #expect(folder.status == 73, "\(folder)")
    }

    @Test func anExistingJournalFolderKeepsItsModeAndAnEmptyOneIsAUsageError() throws {
        let sandbox = Sandbox("spiegel-output")
        let shared = sandbox.root + "/shared"
        try FileManager.default.createDirectory(atPath: shared, withIntermediateDirectories: false)
        #expect(chmod(shared, 0o1777) == 0)
        let run = try spiegel(["--journal", shared], input: "start small-gesture-plan\nat the door\nchair\n\nthe chair\nskip\n\noffer water\nin 3 days\n4\n",
                              sandbox: sandbox, environment: Self.env)
        #expect(run.status == 0, "\(run)")
        #expect(permissions(shared) == 0o1777, "the sticky bit and others' access stay")
        #expect(run.stderr.contains("others can read") && run.stderr.contains("1777"), "\(run.stderr)")
        #expect(permissions(shared + "/entries") == 0o700 && permissions(shared + "/journal.json") == 0o600, "what Spiegel makes is private")

        for arguments in [["--journal", "", "journal"], ["journal", "--journal="]] {
            let empty = try spiegel(arguments, sandbox: sandbox, environment: Self.env)
            #expect(empty.status == 64 && empty.stderr.contains("--journal"), "\(empty)")
        }
        #expect(!FileManager.default.fileExists(atPath: sandbox.root + "/journal.json"), "the current folder did not become a journal")
    }
}

/// Bytes collected on another thread, and when it finished.
private final class LockedData: @unchecked Sendable {
    private let lock = NSCondition()
    private var collected: [UInt8] = []
    private var done = false

    func append(_ bytes: ArraySlice<UInt8>) { lock.lock(); collected += bytes; lock.unlock() }
    func finish() { lock.lock(); done = true; lock.broadcast(); lock.unlock() }
    var bytes: [UInt8] { lock.lock(); defer { lock.unlock() }; return collected }

    func wait(seconds: Double) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        let deadline = Date().addingTimeInterval(seconds)
        while !done { if !lock.wait(until: deadline) { return false } }
        return true
    }
}

/// An export never lands on the journal's own files: over its manifest it would destroy an encrypted
/// journal's wrapped key.
@Suite("Exports stay out of the journal")
struct ExportOutsideJournalTests {
    @Test func anOutputInsideTheJournalIsRefusedAndTheManifestKept() throws {
        let sandbox = Sandbox("spiegel-output-inside")
        let script = "start small-gesture-plan\nat the door\nchair\n\nthe chair\nskip\n\noffer water\nin 3 days\n4\n"
        #expect(try spiegel([], input: script, sandbox: sandbox).status == 0)
        let manifest = try Data(contentsOf: URL(fileURLWithPath: sandbox.journal + "/journal.json"))
        for target in [sandbox.journal + "/journal.json", sandbox.journal + "/entries/20300101-000000-aaaaaa.json"] {
            let run = try spiegel(["export", "--output", target], sandbox: sandbox)
            #expect(run.status == 64 && run.stderr.contains("inside the journal"), "\(run)")
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: sandbox.journal + "/journal.json")) == manifest)
        #expect(try journalIDs(sandbox: sandbox).count == 1)
    }
}
