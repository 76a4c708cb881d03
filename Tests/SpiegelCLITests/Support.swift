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
final class SpiegelRun {
    let process = Process()
    private let outPath: String
    private let errPath: String
    private let scratch: String

    init(_ arguments: [String], input: String = "", sandbox: Sandbox, environment extra: [String: String] = [:]) throws {
        let binary = try SpiegelBinary.require()
        scratch = sandbox.root + "/run-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
        outPath = scratch + "/stdout"
        errPath = scratch + "/stderr"
        _ = FileManager.default.createFile(atPath: outPath, contents: nil)
        _ = FileManager.default.createFile(atPath: errPath, contents: nil)
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        process.environment = sandbox.environment(extra)
        process.currentDirectoryURL = URL(fileURLWithPath: sandbox.root)
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: outPath))
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: errPath))
        let pipe = Pipe()
        process.standardInput = pipe
        try process.run()
        let data = Data(input.utf8)
        let writer = pipe.fileHandleForWriting
        // Write from another thread so a child that does not read cannot block us.
        Thread.detachNewThread {
            try? writer.write(contentsOf: data)
            try? writer.close()
        }
    }

    /// Waits for the process (killing it after `timeout` seconds) and collects its output.
    func finish(timeout: Double = 20, sourceLocation: SourceLocation = #_sourceLocation) -> RunResult {
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { usleep(5_000) }
        if process.isRunning {
            Issue.record("spiegel \(process.arguments ?? []) did not finish within \(timeout) s; killed", sourceLocation: sourceLocation)
            kill(process.processIdentifier, SIGKILL)
        }
        process.waitUntilExit()
        let out = (try? Data(contentsOf: URL(fileURLWithPath: outPath))) ?? Data()
        let err = (try? Data(contentsOf: URL(fileURLWithPath: errPath))) ?? Data()
        try? FileManager.default.removeItem(atPath: scratch)
        return RunResult(status: process.terminationStatus, stdout: String(decoding: out, as: UTF8.self),
                         stderr: String(decoding: err, as: UTF8.self), stdoutData: out)
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
