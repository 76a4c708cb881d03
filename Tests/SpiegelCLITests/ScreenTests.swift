// Pseudo-terminal tests use Linux's /proc and glibc's posix_spawn flags.
#if os(Linux)
import Foundation
import Glibc
import Testing

/// The screens as a person sees them: laid out for the window on a terminal (nothing wider than it),
/// paged when long, and every word in the session's language.
@Suite("Screens", .serialized)
struct ScreenTests {
    /// A journal with one entry (and so a commitment, a draft-free greeting, statistics).
    static func journal(language: String = "en") throws -> Sandbox {
        let sandbox = Sandbox()
        let script = "start small-gesture-plan\na colleague at the desk\na smile\n\nat the counter\nskip\n\ngreet by name\nin 3 days\n4\n"
        let result = try spiegel(["--now", "2026-11-20", "--lang", language], input: script, sandbox: sandbox)
        #expect(result.status == 0, "\(result)")
        return sandbox
    }

    /// One-shot commands whose screens are checked, with their arguments.
    static let commands: [[String]] = [
        ["help"], ["principles"], ["show", "connection"], ["show", "most-satisfied-customer"], ["show", "src-ultimate-welfare"],
        ["related", "connection"], ["search", "customer"], ["search", "klant"], ["exercises"], ["recommend"], ["recommend", "--why"],
        ["journal"], ["stats"], ["commitments"], ["drafts"], ["entry", "2026"], ["help", "start"],
        ["show", "conection"], ["start", "most-satisfied"], ["recommend", "--principle", "intrest"],
        ["journal", "--principle", "intrest"], ["moved", "2026", "some", "day"],
        ["show", "interest"], ["help", "moved"],
        ["moved", "2026", "--barrier", "foo", "tomorrow"], ["exercises", "--principle", "foo"],
    ]

