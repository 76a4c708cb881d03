import Foundation
import SpiegelCore
#if canImport(Glibc)
import Glibc
#endif

/// `/edit` at a text prompt: the answer is written in `$VISUAL` or `$EDITOR` (else `vi`), in a private
/// temporary file (0600, in a 0700 directory) that is removed as soon as the editor has been read.
struct ExternalEditor {
    let environment: SpiegelEnvironment

    enum Failure: Error {
        /// The editor could not be started or exited with a failure status; nothing was taken.
        case failed(command: String, status: Int32)
        /// The temporary file could not be made or read.
        case file(String)
    }

    /// The command that edits: `$VISUAL`, else `$EDITOR`, else `vi` (as git and jrnl do).
    var command: String {
        for name in ["VISUAL", "EDITOR"] {
            if let value = environment.variables[name], !value.trimmingCharacters(in: .whitespaces).isEmpty { return value }
        }
        return "vi"
    }

    /// Opens the editor on `initial`; returns what the file holds when the editor exits (trailing
    /// newlines removed).
    func edit(_ initial: String) throws(Failure) -> String {
        let base = environment.variables["TMPDIR"].flatMap { $0.hasPrefix("/") ? $0 : nil } ?? "/tmp"
        var template = Array((base + "/spiegel-answer-XXXXXX").utf8CString)
        guard let made = mkdtemp(&template) else { throw .file(String(cString: strerror(errno))) }
        let directory = String(cString: made)
        let path = directory + "/answer.txt"
        defer {
            unlink(path)
            rmdir(directory)
        }
        chmod(directory, 0o700)
        do {
            try SafeFiles.write(Data(initial.utf8), to: path, replace: true, durable: false)
        } catch {
            throw .file(error.message)
        }
        let status = run(command, path)
        guard status == 0 else { throw .failed(command: command, status: status) }
        guard let data = FileManager.default.contents(atPath: path) else { throw .file("\(path): cannot be read") }
        var text = String(decoding: data, as: UTF8.self)
        while text.hasSuffix("\n") || text.hasSuffix("\r") { text.removeLast() }
        return text
    }

    /// Runs `command "$path"` through /bin/sh (so a command with arguments works) and waits for it.
    private func run(_ command: String, _ path: String) -> Int32 {
        let words: [String] = ["/bin/sh", "-c", command + " \"$1\"", "sh", path]
        let argv: [UnsafeMutablePointer<CChar>?] = words.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var child: pid_t = 0
        let spawned = posix_spawn(&child, "/bin/sh", nil, nil, argv, environ)
        guard spawned == 0 else { return -1 }
        var status: Int32 = 0
        while waitpid(child, &status, 0) < 0 && errno == EINTR {}
        return (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    }
}
