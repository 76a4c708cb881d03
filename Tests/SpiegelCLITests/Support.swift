import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Finds the `spiegel` executable built next to this test bundle.
enum SpiegelBinary {
    /// Where we looked, for the failure message.
    static var candidates: [String] {
        var directories: [URL] = []
        if let override = ProcessInfo.processInfo.environment["SPIEGEL_BINARY"] {
            return [override]
        }
        // The test bundle lives in the build products directory (e.g. .build/debug or .build-tests/debug).
        let bundle = Bundle.main.bundleURL.resolvingSymlinksInPath()
        directories += [bundle, bundle.deletingLastPathComponent()]
        if let executable = Bundle.main.executableURL?.resolvingSymlinksInPath() {
            directories += [executable.deletingLastPathComponent()]
        }
        if let me = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            directories.append(URL(fileURLWithPath: me).deletingLastPathComponent())
        }
        for bundle in Bundle.allBundles {
            let url = bundle.bundleURL.resolvingSymlinksInPath()
            directories += [url, url.deletingLastPathComponent()]
        }
        // Fallback: the package's own build folders.
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        for scratch in [".build", ".build-tests"] {
            directories.append(root.appendingPathComponent(scratch).appendingPathComponent("debug"))
        }
        var seen = Set<String>()
        return directories.map { $0.appendingPathComponent("spiegel").path }.filter { seen.insert($0).inserted }
    }

    static let path: String? = candidates.first { path in
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && !isDirectory.boolValue
            && FileManager.default.isExecutableFile(atPath: path)
    }

    static func require(sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        guard let path else {
            let looked = candidates.joined(separator: "\n")
            Issue.record("the spiegel executable was not found; build it first (swift build). Looked at:\n\(looked)",
                         sourceLocation: sourceLocation)
            throw NotFound()
        }
        return path
    }

    struct NotFound: Error {}
}

/// A private home for one test: HOME and the XDG directories point into it.
final class Sandbox {
    let root: String

    init(_ label: String = "spiegel-cli") {
        var template = Array((NSTemporaryDirectory() + "/\(label)-XXXXXX").utf8CString)
        let created = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
        precondition(created != nil, "mkdtemp failed")
        root = URL(fileURLWithPath: String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)).standardizedFileURL.path
    }

    deinit { try? FileManager.default.removeItem(atPath: root) }

    var journal: String { root + "/data/spiegel/journal" }
    var entries: String { journal + "/entries" }
    var drafts: String { journal + "/drafts" }
    var historyFile: String { root + "/state/spiegel/history" }

    /// The child's environment: ours without Spiegel's own variables, HOME and XDG pointing here.
    func environment(_ extra: [String: String] = [:]) -> [String: String] {
        var env = ProcessInfo.processInfo.environment
        for key in ["SPIEGEL_JOURNAL", "SPIEGEL_NOW", "SPIEGEL_LANG", "SPIEGEL_PAGER", "NO_COLOR", "LC_ALL", "LANGUAGE"] { env[key] = nil }
        env["HOME"] = root
        env["XDG_DATA_HOME"] = root + "/data"
        env["XDG_STATE_HOME"] = root + "/state"
        env["XDG_CONFIG_HOME"] = root + "/config"
        env["XDG_CACHE_HOME"] = root + "/cache"
        env["LANG"] = "C.UTF-8"
        env["TERM"] = "xterm"
        env["PAGER"] = "cat"  // no pager waiting for keys on a test's terminal (the pager test sets its own)
        for (key, value) in extra { env[key] = value }
        return env
    }

    func files(in directory: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).sorted()
    }
}

/// The outcome of one run of the binary.
struct RunResult: CustomStringConvertible {
    var status: Int32
    var stdout: String
    var stderr: String
    var stdoutData: Data

    var description: String { "status \(status)\n--- stdout\n\(stdout)\n--- stderr\n\(stderr)" }
}

/// Runs the binary with `input` piped to its stdin (a real pipe), collecting stdout and stderr in files.
/// Spawned with posix_spawn and reaped with waitpid: Foundation's `Process` can miss a child's exit when
/// many run at once, and then waits for ever.
final class SpiegelRun {
    let pid: pid_t
    let arguments: [String]
    private let outPath: String
    private let errPath: String
    private let scratch: String
    /// The raw wait status, once the child has been reaped.
    private var waitStatus: Int32?

