import Foundation
import SpiegelContent
import SpiegelCore

/// `start EXERCISE --answers FILE.json`: answers keyed by step id. Lists are arrays; a follow-up's value is an
/// array with one answer per item; a commitment is {"action": ..., "due": ...}; ratings and choices numbers or text.
struct AnswerFile {
    let path: String

    func run(_ exercise: Exercise, session: Session) throws -> Entry {
        let data: Data
        do { data = try SafeFiles.read(SpiegelEnvironment.absolute(path), limit: 16 << 20) } catch {
            throw CommandFailure("\(path): \(error.message)", exitCode: ExitStatus.noInput)
        }
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw CommandFailure(session.say.answersFileNotAnObject(path), exitCode: ExitStatus.dataError)
        }
        let known = Set(exercise.steps.flatMap { [$0.id] + $0.followUps.map(\.id) })
        if let stray = object.keys.sorted().first(where: { !known.contains($0) }) {
            throw CommandFailure(session.say.answersFileStrayStep(path: path, step: stray, exercise: exercise.id, steps: known.sorted().joined(separator: ", ")),
                                 exitCode: ExitStatus.dataError)
        }
        var runner = ExerciseRunner(exercise: exercise, entry: Entry(
            id: JournalStore.newID(at: session.now), exercise: exercise, language: session.language,
            startedAt: Timestamp.string(session.now)))
        while let slot = runner.current {
            var value = object[slot.step.id]
            if let item = slot.item {
                guard let perItem = value as? [Any], perItem.indices.contains(item) else {
                    value = nil
                    if !slot.step.optional {
                        throw CommandFailure(session.say.answersFileItemMissing(path: path, step: slot.step.id, item: item + 1),
                                             exitCode: ExitStatus.dataError)
                    }
                    try runner.skip()
                    continue
                }
                value = perItem[item]
            }
            guard let value, !(value is NSNull) else {
                if slot.step.optional { try runner.skip(); continue }
                throw CommandFailure(session.say.answersFileNoAnswer(path: path, step: slot.step.id), exitCode: ExitStatus.dataError)
            }
            let input: AnswerInput
            switch slot.step.kind {
            case .text: input = .text(Self.text(value))
            case .rating: input = .rating(Self.text(value))
            case .choice: input = .choice(Self.text(value))
            case .list: input = .list((value as? [Any])?.map(Self.text) ?? [Self.text(value)])
            case .commitment:
                let map = value as? [String: Any] ?? [:]
                input = .commitment(situation: map["situation"].map(Self.text), action: Self.text(map["action"] ?? ""),
                                    due: Self.text(map["due"] ?? ""))
            }
            do {
                try runner.answer(input, today: session.today)
            } catch {
                throw CommandFailure("\(path): step '\(slot.step.id)': \(session.say.answerError(error))", exitCode: ExitStatus.dataError)
            }
        }
        try session.journal.prepare(now: session.now)
        return try session.withJournal { try $0.saveNew(runner.completedEntry(at: session.now)) }
    }

    private static func text(_ value: Any) -> String {
        switch value {
        case let string as String: string
        case let number as NSNumber: number.stringValue
        default: "\(value)"
        }
    }
}