    /// Runs `arguments` on a terminal of `columns` columns; the screen's lines without escapes.
    static func screen(_ arguments: [String], columns: UInt16, sandbox: Sandbox, language: String) throws -> [String] {
        let process = try PTYProcess(executable: try SpiegelBinary.require(), arguments: arguments + ["--lang", language],
                                     environment: sandbox.environment(["NO_COLOR": "1", "PAGER": "cat"]), columns: columns)
        let status = process.waitForExit(timeout: 15)
        #expect(status != nil, "\(arguments) did not finish")
        let plain = process.text.replacingOccurrences(of: "\u{1B}\\[[0-9;?]*[A-Za-z]", with: "", options: .regularExpression)
        return plain.replacingOccurrences(of: "\r", with: "").split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    /// Columns a line takes (combining marks take none).
    static func width(_ line: String) -> Int {
        line.unicodeScalars.filter { $0.properties.generalCategory != .nonspacingMark }.count
    }

    @Test(arguments: [60, 110] as [UInt16], ["en", "nl"])
    func noLineIsWiderThanTheWindow(columns: UInt16, language: String) throws {
        let sandbox = try Self.journal()
        for command in Self.commands {
            let lines = try Self.screen(command, columns: columns, sandbox: sandbox, language: language)
            #expect(lines.contains { !$0.isEmpty }, "\(command) printed nothing")
            for line in lines where Self.width(line) > Int(columns) {
                Issue.record("\(command) at \(columns) columns (\(language)): \(Self.width(line)) columns: \(line.debugDescription)")
            }
        }
    }

    /// Piped output is not wrapped: a long paragraph stays one line.
    @Test func pipedOutputIsNotWrapped() throws {
        let sandbox = Sandbox()
        let result = try spiegel(["show", "connection"], sandbox: sandbox)
        #expect(result.status == 0)
        #expect(result.stdout.split(separator: "\n").contains { $0.count > 120 }, "\(result.stdout)")
    }

    /// Long output on a terminal goes through the pager; short output and --no-pager do not.
    @Test func longOutputIsPaged() throws {
        let sandbox = Sandbox()
        let pager = sandbox.root + "/pager.sh"
        let marker = sandbox.root + "/paged"
        try "#!/bin/sh\necho \"$LESS $LESSCHARSET\" > \"\(marker)\"\ncat\n".write(toFile: pager, atomically: true, encoding: .utf8)
        chmod(pager, 0o755)
        func run(_ arguments: [String], _ extra: [String: String] = [:]) throws -> Bool {
            try? FileManager.default.removeItem(atPath: marker)
            let process = try PTYProcess(executable: try SpiegelBinary.require(), arguments: arguments,
                                         environment: sandbox.environment(["NO_COLOR": "1", "PAGER": pager].merging(extra) { $1 }), columns: 60)
            #expect(process.waitForExit(timeout: 15) == 0, "\(process.text)")
            #expect(process.text.contains("connection") || process.text.contains("verbinding"), "the text reaches the screen either way")
            return FileManager.default.fileExists(atPath: marker)
        }
        #expect(try run(["show", "connection"]), "a 60-column 'show connection' is longer than 40 rows")
        #expect((try? String(contentsOfFile: marker, encoding: .utf8)) == "FRX utf-8\n", "LESS is set like git does, and LESSCHARSET")
        #expect(try !run(["show", "connection"], ["TERM": "dumb"]), "a dumb terminal is not paged")
        #expect(try !run(["show", "connection", "--no-pager"]))
        #expect(try run(["show", "interest", "--lang", "nl"]), "a Dutch screen is paged the same way")
        #expect(try !run(["principles", "--json"]))
    }

    /// English words a Dutch screen must not show (ids, commands and the person's own answers aside).
    static let englishWords = ["the", "and", "your", "you", "not", "entries", "answers", "saved", "unknown", "must",
                               "needs", "optional", "supports", "Author", "Title", "Sources", "Commands", "overdue",
                               "skipped", "started", "completed", "Summary", "Next", "Try", "practised", "did you mean",
                               "principle", "practice", "today", "tomorrow", "Mon", "Fri", "Nov", "Please", "provide",
                               "exercise", "options", "reflection", "barrier", "interest", "boundaries", "shyness"]
    /// Dutch words an English screen must not show.
    static let dutchWords = ["het", "een", "niet", "je", "jouw", "notities", "antwoorden", "opgeslagen", "Volgende", "afspraken",
                             "oefening", "principe", "bedoel", "onbekend", "gebruik", "vandaag", "morgen", "vr", "nov"]

    /// The words of a screen minus what is not the interface's: ids, quoted input and commands, the answers.
    static func words(_ text: String) -> [String] {
        // Quoted: what the person typed, commands, and the titles of publications.
        var cleaned = text.replacingOccurrences(of: "'[^'\n]*'|\"[^\"\n]*\"", with: " ", options: .regularExpression)
        for answer in ["a colleague at the desk", "a smile", "at the counter", "greet by name"] {
            cleaned = cleaned.replacingOccurrences(of: answer, with: " ")
        }
        cleaned = cleaned.replacingOccurrences(of: "start [a-z-]+|--[a-z-]+|[a-z0-9]+(-[a-z0-9.]+)+", with: " ", options: .regularExpression)
        // The graph's node ids (mermaid identifiers: at a line's start and after an arrow).
        cleaned = cleaned.replacingOccurrences(of: "(?m)^  [a-z0-9_]+|--> [a-z0-9_]+", with: " ", options: .regularExpression)
        return cleaned.components(separatedBy: CharacterSet.letters.inverted).filter { !$0.isEmpty }
    }

    @Test(arguments: ["nl", "en"])
    func everyWordIsInTheSessionsLanguage(language: String) throws {
        let sandbox = try Self.journal(language: language)
        let forbidden = Set(language == "nl" ? Self.englishWords.flatMap { $0.split(separator: " ").map(String.init) } : Self.dutchWords)
        // Piped, so that errors come one line each; the rating error comes from an exercise's answers.
        // The graph is for other tools (not laid out), but its labels are words too.
        let graph = ["graph", "--format", "mermaid", "--around", "connection"]
        var screens = try (Self.commands.filter { $0 != ["help", "start"] } + [graph]).map { command in
            let result = try spiegel(command + ["--lang", language], sandbox: sandbox)
            return (command.joined(separator: " "), result.stdout + result.stderr)
        }
        let rating = try spiegel(["start", "outside-mirror", "--lang", language], input: "9\n", sandbox: sandbox)
        screens.append(("a rating out of range", rating.stderr))
        for (command, text) in screens {
            let found = Set(Self.words(text)).intersection(forbidden)
            #expect(found.isEmpty, "\(command) in \(language): \(found.sorted()) in\n\(text)")
        }
    }

    /// The bash/zsh/fish scripts call spiegel back for ids: exercises, nodes, open commitments.
    @Test func completionScriptsCompleteIds() throws {
        let sandbox = try Self.journal()
        func complete(_ command: String) throws -> [String] {
            try spiegel(["---completion", command, "--", "positional@0", "2", "0", ""], sandbox: sandbox).stdout
                .split(separator: "\n").map(String.init)
        }
        #expect(try complete("start").contains("most-satisfied-customer"))
        #expect(try complete("show").contains("connection"))
        let commitments = try complete("done")
        #expect(commitments.count == 1 && commitments[0].hasSuffix(".1"), "\(commitments)")
        let script = try spiegel(["--generate-completion-script", "bash"], sandbox: sandbox).stdout
        #expect(script.contains("---completion start"), "the script asks spiegel for exercise ids")
    }
}
#endif
