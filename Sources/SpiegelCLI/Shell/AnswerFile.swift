import Foundation
import SpiegelContent
import SpiegelCore

/// `start EXERCISE --answers FILE.json`: answers keyed by step id. Lists are arrays; a follow-up's value is an
/// array with one answer per item; a commitment is {"situation": ..., "action": ..., "due": ...}; ratings and
/// choices numbers or text. Every problem is reported, one line each with its question's number and step id;
/// nothing is saved unless there is none.
struct AnswerFile {
    let path: String

    func run(_ exercise: Exercise, session: Session) throws -> Entry {
        let data: Data
        do { data = try SafeFiles.read(SpiegelEnvironment.absolute(path), limit: 16 << 20) } catch {
            throw CommandFailure("\(path): \(session.say.journalError(error))", exitCode: ExitStatus.noInput)
        }
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw CommandFailure(session.say.answersFileNotAnObject(path), exitCode: ExitStatus.dataError)
        }
        let known = Set(exercise.steps.flatMap { [$0.id] + $0.followUps.map(\.id) })
        var problems = object.keys.sorted().filter { !known.contains($0) }.map {
            session.say.answersFileStrayStep(path: path, step: $0, exercise: session.exerciseName(exercise.id), steps: known.sorted().joined(separator: ", "))
        }
        /// Records a problem with the question in hand and goes past it (skipped, or answered with a stand-in
        /// that is never saved), so that the questions after it are checked too.
        func pass(_ slot: Slot, _ problem: String, runner: inout ExerciseRunner) {
            problems.append(session.say.answersFileAtStep(path: path, number: slot.number, step: slot.step.id, problem: problem))
            if (try? runner.skip()) != nil { return }
            let scale = slot.step.scale ?? RatingScale(min: 1, max: 5, labels: [])
            let standIn: AnswerInput = switch slot.step.kind {
            case .text: .text("-")
            case .list: .list(["-"])
            case .rating: .rating(String(scale.min))
            case .choice: .choice("1")
            case .commitment: .commitment(situation: nil, action: "-", due: "today")
            }
            try? runner.answer(standIn, today: session.today)
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
                        pass(slot, session.say.answersFileItemMissing(item + 1), runner: &runner)
                        continue
                    }
                    try runner.skip()
                    continue
                }
                value = perItem[item]
            }
            guard let value, !(value is NSNull) else {
                if slot.step.optional { try runner.skip(); continue }
                pass(slot, session.say.answersFileNoAnswer(), runner: &runner)
                continue
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
                pass(slot, session.say.answerError(error), runner: &runner)
            }
        }
        guard problems.isEmpty else { throw CommandFailure(problems.joined(separator: "\n"), exitCode: ExitStatus.dataError) }
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
