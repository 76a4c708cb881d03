import ArgumentParser

/// A Spiegel command: runs the same in the shell, in a script and one-shot, against a session.
protocol SessionCommand: ParsableCommand {
    var global: GlobalOptions { get }
    func execute(in session: Session) throws
}

/// A command whose output can be longer than a window: on a terminal it goes through the pager.
protocol PagedCommand: SessionCommand {}

extension SessionCommand {
    /// One-shot: a session of its own, reading any answers from stdin.
    mutating func run() throws {
        let environment = SpiegelEnvironment()
        let session = try Session(environment: environment, options: global,
                                  reader: Program.answerReader(environment: environment), inShell: false)
        try perform(in: session)
    }

    /// Runs the command, its text paged when it is a paged command (text, not JSON).
    func perform(in session: Session) throws {
        if self is any PagedCommand && !session.json { session.screen.startPaging() }
        defer { session.screen.finish() }
        try execute(in: session)
    }
}
