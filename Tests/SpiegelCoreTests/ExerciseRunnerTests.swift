import Foundation
import SpiegelContent
import Testing
@testable import SpiegelCore

@Suite("Exercise runner")
struct ExerciseRunnerTests {
    static let exercise = Exercise(
        id: "walk-through", version: 2, title: text("Walk through"), intro: text("Every kind of step."), minutes: 10,
        principles: ["interest", "action"], practices: ["ask-further"], sources: ["src-s"],
        steps: [
            Step(id: "situation", kind: .text, prompt: text("What happened?"), help: text("A short description.")),
            Step(id: "moments", kind: .list, prompt: text("Which moments mattered?"),
                 followUps: [Step(id: "better", kind: .text,
                                  prompt: LocalizedText(en: "How could '{item}' be better?", nl: "Hoe kan '{item}' beter?"))]),
            Step(id: "extra", kind: .text, prompt: text("Anything else?"), optional: true),
            Step(id: "mood", kind: .choice, prompt: text("How did it feel?"),
                 options: [ChoiceOption(id: "calm", label: LocalizedText(en: "Calm", nl: "Rustig")),
                           ChoiceOption(id: "tense", label: LocalizedText(en: "Tense", nl: "Gespannen"))]),
            Step(id: "plan", kind: .commitment, prompt: text("What will you do, and by when?")),
            Step(id: "confidence", kind: .rating, prompt: text("How confident are you now?"),
                 scale: RatingScale(min: 1, max: 5, labels: [])),
        ])

    static let today = CalendarDay(year: 2026, month: 3, day: 10)

    static func newRunner(language: Language = .en) -> ExerciseRunner {
        ExerciseRunner(exercise: exercise, entry: Entry(id: "20260310-090000-abc123", exercise: exercise, language: language,
                                                        startedAt: "2026-03-10T09:00:00+00:00"))
    }

    /// Expects `body` to throw `expected`, and the runner to stay put.
    func expectRefused(_ runner: inout ExerciseRunner, _ expected: AnswerError, sourceLocation: Testing.SourceLocation = #_sourceLocation,
                       _ body: (inout ExerciseRunner) throws(AnswerError) -> Void) {
        let before = runner.entry
        do {
            try body(&runner)
            Issue.record("expected the refusal \(expected)", sourceLocation: sourceLocation)
        } catch {
            #expect(error == expected, sourceLocation: sourceLocation)
        }
        #expect(runner.entry == before, "a refused answer changed the entry", sourceLocation: sourceLocation)
    }

