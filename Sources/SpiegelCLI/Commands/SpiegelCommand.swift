import ArgumentParser

/// The root command: with no subcommand it starts the shell (or runs piped stdin as a script).
public struct SpiegelCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "spiegel",
        abstract: "A coach in your terminal for becoming more customer-centric.",
        discussion: """
        Run without a command to open the shell; pipe commands in to run them as a script. \
        Every shell command also runs one-shot: spiegel principles, spiegel start most-satisfied-customer, ...
        """,
        version: SpiegelVersion.current,
        subcommands: Program.commands
    )

    @OptionGroup public var global: GlobalOptions

    @Flag(name: .long, help: "In a script, go on after a failing line (the exit status still reports it).")
    public var keepGoing = false

    public init() {}

    public mutating func run() throws {
        let status = ShellRunner(options: global, keepGoing: keepGoing).run()
        if status != 0 { throw ExitCode(status) }
    }
}
