#if os(Linux) || os(macOS)
import Foundation
import Testing

/// Every command's help and every argument error speak the session's language (the parser's own English
/// is reworded from the catalogs).
@Suite struct LocalizedHelpTests {
    /// The command names `help` lists.
    static func commandNames(sandbox: Sandbox) throws -> [String] {
        try spiegel(["help"], sandbox: sandbox).stdout.split(separator: "\n")
            .filter { $0.hasPrefix("  ") }.compactMap { $0.split(separator: " ").first.map(String.init) }
    }

    /// The help texts of a help screen: what follows the label on each item line.
    static func itemTexts(_ screen: String) -> [String] {
        screen.split(separator: "\n").filter { $0.hasPrefix("  ") }.compactMap { line in
            line.dropFirst(2).firstRange(of: "  ").map { String(line.dropFirst(2)[$0.upperBound...]).trimmingCharacters(in: .whitespaces) }
        }.filter { !$0.isEmpty }
    }

    @Test func everyCommandsHelpIsDutchInDutch() throws {
        let sandbox = Sandbox()
        let names = try Self.commandNames(sandbox: sandbox)
        #expect(names.count > 25 && names.contains("done"))
        for name in names {
            let english = try spiegel(["help", name], sandbox: sandbox).stdout
            let dutch = try spiegel(["help", name, "--lang", "nl"], sandbox: sandbox).stdout
            let flag = try spiegel([name, "--help", "--lang", "nl"], sandbox: sandbox)
            #expect(flag.status == 0 && flag.stdout == dutch, "\(name) --help is the same screen as help \(name)")
            #expect(english.contains("Usage:") && dutch.contains("Gebruik:"), "\(name)")
            for text in Self.itemTexts(english) {
                #expect(!dutch.contains(text), "help \(name) in Dutch still says '\(text)'")
            }
            // Option names, value names (`--principle <principle>`) and lists of values or commands are
            // literal: what to type.
            let prose = dutch.replacingOccurrences(of: "<[^>]*>|--[a-z-]+|[a-z-]+(, [a-z-]+){3,}", with: " ",
                                                   options: .regularExpression)
            let found = Set(ScreenTests.words(prose)).intersection(ScreenTests.englishWords)
            #expect(found.isEmpty, "help \(name) in Dutch: \(found.sorted())")
        }
    }

    @Test func helpListsEachCommandOnce() throws {
        let screen = try spiegel(["--help"], sandbox: Sandbox()).stdout
        let help = screen.split(separator: "\n").filter { $0.hasPrefix("  help ") }
        #expect(help.count == 1, "\(screen)")
    }

    @Test func argumentErrorsAreDutchInDutch() throws {
        let sandbox = Sandbox()
        let cases: [([String], String)] = [
            (["done"], "<id> ontbreekt"),
            (["journal", "--limit", "x"], "'x' is geen geldige waarde voor --limit"),
            (["journal", "--bogus"], "onbekende optie '--bogus'"),
            (["principles", "extra"], "één woord te veel: 'extra'"),
            (["strat"], "onbekende opdracht 'strat' — bedoel je 'start'?"),
            (["entry", "zzz"], "geen notitie 'zzz'"),
        ]
        for (arguments, expected) in cases {
            let result = try spiegel(arguments + ["--lang", "nl"], sandbox: sandbox)
            #expect(result.status == 64 || result.status == 66, "\(arguments): \(result.status)")
            #expect(result.stderr.hasPrefix("spiegel: " + expected), "\(arguments): \(result.stderr)")
            let piped = try spiegel(["--lang", "nl"], input: arguments.joined(separator: " ") + "\n", sandbox: sandbox)
            #expect(piped.stderr.hasPrefix("stdin:1: " + expected), "piped \(arguments): \(piped.stderr)")
        }
        let oneShot = try spiegel(["done", "--lang", "nl"], sandbox: sandbox).stderr
        #expect(oneShot.contains("Gebruik:  spiegel done <id>") && oneShot.contains("'spiegel help done' legt het uit"), "\(oneShot)")
        let english = try spiegel(["done"], sandbox: sandbox).stderr
        #expect(english.hasPrefix("spiegel: <id> is missing\nUsage:  spiegel done <id>"), "\(english)")
    }

    @Test func searchPointsToTheOtherLanguage() throws {
        let sandbox = Sandbox()
        let english = try spiegel(["search", "koffie"], sandbox: sandbox)
        #expect(english.status == 0 && english.stdout.hasPrefix("Nothing found in English, but ")
                && english.stdout.contains(" in Dutch: search koffie --lang nl"), "\(english.stdout)")
        let dutch = try spiegel(["search", "listen first", "--lang", "nl"], sandbox: sandbox).stdout
        #expect(dutch.hasPrefix("Niets gevonden in het Nederlands, maar wel ") && dutch.contains("search 'listen first' --lang en"), "\(dutch)")
        let found = try spiegel(["search", "koffie", "--lang", "nl"], sandbox: sandbox).stdout
        #expect(found.contains("immediate-attention-welcome"), "the hint's command finds them: \(found)")
        #expect(try spiegel(["search", "xyzzy"], sandbox: sandbox).stdout == "Nothing found.\n")
    }
}
#endif
