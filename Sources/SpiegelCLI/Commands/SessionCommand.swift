import ArgumentParser

/// A Spiegel command: runs the same in the shell, in a script and one-shot, against a session.
protocol SessionCommand: ParsableCommand {
    var global: GlobalOptions { get }
    func execute(in session: Session) throws
}

extension SessionCommand {
    /// One-shot: a session of its own, reading any answers from stdin.
    mutating func run() throws {
        let environment = SpiegelEnvironment()
        let session = try Session(environment: environment, options: global,
                                  reader: Program.answerReader(environment: environment), inShell: false)
        try execute(in: session)
    }
}
