import ArgumentParser
import Foundation
import SpiegelCore

/// `doctor [--quarantine]`: checks a journal and lists problems; can move bad files aside.
struct DoctorCommand: SessionCommand {
    static let configuration = CommandConfiguration(
        commandName: "doctor", abstract: "Check your journal for unreadable files (and move them aside with --quarantine).")

    @Flag(help: "Move unreadable files into the journal's quarantine/ folder (never deletes).")
    var quarantine = false

    @Flag(help: "Compare every entry file with the index (picks up files edited in place by other programs).")
    var reindex = false

    @OptionGroup var global: GlobalOptions

    func execute(in session: Session) throws {
        let store = try session.journal
        guard store.exists else {
            throw CommandFailure(session.say.journalNone(store.root), exitCode: ExitStatus.noInput)
        }
        let report = try JournalDoctor(store: store).check()
        let indexed = reindex ? try store.reindex() : nil
        var moved: [String] = []
        if quarantine && !report.problems.isEmpty {
            moved = try JournalDoctor(store: store).quarantine(report.problems)
        }
        if session.json {
            struct Output: Encodable {
                var entries, drafts: Int; var indexed: Int?; var indexHidden, indexGhosts: Int; var problems: [String: String]; var quarantined: [String]
            }
            session.printJSON(Output(entries: report.entries, drafts: report.drafts, indexed: indexed,
                                     indexHidden: report.indexHidden, indexGhosts: report.indexGhosts,
                                     problems: Dictionary(report.problems.map { ($0.path, $0.message) }, uniquingKeysWith: { a, _ in a }),
                                     quarantined: moved))
        } else {
            session.print(session.say.doctorRead(entries: session.say.countEntries(report.entries), drafts: session.say.countDrafts(report.drafts)))
            if let indexed { session.print(session.say.doctorIndexUpToDate(session.say.countEntries(indexed))) }
            if report.indexHidden + report.indexGhosts > 0 {
                session.print(session.style.bad(session.say.doctorIndexRepaired(hidden: session.say.countEntries(report.indexHidden),
                                                                               ghosts: report.indexGhosts)))
            }
            for problem in report.problems {
                session.print(session.style.bad("problem: ") + TerminalSafe.visible(problem.line, keepNewlines: false))
            }
            if report.debrisRemoved > 0 {
                session.print(session.say.doctorDebrisRemoved(report.debrisRemoved))
            }
            for path in moved { session.print(session.say.doctorMovedAside() + path) }
            if report.problems.isEmpty { session.print(session.style.good(session.say.doctorTheJournalIsHealthy())) }
        }
        if !report.problems.isEmpty && moved.isEmpty { throw ExitCode(ExitStatus.dataError) }
    }
}