    @Test func walksEveryKindOfStep() throws {
        var runner = Self.newRunner()
        #expect(runner.current?.step.id == "situation")
        #expect(runner.current?.number == 1)
        #expect(runner.current?.help == "A short description.")
        try runner.answer(.text("Één café, naïef — 😊"), today: Self.today)

        #expect(runner.current?.step.id == "moments")
        try runner.answer(.list(["greet by name", "  ", "offer coffee"]), today: Self.today)
        #expect(runner.entry.answers.last?.items == ["greet by name", "offer coffee"], "blank items are dropped")

        // One follow-up per item, in item order, with the item in the prompt.
        let first = try #require(runner.current)
        #expect(first.step.id == "better" && first.item == 0 && first.itemText == "greet by name")
        #expect(first.prompt == "How could 'greet by name' be better?")
        try runner.answer(.text("use their name twice"), today: Self.today)
        let second = try #require(runner.current)
        #expect(second.item == 1 && second.prompt == "How could 'offer coffee' be better?")
        try runner.answer(.text("offer it sooner"), today: Self.today)

        #expect(runner.current?.step.id == "extra")
        try runner.skip()
        #expect(runner.entry.answers.last?.skipped == true)

        #expect(runner.current?.step.id == "mood")
        expectRefused(&runner, .notSkippable) { runner throws(AnswerError) in try runner.skip() }
        expectRefused(&runner, .notAnOption(typed: "3", options: ["Calm", "Tense"])) { runner throws(AnswerError) in try runner.answer(.choice("3"), today: Self.today) }
        try runner.answer(.choice("gespannen"), today: Self.today)  // the Dutch label, accents and case ignored
        #expect(runner.entry.answers.last?.choice == "tense")
        #expect(runner.entry.answers.last?.choiceLabel == "Tense")

        #expect(runner.current?.step.id == "plan")
        expectRefused(&runner, .noAction) { runner throws(AnswerError) in
            try runner.answer(.commitment(action: "  ", due: "in 3 days"), today: Self.today)
        }
        expectRefused(&runner, .notADate(typed: "some day")) { runner throws(AnswerError) in
            try runner.answer(.commitment(action: "ask", due: "some day"), today: Self.today)
        }
        expectRefused(&runner, .dateInPast(CalendarDay(year: 2026, month: 3, day: 9))) { runner throws(AnswerError) in
            try runner.answer(.commitment(action: "ask", due: "2026-03-09"), today: Self.today)
        }
        try runner.answer(.commitment(action: "Ask one more question", due: "in 3 days"), today: Self.today)
        #expect(runner.entry.answers.last?.due == CalendarDay(year: 2026, month: 3, day: 13))

        #expect(runner.current?.step.id == "confidence")
        for bad in ["0", "6", "abc", "4.5", "", "9"] {
            expectRefused(&runner, .notARating(typed: bad, min: 1, max: 5)) { runner throws(AnswerError) in
                try runner.answer(.rating(bad), today: Self.today)
            }
        }
        try runner.answer(.rating(" 4 "), today: Self.today)
        #expect(runner.isFinished)
        #expect(runner.current == nil)
        expectRefused(&runner, .alreadyComplete) { runner throws(AnswerError) in try runner.answer(.text("more"), today: Self.today) }

        let completedAt = Date(timeIntervalSince1970: 1_773_135_000)
        let entry = runner.completedEntry(at: completedAt)
        #expect(!entry.isDraft)
        #expect(entry.completedAt == Timestamp.string(completedAt))
        #expect(entry.confidence == 4)
        #expect(entry.exerciseVersion == 2)
        #expect(entry.principles == ["interest", "action"])
        #expect(entry.answers.map(\.stepId) == ["situation", "moments", "better", "better", "extra", "mood", "plan", "confidence"])
        #expect(entry.answers.first?.text == "Één café, naïef — 😊")
        #expect(entry.commitments.count == 1)
        let commitment = try #require(entry.commitments.first)
        #expect(commitment.id == "20260310-090000-abc123.1")
        #expect(commitment.action == "Ask one more question")
        #expect(commitment.due == CalendarDay(year: 2026, month: 3, day: 13))
        #expect(commitment.status == .open && commitment.isOpen)
        #expect(commitment.history.map(\.status) == [.open])
        #expect(runner.entry.isDraft, "the runner's own entry stays a draft")
    }

    /// A choice by a word of its label that no other option has, in either language.
    @Test(arguments: [("gehaast", "rushed"), ("Gespannen", "worried"), ("wissel", "mixed"), ("ontspannen", "relaxed"),
                      ("flustered", "rushed"), ("of", nil), ("van slag", "rushed"), ("ge", nil)] as [(String, String?)])
    func aChoiceTakesAWordOfItsLabel(typed: String, id: String?) throws {
        let step = try #require(KnowledgeGraph.curated().exercise("personal-greeting")?.steps.first { $0.kind == .choice })
        #expect(ExerciseRunner.option(typed, in: step.options, language: .nl)?.id == id)
    }

    @Test func aWrongKindOfAnswerIsRefused() {
        var runner = Self.newRunner()
        expectRefused(&runner, .wrongKind(expected: .text)) { runner throws(AnswerError) in
            try runner.answer(.rating("3"), today: Self.today)
        }
        expectRefused(&runner, .emptyText(optional: false)) { runner throws(AnswerError) in
            try runner.answer(.text("   "), today: Self.today)
        }
        expectRefused(&runner, .notSkippable) { runner throws(AnswerError) in try runner.skip() }
    }

    @Test func anEmptyListIsRefused() throws {
        var runner = Self.newRunner()
        try runner.answer(.text("x"), today: Self.today)
        expectRefused(&runner, .emptyList) { runner throws(AnswerError) in
            try runner.answer(.list(["", " "]), today: Self.today)
        }
    }

