import SpiegelContent
import SpiegelCore

/// Prints an exercise: texts for people, or the full step structure as JSON for scripts.
struct ExerciseView {
    let session: Session
    let graph: KnowledgeGraph

    struct JSONStep: Encodable {
        struct Scale: Encodable {
            struct Label: Encodable { var value: Int; var label: String }
            var min, max: Int
            var labels: [Label]
        }
        struct Option: Encodable { var number: Int; var id, label: String }
        var id, kind, prompt: String
        var help: String?
        var optional: Bool
        var scale: Scale?
        var options: [Option]?
        var followUps: [JSONStep]?
        /// How many piped lines answer this step.
        var answerLines: String

        init(_ step: Step, language: Language) {
            id = step.id
            kind = step.kind.rawValue
            prompt = step.prompt.resolved(language).text
            help = step.help?.resolved(language).text
            optional = step.optional
            scale = step.scale.map { scale in
                Scale(min: scale.min, max: scale.max,
                      labels: scale.labels.map { .init(value: $0.value, label: $0.text.resolved(language).text) })
            }
            options = step.kind == .choice ? step.options.enumerated().map {
                Option(number: $0.offset + 1, id: $0.element.id, label: $0.element.label.resolved(language).text)
            } : nil
            followUps = step.followUps.isEmpty ? nil : step.followUps.map { JSONStep($0, language: language) }
            answerLines = switch step.kind {
            case .text: "one line"
            case .list: "one line per item, then a blank line; then each item's follow-up answers in item order"
            case .rating: "a whole number on the scale"
            case .choice: "the option's number, id or label"
            case .commitment: "three lines: the situation (empty for none), the action, then the due date (YYYY-MM-DD, 'in 7 days', 'friday', '3 March'); a whole if-then plan on the situation line may leave the action line empty"
            }
        }
    }

    struct JSONExercise: Encodable {
        var id, kind, title, intro: String
        var version, minutes: Int
        var principles, practices, sources: [String]
        var steps: [JSONStep]
    }

    static func json(_ exercise: Exercise, language: Language) -> JSONExercise {
        JSONExercise(id: exercise.id, kind: "exercise", title: exercise.title.resolved(language).text,
                     intro: exercise.intro.resolved(language).text, version: exercise.version, minutes: exercise.minutes,
                     principles: exercise.principles, practices: exercise.practices, sources: exercise.sources,
                     steps: exercise.steps.map { JSONStep($0, language: language) })
    }

    func show(_ exercise: Exercise) throws {
        if session.json {
            session.printJSON(Self.json(exercise, language: session.language))
            return
        }
        let style = session.style
        session.print(style.bold(session.text(exercise.title)) + style.dim("  \(exercise.id) · \(session.say.exerciseExercise()) · ~\(exercise.minutes) min"))
        session.printProse(session.text(exercise.intro))
        session.print(style.dim(session.say.exerciseTrains() + session.names(exercise.principles + exercise.practices)))
        session.print()
        for (number, step) in exercise.steps.enumerated() {
            session.print("\(number + 1). " + session.text(step.prompt) + style.dim(" [" + session.say.stepKind(step.kind) + (step.optional ? ", " + session.say.exerciseOptionalWord() : "") + "]"))
            for followUp in step.followUps {
                session.print("   ↳ " + session.say.exerciseForEachItem() + session.text(followUp.prompt))
            }
        }
        session.print()
        session.print(session.say.exerciseStartItWithStartExerciseid(exercise.id))
    }
}
