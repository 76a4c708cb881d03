import ArgumentParser

/// Options every command accepts (before or after the command name).
public struct GlobalOptions: ParsableArguments, Sendable {
    @Option(name: .long, help: ArgumentHelp("The journal directory (default: $XDG_DATA_HOME/spiegel/journal; env SPIEGEL_JOURNAL).", valueName: "dir"),
            completion: .directory)
    public var journal: String?

    @Option(name: .long, help: ArgumentHelp("Language of texts: en or nl (env SPIEGEL_LANG, else from LANG).", valueName: "lang"),
            completion: .list(["en", "nl"]))
    public var lang: String?

    @Flag(name: .long, help: "Print machine-readable JSON instead of text.")
    public var json = false

    @Option(name: .long, help: ArgumentHelp("An extra knowledge/prompt pack directory (repeatable).", valueName: "dir"))
    public var knowledge: [String] = []

    @Option(name: .long, help: ArgumentHelp("Treat this date/time as now (YYYY-MM-DD; env SPIEGEL_NOW), for scripts and tests.", valueName: "date"))
    public var now: String?

    @Flag(name: .long, help: "Do not page long output on a terminal (env PAGER, default less -FRX).")
    public var noPager = false

    public init() {}

    /// These options with `other`'s given values taking precedence.
    func overridden(by other: GlobalOptions) -> GlobalOptions {
        var merged = self
        merged.journal = other.journal ?? journal
        merged.lang = other.lang ?? lang
        merged.json = json || other.json
        merged.knowledge = knowledge + other.knowledge.filter { !knowledge.contains($0) }
        merged.now = other.now ?? now
        merged.noPager = noPager || other.noPager
        return merged
    }
}
