import SpiegelContent
import SpiegelCore

/// An answer as a person reads it: a rating with its scale and label ("3/5 — getting there"), a
/// commitment with its day, lists one item a line; user text made safe for the terminal.
struct AnswerView {
    let session: Session

    /// `language`: the entry's, in which an if-then plan is worded (the session's when nil).
    func text(_ answer: Answer, of exerciseID: String, language: Language? = nil) -> String {
        switch answer.kind {
        case .rating:
            guard let value = answer.rating else { return "" }
            let step = (try? session.graph())?.exercise(exerciseID).flatMap { exercise in
                exercise.steps.flatMap { [$0] + $0.followUps }.first { $0.id == answer.stepId }
            }
            let scale = step?.scale ?? RatingScale(min: 1, max: 5, labels: [])
            let label = scale.labels.first { $0.value == value }.map { " — " + session.text($0.text) } ?? ""
            return "\(value)/\(scale.max)" + label
        case .commitment:
            let plan = CommitmentView(session: session).plan(situation: answer.situation, action: answer.action ?? "",
                                                                  language: answer.planLanguage ?? language)
            return answer.due.map { plan + " (" + session.time.day($0) + ")" } ?? plan
        default:
            return TerminalSafe.visible(answer.plainText)
        }
    }
}
