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
        ImportCommand.self, ReviewCommand.self, DoctorCommand.self, InitCommand.self, EncryptCommand.self, DecryptCommand.self, RekeyCommand.self, ClearCommand.self, QuitCommand.self,
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

    /// The language of a one-shot command line, for what is said before a session exists (`--lang`, else
    /// the environment; English when neither names one Spiegel speaks).
    static func language(of arguments: [String]) -> Language {
        var option: String?
        for (index, word) in arguments.enumerated() {
            if word == "--" { break }
            if word == "--lang", index + 1 < arguments.count { option = arguments[index + 1] }
            if word.hasPrefix("--lang=") { option = String(word.dropFirst(7)) }
        }
        return (try? SpiegelEnvironment().language(option: option)) ?? .en
    }

    /// Parses and runs one command line; returns the exit status. Errors go to stderr.
    static func run(_ arguments: [String]) -> Int32 {
        let say = Messages(language(of: arguments))
        let word = commandWord(in: arguments)
        if let word, !commandNames.contains(word) {
            Console.write(TextLayout.terminal(.standardError).lay("spiegel: \(say.unknownCommand(word, among: commandNames))\n"),
                          to: .standardError)
            return ExitStatus.usage
        }
        do {
            var command = try SpiegelCommand.parseAsRoot(arguments)
            try command.run()
            return 0
        } catch {
            return report(error, say: say, word: word)
        }
    }

    static func report(_ error: Error, say: Messages, word: String?) -> Int32 {
        let (message, status) = FailureReport.describe(error, root: SpiegelCommand.self, say: say, word: word)
        if status == 0 {
            if !message.isEmpty { Console.write(TextLayout.terminal(.standardOutput).lay(message + "\n"), to: .standardOutput) }
        } else if !message.isEmpty {
            Console.write(TextLayout.terminal(.standardError).lay("spiegel: " + message + "\n"), to: .standardError)
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