    init(_ arguments: [String], input: String = "", sandbox: Sandbox, environment extra: [String: String] = [:]) throws {
        let binary = try SpiegelBinary.require()
        self.arguments = arguments
        scratch = sandbox.root + "/run-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
        outPath = scratch + "/stdout"
        errPath = scratch + "/stderr"
        // Both ends close on exec; children spawned here also close every descriptor from 3 on, so none
        // inherits another test's pipe.
        var pipeEnds: [Int32] = [-1, -1]
        guard pipe(&pipeEnds) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        for end in pipeEnds { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, pipeEnds[0], 0)
        posix_spawn_file_actions_addclose(&actions, pipeEnds[0])
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        PTYProcess.closeFrom(&actions, 3)
        // The child starts in the sandbox (tests pass relative paths); glibc 2.29+ has the action, not the headers.
        typealias AddChdir = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>) -> Int32
        guard let symbol = dlsym(dlopen(nil, RTLD_NOW), "posix_spawn_file_actions_addchdir_np") else {
            throw POSIXError(.ENOSYS)
        }
        _ = unsafeBitCast(symbol, to: AddChdir.self)(&actions, sandbox.root)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGINT, SIGPIPE, SIGTERM, SIGWINCH, SIGCHLD] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        var noMask = sigset_t()
        sigemptyset(&noMask)
        posix_spawnattr_setsigmask(&attributes, &noMask)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))
        let argv = ([binary] + arguments).map { strdup($0) } + [nil]
        let envp = sandbox.environment(extra).map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { argv.forEach { free($0) }; envp.forEach { free($0) } }
        var child: pid_t = 0
        let spawned = posix_spawn(&child, binary, &actions, &attributes, argv, envp)
        close(pipeEnds[0])
        guard spawned == 0 else {
            close(pipeEnds[1])
            throw POSIXError(POSIXErrorCode(rawValue: spawned) ?? .EIO)
        }
        pid = child
        let writer = pipeEnds[1]
        let data = Array(input.utf8)
        // Write from another thread so a child that does not read cannot block us.
        Thread.detachNewThread {
            var offset = 0
            while offset < data.count {
                let written = data[offset...].withUnsafeBytes { Glibc.write(writer, $0.baseAddress, $0.count) }
                if written < 0 && errno == EINTR { continue }
                if written <= 0 { break }
                offset += written
            }
            close(writer)
        }
    }

    /// Whether the child is still running (reaping it when it has ended).
    var isRunning: Bool {
        if waitStatus != nil { return false }
        var status: Int32 = 0
        let result = waitpid(pid, &status, WNOHANG)
        if result == pid { waitStatus = status; return false }
        return result == 0
    }

    /// Whether a signal ended the child (SIGKILL from a test).
    var killedBySignal: Bool { waitStatus.map { ($0 & 0x7F) != 0 && ($0 & 0x7F) != 0x7F } ?? false }

    /// Waits for the process (killing it after `timeout` seconds) and collects its output.
    func finish(timeout: Double = 20, sourceLocation: SourceLocation = #_sourceLocation) -> RunResult {
        let deadline = Date().addingTimeInterval(timeout)
        while isRunning && Date() < deadline { usleep(5_000) }
        if isRunning {
            Issue.record("spiegel \(arguments) did not finish within \(timeout) s; killed", sourceLocation: sourceLocation)
            kill(pid, SIGKILL)
        }
        while waitStatus == nil {
            var status: Int32 = 0
            let result = waitpid(pid, &status, 0)
            if result == pid { waitStatus = status } else if errno != EINTR { waitStatus = 0x7F00; break }
        }
        let raw = waitStatus ?? 0
        // The exit status, or 128 + the signal's number as shells report a killed command.
        let status = (raw & 0x7F) == 0 ? (raw >> 8) & 0xFF : 128 + (raw & 0x7F)
        let out = (try? Data(contentsOf: URL(fileURLWithPath: outPath))) ?? Data()
        let err = (try? Data(contentsOf: URL(fileURLWithPath: errPath))) ?? Data()
        try? FileManager.default.removeItem(atPath: scratch)
        return RunResult(status: status, stdout: String(decoding: out, as: UTF8.self),
                         stderr: String(decoding: err, as: UTF8.self), stdoutData: out)
    }

    deinit {
        if waitStatus == nil && isRunning {
            kill(pid, SIGKILL)
            var status: Int32 = 0
            waitpid(pid, &status, 0)
        }
    }
}

/// Runs `spiegel ARGUMENTS` with `input` on a pipe and waits for it.
func spiegel(_ arguments: [String] = [], input: String = "", sandbox: Sandbox, environment: [String: String] = [:],
             timeout: Double = 20, sourceLocation: SourceLocation = #_sourceLocation) throws -> RunResult {
    try SpiegelRun(arguments, input: input, sandbox: sandbox, environment: environment)
        .finish(timeout: timeout, sourceLocation: sourceLocation)
}

/// The permission bits of a path.
func permissions(_ path: String) -> Int? {
    var info = stat()
    guard lstat(path, &info) == 0 else { return nil }
    return Int(info.st_mode) & 0o7777
}

/// Parses JSON output.
func json(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> Any {
    do {
        return try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
    } catch {
        Issue.record("not JSON: \(text)", sourceLocation: sourceLocation)
        throw error
    }
}
