import Foundation
import SpiegelContent
import SpiegelCore

/// The mirror on screen: one section per question, each line ending with the entries it rests on.
struct MirrorView {
    let session: Session
    let graph: KnowledgeGraph
    /// Every entry id of the journal shortened to the shortest start that is still unique.
    private let shortIDs: [String: String]

    /// `allIDs`: every entry id of the journal (or the client's bundle), among which ids are shortened.
    init(session: Session, graph: KnowledgeGraph, allIDs: [String]) {
        self.session = session
        self.graph = graph
        shortIDs = ShortID.prefixes(of: allIDs, among: allIDs)
    }

    /// A principle's, barrier's or need's name ("shyness" -> Verlegenheid, "explanation" -> its need node's name).
    private func name(_ id: String) -> String {
        (graph.node(CheckInBarrier.node(for: id)) ?? graph.node("need-" + id)).map { session.text($0.name) } ?? id
    }

    private func cite(_ ids: [String]) -> String {
        guard !ids.isEmpty else { return "" }
        let shown = ids.prefix(4).map(short).joined(separator: ", ")
        return session.style.dim("  [" + shown + (ids.count > 4 ? ", …" : "") + "]")
    }

    /// An entry id's shortest unique start; commitment ids are typed whole (done ID, moved ID) and kept.
    private func short(_ id: String) -> String { shortIDs[id] ?? id }

    private func percent(_ rate: Double?) -> String { rate.map { "\(Int(($0 * 100).rounded()))%" } ?? "–" }

    /// The commitment figures in words, one line each (also the HTML page's list).
    func commitmentLines(_ report: MirrorReport) -> [String] {
        let c = report.commitments
        var lines = [session.say.mirrorMadeMadeDoneDoneMoved(made: c.made, done: c.done, moved: c.moved, dropped: c.dropped, open: c.open)
                     + " · " + session.say.mirrorKept() + percent(c.keptRate)
                     + session.say.mirrorBefore() + percent(report.previousCommitments.keptRate) + ")"]
        let perPrinciple = report.commitmentsByPrinciple.filter { $0.value.made > 0 }.sorted { $0.key < $1.key }
        if !perPrinciple.isEmpty {
            lines.append(session.say.mirrorKeptPerPrinciple()
                         + perPrinciple.map { "\(name($0.key)) \(percent($0.value.keptRate))" }.joined(separator: ", "))
        }
        return lines
    }

    /// The page's words for `MirrorHTML`.
    func htmlLabels(_ report: MirrorReport) -> MirrorHTML.Labels {
        MirrorHTML.Labels(
            title: session.say.mirrorPageTitle(), practice: session.say.mirrorPracticePerPrinciple(),
            confidence: session.say.mirrorPageConfidence(), commitments: session.say.mirrorCommitments(),
            keptPerMonth: session.say.mirrorPageKeptPerMonth(), themes: session.say.mirrorInYourOwnWords(),
            onThisDay: session.say.mirrorOnThisDay(), nextTime: session.say.mirrorYouSaidYouWould(),
            new: session.say.mirrorPageNew(),
            principleNames: Dictionary(uniqueKeysWithValues: report.principles.map { ($0.id, name($0.id)) }),
            commitmentLines: commitmentLines(report), language: session.language.rawValue)
    }

