import Foundation
import SpiegelContent
import Testing
@testable import SpiegelCore

/// Every string of the entry model is either typed by a person (and then redacted, previewed, indexed and
/// counted by the mirror through `Entry.typedTexts`) or structural (ids, dates, the exercise's own words).
/// A field added to the model that is neither fails here: the fixture has no empty optional or list
/// anywhere (checked by reflection), every string leaf of its JSON gets a marker, and after redaction no
/// marker may survive outside the structural fields.
@Suite struct TypedTextCoverageTests {
    /// Key paths (array positions as `[]`) whose strings are not a person's typing.
    static let structural: Set<String> = [
        "id", "exercise", "exerciseTitle", "language", "startedAt", "completedAt", "principles[]", "practices[]",
        "answers[].stepId", "answers[].kind", "answers[].choice", "answers[].choiceLabel", "answers[].due",
        "answers[].planLanguage", "commitments[].language",
        "commitments[].id", "commitments[].stepId", "commitments[].due", "commitments[].status",
        "commitments[].history[].at", "commitments[].history[].status", "commitments[].history[].due",
        "commitments[].history[].checkIn.barriers[]",
        // The coach's own display name and the time of the note: the coach chose them.
        "coachNotes[].author", "coachNotes[].at",
    ]
    /// Typed key paths, with the field the enumeration gives them.
    static let typed: [String: TypedField] = [
        "answers[].text": .answer, "answers[].items[]": .listItem, "answers[].itemText": .followUpItem,
        "answers[].prompt": .followUpPrompt, "answers[].situation": .situation, "answers[].action": .action,
        "commitments[].situation": .situation, "commitments[].action": .action,
        "commitments[].history[].reflection": .reflection, "commitments[].history[].checkIn.did": .checkInDid,
        "commitments[].history[].checkIn.reaction": .checkInReaction,
        "commitments[].history[].checkIn.learned": .checkInLearned, "commitments[].history[].checkIn.next": .checkInNext,
        "commitments[].history[].checkIn.why": .checkInWhy, "coachNotes[].text": .coachNote,
    ]

    /// An entry with every optional given and every list holding one element.
    static func fullEntry() -> Entry {
        let exercise = KnowledgeGraph.curated().exercises[0]
        var entry = Entry(id: "20260301-090000-abcdef", exercise: exercise, language: .nl, startedAt: "2026-03-01T09:00:00+01:00")
        entry.completedAt = "2026-03-01T09:30:00+01:00"
        var answer = Answer(stepId: "step", kind: .commitment, prompt: "Wat deed je met 'x'?", item: 0, itemText: "x")
        answer.text = "t"
        answer.items = ["i"]
        answer.rating = 3
        answer.choice = "c"
        answer.choiceLabel = "C"
        answer.situation = "s"
        answer.action = "a"
        answer.due = CalendarDay(year: 2026, month: 3, day: 8)
        answer.skipped = false
        answer.planLanguage = .nl
        entry.answers = [answer]
        entry.confidence = 3
        let checkIn = CheckInAnswers(did: "d", reaction: "r", learned: "l", next: "n", barriers: ["shyness"], why: "w")
        let event = CommitmentEvent(at: "2026-03-02T10:00:00+01:00", status: .done, due: CalendarDay(year: 2026, month: 3, day: 9),
                                    reflection: "f", checkIn: checkIn)
        var commitment = Commitment(id: "c1", stepId: "step", situation: "s", action: "a", due: CalendarDay(year: 2026, month: 3, day: 8),
                                    status: .done, history: [event])
        commitment.language = .nl
        entry.commitments = [commitment]
        entry.coachNotes = [CoachNote(author: "coach", at: "2026-03-04T10:00:00+01:00", text: "note")]
        entry.revision = 2
        return entry
    }

