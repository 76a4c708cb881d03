import Foundation
import SpiegelContent
@testable import SpiegelCore
import Testing

/// The mirror over a small journal with known patterns: a principle never practised, commitments mostly
/// moved, a word that keeps coming back, kept rates counted by hand.
@Suite("Mirror")
struct MirrorTests {
    static let graph = KnowledgeGraph.curated()

    static func entry(_ day: String, _ exercise: String, text: String, confidence: Int? = nil,
                      commitment: (String, CommitmentStatus, String?)? = nil, language: Language = .nl) throws -> Entry {
        let definition = try #require(graph.exercise(exercise))
        let id = day.replacingOccurrences(of: "-", with: "") + "-100000-" + String(format: "%06x", abs(text.hashValue) % 0xFFFFFF)
        var entry = Entry(id: id, exercise: definition, language: language, startedAt: day + "T10:00:00+00:00")
        entry.completedAt = day + "T10:10:00+00:00"
        var answer = Answer(stepId: "moment", kind: .text, prompt: "p")
        answer.text = text
        entry.answers = [answer]
        entry.confidence = confidence
        if let (action, status, reflection) = commitment {
            var history = [CommitmentEvent(at: day + "T10:10:00+00:00", status: .open)]
            if status != .open { history.append(CommitmentEvent(at: day + "T12:00:00+00:00", status: status, reflection: reflection)) }
            entry.commitments = [Commitment(id: id + ".1", stepId: "plan", action: action, due: CalendarDay(day)!.adding(days: 3),
                                            status: status, history: history)]
        }
        return entry
    }

    static func journal() throws -> [Entry] {
        [
            // The previous 30 days: one kept commitment, no waiting.
            try entry("2026-10-10", "small-gesture-plan", text: "koffie aangeboden bij de balie", confidence: 2,
                      commitment: ("koffie aanbieden", .done, "ging goed")),
            // This period: waiting comes back in three entries; commitments mostly moved.
            try entry("2026-11-05", "small-gesture-plan", text: "de wachtende bezoekers bij de balie", confidence: 3,
                      commitment: ("water geven", .moved, "te druk aan de balie")),
            try entry("2026-11-12", "most-satisfied-customer", text: "lang wachten op de lift", confidence: 3,
                      commitment: ("lift melden", .moved, "vergeten")),
            try entry("2026-11-20", "small-gesture-plan", text: "wachten bij de balie duurde lang", confidence: 4,
                      commitment: ("stoel neerzetten", .done, nil)),
            try entry("2026-11-25", "small-gesture-plan", text: "iemand wachtte buiten", confidence: 5,
                      commitment: ("deur openhouden", .dropped, "niet nodig")),
        ]
    }

    @Test func practiceCommitmentsAndThemes() throws {
        let period = MirrorReport.Period(from: CalendarDay("2026-11-01")!, to: CalendarDay("2026-11-30")!)
        let report = Mirror(graph: Self.graph).reflect(try Self.journal(), period: period, today: CalendarDay("2026-11-30")!)
        #expect(report.previous.from == CalendarDay("2026-10-02") && report.previous.to == CalendarDay("2026-10-31"))

        let action = try #require(report.principles.first { $0.id == "action" })
        #expect(action.entries == 3)
        #expect(action.confidenceFirst == 3 && action.confidenceLast == 5 && action.confidencePath == [3, 4, 5])
        #expect(action.minutes == 3 * (Self.graph.exercise("small-gesture-plan")?.minutes ?? 0))
        // boundaries is never practised in this journal.
        #expect(report.neglected == "interest" || report.neglected == "awareness" || report.neglected == "boundaries")
        #expect(report.principles.first { $0.id == report.neglected }?.lastPractised == nil)

        // By hand: 4 made this period; done 1, dropped 1, moved 2; kept rate 1 / (1 + 1) = 0.5. Before: 1 of 1.
        #expect(report.commitments.made == 4 && report.commitments.done == 1 && report.commitments.moved == 2
                && report.commitments.dropped == 1 && report.commitments.open == 0)
        #expect(report.commitments.keptRate == 0.5)
        #expect(report.previousCommitments.keptRate == 1.0)
        #expect(report.obstacles.map(\.text).sorted() == ["te druk aan de balie", "vergeten"])
        #expect(report.oldestOpen?.action == "water geven", "moved ones are still open; the earliest due first")

        // 'wachten' and 'wachtte' share a Snowball stem (the participle 'wachtende' keeps its own): one theme
        // in three entries, new this month.
        let waiting = try #require(report.themes.first { $0.stem.hasPrefix("wacht") }, "\(report.themes.map(\.term))")
        #expect(waiting.count == 3 && waiting.isNew, "\(report.themes.map { "\($0.term)/\($0.stem)×\($0.count)" })")
        let desk = try #require(report.themes.first { $0.term == "balie" })
        #expect(desk.count == 2 && desk.isNew, "once before is not a theme then")
        #expect(!report.themes.contains { ["de", "bij", "op"].contains($0.term) }, "stop words are no themes")
    }

    @Test func onThisDayAndNextTime() throws {
        var entries = try Self.journal()
        entries.append(try Self.entry("2025-11-30", "small-gesture-plan", text: "een jaar geleden begonnen"))
        let period = MirrorReport.Period(from: CalendarDay("2026-11-01")!, to: CalendarDay("2026-11-30")!)
        let report = Mirror(graph: Self.graph).reflect(entries, period: period, today: CalendarDay("2026-11-30")!)
        #expect(report.onThisDay.map(\.monthsAgo).contains(12))
        #expect(report.onThisDay.first { $0.monthsAgo == 12 }?.firstLine == "een jaar geleden begonnen")
        let chair = try #require(report.nextTime.first { $0.text == "stoel neerzetten" })
        #expect(chair.followedBy != nil && !chair.guess, "a done commitment happened, no guess")
        #expect(report.nextTime.first { $0.text == "lift melden" }?.followedBy == nil)
        let dropped = try #require(report.nextTime.first { $0.text == "deur openhouden" })
        #expect(dropped.status == .dropped && dropped.followedBy == nil, "a dropped commitment is not looked for later")
    }
}
