import Foundation
import SpiegelContent
import Testing
@testable import SpiegelCore

@Suite("Scheduler")
struct SchedulerTests {
    static let today = CalendarDay(year: 2026, month: 3, day: 10)

    @Test func emptyJournalStartsHere() throws {
        let scheduler = Scheduler(graph: SmallContent.graph, language: .en)
        let result = scheduler.recommend(entries: [], today: Self.today, count: 10)
        // awareness: never practised (need 0.9); interest: never practised but locked behind awareness (0.9 * 0.35).
        // The exercise training both comes first, then awareness alone, and the locked one last.
        #expect(result.recommendations.map(\.exercise) == ["ex-both", "ex-aware", "ex-interest"])
        expectStrictlyDecreasing(result.recommendations.map(\.score))
        let first = try #require(result.recommendations.first)
        #expect(first.reasons.first?.code == "start-here")
        #expect(first.reasons.map(\.code) == ["start-here", "never-practised"])
        #expect(first.reasons[1].principle == "awareness", "the reasons are those of the neediest principle")
        #expect(first.reasons.map(\.text) == ["start here", "awareness: not practised yet"])
        #expect(result.recommendations.allSatisfy { $0.reasons.first?.code == "start-here" })
        let locked = try #require(result.recommendations.last)
        #expect(locked.reasons.first?.code == "start-here")
        #expect(locked.reasons.contains { $0.code == "prerequisite" && $0.text == "interest builds on awareness: those first" },
                "\(locked.reasons)")
        #expect(locked.score < 0.5 * first.score, "a locked principle is held back")
        #expect(result.checkIns.isEmpty)
    }

    func expectStrictlyDecreasing(_ scores: [Double], sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        #expect(zip(scores, scores.dropFirst()).allSatisfy { $0 > $1 }, "scores \(scores)", sourceLocation: sourceLocation)
        #expect(scores.allSatisfy { $0 > 0 }, "scores \(scores)", sourceLocation: sourceLocation)
    }

    @Test func emptyCuratedJournalStartsHere() throws {
        let result = Scheduler(graph: KnowledgeGraph.curated(), language: .nl).recommend(entries: [], today: Self.today)
        let first = try #require(result.recommendations.first)
        #expect(first.reasons.first?.code == "start-here")
        #expect(first.reasons.first?.text == "begin hier")
        #expect(result.recommendations.count == 3)
    }

    @Test func smallJournalHasAFixedOrderAndReasons() throws {
        let aware = SmallContent.graph.exercise("ex-aware")!
        let entries = [completedEntry(aware, id: "20260301-110000-aaaaaa", day: "2026-03-01", confidence: 4)]
        let scheduler = Scheduler(graph: SmallContent.graph, language: .en)
        let result = scheduler.recommend(entries: entries.summaries, today: Self.today, count: 3)
        // awareness: practised 9 days ago at 4/5, so only partly forgotten (R = 1 / (1 + 9 / (9 * 3 * 1.25)) = 0.79).
        // interest: never practised and now unlocked (its prerequisite awareness is done): the neediest.
        // ex-aware was just done: last.
        #expect(result.recommendations.map(\.exercise) == ["ex-both", "ex-interest", "ex-aware"])
        expectStrictlyDecreasing(result.recommendations.map(\.score))
        let top = try #require(result.recommendations.first)
        #expect(top.principles == ["interest", "awareness"])
        #expect(top.reasons.map(\.code) == ["never-practised", "builds-on", "new-exercise"])
        #expect(top.reasons[0].principle == "interest")
        #expect(top.reasons[1].principle == "awareness" && top.reasons[1].value == 1)
        #expect(top.reasons[1].text == "builds on awareness, which you have practised 1 times")
        let second = try #require(result.recommendations.dropFirst().first)
        #expect(second.reasons.map(\.code) == ["never-practised", "builds-on", "new-exercise"])
        let done = try #require(result.recommendations.last)
        #expect(done.reasons.map(\.code) == ["last-practised", "confidence", "just-done"])
        #expect(done.reasons[0].days == 9)
        #expect(done.reasons[0].text == "awareness: last practised 9 days ago")
        #expect(done.reasons[1].value == 4)
        #expect(done.score < 0.1, "just done and well remembered: \(done.score)")
        // Same input, same output; and in Dutch the same order.
        #expect(scheduler.recommend(entries: entries.summaries, today: Self.today, count: 3).recommendations == result.recommendations)
        let dutch = Scheduler(graph: SmallContent.graph, language: .nl).recommend(entries: entries.summaries, today: Self.today, count: 3)
        #expect(dutch.recommendations.map(\.exercise) == result.recommendations.map(\.exercise))
        #expect(dutch.recommendations.last?.reasons.last?.text == "net gedaan: liever iets anders")
    }

    @Test func countAndPrincipleFilter() {
        let scheduler = Scheduler(graph: SmallContent.graph, language: .en)
        #expect(scheduler.recommend(entries: [], today: Self.today, count: 1).recommendations.map(\.exercise) == ["ex-both"])
        #expect(scheduler.recommend(entries: [], today: Self.today, count: 0).recommendations.count == 1)
        #expect(scheduler.recommend(entries: [], today: Self.today, count: 9, principle: "interest").recommendations.map(\.exercise)
                == ["ex-both", "ex-interest"])
    }

    @Test func afterEveryPrincipleButBoundariesBoundariesComesNext() throws {
        let graph = KnowledgeGraph.curated()
        let others = graph.exercises.filter { !$0.principles.contains("boundaries") }
        let covered = Set(others.flatMap(\.principles))
        #expect(covered == ["interest", "connection", "action", "awareness"])
        var entries: [Entry] = []
        for (index, exercise) in others.enumerated() {
            let day = CalendarDay(year: 2026, month: 3, day: 1).adding(days: index % 9)
            entries.append(completedEntry(exercise, id: "\(day.description.replacingOccurrences(of: "-", with: ""))-1200\(String(format: "%02d", index))-abcdef",
                                          day: day.description, confidence: 4))
        }
        let result = Scheduler(graph: graph, language: .en).recommend(entries: entries.summaries, today: Self.today, count: 5)
        let top = try #require(result.recommendations.first)
        #expect(top.principles.contains("boundaries"), "top: \(top.exercise) \(top.principles)")
        #expect(top.reasons.contains { $0.code == "never-practised" && $0.principle == "boundaries" }, "\(top.reasons)")
        #expect(top.reasons.contains { $0.code == "builds-on" }, "boundaries builds on practised principles: \(top.reasons)")
    }

    @Test func theExerciseJustDoneIsNotFirst() throws {
        let graph = KnowledgeGraph.curated()
        let scheduler = Scheduler(graph: graph, language: .en)
        let before = try #require(scheduler.recommend(entries: [], today: Self.today).recommendations.first)
        let exercise = try #require(graph.exercise(before.exercise))
        let entries = [completedEntry(exercise, id: "20260310-120000-abcdef", day: "2026-03-10", confidence: 2)]
        let after = scheduler.recommend(entries: entries.summaries, today: Self.today, count: 100).recommendations
        #expect(after.first?.exercise != before.exercise)
        let repeated = try #require(after.first { $0.exercise == before.exercise })
        #expect(repeated.reasons.contains { $0.code == "just-done" })
        #expect(after.count == graph.exercises.count)
    }

    @Test func dueCommitmentsBecomeCheckIns() throws {
        let aware = SmallContent.graph.exercise("ex-aware")!
        func commitment(_ number: Int, _ due: String, _ status: CommitmentStatus) -> Commitment {
            Commitment(id: "20260301-110000-aaaaaa.\(number)", stepId: "plan", action: "action \(number)",
                       due: CalendarDay(due)!, status: status)
        }
        let entries = [completedEntry(aware, id: "20260301-110000-aaaaaa", day: "2026-03-01", confidence: 3, commitments: [
            commitment(1, "2026-03-20", .open),   // not yet due
            commitment(2, "2026-03-05", .open),   // five days overdue
            commitment(3, "2026-03-01", .done),   // done: no check-in
            commitment(4, "2026-03-10", .moved),  // moved to today: due
            commitment(5, "2026-03-02", .dropped),
        ])]
        let result = Scheduler(graph: SmallContent.graph, language: .en).recommend(entries: entries.summaries, today: Self.today)
        // Open and moved commitments due today or earlier; not the future, done or dropped ones.
        let byID = Dictionary(uniqueKeysWithValues: result.checkIns.map { ($0.commitment, $0) })
        #expect(Set(byID.keys) == ["20260301-110000-aaaaaa.2", "20260301-110000-aaaaaa.4"])
        #expect(byID["20260301-110000-aaaaaa.2"]?.daysOverdue == 5)
        #expect(byID["20260301-110000-aaaaaa.4"]?.daysOverdue == 0)
        let overdue = try #require(byID["20260301-110000-aaaaaa.2"])
        #expect(overdue.reason.code == "commitment-due")
        #expect(overdue.reason.days == 5)
        #expect(overdue.due == CalendarDay(year: 2026, month: 3, day: 5))
        #expect(overdue.reason.text == "you committed to 'action 2' by 2026-03-05: time to check in (done/moved/dropped 20260301-110000-aaaaaa.2)")
    }

    @Test func statsCountPerPrinciple() {
        let graph = SmallContent.graph
        let entries = [
            completedEntry(graph.exercise("ex-aware")!, id: "20260308-110000-aaaaaa", day: "2026-03-08", confidence: 2),
            completedEntry(graph.exercise("ex-both")!, id: "20260309-110000-bbbbbb", day: "2026-03-09", confidence: 4),
        ]
        let stats = JournalStats(entries: entries.summaries, principles: ["awareness", "interest"], today: Self.today)
        #expect(stats.entries == 2)
        #expect(stats.principles.map(\.entries) == [2, 1])
        #expect(stats.principles.map(\.confidence) == [[2, 4], [4]])
        #expect(stats.principles.map(\.daysSince) == [1, 1])
        #expect(stats.weeklyStreak == 2, "weeks of 2026-03-08 (a Sunday) and 2026-03-09 (the next Monday)")
        let gap = JournalStats(entries: [entries[1], completedEntry(graph.exercise("ex-aware")!, id: "20260301-110000-cccccc",
                                                                        day: "2026-03-01", confidence: 2)].summaries,
                               principles: ["awareness"], today: Self.today)
        #expect(gap.weeklyStreak == 1, "an empty week (2026-03-02 to 03-08) breaks the streak")
    }
}