    @Test func backForgetsTheAnswerAndItsFollowUps() throws {
        var runner = Self.newRunner()
        let wentBack = runner.back()
        #expect(wentBack == false, "nothing to go back to")
        try runner.answer(.text("first"), today: Self.today)
        try runner.answer(.list(["a", "b", "c"]), today: Self.today)
        #expect(runner.slots().count == 6 + 3)
        try runner.answer(.text("better a"), today: Self.today)
        #expect(runner.current?.itemText == "b")
        let back1 = runner.back()
        #expect(back1)
        #expect(runner.current?.itemText == "a", "back returns to the previous follow-up")
        let back2 = runner.back()
        #expect(back2)
        #expect(runner.current?.step.id == "moments")
        #expect(runner.slots().count == 6, "the follow-ups hung on the list are gone")
        try runner.answer(.list(["only one"]), today: Self.today)
        #expect(runner.slots().count == 7)
        #expect(runner.current?.prompt == "How could 'only one' be better?")
        let back3 = runner.back()
        #expect(back3)
        let back4 = runner.back()
        #expect(back4)
        #expect(runner.current?.step.id == "situation")
        #expect(runner.entry.answers.isEmpty)
    }

    @Test func promptsFollowTheEntryLanguage() throws {
        var runner = Self.newRunner(language: .nl)
        #expect(runner.current?.prompt == "What happened? (nl)")
        try runner.answer(.text("x"), today: Self.today)
        try runner.answer(.list(["groet"]), today: Self.today)
        #expect(runner.current?.prompt == "Hoe kan 'groet' beter?")
    }

    @Test func aDraftResumesWhereItStopped() throws {
        var runner = Self.newRunner()
        try runner.answer(.text("first"), today: Self.today)
        try runner.answer(.list(["a"]), today: Self.today)
        let resumed = ExerciseRunner(exercise: Self.exercise, entry: runner.entry)
        #expect(resumed.current?.step.id == "better")
        #expect(resumed.current?.itemText == "a")
    }
}

@Suite("Dates and timestamps")
struct CalendarTests {
    static let today = CalendarDay(year: 2026, month: 2, day: 26)

    @Test func parseDueUnderstandsWhatPeopleType() {
        func due(_ text: String) -> String? { CalendarDay.parseDue(text, today: Self.today)?.description }
        #expect(due("in 3 days") == "2026-03-01")
        #expect(due("In 1 Day") == "2026-02-27")
        #expect(due("over 2 weken") == "2026-03-12")
        #expect(due("+ 1 week") == "2026-03-05")
        #expect(due("2026-12-01") == "2026-12-01")
        #expect(due("today") == "2026-02-26")
        #expect(due("tomorrow") == "2026-02-27")
        #expect(due("morgen") == "2026-02-27")
        #expect(due("vandaag") == "2026-02-26")
        #expect(due("in 0 days") == "2026-02-26")
        // 2026-02-26 is a Thursday.
        #expect(CalendarTests.today.weekday == 3)
        #expect(due("overmorgen") == "2026-02-28")
        #expect(due("the day after tomorrow") == "2026-02-28")
        #expect(due("over 3 dagen") == "2026-03-01")
        #expect(due("in three days") == "2026-03-01")
        #expect(due("over een week") == "2026-03-05")
        #expect(due("volgende week") == "2026-03-05")
        #expect(due("next week") == "2026-03-05")
        #expect(due("in 2 weeks") == "2026-03-12")
        #expect(due("next tuesday") == "2026-03-03")
        #expect(due("volgende dinsdag") == "2026-03-03")
        #expect(due("Dinsdag") == "2026-03-03")
        #expect(due("friday") == "2026-02-27")
        #expect(due("next thursday") == "2026-03-05", "the same weekday is a week ahead")
        let leading = CalendarDay.parseDue(leading: ["in", "7", "days", "because", "busy"], today: Self.today)
        #expect(leading?.0.description == "2026-03-05" && leading?.1 == 3)
    }

    /// Dates as people type them in Dutch and English, day first; without a year the first such day from today on.
    @Test(arguments: [
        ("3 maart", "2026-03-03"), ("3 mrt", "2026-03-03"), ("3 mrt.", "2026-03-03"), ("03-03-2026", "2026-03-03"),
        ("3/3", "2026-03-03"), ("3-3", "2026-03-03"), ("3.3.26", "2026-03-03"), ("March 3", "2026-03-03"),
        ("march 3, 2026", "2026-03-03"), ("3rd of March", "2026-03-03"), ("3 March 2027", "2027-03-03"), ("3e maart", "2026-03-03"),
        ("26 februari", "2026-02-26"), ("25 feb", "2027-02-25"), ("1 jan", "2027-01-01"), ("volgende week", "2026-03-05"),
        ("overmorgen", "2026-02-28"), ("vrijdag", "2026-02-27"), ("Friday", "2026-02-27"), ("next week", "2026-03-05"),
        ("deze vrijdag", "2026-02-27"), ("in 3 months", "2026-05-26"), ("over een maand", "2026-03-26"), ("next month", "2026-03-26"),
        ("in zeven dagen", "2026-03-05"), ("01-12-2026", "2026-12-01"),
    ])
    func parseDueReadsDatesAsTyped(_ text: String, _ day: String) {
        #expect(CalendarDay.parseDue(text, today: Self.today)?.description == day)
    }

