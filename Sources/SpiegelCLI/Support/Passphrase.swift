import Foundation
import SpiegelCore
#if canImport(Glibc)
import Glibc
#endif

/// Where a journal's passphrase comes from: the file named by SPIEGEL_PASSPHRASE_FILE (scripts), else the
/// terminal, read without echo.
struct Passphrase {
    let environment: SpiegelEnvironment
    let say: Messages

    /// `variable` names the file variable (SPIEGEL_NEW_PASSPHRASE_FILE for a new passphrase).
    /// A new passphrase (`confirm`) typed at a terminal is checked as it is typed: one shorter than 8
    /// characters is refused before "Again:", two that differ or one equal to `refusing` (the current one,
    /// for `rekey`) are asked again, three tries in all.
    func read(prompt: String, variable: String = "SPIEGEL_PASSPHRASE_FILE", confirm: Bool = false, refusing: String? = nil) throws -> String {
        if let file = environment.variables[variable], !file.isEmpty {
            let data: Data
            do { data = try SafeFiles.readNamed(SpiegelEnvironment.absolute(file), limit: 64 << 10) } catch {
                throw CommandFailure(say.passphraseFileUnreadable(variable: variable, problem: say.journalError(error)), exitCode: ExitStatus.noInput)
            }
            let text = String(decoding: data, as: UTF8.self)
            // The first line, without a Windows line end (by scalars: "\r\n" is one Character).
            var scalars = text.unicodeScalars.prefix { $0 != "\n" }
            if scalars.last == "\r" { scalars.removeLast() }
            let line = String(String.UnicodeScalarView(scalars))
            guard !line.isEmpty else { throw CommandFailure(say.passphraseFileEmpty(variable), exitCode: ExitStatus.dataError) }
            return line
        }
        guard confirm else { return try fromTerminal(prompt) }
        var problem = say.passphraseDiffer()
        for attempt in 1...3 {
            if attempt > 1 { Console.write(problem + "\n", to: .standardError) }
            let first = try fromTerminal(prompt)
            guard first.count >= 8 else { problem = say.passphraseTooShort(); continue }
            guard first != refusing else { problem = say.passphraseSame(); continue }
            guard try fromTerminal(say.passphraseAgain()) == first else { problem = say.passphraseDifferAgain(); continue }
            return first
        }
        throw CommandFailure(problem == say.passphraseDifferAgain() ? say.passphraseDiffer() : problem, exitCode: ExitStatus.dataError)
    }

    /// Whether the passphrase comes from a file (scripts) rather than the terminal.
    func fromFile(_ variable: String = "SPIEGEL_PASSPHRASE_FILE") -> Bool { !(environment.variables[variable] ?? "").isEmpty }

    private func fromTerminal(_ prompt: String) throws -> String {
        let fd = open("/dev/tty", O_RDWR | O_CLOEXEC)
        guard fd >= 0 else {
            throw CommandFailure(say.passphraseNeedsTerminal(),
                                 exitCode: ExitStatus.noPermission)
        }
        defer { close(fd) }
        var saved = termios()
        tcgetattr(fd, &saved)
        var quiet = saved
        quiet.c_lflag &= ~tcflag_t(ECHO)
        tcsetattr(fd, TCSAFLUSH, &quiet)
        defer {
            tcsetattr(fd, TCSAFLUSH, &saved)
            _ = Glibc.write(fd, "\n", 1)
        }
        _ = prompt.withCString { Glibc.write(fd, $0, strlen($0)) }
        // Ctrl-C while typing ends the command (130) with the terminal restored, not as a wrong passphrase.
        var action = sigaction()
        var previous = sigaction()
        action.__sigaction_handler.sa_handler = { signal in EditLineReader.lastSignal.store(signal, ordering: .relaxed) }
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0  // no SA_RESTART: the read must return on Ctrl-C
        sigaction(SIGINT, &action, &previous)
        defer { sigaction(SIGINT, &previous, nil) }
        EditLineReader.lastSignal.store(0, ordering: .relaxed)
        var bytes: [UInt8] = []
        var byte: UInt8 = 0
        while bytes.count < 4096 {
            let count = Glibc.read(fd, &byte, 1)
            if count < 0 && errno == EINTR {
                if EditLineReader.lastSignal.load(ordering: .relaxed) == SIGINT {
                    throw CommandFailure(say.errorInterrupted(), exitCode: ExitStatus.interrupted)
                }
                continue
            }
            guard count == 1, byte != 10 else { break }
            bytes.append(byte)
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
