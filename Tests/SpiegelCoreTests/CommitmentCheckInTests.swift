import Foundation
import SpiegelContent
@testable import SpiegelCore
import Testing

/// If-then plans (stored as typed beside the action, with their language) and check-ins (recorded on
/// the commitment, kept by the index, used by the mirror and the recommender).
@Suite("If-then plans and check-ins")
struct CommitmentCheckInTests {
    static let graph = KnowledgeGraph.curated()
    static let today = CalendarDay("2026-12-01")!

    func runner(_ exercise: String = "small-gesture-plan") throws -> ExerciseRunner {
        let definition = try #require(Self.graph.exercise(exercise))
        return ExerciseRunner(exercise: definition, entry: Entry(id: "20261201-100000-abcdef", exercise: definition, language: .en,
                                                                 startedAt: "2026-12-01T10:00:00+00:00"))
    }

    /// Answers a whole exercise; the commitment step gets `commitment`.
    func completed(_ commitment: AnswerInput, exercise: String = "small-gesture-plan") throws -> Entry {
        var runner = try runner(exercise)
        while let slot = runner.current {
            switch slot.step.kind {
            case .commitment: try runner.answer(commitment, today: Self.today)
            case .rating: try runner.answer(.rating("3"), today: Self.today)
            case .choice: try runner.answer(.choice("1"), today: Self.today)
            case .list: try runner.answer(.list(["one"]), today: Self.today)
            case .text: try runner.answer(.text("words"), today: Self.today)
            }
        }
        return runner.completedEntry(at: Date(timeIntervalSince1970: 1_796_119_200))
    }

    @Test func theRunnerStoresTheSituationBesideTheAction() throws {
        let typed = try completed(.commitment(situation: "a guest waits", action: "offer a chair", due: "in 3 days"))
        let commitment = try #require(typed.commitments.first)
        #expect(commitment.situation == "a guest waits" && commitment.action == "offer a chair")
        #expect(typed.answers.first { $0.kind == .commitment }?.situation == "a guest waits")

        let scripted = try completed(.commitment(action: "When a guest waits, I will offer a chair", due: "in 3 days"))
        #expect(scripted.commitments.first?.situation == "When a guest waits" && scripted.commitments.first?.action == "I will offer a chair")
        #expect(scripted.commitments.first?.language == .en && typed.commitments.first?.language == .en)

        let plain = try completed(.commitment(action: "offer a chair, then smile", due: "in 3 days"))
        #expect(plain.commitments.first?.situation == nil && plain.commitments.first?.action == "offer a chair, then smile")
        #expect(EntrySummary(plain).commitments.first?.situation == nil)
        #expect(EntrySummary(scripted).searchText.contains("guest waits"), "the situation is searchable")
    }

    @Test func aCheckInIsRecordedOnTheCommitmentAndItsBarriersReachTheSummary() throws {
        let entry = try completed(.commitment(situation: "a guest waits", action: "offer a chair", due: "in 3 days"))
        let id = try #require(entry.commitments.first?.id)
        let found = try CommitmentCheckIn.find(String(id.prefix(15)), in: [EntrySummary(entry)])
        #expect(found.entryId == entry.id && found.commitment.id == id)
        #expect(throws: JournalError.self) { try CommitmentCheckIn.find("nothing", in: [EntrySummary(entry)]) }

        let moved = CommitmentChange(status: .moved, due: CalendarDay("2026-12-10"),
                                     checkIn: CheckInAnswers(barriers: ["shyness", "creativity"], why: "  "))
        let (once, first) = try #require(CommitmentCheckIn.recording(moved, on: id, in: entry, at: Date(timeIntervalSince1970: 1_796_200_000)))
        #expect(first.status == .moved && first.due == CalendarDay("2026-12-10"))
        #expect(first.history.last?.checkIn == CheckInAnswers(barriers: ["shyness", "creativity"]), "an empty answer is not kept")
        let again = CommitmentChange(status: .moved, due: CalendarDay("2026-12-12"), checkIn: CheckInAnswers(barriers: ["shyness"]))
        let (twice, _) = try #require(CommitmentCheckIn.recording(again, on: id, in: once, at: Date(timeIntervalSince1970: 1_796_300_000)))
        #expect(twice.commitments[0].barriersNamed == ["shyness", "creativity"])
        #expect(EntrySummary(twice).barriersNamed == [id: ["shyness", "creativity"]])
        #expect(twice.validationProblem == nil)

        let done = CommitmentChange(status: .done, reflection: "fine", checkIn: CheckInAnswers(did: "offered two chairs", next: "ask their name"))
        let (closed, last) = try #require(CommitmentCheckIn.recording(done, on: id, in: twice, at: Date(timeIntervalSince1970: 1_796_400_000)))
        #expect(last.status == .done && last.history.last?.reflection == "fine" && last.history.last?.checkIn?.next == "ask their name")
        #expect(CommitmentCheckIn.recording(done, on: "20261201-100000-abcdef.9", in: closed, at: Date()) == nil)

        var hostile = closed
        hostile.commitments[0].history[1].checkIn?.barriers = ["../../etc"]
        #expect(hostile.validationProblem != nil, "a barrier that is not an id is refused like any bad entry")
    }

    @Test func barrierCheckAsksHowYouWillKnowAfterThePlan() throws {
        var entry = try completed(.commitment(situation: "a visitor walks in", action: "say good morning", due: "tomorrow"),
                                  exercise: "barrier-check")
        let commitment = try #require(entry.commitments.first)
        #expect(CommitmentCheckIn.evidence(of: commitment, in: entry) == "words")
        let evidence = try #require(entry.answers.firstIndex { $0.stepId == "evidence" })
        entry.answers[evidence].skipped = true
        #expect(CommitmentCheckIn.evidence(of: commitment, in: entry) == nil)
    }

