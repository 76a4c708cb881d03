import ArgumentParser
import SpiegelContent
import SpiegelCore

/// `mirror CLIENT` in review mode: the client's last 30 days as the client would see them.
struct ReviewMirrorCommand: SessionCommand {
    static let configuration = CommandConfiguration(commandName: "mirror", abstract: "A client's last 30 days reflected back, as in their own 'mirror'.")
    @Argument(help: "The client.") var client: String
    @Option(help: "week, month (the default), quarter, year or all.") var period: MirrorCommand.Period = .month
    @OptionGroup var global: GlobalOptions

    func execute(in session: Session) throws {
        let chosen = try session.client(client)
        let graph = try session.graph()
        let from = period.days.map { session.today.adding(days: -($0 - 1)) } ?? (chosen.summaries.compactMap(\.day).min() ?? session.today)
        let report = Mirror(graph: graph).reflect(try chosen.entries(), period: .init(from: from, to: session.today), today: session.today)
        if session.json { session.printJSON(report); return }
        MirrorView(session: session, graph: graph, allIDs: chosen.summaries.map(\.id)).show(report)
    }
}

/// `team`: one line per client for the last 30 days: last active, entries, kept rate, weakest principle,
/// confidence trend.
struct TeamCommand: SessionCommand {
    static let configuration = CommandConfiguration(commandName: "team", abstract: "One line per client: last active, entries, kept rate, weakest principle, trend.")
    @OptionGroup var global: GlobalOptions

    /// One client's line, for the screen and for --json.
    struct Row: Encodable {
        var client: String
        var lastActive: CalendarDay?
        var entries: Int
        var keptRate: Double?
        var weakest: String?
        /// Mean of the last ratings minus mean of the first ratings per principle, in the period.
        var confidenceTrend: Double?
    }

    func execute(in session: Session) throws {
        let graph = try session.graph()
        let period = MirrorReport.Period(from: session.today.adding(days: -29), to: session.today)
        let rows = try session.workspace().clients.map { client -> Row in
            let report = Mirror(graph: graph).reflect(try client.entries(), period: period, today: session.today)
            let rated = report.principles.filter { $0.confidenceFirst != nil }
            let trend = rated.isEmpty ? nil : rated.reduce(0.0) { $0 + Double($1.confidenceLast! - $1.confidenceFirst!) } / Double(rated.count)
            // Weakest: the lowest last confidence; with no ratings, the principle left longest.
            let weakest = rated.min { ($0.confidenceLast!, $0.id) < ($1.confidenceLast!, $1.id) }?.id ?? report.neglected
            return Row(client: client.name, lastActive: client.summaries.compactMap(\.day).max(),
                       entries: report.principles.flatMap(\.entryIds).reduce(into: Set<String>()) { $0.insert($1) }.count,
                       keptRate: report.commitments.keptRate, weakest: weakest, confidenceTrend: trend)
        }
        if session.json { session.printJSON(rows); return }
        for row in rows {
            let name = TerminalSafe.visible(row.client, keepNewlines: false)
            var line = session.style.bold(name) + "  "
            line += session.say.mirrorLastActive() + (row.lastActive?.description ?? "–")
            line += " · " + session.say.countEntries(row.entries)
            line += " · " + session.say.mirrorKept() + (row.keptRate.map { "\(Int(($0 * 100).rounded()))%" } ?? "–")
            if let weakest = row.weakest { line += " · " + session.say.mirrorWeakest() + (graph.node(weakest).map { session.text($0.name) } ?? weakest) }
            if let trend = row.confidenceTrend {
                line += " · " + session.say.mirrorConfidence2() + (trend > 0.25 ? "↑" : trend < -0.25 ? "↓" : "→")
            }
            session.print(line)
        }
    }
}
