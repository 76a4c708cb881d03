import ArgumentParser
import SpiegelCore

/// `due [--count]`: for cron jobs, timers and shell prompts. One line per commitment due today or
/// overdue; exit 0 when something is due, 1 when nothing is (like grep), 64 and up on errors.
struct DueCommand: SessionCommand {
    static let configuration = CommandConfiguration(
        commandName: "due", abstract: "List commitments due today or overdue (exit 1 when none: for prompts and cron).",
        discussion: "Prints one line per due or overdue commitment and exits 0; prints nothing and exits 1 when nothing is due.")

    @Flag(help: "Print only how many commitments are due.")
    var count = false

    @OptionGroup var global: GlobalOptions

    func execute(in session: Session) throws {
        session.noticeIfNoJournal()
        if count && !session.json {
            let (number, problems) = try session.withProgress { progress in try session.journal.dueCount(today: session.today, progress: progress) }
            session.report(problems)
            session.print(String(number))
            if number == 0 && !session.inShell { throw ExitCode(1) }
            return
        }
        let (due, problems) = try session.withProgress { progress in
            try session.journal.dueCommitments(today: session.today, progress: progress)
        }
        session.report(problems)
        if session.json {
            session.printJSON(due)
        } else {
            for item in due { session.print(line(item, session: session)) }
            // In the shell an empty answer would look like nothing happened; one-shot stays silent for prompts.
            if due.isEmpty && session.inShell { session.print(session.say.dueNothing()) }
        }
        // One-shot, nothing due is exit 1 (like grep); in the shell and in scripts it is simply nothing.
        if due.isEmpty && !session.inShell { throw ExitCode(1) }
    }

    private func line(_ item: DueCommitments.Item, session: Session) -> String {
        let view = CommitmentView(session: session)
        let when = item.daysOverdue == 0 ? session.say.dueToday() : view.when(item.commitment)
        return "\(item.commitment.id)  \(when)  " + view.plan(item.commitment, language: item.language)
    }
}
