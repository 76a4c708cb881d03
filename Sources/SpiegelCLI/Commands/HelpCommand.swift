import ArgumentParser

/// `help [COMMAND]`: the list of commands, or one command's usage.
struct HelpCommand: PagedCommand {
    static let configuration = CommandConfiguration(
        commandName: "help", abstract: "List the commands, or show how to use one.")

    @Argument(help: "The command to explain.", completion: .list(Program.commands.compactMap { $0.configuration.commandName }))
    var command: String?

    @OptionGroup var global: GlobalOptions

    func execute(in session: Session) throws {
        let commands = session.review == nil ? Program.commands : ReviewShellCommand.commands
        let root: any ParsableCommand.Type = session.review == nil ? SpiegelCommand.self : ReviewShellCommand.self
        guard let command else {
            session.print(session.style.bold(session.say.helpCommands()))
            for type in commands {
                let name = type.configuration.commandName ?? ""
                session.print("  " + session.style.accent(name.padding(toLength: 13, withPad: " ", startingAt: 0))
                              + (session.say.abstract(of: name, inReview: session.review != nil) ?? type.configuration.abstract))
            }
            session.print(session.say.helpNHelpCommandShowsHow())
            return
        }
        guard let type = commands.first(where: { $0.configuration.commandName == command }) else {
            throw CommandFailure(session.say.unknownCommand(command, among: commands.compactMap { $0.configuration.commandName }))
        }
        session.print(CommandHelpView(say: session.say).render(type, root: root, inReview: session.review != nil))
    }
}

/// `quit`: leaves the shell.
struct QuitCommand: SessionCommand {
    static let configuration = CommandConfiguration(
        commandName: "quit", abstract: "Leave the shell (Ctrl-D does the same).", aliases: ["exit"])

    @OptionGroup var global: GlobalOptions

    func execute(in session: Session) throws {
        if session.inShell { throw LeaveShell() }
    }
}

/// `clear`: clears the screen (on a terminal that can; elsewhere it does nothing).
struct ClearCommand: SessionCommand {
    static let configuration = CommandConfiguration(commandName: "clear", abstract: "Clear the screen.")

    @OptionGroup var global: GlobalOptions

    func execute(in session: Session) throws {
        guard Console.isTerminal(1), session.environment.variables["TERM"].map({ $0 != "dumb" && !$0.isEmpty }) ?? false
        else { return }
        Console.clearScreen()
    }
}
