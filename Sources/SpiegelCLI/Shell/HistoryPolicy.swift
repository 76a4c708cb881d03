import ArgumentParser

/// A command whose arguments hold journal content (reflections, notes, search terms): it says which of
/// its words may go into the shell history.
protocol PrivateArguments {
    /// The command's words that are safe to keep (the command name is added in front).
    var rememberedArguments: [String] { get }
}

/// What of a command line goes into the history file, decided from the parsed command (wherever global
/// options stand): free text typed as arguments stays out; the command, its ids and options are kept.
enum HistoryPolicy {
    static func remembered(_ line: String, root: any ParsableCommand.Type) -> String {
        guard let words = try? Tokenizer.split(line), let word = Program.commandWord(in: words),
              let position = words.firstIndex(of: word) else { return line }
        let before = Array(words[..<position])
        guard let parsed = try? root.parseAsRoot(words) else {
            // A line that does not parse may still hold free text: keep the command and one more word.
            return (before + words[position...].prefix(2)).joined(separator: " ")
        }
        guard let command = parsed as? PrivateArguments else { return line }
        return (before + [word] + command.rememberedArguments).joined(separator: " ")
    }
}

extension DoneCommand: PrivateArguments {
    var rememberedArguments: [String] { [id] }
}

extension MovedCommand: PrivateArguments {
    var rememberedArguments: [String] { [id] }
}

extension DroppedCommand: PrivateArguments {
    var rememberedArguments: [String] { [id] }
}

extension NoteCommand: PrivateArguments {
    var rememberedArguments: [String] { [id] }
}

extension JournalCommand: PrivateArguments {
    var rememberedArguments: [String] { filters.remembered }
}

extension EntriesCommand: PrivateArguments {
    var rememberedArguments: [String] { [client] + filters.remembered }
}

extension EntryFilterOptions {
    /// The filters without the search text.
    var remembered: [String] {
        var words: [String] = []
        if let principle { words += ["--principle", principle] }
        if let exercise { words += ["--exercise", exercise] }
        if let since { words += ["--since", since] }
        if let until { words += ["--until", until] }
        if let limit { words += ["--limit", String(limit)] }
        return words
    }
}
