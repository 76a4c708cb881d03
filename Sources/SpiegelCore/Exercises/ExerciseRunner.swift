import Foundation
import SpiegelContent

/// One question the runner asks: a step, or a follow-up step about one item of a list.
public struct Slot: Sendable, Hashable {
    public var step: Step
    /// For follow-ups: the item's index and text.
    public var item: Int?
    public var itemText: String?
    /// The prompt as shown, in the entry's language (with `{item}` filled in).
    public var prompt: String
    public var help: String?
    /// 1-based position among the questions known so far.
    public var number: Int
}

/// What a person typed for one slot, already split into lines by the caller where needed.
public enum AnswerInput: Sendable, Hashable {
    case text(String)
    case list([String])
    case rating(String)
    case choice(String)
    /// An if-then plan as typed: `situation` nil (or empty) for a plain commitment; a whole if-then
    /// sentence in either half is split (`IfThenPlan`).
    case commitment(situation: String? = nil, action: String, due: String)
}

extension AnswerInput {
    /// The bytes of text the answer would keep (as `EntryLimits.answerBytes` counts them).
    var size: Int {
        switch self {
        case .text(let text), .rating(let text), .choice(let text): text.utf8.count
        case .list(let items): items.reduce(0) { $0 + $1.utf8.count }
        case .commitment(let situation, let action, _): (situation?.utf8.count ?? 0) + action.utf8.count
        }
    }
}

/// Why an answer was not accepted; the runner stays where it was. The CLI words it in the reader's language.
public enum AnswerError: Error, Sendable, Hashable {
    /// Every step is answered already.
    case alreadyComplete
    /// An empty text; `optional` steps may be skipped instead.
    case emptyText(optional: Bool)
    /// A list without a single item.
    case emptyList
    /// Not a whole number within the scale.
    case notARating(typed: String, min: Int, max: Int)
    /// Not one of the options (their labels, in order, in the entry's language).
    case notAnOption(typed: String, options: [String])
    /// A commitment without an action.
    case noAction
    /// A due date that is not a date.
    case notADate(typed: String)
    /// A due date before today.
    case dateInPast(CalendarDay)
    /// `skip` on a step that needs an answer.
    case notSkippable
    /// An answer of another kind than the step asks for.
    case wrongKind(expected: StepKind)
    /// An answer longer than `EntryLimits.answerBytes` (what an export of it could not be imported with).
    case tooLong(limitKB: Int)
}

/// The exercise runner: a pure state machine. The entry (a draft until the last answer) is its state;
/// the next question is derived from the answers given so far.
public struct ExerciseRunner: Sendable {
    public let exercise: Exercise
    public private(set) var entry: Entry

    public var language: Language { entry.language }

    public init(exercise: Exercise, entry: Entry) {
        self.exercise = exercise
        self.entry = entry
    }

    /// All slots in order, as far as the answers so far determine them.
    public func slots() -> [Slot] {
        var result: [Slot] = []
        var answerIndex = 0
        func add(_ step: Step, item: Int? = nil, itemText: String? = nil) {
            var prompt = step.prompt.resolved(language).text
            if let itemText { prompt = prompt.replacingOccurrences(of: "{item}", with: itemText) }
            result.append(Slot(step: step, item: item, itemText: itemText, prompt: prompt,
                               help: step.help?.resolved(language).text, number: result.count + 1))
        }
        for step in exercise.steps {
            add(step)
            let answer = answerIndex < entry.answers.count ? entry.answers[answerIndex] : nil
            answerIndex += 1
            if step.kind == .list, !step.followUps.isEmpty, let items = answer?.items {
                for (index, item) in items.enumerated() {
                    for followUp in step.followUps {
                        add(followUp, item: index, itemText: item)
                        answerIndex += 1
                    }
                }
            }
        }
        return result
    }

    /// The next question, or nil when every step is answered.
    public var current: Slot? {
        let all = slots()
        return entry.answers.count < all.count ? all[entry.answers.count] : nil
    }

    public var isFinished: Bool { current == nil }

