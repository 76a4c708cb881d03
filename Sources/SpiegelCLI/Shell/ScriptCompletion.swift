import ArgumentParser
import SpiegelCore

/// Completions for the bash, zsh and fish scripts (`--generate-completion-script`): the scripts call
/// `spiegel` back, which answers from the same table as the shell's Tab (ids of exercises, nodes, drafts,
/// entries and open commitments). An encrypted journal is not opened: completion never asks a passphrase.
enum ScriptCompletion {
    static func kind(_ command: String, option: String? = nil) -> CompletionKind {
        .custom { _, _, prefix in words(command + " " + (option.map { $0 + " " } ?? "") + prefix) }
    }

    static func words(_ line: String) -> [String] {
        let environment = SpiegelEnvironment()
        guard let options = try? GlobalOptions.parse(["--no-pager"]),
              let session = try? Session(environment: environment, options: options, reader: ListLineReader(lines: []),
                                         inShell: false) else { return [] }
        let needsJournal = ["entry", "resume", "discard", "done", "moved", "dropped"].contains { line.hasPrefix($0 + " ") }
        if needsJournal, (try? JournalStore(root: session.journalRoot).manifest())??.encryption != nil { return [] }
        return Completion(session: session).candidates(before: line).map(\.word)
    }
}
