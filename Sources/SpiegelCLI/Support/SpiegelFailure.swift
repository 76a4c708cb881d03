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
        case .encryption: ExitStatus.noPermission
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

/// Turns any error into a message and status: ours map directly, the parser's keep its text.
enum FailureReport {
    /// `brief` gives the parser's one-line message without usage (for scripts).
    static func describe(_ error: Error, root: any ParsableCommand.Type, brief: Bool = false) -> (message: String, status: Int32) {
        if let failure = error as? SpiegelFailure { return (failure.message, failure.exitCode) }
        // A status a command chose on purpose (`due` exits 1 when nothing is due, like grep).
        if let chosen = error as? ExitCode { return ("", chosen.rawValue) }
        let code = root.exitCode(for: error).rawValue
        let text = (brief && code != 0 ? root.message(for: error) : root.fullMessage(for: error))
            .trimmingCharacters(in: .whitespacesAndNewlines)
        return (text, code == 0 ? 0 : (code == 1 ? ExitStatus.usage : code))
    }
}
