import ArgumentParser
import Foundation

/// One command's help screen in the session's language: what it does, how to call it, and a line for every
/// argument and option. The structure comes from the argument parser; every text a person reads comes from
/// the catalogs (the parser's English help lines are found in the catalog's `arg` section by their text).
struct CommandHelpView {
    let say: Messages

    func render(_ type: any ParsableCommand.Type, root: any ParsableCommand.Type, inReview: Bool = false) -> String {
        let name = type.configuration.commandName ?? ""
        var out: [String] = []
        let abstract = say.abstract(of: name, inReview: inReview) ?? translated(type.configuration.abstract, in: "abstract")
        if !abstract.isEmpty { out += [abstract, ""] }
        if !type.configuration.discussion.isEmpty {
            out += [translated(type.configuration.discussion, in: "discussion"), ""]
        }
        out += [Self.usageLine(type, root: root, say: say), ""]
        for section in sections(of: root.helpMessage(for: type, columns: 100_000)) {
            out.append(section.title)
            let labelWidth = min(section.items.map { DisplayWidth.of($0.label) }.max() ?? 0, 24)
            for item in section.items {
                let text = section.isCommands
                    ? say.abstract(of: item.label, inReview: inReview) ?? translated(item.text, in: "abstract")
                    : translated(item.text, in: "arg")
                let label = say.placeholders(in: item.label)
                if DisplayWidth.of(label) > labelWidth {
                    out += ["  " + label, "  " + String(repeating: " ", count: labelWidth + 2) + text]
                } else {
                    out.append("  " + label + String(repeating: " ", count: labelWidth - DisplayWidth.of(label) + 2) + text)
                }
            }
            out.append("")
        }
        if type.configuration.subcommands.isEmpty == false { out.append(say.helpscreenMore()) }
        if out.last == "" { out.removeLast() }
        return out.joined(separator: "\n")
    }

    /// "Usage:  spiegel done <id> …" on one line (the layout wraps it for the window).
    static func usageLine(_ type: any ParsableCommand.Type, root: any ParsableCommand.Type, say: Messages) -> String {
        let usage = root.usageString(for: type).split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        return say.helpscreenUsage() + "  " + say.placeholders(in: usage.joined(separator: " "))
    }

    /// A text in the session's language: the phrase of `section` whose English is `english`, else as it is.
    /// The parser's own suffix ("(default: 3)", "(values: a, b; default: a)", "(values: a, b)") is reworded too.
    func translated(_ english: String, in section: String) -> String {
        var english = english.trimmingCharacters(in: .whitespacesAndNewlines)
        if let match = english.firstMatch(of: /\s\((?:values: (.+?); )?default: (.+)\)$/) {
            english.removeSubrange(match.range)
            let values = match.1.map { say.helpscreenValues(String($0)) + "; " } ?? ""
            return translated(english, in: section) + " (" + values + say.helpscreenDefault(String(match.2)) + ")"
        }
        if let match = english.firstMatch(of: /\s\(values: ([^;()]+)\)$/) {
            english.removeSubrange(match.range)
            let values = match.1.split(separator: ",").map { say.valueWord($0.trimmingCharacters(in: .whitespaces)) }
            return translated(english, in: section) + " (" + say.helpscreenValues(values.joined(separator: ", ")) + ")"
        }
        return say.phrase(matching: english, in: section) ?? english
    }

    struct Section {
        var title: String
        var items: [(label: String, text: String)]
        var isCommands = false
    }

    /// The argument, option and subcommand sections of the parser's help, one line an item (it was laid out
    /// wide enough for that); a label too long for the parser's column has its text on the next line.
    func sections(of help: String) -> [Section] {
        var sections: [Section] = []
        var pendingLabel: String?
        for line in help.split(separator: "\n", omittingEmptySubsequences: true) {
            switch line {
            case "ARGUMENTS:": sections.append(Section(title: say.helpscreenArguments(), items: []))
            case "OPTIONS:": sections.append(Section(title: say.helpscreenOptions(), items: []))
            case "SUBCOMMANDS:": sections.append(Section(title: say.helpscreenCommands(), items: [], isCommands: true))
            default:
                guard !sections.isEmpty, line.hasPrefix("  "), !line.trimmingCharacters(in: .whitespaces).hasPrefix("See '")
                else { continue }
                let content = line.drop { $0 == " " }
                // The parser starts every text in column 26; a longer label has its text on the next line.
                let column = 26
                let head = line.prefix(column)
                if let label = pendingLabel, line.hasPrefix(String(repeating: " ", count: 20)) {
                    sections[sections.count - 1].items.append((label, String(content)))
                    pendingLabel = nil
                } else if line.count > column, head.hasSuffix(" "), line.dropFirst(column).first != " " {
                    let label = head.trimmingCharacters(in: .whitespaces)
                    let text = line.dropFirst(column)
                    // The parser adds a `help` subcommand of its own beside ours: one is enough.
                    guard !sections[sections.count - 1].items.contains(where: { $0.label == label }) else { continue }
                    sections[sections.count - 1].items.append((label, String(text)))
                } else {
                    pendingLabel = String(content)
                }
            }
        }
        return sections.filter { !$0.items.isEmpty }
    }
}

extension Messages {
    /// The parser's placeholders (`<exercise>`, `<date>`) in the session's words (`<oefening>`, `<datum>`).
    func placeholders(in text: String) -> String {
        let words = Dictionary(helpPlaceholders().split(separator: " ").compactMap { pair -> (String, String)? in
            let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
            return parts.count == 2 ? (parts[0], parts[1]) : nil
        }, uniquingKeysWith: { first, _ in first })
        return text.replacing(/<([a-z-]+)>/) { match in "<" + (words[String(match.1)] ?? String(match.1)) + ">" }
    }
}
