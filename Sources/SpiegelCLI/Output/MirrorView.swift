import Foundation
import SpiegelContent
import SpiegelCore

/// The mirror on screen: one section per question, each line ending with the entries it rests on.
struct MirrorView {
    let session: Session
    let graph: KnowledgeGraph
    /// Every entry id of the journal, to shorten ids to a prefix that is still unique.
    let allIDs: [String]

    private func name(_ id: String) -> String { graph.node(id).map { session.text($0.name) } ?? id }

    private func cite(_ ids: [String]) -> String {
        guard !ids.isEmpty else { return "" }
        let shown = ids.prefix(4).map(short).joined(separator: ", ")
        return session.style.dim("  [" + shown + (ids.count > 4 ? ", …" : "") + "]")
    }

    /// The shortest start of an id (at least 8 characters) that no other entry shares.
    private func short(_ id: String) -> String {
        var length = min(8, id.count)
        while length < id.count, allIDs.contains(where: { $0 != id && $0.hasPrefix(id.prefix(length)) }) { length += 1 }
        return String(id.prefix(length))
    }

    private func percent(_ rate: Double?) -> String { rate.map { "\(Int(($0 * 100).rounded()))%" } ?? "–" }

    func show(_ report: MirrorReport) {
        let style = session.style
        session.print(style.bold(session.t("Your mirror: \(report.period.from) to \(report.period.to)",
                                           "Je spiegel: \(report.period.from) tot en met \(report.period.to)"))
                      + style.dim(session.t("  (compared with \(report.previous.from) to \(report.previous.to))",
                                            "  (vergeleken met \(report.previous.from) tot en met \(report.previous.to))")))

        session.print("\n" + style.bold(session.t("Practice per principle", "Oefening per principe")))
        for principle in report.principles {
            var line = "  " + style.bold(name(principle.id)) + ": "
            line += session.t(principle.entries == 1 ? "1 entry" : "\(principle.entries) entries",
                              principle.entries == 1 ? "1 notitie" : "\(principle.entries) notities")
            if principle.minutes > 0 { line += ", ~\(principle.minutes) min" }
            if let first = principle.confidenceFirst, let last = principle.confidenceLast {
                line += session.t("; confidence ", "; vertrouwen ") + "\(first) → \(last)"
                if principle.confidencePath.count > 2 { line += " (" + principle.confidencePath.map(String.init).joined(separator: ", ") + ")" }
            }
            session.print(line + cite(principle.entryIds))
        }
        if let neglected = report.neglected {
            let last = report.principles.first { $0.id == neglected }?.lastPractised
            session.print("  " + session.t("Not practised for longest: ", "Het langst niet geoefend: ") + name(neglected)
                          + " (" + (last.map { session.t("last on \($0)", "laatst op \($0)") } ?? session.t("never", "nog nooit")) + ")")
        }

        let c = report.commitments
        session.print("\n" + style.bold(session.t("Commitments", "Afspraken")))
        session.print("  " + session.t("made \(c.made) · done \(c.done) · moved \(c.moved) · dropped \(c.dropped) · open \(c.open)",
                                       "gemaakt \(c.made) · gedaan \(c.done) · verzet \(c.moved) · geschrapt \(c.dropped) · open \(c.open)")
                      + " · " + session.t("kept ", "nagekomen ") + percent(c.keptRate)
                      + session.t(" (before: ", " (daarvoor: ") + percent(report.previousCommitments.keptRate) + ")" + cite(c.entryIds))
        let perPrinciple = report.commitmentsByPrinciple.filter { $0.value.made > 0 }.sorted { $0.key < $1.key }
        if !perPrinciple.isEmpty {
            session.print("  " + session.t("kept per principle: ", "nagekomen per principe: ")
                          + perPrinciple.map { "\(name($0.key)) \(percent($0.value.keptRate))" }.joined(separator: ", "))
        }
        if let oldest = report.oldestOpen {
            session.print("  " + session.t("oldest open: ", "oudste open: ") + TerminalSafe.visible(oldest.action, keepNewlines: false)
                          + session.t(" (due \(oldest.due))", " (voor \(oldest.due))") + cite([oldest.id]))
        }
        for obstacle in report.obstacles.prefix(5) {
            session.print("  " + session.t("got in the way: ", "zat in de weg: ") + "“" + TerminalSafe.visible(obstacle.text, keepNewlines: false) + "”"
                          + cite([obstacle.commitmentId]))
        }

        session.print("\n" + style.bold(session.t("In your own words", "In je eigen woorden")))
        if report.themes.isEmpty { session.print("  " + session.t("No word came back in two entries yet.", "Nog geen woord kwam in twee notities terug.")) }
        for theme in report.themes {
            session.print("  " + TerminalSafe.visible(theme.term, keepNewlines: false) + " ×\(theme.count)"
                          + (theme.isNew ? style.accent(session.t("  new", "  nieuw")) : "") + cite(theme.entries))
        }

        if !report.mentions.isEmpty {
            session.print("\n" + style.bold(session.t("Needs and barriers you named", "Behoeften en drempels die je noemde")))
            for mention in report.mentions { session.print("  " + name(mention.id) + " ×\(mention.count)" + cite(mention.entries)) }
        }

        if !report.onThisDay.isEmpty {
            session.print("\n" + style.bold(session.t("On this day", "Op deze dag")))
            for glimpse in report.onThisDay {
                let ago = glimpse.monthsAgo == 12 ? session.t("a year ago", "een jaar geleden")
                    : glimpse.monthsAgo == 1 ? session.t("a month ago", "een maand geleden")
                    : session.t("\(glimpse.monthsAgo) months ago", "\(glimpse.monthsAgo) maanden geleden")
                session.print("  " + ago + " (\(glimpse.day)): " + TerminalSafe.visible(glimpse.firstLine, keepNewlines: false) + cite([glimpse.entryId]))
            }
        }

        if !report.nextTime.isEmpty {
            session.print("\n" + style.bold(session.t("You said you would…", "Je zei dat je…")))
            for intention in report.nextTime.prefix(8) {
                let outcome: String
                if let followed = intention.followedBy {
                    outcome = intention.guess ? session.t("perhaps: a later entry speaks of it (a guess)", "misschien: een latere notitie gaat erover (een gok)")
                        + cite([followed]) : session.t("done", "gedaan") + cite([followed])
                } else {
                    outcome = session.t("no sign of it yet", "nog geen spoor van")
                }
                session.print("  “" + TerminalSafe.visible(intention.text, keepNewlines: false) + "” — " + outcome)
            }
        }
    }
}
