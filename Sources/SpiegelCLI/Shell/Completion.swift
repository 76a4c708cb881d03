import SpiegelContent
import SpiegelCore

/// Tab completion in the shell: command names first, then per command its ids and options.
struct Completion {
    let session: Session

    func candidates(before cursor: String) -> [String] {
        let words = cursor.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        guard words.count > 1 else { return Program.commandNames.sorted() }
        let command = words[0]
        let previous = words.count >= 2 ? words[words.count - 2] : ""
        let graph = try? session.graph()
        let principles = graph?.principles.map(\.id) ?? ContentValidator.corePrinciples
        switch previous {
        case "--principle": return principles
        case "--exercise": return graph?.exercises.map(\.id) ?? []
        case "--around": return graph?.ids.sorted() ?? []
        case "--format": return command == "export" ? ["json", "md", "html", "csv"] : ["dot", "mermaid", "json"]
        case "--kind": return NodeKind.allCases.map(\.rawValue)
        case "--lang": return Language.allCases.map(\.rawValue)
        case "--barrier": return CheckInBarrier.allCases.map(\.rawValue)
        default: break
        }
        if words.last?.hasPrefix("-") == true { return options(for: command) }
        switch command {
        case "show", "related": return graph?.ids.sorted() ?? []
        case "start": return graph?.exercises.map(\.id).sorted() ?? []
        case "help": return Program.commandNames.sorted()
        case "entry": return (try? session.summaries())?.entries.map(\.id) ?? []
        case "resume", "discard": return ((try? session.journal).flatMap { try? $0.drafts() })?.entries.map(\.id) ?? []
        case "done", "moved", "dropped":
            return (try? session.summaries())?.entries.flatMap(\.commitments).filter(\.isOpen).map(\.id) ?? []
        default: return options(for: command)
        }
    }

    private func options(for command: String) -> [String] {
        let shared = ["--json", "--journal", "--lang", "--knowledge"]
        let own: [String: [String]] = [
            "journal": ["--principle", "--exercise", "--since", "--until", "--grep", "--limit"],
            "graph": ["--format", "--around", "--depth"],
            "related": ["--kind"],
            "exercises": ["--principle"],
            "recommend": ["--count", "--principle"],
            "export": ["--format", "--output", "--since", "--principle", "--redact", "--redact-words", "--preview", "--as"],
            "start": ["--answers"],
            "doctor": ["--quarantine"],
            "commitments": ["--all"],
            "done": ["--did", "--reaction", "--learned", "--next"],
            "moved": ["--barrier", "--why"],
            "dropped": ["--why"],
        ]
        return (own[command] ?? []) + shared
    }
}

/// What the shell says when it opens: due commitments, an unfinished draft, a hint.
struct Greeting {
    let session: Session

    func show() {
        let style = session.style
        session.print(style.bold("Spiegel") + style.dim(session.say.greetingYourCustomerCentricCoachHelp()))
        guard let store = try? session.journal, store.exists else { return }
        guard let contents = try? session.summaries() else { return }
        let due = contents.entries.flatMap(\.commitments).filter { $0.isOpen && $0.due <= session.today }
        if !due.isEmpty {
            session.print(style.warn(session.say.greetingDueCommitments()))
            let recent = due.sorted { ($0.due, $0.id) > ($1.due, $1.id) }
            let languages = contents.commitmentLanguages
            for commitment in recent.prefix(5) {
                session.print("  " + CommitmentView(session: session).line(commitment, language: languages[commitment.id]))
            }
            if due.count > 5 {
                session.print(style.dim(session.say.greetingAndMore(due.count - 5)))
            }
            session.print(style.dim(session.say.greetingMarkThemWithDoneId()))
        }
        let drafts = (try? store.drafts())?.entries ?? []
        if let draft = drafts.first {
            session.print(session.say.greetingUnfinished(exercise: draft.exercise, answers: session.say.countAnswers(draft.answers.count)))
        }
        // An exercise with a draft waiting is offered through 'resume', not suggested anew.
        if !due.isEmpty || !contents.entries.isEmpty,
           let first = try? Recommender(session: session).recommend(count: 1, principle: nil, contents: contents).recommendations.first,
           !drafts.contains(where: { $0.exercise == first.exercise }),
           first.reasons.contains(where: { $0.code == "never-practised" || ($0.days ?? 0) > 14 }) {
            session.print(session.say.greetingSuggestedNext() + RecommendationView(session: session).nextLine(first))
        }
    }
}