    @Test func aQuotedDateIsItsWords() {
        let leading = CalendarDay.parseDue(leading: ["in 7 days", "the", "queue"], today: Self.today)
        #expect(leading?.0.description == "2026-03-05" && leading?.1 == 3)
    }

    @Test(arguments: ["", "soon", "in -1 days", "in 99999 days", "2026-02-30", "32/3", "3/13", "31 feb 2026", "30-02-2026",
                      "2026-13-01", "2026-1-01", "in 3", "volgende", "in some days", "3 smarch", "in 200 months", "1/2/3/4"])
    func parseDueRefusesNonsense(_ text: String) {
        #expect(CalendarDay.parseDue(text, today: Self.today) == nil)
    }

    @Test func calendarDaysAreExact() {
        #expect(CalendarDay("2024-02-29") != nil)
        #expect(CalendarDay("2023-02-29") == nil)
        #expect(CalendarDay("2000-02-29") != nil)
        #expect(CalendarDay("1900-02-29") == nil)
        #expect(CalendarDay(year: 1970, month: 1, day: 1).ordinal == 0)
        #expect(CalendarDay(ordinal: -1).description == "1969-12-31")
        #expect(CalendarDay(year: 2026, month: 12, day: 31).adding(days: 1).description == "2027-01-01")
        #expect(CalendarDay(year: 2026, month: 3, day: 1).days(until: CalendarDay(year: 2026, month: 2, day: 1)) == -28)
        for ordinal in stride(from: -800_000, through: 800_000, by: 997) {
            #expect(CalendarDay(ordinal: ordinal).ordinal == ordinal)
        }
    }

    @Test(arguments: [0, 3600, -3600, 19800, -12600, 46800, -36000])
    func timestampRoundTrip(offset: Int) throws {
        let zone = try #require(TimeZone(secondsFromGMT: offset))
        for seconds in [0, 1_773_135_002, 1_800_000_000, 951_782_400, -86_401] {
            let date = Date(timeIntervalSince1970: Double(seconds))
            let text = Timestamp.string(date, timeZone: zone)
            #expect(text.count == 25, "\(text)")
            #expect(Timestamp.date(text, timeZone: zone) == date, "\(text)")
            #expect(Timestamp.date(text) == date, "the offset in the text decides, not the zone: \(text)")
        }
    }

    @Test func timestampParsing() {
        let expected = Date(timeIntervalSince1970: Double(CalendarDay(year: 2026, month: 11, day: 23).ordinal * 86_400 + 8 * 3600 + 15 * 60 + 2))
        #expect(Timestamp.date("2026-11-23T09:15:02+01:00") == expected)
        #expect(Timestamp.date("2026-11-23T08:15:02Z") == expected)
        #expect(Timestamp.date("2026-11-23T08:15:02.123456Z") == expected)
        #expect(Timestamp.date("2026-11-23T03:15:02-05:00") == expected)
        #expect(Timestamp.string(expected, timeZone: TimeZone(secondsFromGMT: 3600)!) == "2026-11-23T09:15:02+01:00")
        #expect(Timestamp.string(expected, timeZone: TimeZone(secondsFromGMT: -19800)!) == "2026-11-23T02:45:02-05:30")
        for bad in ["2026-11-23T25:00:00Z", "2026-11-23 08:15:02Z", "2026-11-23T08:15:02", "2026-11-23T08:15:02+0100",
                    "2026-02-30T08:15:02Z", "2026-11-23T08:15:02Zjunk", "yesterday"] {
            #expect(Timestamp.date(bad) == nil, "\(bad)")
        }
        let zone = TimeZone(secondsFromGMT: 7200)!
        let midnight = Timestamp.date("2026-11-23", timeZone: zone)
        #expect(midnight.map { Timestamp.string($0, timeZone: zone) } == "2026-11-23T00:00:00+02:00")
    }
}
