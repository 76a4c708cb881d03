#if os(Linux)
import Foundation
import Glibc
import Testing

/// The shell in a real terminal emulator (tmux, which renders what a person would see): resizing the window
/// while a line is being typed leaves one prompt line with the whole text, and `clear` clears the screen.
@Suite("Shell in a terminal emulator", .serialized)
struct ResizeTests {
    /// A tmux server of its own (its own socket), with the shell in one window.
    final class Tmux {
        let socket: String
        init(sandbox: Sandbox, binary: String, columns: Int) throws {
            socket = sandbox.root + "/tmux.sock"
            let environment = sandbox.environment(["NO_COLOR": "1"])
            let command = ["env", "-i"] + environment.map { "\($0.key)=\($0.value)" }.sorted() + [binary]
            try run(["new-session", "-d", "-s", "s", "-x", String(columns), "-y", "30", command.map(Self.quote).joined(separator: " ")])
        }
        static func quote(_ word: String) -> String { "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'" }

        /// Runs a tmux command and waits for it (posix_spawn and waitpid: the client exits at once).
        @discardableResult
        func run(_ arguments: [String]) throws -> String {
            // Output goes to a file: the server tmux starts would hold a pipe open for as long as it runs.
            let output = socket + ".out"
            var actions = posix_spawn_file_actions_t()
            posix_spawn_file_actions_init(&actions)
            defer { posix_spawn_file_actions_destroy(&actions) }
            posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
            posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
            posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
            // The tmux server outlives this call: it must not keep other tests' pipes open.
            PTYProcess.closeFrom(&actions, 3)
            let words = ["tmux", "-S", socket, "-f", "/dev/null"] + arguments
            var argv: [UnsafeMutablePointer<CChar>?] = words.map { strdup($0) } + [nil]
            defer { argv.forEach { free($0) } }
            var pid: pid_t = 0
            let spawned = posix_spawnp(&pid, "tmux", &actions, nil, &argv, environ)
            guard spawned == 0 else { throw POSIXError(POSIXErrorCode(rawValue: spawned) ?? .ENOENT) }
            var status: Int32 = 0
            while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
            return (try? String(contentsOfFile: output, encoding: .utf8)) ?? ""
        }
        func keys(_ text: String) throws { try run(["send-keys", "-t", "s", "-l", text]) }
        func key(_ name: String) throws { try run(["send-keys", "-t", "s", name]) }
        func resize(_ columns: Int) throws { try run(["resize-window", "-t", "s", "-x", String(columns)]) }
        /// The visible screen, without trailing blanks (tmux drops a line's trailing spaces).
        func screen() throws -> [String] {
            var lines = try run(["capture-pane", "-t", "s", "-p"]).split(separator: "\n", omittingEmptySubsequences: false)
                .map { String($0.reversed().drop { $0 == " " }.reversed()) }
            while lines.last?.trimmingCharacters(in: .whitespaces).isEmpty == true { lines.removeLast() }
            return lines
        }
        /// Waits until the screen's last line satisfies `condition`.
        func waitFor(_ what: String, timeout: Double = 10, _ condition: ([String]) -> Bool) throws -> [String] {
            let deadline = Date().addingTimeInterval(timeout)
            var lines = try screen()
            while !condition(lines) && Date() < deadline {
                usleep(50_000)
                lines = try screen()
            }
            if !condition(lines) { Issue.record("\(what): screen was\n\(lines.joined(separator: "\n"))") }
            return lines
        }
        deinit { _ = try? run(["kill-server"]) }
    }

    static func tmuxAvailable() -> Bool {
        ProcessInfo.processInfo.environment["PATH"]?.split(separator: ":").contains {
            FileManager.default.isExecutableFile(atPath: "\($0)/tmux")
        } ?? false
    }

    @Test func resizingWhileTypingLeavesOnePromptLine() throws {
        guard Self.tmuxAvailable() else { try Test.cancel("tmux is not installed (apt-get install -y tmux)") }
        let sandbox = Sandbox()
        let tmux = try Tmux(sandbox: sandbox, binary: try SpiegelBinary.require(), columns: 110)
        _ = try tmux.waitFor("the prompt") { $0.last?.hasPrefix("spiegel>") == true }
        let typed = "journal --limit 2 and a line long enough to wrap when the window is narrow"
        try tmux.keys(typed)
        _ = try tmux.waitFor("the typed line") { $0.joined().contains("narrow") }
        for columns in [60, 40, 110] {
            try tmux.resize(columns)
            usleep(300_000)
        }
        try tmux.keys(" again")
        let lines = try tmux.waitFor("the line after resizing") { $0.joined().hasSuffix("again") }
        let prompts = lines.filter { $0.contains("spiegel> ") }
        #expect(prompts.count == 1, "one prompt line, not a stale one left behind:\n\(lines.joined(separator: "\n"))")
        let start = lines.lastIndex { $0.contains("spiegel> ") } ?? 0
        let line = lines[start...].joined().replacingOccurrences(of: "spiegel> ", with: "")
        #expect(line == typed + " again", "the whole line is still there: \(line)")
    }

    @Test func clearClearsTheScreen() throws {
        guard Self.tmuxAvailable() else { try Test.cancel("tmux is not installed (apt-get install -y tmux)") }
        let sandbox = Sandbox()
        let tmux = try Tmux(sandbox: sandbox, binary: try SpiegelBinary.require(), columns: 80)
        _ = try tmux.waitFor("the prompt") { $0.last?.hasPrefix("spiegel>") == true }
        try tmux.keys("principles")
        try tmux.key("Enter")
        _ = try tmux.waitFor("the principles") { $0.count > 5 && $0.last == "spiegel>" }
        try tmux.keys("clear")
        try tmux.key("Enter")
        let lines = try tmux.waitFor("a clear screen") { $0 == ["spiegel>"] }
        #expect(lines == ["spiegel>"])
    }
}
#endif
