// Pseudo-terminal tests use Linux's /proc and glibc's posix_spawn flags.
#if os(Linux)
import Foundation
import Glibc
import Testing

/// A child process attached to a pseudo-terminal as its controlling terminal.
final class PTYProcess {
    let pid: pid_t
    let master: Int32
    private(set) var output: [UInt8] = []
    private var exitStatus: Int32?

    enum Failure: Error, CustomStringConvertible {
        case system(String)
        var description: String { switch self { case .system(let s): s } }
    }

    init(executable: String, arguments: [String] = [], environment: [String: String], columns: UInt16 = 100) throws {
        var masterFD: Int32 = -1, slaveFD: Int32 = -1
        var size = winsize(ws_row: 40, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
        guard openpty(&masterFD, &slaveFD, nil, nil, &size) == 0 else { throw Failure.system("openpty: \(String(cString: strerror(errno)))") }
        var nameBuffer = [CChar](repeating: 0, count: 256)
        guard ttyname_r(slaveFD, &nameBuffer, nameBuffer.count) == 0 else {
            close(masterFD); close(slaveFD)
            throw Failure.system("ttyname_r failed")
        }
        let slaveName = String(decoding: nameBuffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        _ = fcntl(masterFD, F_SETFD, FD_CLOEXEC)
        _ = fcntl(slaveFD, F_SETFD, FD_CLOEXEC)

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        // Opened after setsid(): the first terminal a session leader opens becomes its controlling terminal.
        posix_spawn_file_actions_addopen(&actions, 0, slaveName, O_RDWR, 0)
        posix_spawn_file_actions_adddup2(&actions, 0, 1)
        posix_spawn_file_actions_adddup2(&actions, 0, 2)
        PTYProcess.closeFrom(&actions, 3)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var defaults = sigset_t()
        sigemptyset(&defaults)
        sigaddset(&defaults, SIGINT)
        sigaddset(&defaults, SIGPIPE)
        sigaddset(&defaults, SIGWINCH)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        var noMask = sigset_t()
        sigemptyset(&noMask)
        posix_spawnattr_setsigmask(&attributes, &noMask)
        let setsid: Int16 = 0x80  // POSIX_SPAWN_SETSID (glibc), not imported into Swift
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK) | setsid)

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { argv.forEach { free($0) }; envp.forEach { free($0) } }
        var child: pid_t = 0
        let status = posix_spawn(&child, executable, &actions, &attributes, argv, envp)
        close(slaveFD)
        guard status == 0 else {
            close(masterFD)
            throw Failure.system("posix_spawn \(executable): \(String(cString: strerror(status)))")
        }
        pid = child
        master = masterFD
        _ = fcntl(masterFD, F_SETFL, fcntl(masterFD, F_GETFL) | O_NONBLOCK)
    }

    /// Closes every descriptor from `lowest` on in the child, so that it inherits none of the test process's
    /// (other tests' pipes and files) — as Foundation's `Process` does.
    static func closeFrom(_ actions: inout posix_spawn_file_actions_t, _ lowest: Int32) {
        typealias CloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32
        if let symbol = dlsym(dlopen(nil, RTLD_NOW), "posix_spawn_file_actions_addclosefrom_np") {
            _ = unsafeBitCast(symbol, to: CloseFrom.self)(&actions, lowest)
        }
    }

    deinit {
        if exitStatus == nil {
            kill(pid, SIGKILL)
            var status: Int32 = 0
            waitpid(pid, &status, 0)
        }
        close(master)
    }

    func send(_ text: String) {
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
            if n < 0 { if errno == EINTR || errno == EAGAIN { usleep(1000); continue }; return }
            offset += n
        }
    }

    /// Reads whatever is available now.
    @discardableResult
    func drain() -> Int {
        var total = 0
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(master, $0.baseAddress, $0.count) }
            if n > 0 { output += buffer[0..<n]; total += n; continue }
            return total
        }
    }

    var text: String { String(decoding: output, as: UTF8.self) }

    /// Waits until the output after `from` contains `needle`; returns the index after it, or nil on timeout.
    func waitFor(_ needle: String, after from: Int = 0, timeout: Double = 5) -> Int? {
        let target = Array(needle.utf8)
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            drain()
            if let range = find(target, from: from) { return range }
            if Date() > deadline { return nil }
            var poller = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
            _ = poll(&poller, 1, 50)
        }
    }

    private func find(_ target: [UInt8], from: Int) -> Int? {
        guard !target.isEmpty, output.count >= target.count else { return nil }
        var index = max(0, from)
        while index + target.count <= output.count {
            if output[index] == target[0] && Array(output[index..<index + target.count]) == target { return index + target.count }
            index += 1
        }
        return nil
    }

    /// Waits for the process to exit; returns its exit status (or 128+signal), nil on timeout.
    func waitForExit(timeout: Double = 5) -> Int32? {
        if let exitStatus { return exitStatus }
        let deadline = Date().addingTimeInterval(timeout)
        repeat {
            drain()
            var status: Int32 = 0
            let result = waitpid(pid, &status, WNOHANG)
            if result == pid {
                let code = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
                exitStatus = code
                drain()
                return code
            }
            if Date() >= deadline { return nil }
            usleep(20_000)
        } while true
    }

    var isAlive: Bool { waitForExit(timeout: 0) == nil }
}