    func show(_ report: MirrorReport) {
        let style = session.style
        session.print(style.bold(session.say.mirrorYourMirrorFromToTo(from: session.time.day(report.period.from), to: session.time.day(report.period.to)))
                      + style.dim(session.say.mirrorComparedWithFromToTo(from: session.time.day(report.previous.from),
                                                                         to: session.time.day(report.previous.to))))

        session.print("\n" + style.bold(session.say.mirrorPracticePerPrinciple()))
        for principle in report.principles {
            var line = "  " + style.bold(name(principle.id)) + ": "
            line += session.say.countEntries(principle.entries)
            if principle.minutes > 0 { line += ", ~\(principle.minutes) min" }
            if let first = principle.confidenceFirst, let last = principle.confidenceLast {
                line += session.say.mirrorConfidence() + "\(first) → \(last)"
                if principle.confidencePath.count > 2 { line += " (" + principle.confidencePath.map(String.init).joined(separator: ", ") + ")" }
            }
            session.print(line + cite(principle.entryIds))
        }
        if let neglected = report.neglected {
            let last = report.principles.first { $0.id == neglected }?.lastPractised
            session.print("  " + session.say.mirrorNotPractisedForLongest() + name(neglected)
                          + " (" + (last.map { session.say.mirrorLastOnValue(session.time.day($0)) } ?? session.say.mirrorNever()) + ")")
        }

        session.print("\n" + style.bold(session.say.mirrorCommitments()))
        let lines = commitmentLines(report)
        session.print("  " + lines[0] + cite(report.commitments.entryIds))
        for line in lines.dropFirst() { session.print("  " + line) }
        if let oldest = report.oldestOpen {
            session.print("  " + session.say.mirrorOldestOpen() + CommitmentView(session: session).plan(oldest)
                          + session.say.mirrorDueDue(session.time.day(oldest.due)) + cite([oldest.id]))
        }
        for reason in report.movedBecause {
            session.print("  " + session.say.mirrorMovedBecause() + name(reason.id).lowercased() + " ×\(reason.count)" + cite(reason.entries))
        }
        for obstacle in report.obstacles.filter({ !$0.text.isEmpty }).prefix(5) {
            let named = obstacle.barriers.isEmpty ? "" : session.barrierNames(obstacle.barriers).lowercased() + " — "
            session.print("  " + session.say.mirrorGotInTheWay() + named + "“" + TerminalSafe.visible(obstacle.text, keepNewlines: false) + "”"
                          + cite([obstacle.commitmentId]))
        }

        session.print("\n" + style.bold(session.say.mirrorInYourOwnWords()))
        if report.themes.isEmpty { session.print("  " + session.say.mirrorNoWordCameBackIn()) }
        for theme in report.themes {
            session.print("  " + TerminalSafe.visible(theme.term, keepNewlines: false) + " ×\(theme.count)"
                          + (theme.isNew ? style.accent(session.say.mirrorNew()) : "") + cite(theme.entries))
        }

        if !report.mentions.isEmpty {
            session.print("\n" + style.bold(session.say.mirrorNeedsAndBarriersYouNamed()))
            for mention in report.mentions { session.print("  " + name(mention.id) + " ×\(mention.count)" + cite(mention.entries)) }
        }

        if !report.onThisDay.isEmpty {
            session.print("\n" + style.bold(session.say.mirrorOnThisDay()))
            for glimpse in report.onThisDay {
                let ago = glimpse.monthsAgo == 12 ? session.say.mirrorAYearAgo()
                    : glimpse.monthsAgo == 1 ? session.say.mirrorAMonthAgo()
                    : session.say.mirrorMonthsagoMonthsAgo(glimpse.monthsAgo)
                session.print("  " + ago + " (\(session.time.day(glimpse.day))): " + TerminalSafe.visible(glimpse.firstLine, keepNewlines: false) + cite([glimpse.entryId]))
            }
        }

        if !report.nextTime.isEmpty {
            session.print("\n" + style.bold(session.say.mirrorYouSaidYouWould()))
            for intention in report.nextTime.prefix(8) {
                let outcome: String
                if let followed = intention.followedBy {
                    outcome = intention.guess ? session.say.mirrorPerhapsALaterEntrySpeaks()
                        + cite([followed]) : session.say.mirrorDone() + cite([followed])
                } else if let status = intention.status, status == .dropped {
                    outcome = session.say.status(status)
                } else {
                    outcome = session.say.mirrorNoSignOfItYet()
                }
                let said = CommitmentView(session: session).plan(situation: intention.situation, action: intention.text,
                                                                  language: intention.language)
                session.print("  “" + said + "” — " + outcome + (intention.source == "check-in" ? cite([intention.commitmentId ?? ""]) : ""))
            }
        }
    }
}
