import SpiegelContent
import SpiegelCore

extension Messages {
    /// Why an answer was not taken, in the reader's language.
    func answerError(_ error: AnswerError) -> String {
        switch error {
        case .alreadyComplete: answerAlreadyComplete()
        case .emptyText(let optional): optional ? answerEmptyOptional() : answerEmpty()
        case .emptyList: answerEmptyList()
        case .notARating(let typed, let min, let max): answerNotARating(typed: TerminalSafe.visible(typed, keepNewlines: false), min: min, max: max)
        case .notAnOption(let typed, let options):
            answerNotAnOption(typed: TerminalSafe.visible(typed, keepNewlines: false), count: options.count)
        case .noAction: answerNoAction()
        case .notADate(let typed): answerNotADate(TerminalSafe.visible(typed, keepNewlines: false))
        case .dateInPast(let day): answerDateInPast(day)
        case .notSkippable: answerNotSkippable()
        case .wrongKind(let expected): answerWrongKind(stepKind(expected))
        case .tooLong(let limit): answerTooLong(limit)
        }
    }

    /// A step kind's name.
    func stepKind(_ kind: StepKind) -> String {
        switch kind {
        case .text: kindText()
        case .list: kindList()
        case .rating: kindRating()
        case .choice: kindChoice()
        case .commitment: kindCommitment()
        }
    }
}
