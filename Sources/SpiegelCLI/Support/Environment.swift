import Foundation
import SpiegelContent
import SpiegelCore

/// Where Spiegel keeps things (XDG base directories) and what the environment asks for.
public struct SpiegelEnvironment: Sendable {
    public var variables: [String: String]

    public init(variables: [String: String] = ProcessInfo.processInfo.environment) {
        self.variables = variables
    }

    private var home: String { variables["HOME"] ?? NSHomeDirectory() }

    private func base(_ name: String, fallback: String) -> String {
        if let value = variables[name], value.hasPrefix("/") { return value }
        return home + "/" + fallback
    }

    public var dataHome: String { base("XDG_DATA_HOME", fallback: ".local/share") + "/spiegel" }
    public var stateHome: String { base("XDG_STATE_HOME", fallback: ".local/state") + "/spiegel" }

    public var cacheHome: String { base("XDG_CACHE_HOME", fallback: ".cache") + "/spiegel" }
    /// Review's index of each bundle it has read, by the bundle's content (derived; safe to delete).
    public var reviewCache: String { cacheHome + "/review" }

    public var historyFile: String { stateHome + "/history" }
    public var defaultJournal: String { dataHome + "/journal" }
    /// The coach's own notes on clients' entries (review mode).
    public var coachNotes: String { dataHome + "/coach" }

    /// `--lang`, else `SPIEGEL_LANG`, else Dutch when `LANG` (or `LC_ALL`) starts with `nl`, else English.
    public func language(option: String?) throws(CommandFailure) -> Language {
        if let option {
            guard let language = Language(rawValue: option) else {
                throw CommandFailure(Messages(.en).errorLang(option) + " / " + Messages(.nl).errorLang(option))
            }
            return language
        }
        if let value = variables["SPIEGEL_LANG"], let language = Language(rawValue: value) { return language }
        let locale = variables["LC_ALL"].flatMap { $0.isEmpty ? nil : $0 } ?? variables["LANG"] ?? ""
        return locale.hasPrefix("nl") ? .nl : .en
    }

    /// `--now`, else `SPIEGEL_NOW`, else the clock.
    public func now(option: String?, language: Language = .en) throws(CommandFailure) -> Date {
        guard let text = option ?? variables["SPIEGEL_NOW"], !text.isEmpty else { return Date() }
        guard let date = Timestamp.date(text), CalendarDay.years.contains(CalendarDay(date).year) else {
            throw CommandFailure(Messages(language).errorNow(text))
        }
        return date
    }

    /// `--journal`, else `SPIEGEL_JOURNAL`, else the XDG data directory.
    public func journal(option: String?) -> String {
        let path = option ?? variables["SPIEGEL_JOURNAL"].flatMap { $0.isEmpty ? nil : $0 } ?? defaultJournal
        return Self.absolute(path)
    }

    static func absolute(_ path: String) -> String {
        if path.hasPrefix("/") { return path }
        if path.hasPrefix("~/") { return NSHomeDirectory() + path.dropFirst(1) }
        return FileManager.default.currentDirectoryPath + "/" + path
    }

    /// Seconds a command waits for another spiegel's whole-journal work (`SPIEGEL_LOCK_TIMEOUT`, default 30).
    public var lockTimeout: Double {
        guard let text = variables["SPIEGEL_LOCK_TIMEOUT"], let value = Double(text), value.isFinite else { return 30 }
        return min(max(value, 0), 3_600)
    }

    /// Colours only on a terminal, never with NO_COLOR set or TERM=dumb.
    public func wantsColour(isTerminal: Bool) -> Bool {
        isTerminal && variables["NO_COLOR"] == nil && variables["TERM"] != "dumb"
    }
}
