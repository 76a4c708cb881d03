import ArgumentParser
import SpiegelContent
import SpiegelCore

/// Filters shared by `journal` and the coach's `entries`.
struct EntryFilterOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Only entries that train this principle.", valueName: "principle"),
            completion: .list(ContentValidator.corePrinciples))
    var principle: String?

    @Option(help: ArgumentHelp("Only entries of this exercise.", valueName: "exercise"))
    var exercise: String?

    @Option(help: ArgumentHelp("Only entries from this day on (YYYY-MM-DD).", valueName: "date"))
    var since: String?

    @Option(help: ArgumentHelp("Only entries up to this day (YYYY-MM-DD).", valueName: "date"))
    var until: String?

    @Option(help: ArgumentHelp("Only entries whose answers contain these words or words starting with them (accents and case ignored; best match first).", valueName: "text"))
    var grep: String?

    @Option(help: "At most this many entries.")
    var limit: Int?

    func filter(in session: Session) throws -> JournalFilter {
        func day(_ text: String?, _ name: String) throws -> CalendarDay? {
            guard let text else { return nil }
            guard let day = CalendarDay(text) else { throw CommandFailure(session.say.errorDateOption(option: "--" + name, value: text)) }
            return day
        }
        if let limit, limit < 1 { throw CommandFailure(session.say.errorCountAtLeastOne("--limit")) }
        let principle = try self.principle.map { try session.graph().principle($0, say: session.say).id }
        return JournalFilter(principle: principle, exercise: exercise, since: try day(since, "since"),
                             until: try day(until, "until"), grep: grep, limit: limit)
    }
}

/// `journal`: entries, newest first.
struct JournalCommand: PagedCommand {
    static let configuration = CommandConfiguration(
        commandName: "journal", abstract: "List your journal entries, newest first (with filters).")

    @OptionGroup var filters: EntryFilterOptions

    @Flag(help: "With --grep: list every match (as text, only the best \(Self.bestMatches) are listed unless --limit says otherwise).")
    var all = false

    @OptionGroup var global: GlobalOptions

    /// How many matches of `--grep` a listing shows when neither `--limit` nor `--all` is given.
    static let bestMatches = 20

    func execute(in session: Session) throws {
        session.noticeIfNoJournal()
        _ = try session.journal.manifest()
        var filter = try filters.filter(in: session)
        // A word that occurs in thousands of entries should not flood the screen: the best ones, and how many more.
        let capped = filter.grep != nil && filter.limit == nil && !all && !session.json
        if capped { filter.limit = Self.bestMatches }
        let contents = try session.summaries(matching: filter)
        session.report(contents.problems)
        let entries = contents.entries
        if session.json {
            session.printJSON(try session.journal.entries(ids: entries.map(\.id)))
            return
        }
        if entries.isEmpty, filters.grep != nil {
            session.print(session.say.journalNoEntriesMatch())
        } else if entries.isEmpty {
            session.print(session.say.journalNoEntriesYetExercisesLists())
        }
        let view = EntryView(session: session, ids: ListIDs(session: session, entries: entries))
        for entry in entries {
            session.print(view.line(entry))
            if let excerpt = entry.excerpt { session.print("    " + view.highlighted(excerpt)) }
        }
        if capped, entries.count == Self.bestMatches {
            let more = try session.journal.count(matching: filter) - entries.count
            if more > 0 { session.print(session.style.dim(session.say.journalMoreMatches(shown: entries.count, count: more))) }
        }
    }
}

/// `entry ID`: one entry in full.
struct EntryCommand: PagedCommand {
    static let configuration = CommandConfiguration(commandName: "entry", abstract: "Show one journal entry in full (an id prefix is enough).")

    @Argument(help: "The entry id or its start.", completion: ScriptCompletion.kind("entry"))
    var id: String

    @OptionGroup var global: GlobalOptions

    func execute(in session: Session) throws {
        _ = try session.journal.manifest()
        let entry = try session.journal.entry(matching: id)
        if session.json { session.printJSON(entry); return }
        EntryView(session: session).full(entry)
    }
}

/// `stats`: per principle how often, how recently, the confidence trend; the weekly streak.
struct StatsCommand: PagedCommand {
    /// How many of each principle's latest ratings the text's sparkline shows.
    static let ratingsShown = 12

    static let configuration = CommandConfiguration(commandName: "stats", abstract: "Your practice per principle: counts, last time, confidence trend, streak.")

    @OptionGroup var global: GlobalOptions

    func execute(in session: Session) throws {
        session.noticeIfNoJournal()
        _ = try session.journal.manifest()
        let graph = try session.graph()
        // The text shows each principle's last 12 ratings; JSON gets them all.
        let (stats, problems) = try session.withProgress { progress in
            try session.journal.stats(principles: graph.principles.map(\.id), today: session.today,
                                      ratings: session.json ? nil : Self.ratingsShown, progress: progress)
        }
        session.report(problems)
        if session.json { session.printJSON(stats); return }
        let style = session.style
        session.print(style.bold(session.say.journalPrinciple().padding(toLength: 12, withPad: " ", startingAt: 0))
                      + style.bold(session.say.journalEntriesLastConfidence()))
        for figures in stats.principles {
            let last = (figures.lastPractised.map { session.time.day($0) } ?? "—").padding(toLength: 10, withPad: " ", startingAt: 0)
            let trend = Sparkline.render(figures.confidence.suffix(Self.ratingsShown).map { $0 })
            let latest = figures.confidence.last.map { " \($0)/5" } ?? ""
            let row = session.say.principleWord(figures.principle).padding(toLength: 12, withPad: " ", startingAt: 0)
                + String(figures.entries).padding(toLength: 9, withPad: " ", startingAt: 0)
                + last + "  " + style.accent(trend) + latest
            session.print(String(row.reversed().drop { $0 == " " }.reversed()))
        }
        session.print()
        session.print(session.say.journalEntriesEntriesWeeklyStreakWeeklystreak(entries: stats.entries, weeklyStreak: stats.weeklyStreak, openCommitments: stats.openCommitments)
                      + (stats.overdueCommitments > 0 ? style.bad(session.say.journalOverduecommitmentsOverdue(stats.overdueCommitments)) : ""))
    }
}

/// A tiny bar chart of values 1–5 in one line.
enum Sparkline {
    static func render(_ values: [Int], low: Int = 1, high: Int = 5) -> String {
        let bars = Array("▁▂▃▄▅▆▇█")
        return String(values.map { value in
            let clamped = min(max(value, low), high)
            let index = (clamped - low) * (bars.count - 1) / max(1, high - low)
            return bars[index]
        })
    }
}
