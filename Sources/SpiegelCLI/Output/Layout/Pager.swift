import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Long output on a terminal goes through a pager the way git does it: `$SPIEGEL_PAGER`, else `$PAGER`,
/// else `less`, with `LESS=FRX` unless set (quit when it fits one screen, keep colours, leave the text
/// on the screen) and `LESSCHARSET=utf-8` unless set. An empty value or `cat` means no pager, and so does a
/// terminal that cannot page (`TERM=dumb`, as in Emacs shells and some CI logs).
struct Pager {
    let command: String
    let variables: [String: String]

    /// The pager to use, or nil: not on a terminal, `--no-pager`, or none wanted.
    static func chosen(environment: SpiegelEnvironment, disabled: Bool) -> Pager? {
        guard !disabled, Console.isTerminal(1) else { return nil }
        let variables = environment.variables
        guard variables["TERM"] != "dumb" else { return nil }
        let command = (variables["SPIEGEL_PAGER"] ?? variables["PAGER"] ?? "less").trimmingCharacters(in: .whitespaces)
        guard !command.isEmpty, command != "cat" else { return nil }
        return Pager(command: command, variables: variables)
    }

    /// Shows `text` through the pager and waits for it; false when the pager could not be started (the
    /// caller then writes the text itself).
    func show(_ text: String) -> Bool {
        var pipeEnds: [Int32] = [0, 0]
        guard pipe(&pipeEnds) == 0 else { return false }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, pipeEnds[0], 0)
        posix_spawn_file_actions_addclose(&actions, pipeEnds[0])
        posix_spawn_file_actions_addclose(&actions, pipeEnds[1])
        var environment = variables
        if environment["LESS"] == nil { environment["LESS"] = "FRX" }
        if environment["LV"] == nil { environment["LV"] = "-c" }
        if environment["LESSCHARSET"] == nil { environment["LESSCHARSET"] = "utf-8" }
        let words: [String] = ["/bin/sh", "-c", "exec " + command]
        let argv: [UnsafeMutablePointer<CChar>?] = words.map { strdup($0) } + [nil]
        let envp: [UnsafeMutablePointer<CChar>?] = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var child: pid_t = 0
        let spawned = posix_spawn(&child, "/bin/sh", &actions, nil, argv, envp)
        close(pipeEnds[0])
        guard spawned == 0 else {
            close(pipeEnds[1])
            return false
        }
        let data = Data(text.utf8)
        data.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = write(pipeEnds[1], buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return  // the pager was left early: the rest is not wanted
                }
                offset += written
            }
        }
        close(pipeEnds[1])
        var status: Int32 = 0
        while waitpid(child, &status, 0) < 0 && errno == EINTR {}
        // 127: the shell did not find the pager; nothing was shown.
        return !((status & 0x7f) == 0 && (status >> 8) & 0xff == 127)
    }
}