    /// Summaries of `count` commitments moved because of `barrier`, made recently.
    static func moved(_ count: Int, because barrier: String, daysAgo: Int = 10) -> [EntrySummary] {
        (0..<count).map { index in
            let id = "202611\(String(format: "%02d", index + 1))-100000-aaaaa\(index)"
            var summary = EntrySummary(id: id, exercise: "small-gesture-plan", principles: ["action"],
                                       completedAt: "2026-11-01T10:00:00+00:00", day: today.adding(days: -daysAgo), confidence: 4,
                                       firstLine: "", searchText: "",
                                       commitments: [Commitment(id: id + ".1", stepId: "plan", action: "greet", due: today.adding(days: 5),
                                                                status: .moved)])
            summary.barriersNamed = [id + ".1": [barrier]]
            return summary
        }
    }

    @Test func theRecommenderPutsTheExerciseForANamedBarrierFirstAndSaysWhy() throws {
        let scheduler = Scheduler(graph: Self.graph, language: .en)
        let base = scheduler.recommend(entries: Self.moved(1, because: "shyness"), today: Self.today, count: 19).recommendations
        #expect(base.allSatisfy { !$0.reasons.contains { $0.code == "barrier-named" } }, "one moved commitment is not a pattern")

        let entries = Self.moved(3, because: "shyness")
        let picks = scheduler.recommend(entries: entries, today: Self.today, count: 3).recommendations
        let first = try #require(picks.first)
        #expect(first.exercise == "barrier-check")
        let reason = try #require(first.reasons.first)
        #expect(reason.code == "barrier-named" && reason.barrier == "shyness" && reason.value == 3)
        #expect(reason.commitments == entries.flatMap(\.commitments).map(\.id).sorted())
        #expect(reason.text == "you moved 3 commitments because of shyness")
        let base3 = base.first { $0.exercise == "barrier-check" }?.score ?? 0
        #expect(first.score > base3)

        let old = scheduler.recommend(entries: Self.moved(3, because: "shyness", daysAgo: 200), today: Self.today).recommendations
        #expect(old.first?.reasons.contains { $0.code == "barrier-named" } != true, "moves long ago no longer count")
    }

    @Test func theMirrorTellsWhatGotInTheWayAndWhatYouSaidWasNext() throws {
        var entry = try completed(.commitment(situation: "a guest waits", action: "offer a chair", due: "in 3 days"))
        let id = try #require(entry.commitments.first?.id)
        entry.completedAt = "2026-11-10T10:00:00+00:00"
        let steps: [(String, CommitmentChange)] = [
            ("2026-11-12T10:00:00+00:00", CommitmentChange(status: .moved, due: CalendarDay("2026-11-20"),
                                                            checkIn: CheckInAnswers(barriers: ["shyness"]))),
            ("2026-11-20T10:00:00+00:00", CommitmentChange(status: .moved, due: CalendarDay("2026-11-25"),
                                                            checkIn: CheckInAnswers(barriers: ["shyness"], why: "the queue was too long"))),
            ("2026-11-25T10:00:00+00:00", CommitmentChange(status: .done, checkIn: CheckInAnswers(did: "offered a chair",
                                                                                                  next: "ask waiting guests their names"))),
        ]
        for (at, change) in steps {
            let date = try #require(Timestamp.date(at))
            entry = try #require(CommitmentCheckIn.recording(change, on: id, in: entry, at: date)).0
        }
        let period = MirrorReport.Period(from: CalendarDay("2026-11-01")!, to: CalendarDay("2026-11-30")!)
        let report = Mirror(graph: Self.graph).reflect([entry], period: period, today: CalendarDay("2026-11-30")!)
        #expect(report.movedBecause.map(\.id) == ["shyness"] && report.movedBecause.first?.count == 1)
        #expect(report.movedBecause.first?.entries == [id])
        #expect(report.obstacles.count == 2)
        #expect(report.obstacles.first?.text == "the queue was too long" && report.obstacles.first?.barriers == ["shyness"], "newest first")
        let next = try #require(report.nextTime.first { $0.source == "check-in" })
        #expect(next.text == "ask waiting guests their names" && next.commitmentId == id)
        let made = try #require(report.nextTime.first { $0.source == "commitment" })
        #expect(made.situation == "a guest waits" && made.followedBy == id && !made.guess, "a done commitment happened, no guess")
    }
}

/// `due` asks the index's commitments table directly; it must agree with the due commitments of the summaries.
@Suite("Due from the index")
struct DueFromTheIndexTests {
    @Test func theDueQueryAgreesWithTheSummaries() throws {
        let dir = TempDirectory("spiegel-due-index")
        defer { dir.remove() }
        let store = JournalStore(root: dir.path + "/j")
        let now = Date(timeIntervalSince1970: 1_796_119_200)
        _ = try JournalGenerator(graph: .curated()).generate(count: 300, seed: 9, into: store, now: now)
        let today = CalendarDay(now)
        let (queried, problems) = try store.dueCommitments(today: today)
        let counted = DueCommitments(try store.summaries().entries, today: today)
        #expect(problems.isEmpty)
        #expect(!queried.isEmpty && queried.contains { $0.commitment.situation != nil && $0.language != nil })
        #expect(JSONOutput.string(queried) == JSONOutput.string(counted.items))
        #expect(try store.dueCount(today: today).0 == counted.items.count)
    }
}
