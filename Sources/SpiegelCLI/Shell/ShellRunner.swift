import ArgumentParser
import SpiegelCore

/// Thrown by `quit` to leave the shell.
struct LeaveShell: Error {}

/// The shell: reads command lines (libedit on a terminal, buffered lines from a pipe) and runs each
/// through the same parser as one-shot commands, without ending on errors (scripts stop unless --keep-going).
struct ShellRunner {
    let options: GlobalOptions
    let keepGoing: Bool
    let environment = SpiegelEnvironment()
    /// The command set this shell speaks: Spiegel's own, or the coach's review commands.
    var mode: ShellMode = .main
    /// Command lines to run instead of reading them (one-shot review).
    var lines: [String]? = nil

    func run() -> Int32 {
        let interactive = lines == nil && Console.isTerminal(0) && Console.isTerminal(1)
        let reader: LineReader
        let editor: EditLineReader?
        if interactive {
            let edit = EditLineReader(program: "spiegel", historyFile: environment.historyFile)
            reader = edit
            editor = edit
        } else {
            reader = lines.map { ListLineReader(lines: $0) } ?? PipedLineReader()
            editor = nil
        }
        let session: Session
        do {
            session = try Session(environment: environment, options: options, reader: reader, inShell: true,
                                  review: mode.review)
        } catch {
            Console.write("spiegel: \(error.message)\n", to: .standardError)
            return error.exitCode
        }
        if let editor {
            editor.completer = { Completion(session: session).candidates(before: $0) }
            editor.manyCandidates = ManyCandidates(question: { session.say.completionShowAll($0) },
                                                   isYes: { ["y", "Y", "j", "J"].contains($0) })
            // An encrypted journal is opened before the greeting: a passphrase wrong three times ends the shell (77).
            if mode.review == nil {
                do { _ = try session.journal } catch let failure as SpiegelFailure where failure.exitCode == ExitStatus.noPermission {
                    Console.write("spiegel: \(session.say.failure(failure))\n", to: .standardError)
                    return failure.exitCode
                } catch {}
                Greeting(session: session).show()
            } else {
                ReviewGreeting(session: session).show()
            }
        }
        return loop(session: session, reader: reader)
    }

    private func loop(session: Session, reader: LineReader) -> Int32 {
        let label = mode.prompt
        let prompt = session.style.enabled ? "\u{1}\u{1B}[36m\u{1}\(label)\u{1}\u{1B}[0m\u{1}> " : "\(label)> "
        var failures = 0
        var worst: Int32 = 0
        while true {
            let event = reader.read(prompt: prompt, remember: false)
            let status: Int32
            switch event {
            case .end:
                return failures > 0 ? worst : 0
            case .interrupted:
                continue
            case .invalid(let problem):
                status = fail(problem, status: ExitStatus.dataError, session: session)
            case .line(let line):
                let trimmed = line.trimmingCharacters(in: .whitespaces)
                if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
                reader.remember(HistoryPolicy.remembered(trimmed, root: mode.root))
                do {
                    status = try execute(trimmed, session: session)
                } catch {
                    return failures > 0 ? worst : 0
                }
            }
            if status != 0 {
                if reader.isInteractive { continue }
                failures += 1
                worst = max(worst, status)
                if !keepGoing { return status }
            }
        }
    }

    /// Prints a failure the way this mode wants it; returns the status to count.
    private func fail(_ message: String, status: Int32, session: Session) -> Int32 {
        let reader = session.reader
        if reader.isInteractive {
            let lines = message.split(separator: "\n", omittingEmptySubsequences: false)
            let first = lines.first.map(String.init) ?? ""
            let rest = lines.dropFirst().joined(separator: "\n")
            session.screen.writeError(session.style.bad(session.say.shellErrorLabel()) + first + (rest.isEmpty ? "" : "\n" + rest) + "\n")
        } else {
            Console.write("\(reader.location): \(message)\n", to: .standardError)
        }
        return status
    }

    /// Runs one line; throws `LeaveShell` for quit.
    private func execute(_ line: String, session: Session) throws(LeaveShell) -> Int32 {
        let words: [String]
        do {
            words = try Tokenizer.split(line)
        } catch {
            return fail(session.say.shellUnbalancedQuote(TerminalSafe.visible(line)), status: ExitStatus.dataError, session: session)
        }
        guard let first = Program.commandWord(in: words) else {
            return fail(session.say.shellNoCommand(), status: ExitStatus.dataError, session: session)
        }
        guard mode.names.contains(first) else {
            return fail(session.say.unknownCommand(first, among: mode.names), status: ExitStatus.dataError, session: session)
        }
        do {
            let parsed = try mode.root.parseAsRoot(words)
            if let command = parsed as? SessionCommand {
                try command.perform(in: session.applying(command.global))
            } else {
                var other = parsed
                try other.run()
            }
            return 0
        } catch is LeaveShell {
            throw LeaveShell()
        } catch {
            let (message, status) = FailureReport.describe(error, root: mode.root, say: session.say, word: first,
                                                          brief: !session.reader.isInteractive, inReview: mode.review != nil)
            if status == 0 {
                if !message.isEmpty { session.print(message) }
                return 0
            }
            let cleaned = message.hasPrefix("Error: ") ? String(message.dropFirst(7)) : message
            // In a script the script is the data: a bad line is 65; I/O failures keep their own status.
            let scripted = status == ExitStatus.usage || status == 1 ? ExitStatus.dataError : status
            return fail(cleaned, status: session.reader.isInteractive ? status : scripted, session: session)
        }
    }
}

/// The command set a shell speaks.
struct ShellMode {
    var root: any ParsableCommand.Type
    var names: [String]
    var prompt: String
    var review: ReviewWorkspace?

    static let main = ShellMode(root: SpiegelCommand.self, names: Program.commandNames, prompt: "spiegel", review: nil)

    static func review(_ workspace: ReviewWorkspace) -> ShellMode {
        ShellMode(root: ReviewShellCommand.self, names: ReviewShellCommand.commandNames, prompt: "review", review: workspace)
    }
}

/// Lines given up front (one-shot `review ... --run CMD`), read like a script.
final class ListLineReader: LineReader {
    private let lines: [String]
    private(set) var lineNumber = 0
    let isInteractive = false

    init(lines: [String]) {
        self.lines = lines
    }

    var location: String { "--run \(lineNumber)" }

    func read(prompt: String, remember: Bool) -> LineEvent {
        guard lineNumber < lines.count else { return .end }
        lineNumber += 1
        return .line(lines[lineNumber - 1])
    }
}
