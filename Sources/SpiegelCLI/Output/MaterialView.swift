import SpiegelContent
import SpiegelCore

/// Prints a node's handbook material: a dialogue's two versions turn by turn with their comments, a
/// do/don't table as pairs of lines (readable at 60 columns, where two columns are not), a role-play
/// card's three roles, reflection questions, a session plan's roles, materials, timed steps and debrief.
struct MaterialView {
    let session: Session

    func show(_ material: Material) {
        let style = session.style
        let say = session.say
        for version in material.versions {
            session.print()
            session.print(style.bold(version.quality == .poor ? say.dialoguePoor() : say.dialogueGood()))
            let names = version.turns.map { say.speaker($0.speaker) }
            let width = (names.map { DisplayWidth.of($0) }.max() ?? 0) + 2
            for (turn, name) in zip(version.turns, names) {
                session.printProse("  " + column(name, width) + session.text(turn.text))
            }
            let label = version.quality == .poor ? say.dialogueWentWrong() : say.dialogueComment()
            session.printProse("  " + style.dim(label + ": ") + session.text(version.comment))
        }
        if !material.rows.isEmpty {
            let labels = [say.tableDo(), say.tableDont()]
            let width = (labels.map { DisplayWidth.of($0) }.max() ?? 0) + 2
            for row in material.rows {
                session.print()
                session.printProse("  " + column(labels[0], width) + session.text(row.doThis))
                session.printProse("  " + column(labels[1], width) + session.text(row.avoid))
            }
        }
        if let card = material.card {
            for (label, text) in [(say.roleplayCustomer(), card.customer), (say.roleplayEmployee(), card.employee),
                                  (say.roleplayObserver(), card.observer)] {
                session.print()
                session.print(style.bold(label))
                session.printProse(session.text(text))
            }
        }
        if !material.questions.isEmpty {
            session.print()
            session.print(style.bold(say.reflectionQuestions()))
            list(material.questions)
        }
        if let plan = material.plan {
            session.print()
            session.print(style.dim(say.sessionMinutes(plan.minutes)))
            session.print()
            session.print(style.bold(say.sessionRoles()))
            list(plan.roles, numbered: false)
            session.print()
            session.print(style.bold(say.sessionMaterials()))
            list(plan.materials, numbered: false)
            session.print()
            session.print(style.bold(say.sessionSteps()))
            let times = plan.steps.map { "\($0.minutes) min" }
            let width = (times.map { DisplayWidth.of($0) }.max() ?? 0) + 2
            for (step, time) in zip(plan.steps, times) {
                session.printProse("  " + column(time, width) + session.text(step.text))
            }
            session.print()
            session.print(style.bold(say.sessionDebrief()))
            list(plan.debrief)
        }
    }

    /// `text` padded to `width` columns, at least two spaces after it (the layout hangs wrapped lines there).
    private func column(_ text: String, _ width: Int) -> String {
        text + String(repeating: " ", count: max(2, width - DisplayWidth.of(text)))
    }

    private func list(_ texts: [LocalizedText], numbered: Bool = true) {
        for (number, text) in texts.enumerated() {
            session.printProse((numbered ? "  \(number + 1). " : "  - ") + session.text(text))
        }
    }
}
