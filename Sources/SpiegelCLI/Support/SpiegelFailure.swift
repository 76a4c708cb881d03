import Foundation
import ArgumentParser
import SpiegelContent
import SpiegelCore

/// Every error the command line reports: a one-line message a user can act on and a sysexits status.
public protocol SpiegelFailure: Error {
    var message: String { get }
    var exitCode: Int32 { get }
}

/// sysexits(3) statuses.
public enum ExitStatus {
    public static let usage: Int32 = 64
    public static let dataError: Int32 = 65
    public static let noInput: Int32 = 66
    public static let cantCreate: Int32 = 73
    public static let ioError: Int32 = 74
    public static let busy: Int32 = 75
    public static let noPermission: Int32 = 77
    /// Ended by Ctrl-C (128 + SIGINT), as shells report it.
    public static let interrupted: Int32 = 130
}

/// A failure with a fixed message and status.
public struct CommandFailure: SpiegelFailure {
    public var message: String
    public var exitCode: Int32

    public init(_ message: String, exitCode: Int32 = ExitStatus.usage) {
        self.message = message
        self.exitCode = exitCode
    }
}

extension JournalError: SpiegelFailure {
    /// The sysexits status: 73 can't create, 74 I/O error, 65 bad data, 66 no input, 75 busy, 77 passphrase.
    public var exitCode: Int32 {
        switch self {
        case .cannotCreate: ExitStatus.cantCreate
        case .cannotWrite, .cannotRead: ExitStatus.ioError
        case .corrupt, .newerSchema, .ambiguous, .unsafePath, .damagedKey: ExitStatus.dataError
        case .notFound: ExitStatus.noInput
        case .needsPassphrase: ExitStatus.noPermission
        case .cipher(let failure): failure == .wrongPassphrase ? ExitStatus.noPermission : ExitStatus.dataError
        case .alreadyEncrypted, .notEncrypted, .notesForAnotherJournal, .tooManyNotes: ExitStatus.dataError
        case .busy, .changedMeanwhile: ExitStatus.busy
        case .incomplete(_, _, _, let cause): cause.exitCode
        }
    }
}

extension ContentErrors: SpiegelFailure {
    public var message: String { description }
    public var exitCode: Int32 { ExitStatus.dataError }
}

extension AnswerError: SpiegelFailure {
    /// In English; where the reader's language is known the message comes from `Messages.answerError`.
    public var message: String { Messages(.en).answerError(self) }
    public var exitCode: Int32 { ExitStatus.dataError }
}

/// Turns any error into a message and status in the session's language: ours map directly, the parser's
/// are reworded from the catalogs, and a help request gets the command's help screen.
enum FailureReport {
    /// `word` names the command the line was for (its help and usage); `brief` leaves the usage out
    /// (scripts and the shell).
    static func describe(_ error: Error, root: any ParsableCommand.Type, say: Messages, word: String?,
                         brief: Bool = false, inReview: Bool = false) -> (message: String, status: Int32) {
        // Failures name files and quote data: made visible whether stderr is a terminal or not.
        if let failure = error as? SpiegelFailure { return (TerminalSafe.visible(say.failure(failure)), failure.exitCode) }
        // A status a command chose on purpose (`due` exits 1 when nothing is due, like grep).
        if let chosen = error as? ExitCode { return ("", chosen.rawValue) }
        let type = word.flatMap { word in
            root.configuration.subcommands.first { $0.configuration.commandName == word || $0.configuration.aliases.contains(word) }
        }
        let code = root.exitCode(for: error).rawValue
        if code == 0 {
            let full = root.fullMessage(for: error).trimmingCharacters(in: .whitespacesAndNewlines)
            // `--help` (the parser's screen starts with its overview or usage; `--version` is one line).
            if full.hasPrefix("OVERVIEW:") || full.hasPrefix("USAGE:") {
                return (CommandHelpView(say: say).render(type ?? root, root: root, inReview: inReview), 0)
            }
            return (full, 0)
        }
        var message = say.parserMessage(root.message(for: error).trimmingCharacters(in: .whitespacesAndNewlines))
        if !brief, let type, let name = type.configuration.commandName {
            message += "\n" + CommandHelpView.usageLine(type, root: root, say: say) + "\n" + say.helpscreenSeeHelp(name)
        }
        return (message, code == 1 ? ExitStatus.usage : code)
    }
}
