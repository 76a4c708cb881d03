import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs a process and measures it: wall time and peak resident memory (from wait4's rusage).
struct ProcessRunner {
    struct Measurement {
        var seconds: Double
        var peakKilobytes: Int
        var status: Int32
    }

    let environment: [String: String]

    /// GNU time, when installed: a child spawned from this (large) process inherits its peak memory
    /// figure, so peaks are measured through `time`, which forks the measured process from a small one.
    static let timeCommand = FileManager.default.isExecutableFile(atPath: "/usr/bin/time") ? "/usr/bin/time" : nil

    /// Peak resident memory of one run, in kilobytes (through GNU time when it is there).
    func peakKilobytes(_ arguments: [String], stdinPath: String? = nil) -> Int {
        guard let time = Self.timeCommand else { return measure(arguments, stdinPath: stdinPath).peakKilobytes }
        let report = NSTemporaryDirectory() + "spiegel-bench-peak-\(getpid())"
        _ = measure([time, "-f", "%M", "-o", report] + arguments, stdinPath: stdinPath)
        defer { unlink(report) }
        let text = (try? String(contentsOfFile: report, encoding: .utf8)) ?? ""
        return Int(text.split(whereSeparator: \.isNewline).last.map(String.init) ?? "") ?? 0
    }

    private func cStrings(_ strings: [String]) -> [UnsafeMutablePointer<CChar>?] {
        strings.map { strdup($0) } + [nil]
    }

    /// Runs `arguments` with stdin from `stdinPath` (or /dev/null) and stdout/stderr discarded.
    func measure(_ arguments: [String], stdinPath: String? = nil) -> Measurement {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, stdinPath ?? "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        return spawnAndWait(arguments, actions: &actions, whileRunning: nil)
    }

    /// Starts `arguments` on a pseudo-terminal and measures the time until `marker` appears; then ends it.
    func timeToOutput(_ arguments: [String], marker: String) -> Measurement {
        var master: Int32 = 0, slave: Int32 = 0
        var size = winsize(ws_row: 30, ws_col: 100, ws_xpixel: 0, ws_ypixel: 0)
        guard openpty(&master, &slave, nil, nil, &size) == 0 else { return Measurement(seconds: .nan, peakKilobytes: 0, status: -1) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for target in 0...2 { posix_spawn_file_actions_adddup2(&actions, slave, Int32(target)) }
        posix_spawn_file_actions_addclose(&actions, master)
        var elapsed = Double.nan
        let result = spawnAndWait(arguments, actions: &actions) { pid, started in
            close(slave)
            var seen = [UInt8]()
            var buffer = [UInt8](repeating: 0, count: 4096)
            let needle = Array(marker.utf8)
            var poller = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
            while Date().timeIntervalSince(started) < 10 {
                guard poll(&poller, 1, 100) > 0 else { continue }
                let count = read(master, &buffer, buffer.count)
                if count <= 0 { break }
                seen += buffer[0..<count]
                if seen.count >= needle.count, (0...(seen.count - needle.count)).contains(where: { Array(seen[$0..<$0 + needle.count]) == needle }) {
                    elapsed = Date().timeIntervalSince(started)
                    break
                }
            }
            kill(-pid, SIGTERM)  // the whole group: also what a wrapper like GNU time started
        }
        close(master)
        return Measurement(seconds: elapsed, peakKilobytes: result.peakKilobytes, status: result.status)
    }

    private func spawnAndWait(_ arguments: [String], actions: inout posix_spawn_file_actions_t,
                              whileRunning: ((pid_t, Date) -> Void)?) -> Measurement {
        let argv = cStrings(arguments)
        let envp = cStrings(environment.map { "\($0.key)=\($0.value)" })
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid: pid_t = 0
        // Its own process group: libedit passes a terminating signal on to the whole group.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP))
        posix_spawnattr_setpgroup(&attributes, 0)
        let started = Date()
        guard posix_spawn(&pid, arguments[0], &actions, &attributes, argv, envp) == 0 else {
            return Measurement(seconds: .nan, peakKilobytes: 0, status: -1)
        }
        whileRunning?(pid, started)
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
        let seconds = Date().timeIntervalSince(started)
        let exited = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return Measurement(seconds: seconds, peakKilobytes: Int(usage.ru_maxrss), status: exited)
    }
}