extension PTYProcess {
    struct Timeout: Error {}

    /// The number of output bytes so far: a mark to search after.
    var mark: Int {
        drain()
        return output.count
    }

    /// The output after `mark`, as text.
    func text(after mark: Int) -> String { String(decoding: output[min(mark, output.count)...], as: UTF8.self) }

    /// Waits for `needle` after `mark`; on timeout records an issue with the transcript and throws.
    @discardableResult
    func expect(_ needle: String, after mark: Int = 0, timeout: Double = 5, _ what: String = "",
                sourceLocation: SourceLocation = #_sourceLocation) throws -> Int {
        if let end = waitFor(needle, after: mark, timeout: timeout) { return end }
        Issue.record("""
            \(what.isEmpty ? "" : what + ": ")no \(needle.debugDescription) within \(timeout) s; output after the mark:
            \(text(after: mark).debugDescription)
            """, sourceLocation: sourceLocation)
        throw Timeout()
    }
}

extension PTYProcess {
    /// Whether the terminal is in libedit's editing mode (not canonical, no echo by the terminal).
    var isRaw: Bool {
        var settings = termios()
        guard tcgetattr(master, &settings) == 0 else { return false }
        return settings.c_lflag & tcflag_t(ICANON) == 0 && settings.c_lflag & tcflag_t(ECHO) == 0
    }

    /// Waits for `prompt` after `mark` and then for the editor to switch the terminal to raw mode.
    /// libedit prints its prompt first and only then leaves canonical mode; keys typed in between would be
    /// handled by the terminal's line discipline (echoed, ^D turned into an end-of-file), so wait for both.
    @discardableResult
    func expectPrompt(_ prompt: String, after mark: Int = 0, timeout: Double = 5, _ what: String = "",
                      sourceLocation: SourceLocation = #_sourceLocation) throws -> Int {
        let end = try expect(prompt, after: mark, timeout: timeout, what, sourceLocation: sourceLocation)
        let deadline = Date().addingTimeInterval(timeout)
        while !isRaw {
            if Date() > deadline || !isAlive {
                Issue.record("\(what.isEmpty ? "" : what + ": ")the terminal never left canonical mode after \(prompt.debugDescription)",
                             sourceLocation: sourceLocation)
                throw Timeout()
            }
            usleep(2_000)
        }
        try waitUntilReading(timeout: timeout, what, sourceLocation: sourceLocation)
        return end
    }

    #if arch(x86_64)
    static let readSyscall = "0", writeSyscall = "1"
    #elseif arch(arm64)
    static let readSyscall = "63", writeSyscall = "64"
    #else
    static let readSyscall = "", writeSyscall = ""
    #endif

    /// Whether the child is asleep in the system call `number` on file descriptor `descriptor`, from /proc;
    /// nil when that cannot be told.
    func isBlocked(inSyscall number: String, descriptor: Int) -> Bool? {
        guard !number.isEmpty,
              let syscall = try? String(contentsOfFile: "/proc/\(pid)/syscall", encoding: .utf8),
              let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8) else { return nil }
        let call = syscall.split(separator: " ")
        // The state follows the command name in parentheses.
        let state = stat[(stat.lastIndex(of: ")").map { stat.index($0, offsetBy: 2) } ?? stat.startIndex)...].first
        return call.count >= 2 && call[0] == number && call[1] == "0x\(String(descriptor, radix: 16))" && state == "S"
    }

    /// Whether the child is blocked reading its terminal (stdin).
    var isBlockedReading: Bool? { isBlocked(inSyscall: Self.readSyscall, descriptor: 0) }

    /// Waits until the child sits in read(0): keys sent now reach the editor, and a Ctrl-C interrupts that read.
    /// (A Ctrl-C that arrives while the editor is busy redrawing is a different, racy case.)
    func waitUntilReading(timeout: Double = 5, _ what: String = "", sourceLocation: SourceLocation = #_sourceLocation) throws {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            drain()
            switch isBlockedReading {
            case true?: return
            case nil:
                usleep(50_000)  // no /proc: a pause is the best we can do
                return
            case false?:
                if Date() > deadline || !isAlive {
                    Issue.record("\(what.isEmpty ? "" : what + ": ")the shell did not get back to reading its input",
                                 sourceLocation: sourceLocation)
                    throw Timeout()
                }
                usleep(1_000)
            }
        }
    }

    /// Sends keys once the editor is waiting for them.
    func type(_ keys: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        try waitUntilReading(sourceLocation: sourceLocation)
        send(keys)
    }
}
#endif
