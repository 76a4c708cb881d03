import SpiegelContent
import SpiegelCore

/// Recommendations in plain words: one pick with one reason drawn from the journal, then up to two
/// alternatives; scores and every reason only with `--why`. Reasons are worded here from the
/// scheduler's codes and figures, with principle names, in the session's language.
struct RecommendationView {
    let session: Session

    /// Codes that lower an exercise (never a reason to pick it).
    static let penalties: Set<String> = ["prerequisite", "too-early", "just-done"]

    func show(_ result: (recommendations: [Recommendation], checkIns: [CheckIn]), why: Bool) {
        let style = session.style
        if !result.checkIns.isEmpty {
            session.print(style.bold(session.say.recommendFirstCheckIn()))
            for checkIn in result.checkIns { session.print("  • " + checkInText(checkIn)) }
            session.print()
        }
        guard let pick = result.recommendations.first else { return }
        session.print(style.bold(session.say.recommendPick()) + title(pick))
        if why {
            session.print(style.dim(session.say.recommendScore(session.decimal(pick.score))))
            for reason in pick.reasons { session.print("  - " + text(reason)) }
        } else if let reason = mainReason(pick) {
            session.print("  " + reason)
        }
        session.print("  " + style.accent("start \(pick.exercise)"))
        let others = result.recommendations.dropFirst().prefix(why ? result.recommendations.count : 2)
        guard !others.isEmpty else { return }
        session.print()
        session.print(style.bold(session.say.recommendAlternatives()))
        for other in others {
            session.print("  - " + title(other) + "  " + style.accent("start \(other.exercise)")
                          + (why ? style.dim("  " + session.say.recommendScore(session.decimal(other.score))) : ""))
            if why { for reason in other.reasons { session.print("      " + text(reason)) } }
        }
    }

    /// "A mirror from outside · ~10 min".
    func title(_ item: Recommendation) -> String {
        let minutes = (try? session.graph())?.exercise(item.exercise)?.minutes
        return TerminalSafe.visible(item.title, keepNewlines: false) + (minutes.map { " · ~\($0) min" } ?? "")
    }

    /// The one reason that speaks for the pick: what the journal says about its weakest principle.
    func mainReason(_ item: Recommendation) -> String? {
        let order = ["barrier-named", "confidence", "never-practised", "last-practised", "builds-on", "new-exercise", "start-here"]
        let usable = item.reasons.filter { !Self.penalties.contains($0.code) }
        let best = usable.min { (order.firstIndex(of: $0.code) ?? order.count) < (order.firstIndex(of: $1.code) ?? order.count) }
        return best.map(text)
    }

    /// "After an exercise: 'Next: …'": the pick and its reason in one line.
    func nextLine(_ item: Recommendation) -> String {
        title(item) + " (start \(item.exercise))" + (mainReason(item).map { " — " + $0 } ?? "")
    }

    func text(_ reason: Reason) -> String {
        let principle = reason.principle.map { session.names([$0]) } ?? ""
        switch reason.code {
        case "never-practised": return session.say.reasonNeverPractised(principle)
        case "last-practised": return session.say.reasonLastPractised(ago: session.say.countDaysAgo(reason.days ?? 0), principle: principle)
        case "confidence": return session.say.reasonConfidence(value: reason.value ?? 0, principle: principle)
        case "prerequisite": return session.say.reasonPrerequisite(principle)
        case "builds-on": return session.say.reasonBuildsOn(times: session.say.countTimes(reason.value ?? 0), principle: principle)
        case "start-here": return session.say.reasonStartHere()
        case "too-early": return session.say.reasonTooEarly(principle)
        case "just-done": return session.say.reasonJustDone()
        case "new-exercise": return session.say.reasonNewExercise()
        case "barrier-named":
            let barrier = reason.barrier.map { session.barrierNames([$0]).lowercased() } ?? ""
            return session.say.reasonBarrierNamed(commitments: session.say.countCommitments(reason.value ?? 0), barrier: barrier,
                                                  ids: (reason.commitments ?? []).joined(separator: ", "))
        default: return TerminalSafe.visible(reason.text, keepNewlines: false)
        }
    }

    func checkInText(_ checkIn: CheckIn) -> String {
        session.say.reasonCommitmentDue(day: session.time.day(checkIn.due),
                                        plan: CommitmentView(session: session).plan(situation: checkIn.situation, action: checkIn.action,
                                                                                     language: checkIn.language),
                                        id: checkIn.commitment)
    }
}