    /// The paths of every value that is absent or empty, found by reflection over the value.
    static func gaps(in value: Any, path: String = "") -> [String] {
        let mirror = Swift.Mirror(reflecting: value)
        if mirror.displayStyle == .optional {
            guard let child = mirror.children.first else { return [path] }
            return gaps(in: child.value, path: path)
        }
        if mirror.displayStyle == .collection {
            return mirror.children.isEmpty ? [path] : mirror.children.flatMap { gaps(in: $0.value, path: path + "[]") }
        }
        guard mirror.displayStyle == .struct else { return [] }
        return mirror.children.flatMap { child in gaps(in: child.value, path: path + (path.isEmpty ? "" : ".") + (child.label ?? "?")) }
    }

    /// Every string leaf of a JSON value with its key path.
    static func strings(in value: Any, path: String = "") -> [(path: String, text: String)] {
        if let text = value as? String { return [(path, text)] }
        if let list = value as? [Any] { return list.flatMap { strings(in: $0, path: path + "[]") } }
        if let object = value as? [String: Any] {
            return object.flatMap { key, child in strings(in: child, path: path + (path.isEmpty ? "" : ".") + key) }
        }
        return []
    }

    /// The JSON value with each string leaf replaced by `transform(path, text)`.
    static func replacing(_ value: Any, path: String = "", _ transform: (String, String) -> String) -> Any {
        if let text = value as? String { return transform(path, text) }
        if let list = value as? [Any] { return list.map { replacing($0, path: path + "[]", transform) } }
        if let object = value as? [String: Any] {
            return object.reduce(into: [String: Any]()) { out, pair in
                out[pair.key] = replacing(pair.value, path: path + (path.isEmpty ? "" : ".") + pair.key, transform)
            }
        }
        return value
    }

    @Test func theFixtureLeavesNoFieldOfTheModelEmpty() {
        #expect(Self.gaps(in: Self.fullEntry()).isEmpty, "give these a value in fullEntry(): \(Self.gaps(in: Self.fullEntry()))")
    }

    @Test func everyStringOfTheModelIsTypedOrStructural() throws {
        let object = try JSONSerialization.jsonObject(with: JSONOutput.data(Self.fullEntry()))
        let unknown = Self.strings(in: object).map(\.path).filter { Self.structural.contains($0) == (Self.typed[$0] != nil) }
        #expect(unknown.isEmpty, "say in TypedText.swift whether a person types these, and list them here: \(Set(unknown))")
    }

    @Test func noMarkerOfATypedFieldSurvivesRedaction() throws {
        let object = try JSONSerialization.jsonObject(with: JSONOutput.data(Self.fullEntry()))
        // A marker the redactor always masks, one per typed leaf; structural leaves keep their value.
        var markers: [String: String] = [:]
        let marked = Self.replacing(object) { path, text in
            guard Self.typed[path] != nil else { return text }
            let marker = "marker\(markers.count)@example.org"
            markers[marker] = path
            return "Zie \(marker) en verder"
        }
        let entry = try JSONDecoder().decode(Entry.self, from: JSONSerialization.data(withJSONObject: marked))
        #expect(Set(entry.typedTexts.map(\.field)) == Set(TypedField.allCases), "the enumeration reaches every field")
        let redaction = ExportRedaction(redactor: Redactor(), entries: [entry])
        let output = try JSONSerialization.jsonObject(with: JSONOutput.data(redaction.redact(entry)))
        let survivors = Self.strings(in: output).filter { leaf in markers.keys.contains { leaf.text.contains($0) } }
        #expect(survivors.isEmpty, "typed text left unredacted: \(survivors.map(\.path))")
        #expect(markers.count == Self.typed.count, "every typed path was marked: \(markers.values.sorted())")
    }

    @Test func theIndexAndTheMirrorReadTheSameTypedText() {
        var entry = Self.fullEntry()
        entry.commitments[0].history[0].checkIn?.learned = "zeldzaamwoord"
        #expect(IndexRow.searchableText(entry).contains("zeldzaamwoord"), "a check-in is found by journal --grep")
        #expect(Themes.text(of: entry).contains("zeldzaamwoord"), "a check-in counts in the mirror's themes")
        #expect(!Themes.text(of: entry).contains("note"), "the coach's note is not the person's own words")
    }
}