    /// Answers the current question; invalid input throws and changes nothing.
    public mutating func answer(_ input: AnswerInput, today: CalendarDay) throws(AnswerError) {
        guard let slot = current else { throw .alreadyComplete }
        guard input.size <= EntryLimits.answerBytes else { throw .tooLong(limitKB: EntryLimits.answerBytes >> 10) }
        var answer = Answer(stepId: slot.step.id, kind: slot.step.kind, prompt: slot.prompt,
                            item: slot.item, itemText: slot.itemText)
        switch (slot.step.kind, input) {
        case (.text, .text(let text)):
            guard !text.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw .emptyText(optional: slot.step.optional)
            }
            answer.text = text
        case (.list, .list(let items)):
            let kept = items.filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
            guard !kept.isEmpty else { throw .emptyList }
            answer.items = kept
        case (.rating, .rating(let typed)):
            let scale = slot.step.scale ?? RatingScale(min: 1, max: 5, labels: [])
            guard let value = Int(typed.trimmingCharacters(in: .whitespaces)), (scale.min...scale.max).contains(value) else {
                throw .notARating(typed: typed, min: scale.min, max: scale.max)
            }
            answer.text = typed
            answer.rating = value
        case (.choice, .choice(let typed)):
            guard let option = Self.option(typed, in: slot.step.options, language: language) else {
                throw .notAnOption(typed: typed, options: slot.step.options.map { $0.label.resolved(language).text })
            }
            answer.text = typed
            answer.choice = option.id
            answer.choiceLabel = option.label.resolved(language).text
        case (.commitment, .commitment(let situation, let typed, let dueText)):
            let plan = IfThenPlan(situation: situation, action: typed, language: language)
            guard !plan.action.isEmpty else {
                throw .noAction
            }
            guard let due = CalendarDay.parseDue(dueText, today: today) else {
                throw .notADate(typed: dueText)
            }
            guard due >= today else { throw .dateInPast(due) }
            answer.situation = plan.situation
            answer.action = plan.action
            answer.planLanguage = plan.language
            answer.due = due
        default:
            throw .wrongKind(expected: slot.step.kind)
        }
        entry.answers.append(answer)
    }

    /// Records `date` as the start when no question has been answered yet: the first question shown is
    /// the start; a resumed draft keeps the start it has.
    public mutating func begin(at date: Date) {
        guard entry.answers.isEmpty else { return }
        entry.startedAt = Timestamp.string(date)
    }

    /// Skips the current question if it is optional.
    public mutating func skip() throws(AnswerError) {
        guard let slot = current else { throw .alreadyComplete }
        guard slot.step.optional else { throw .notSkippable }
        var answer = Answer(stepId: slot.step.id, kind: slot.step.kind, prompt: slot.prompt,
                            item: slot.item, itemText: slot.itemText)
        answer.skipped = true
        entry.answers.append(answer)
    }

    /// Goes back one question, forgetting its answer (and, for a list, the follow-ups that hung on it).
    @discardableResult
    public mutating func back() -> Bool {
        guard !entry.answers.isEmpty else { return false }
        entry.answers.removeLast()
        return true
    }

    /// The completed entry: confidence and commitments filled in, completion time set.
    public func completedEntry(at date: Date) -> Entry {
        var done = entry
        done.completedAt = Timestamp.string(date)
        done.confidence = entry.answers.last { $0.stepId == "confidence" }?.rating
        var number = 0
        done.commitments = entry.answers.compactMap { answer in
            guard answer.kind == .commitment, answer.skipped != true, let action = answer.action, let due = answer.due
            else { return nil }
            number += 1
            return Commitment(id: "\(entry.id).\(number)", stepId: answer.stepId, situation: answer.situation, action: action,
                              language: answer.planLanguage, due: due,
                              history: [CommitmentEvent(at: done.completedAt!, status: .open, due: due)])
        }
        return done
    }

    /// Finds an option by its number (1-based), id or label (case- and accent-insensitive), else by words
    /// of its label that no other option has ("gehaast" for "Gehaast en kortaf"; a word may be shortened to
    /// its first four letters or more).
    static func option(_ typed: String, in options: [ChoiceOption], language: Language) -> ChoiceOption? {
        let trimmed = typed.trimmingCharacters(in: .whitespaces)
        if let number = Int(trimmed) { return number >= 1 && number <= options.count ? options[number - 1] : nil }
        let folded = KnowledgeSearch.fold(trimmed)
        func labels(_ option: ChoiceOption) -> [String] {
            [option.label.resolved(language).text, option.label.en, option.label.nl].compactMap { $0 }.map(KnowledgeSearch.fold)
        }
        if let exact = options.first(where: { $0.id == trimmed || labels($0).contains(folded) }) { return exact }
        let typedWords = KnowledgeSearch.words(folded).map(String.init)
        guard !typedWords.isEmpty, typedWords.allSatisfy({ $0.count >= 3 }) else { return nil }
        let matching = options.filter { option in
            let words = labels(option).flatMap { KnowledgeSearch.words($0).map(String.init) }
            return typedWords.allSatisfy { typed in words.contains { $0 == typed || (typed.count >= 4 && $0.hasPrefix(typed)) } }
        }
        return matching.count == 1 ? matching[0] : nil
    }
}
