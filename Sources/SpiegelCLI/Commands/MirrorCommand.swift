import ArgumentParser
import SpiegelContent
import SpiegelCore

/// `mirror [--period P] [--since DATE]`: a period of practice reflected back, each line with the entries
/// it rests on.
struct MirrorCommand: SessionCommand {
    static let configuration = CommandConfiguration(
        commandName: "mirror", abstract: "Look back on a period: practice, commitments, your own words, what you said you would do.",
        discussion: "Default: the last 30 days, compared with the 30 before. Every line names the entries it rests on.")

    /// How far back the mirror looks.
    enum Period: String, ExpressibleByArgument, CaseIterable {
        case week, month, quarter, year, all

        var days: Int? {
            switch self {
            case .week: 7
            case .month: 30
            case .quarter: 91
            case .year: 365
            case .all: nil
            }
        }
    }

    @Option(help: "week, month (the default: 30 days), quarter, year or all.")
    var period: Period = .month

    @Option(help: ArgumentHelp("Start the period on this day (YYYY-MM-DD) and end today.", valueName: "date"))
    var since: String?

    /// On screen (the default) or as a self-contained HTML page.
    enum Format: String, ExpressibleByArgument, CaseIterable { case text, html }

    @Option(help: "text (the default) or html (a self-contained page with charts; use with --output).")
    var format: Format = .text

    @Option(help: ArgumentHelp("Write the page to this file (atomically) instead of stdout.", valueName: "file"))
    var output: String?

    @OptionGroup var global: GlobalOptions

    func execute(in session: Session) throws {
        session.noticeIfNoJournal()
        let today = session.today
        let summaries = try session.summaries()
        session.report(summaries.problems)
        let entries = try session.journal.entries(ids: summaries.entries.map(\.id))
        let from: CalendarDay
        if let since {
            guard let day = CalendarDay(since), day <= today else {
                throw CommandFailure(session.say.mirrorSinceNeedsADayUp(since))
            }
            from = day
        } else if let days = period.days {
            from = today.adding(days: -(days - 1))
        } else {
            from = entries.compactMap(\.day).min() ?? today
        }
        let report = Mirror(graph: try session.graph()).reflect(entries, period: .init(from: from, to: today), today: today)
        if session.json { session.printJSON(report); return }
        let view = MirrorView(session: session, graph: try session.graph(), allIDs: summaries.entries.map(\.id))
        switch format {
        case .text: view.show(report)
        case .html: try ExportDestination(path: output).write(MirrorHTML.render(report, labels: view.htmlLabels(report)))
        }
    }
}
