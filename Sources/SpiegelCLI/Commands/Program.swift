import ArgumentParser
import Foundation
import SpiegelContent
import SpiegelCore
#if canImport(Glibc)
import Glibc
#endif

/// The entry point: one-shot commands, the shell, and the rules every command line follows.
public enum Program {
    static let commands: [ParsableCommand.Type] = [
        HelpCommand.self, PrinciplesCommand.self, ShowCommand.self, RelatedCommand.self, SearchCommand.self,
        GraphCommand.self, ExercisesCommand.self, StartCommand.self, ResumeCommand.self, DraftsCommand.self,
        DiscardCommand.self, JournalCommand.self, EntryCommand.self, StatsCommand.self, CommitmentsCommand.self,
        DoneCommand.self, MovedCommand.self, DroppedCommand.self, DueCommand.self, MirrorCommand.self, RecommendCommand.self, ExportCommand.self,
        ImportCommand.self, ReviewCommand.self, DoctorCommand.self, InitCommand.self, EncryptCommand.self, DecryptCommand.self, RekeyCommand.self, QuitCommand.self,
    ]

    /// Names a line may start with.
    static var commandNames: [String] {
        commands.compactMap { $0.configuration.commandName } + commands.flatMap { $0.configuration.aliases }
    }

    /// Options of the root that take a value (to find the command word in a one-shot command line).
    static let valueOptions: Set<String> = ["--journal", "--lang", "--knowledge", "--now", "--generate-completion-script"]

    /// Runs the process and exits with its status.
    public static func main() -> Never {
        setlocale(LC_CTYPE, "")
        signal(SIGPIPE, SIG_IGN)
        // A file size limit (ulimit -f) then fails the write with EFBIG instead of killing the process.
        signal(SIGXFSZ, SIG_IGN)
        let arguments = Array(CommandLine.arguments.dropFirst())
        exit(run(arguments))
    }

    /// The word that names the command, if there is one, skipping global options and their values.
    static func commandWord(in arguments: [String]) -> String? {
        var index = 0
        while index < arguments.count {
            let word = arguments[index]
            if word == "--" { return arguments.count > index + 1 ? arguments[index + 1] : nil }
            if word.hasPrefix("-") {
                index += valueOptions.contains(word) ? 2 : 1
                continue
            }
            return word
        }
        return nil
    }

    /// "unknown command 'strat' — did you mean 'start'?"
    static func unknownCommand(_ word: String, among names: [String] = commandNames) -> String {
        let hint = Suggestion.closest(to: word, among: names).map { " — did you mean '\($0)'?" }
            ?? " — type 'help' for the list of commands"
        return "unknown command '\(TerminalSafe.visible(word, keepNewlines: false))'\(hint)"
    }

    /// Parses and runs one command line; returns the exit status. Errors go to stderr.
    static func run(_ arguments: [String]) -> Int32 {
        if let word = commandWord(in: arguments), !commandNames.contains(word) {
            Console.write(TextLayout.terminal(.standardError).lay("spiegel: \(unknownCommand(word))\n"), to: .standardError)
            return ExitStatus.usage
        }
        do {
            var command = try SpiegelCommand.parseAsRoot(arguments)
            try command.run()
            return 0
        } catch {
            return report(error)
        }
    }

    static func report(_ error: Error) -> Int32 {
        let (message, status) = FailureReport.describe(error, root: SpiegelCommand.self)
        if status == 0 {
            if !message.isEmpty { Console.write(TextLayout.terminal(.standardOutput).lay(message + "\n"), to: .standardOutput) }
        } else if !message.isEmpty {
            let text = message.hasPrefix("Error:") || message.contains("\n") ? message : "spiegel: " + message
            Console.write(TextLayout.terminal(.standardError).lay(text + "\n"), to: .standardError)
        }
        return status
    }

    /// Where a one-shot command reads answers: the editor on a terminal (made on the first read, so that
    /// until then Ctrl-C ends the command with 130), buffered stdin otherwise.
    static func answerReader(environment: SpiegelEnvironment) -> LineReader {
        if Console.isTerminal(0) && Console.isTerminal(1) {
            return DeferredEditLineReader()
        }
        return PipedLineReader()
    }
}
