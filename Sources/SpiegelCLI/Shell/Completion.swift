import SpiegelContent
import SpiegelCore

/// Tab completion in the shell: command names first, then per command its ids and options. Ids come with
/// what they name (a node's kind and name, an exercise's title, a commitment's action), shown when Tab lists
/// several.
struct Completion {
    let session: Session

    func candidates(before cursor: String) -> [CompletionCandidate] {
        let words = cursor.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        guard words.count > 1 else { return commands() }
        let command = words[0]
        let previous = words.count >= 2 ? words[words.count - 2] : ""
        let graph = try? session.graph()
        let principles = graph?.principles.map(\.id) ?? ContentValidator.corePrinciples
        switch previous {
        case "--principle": return nodes(principles)
        case "--exercise": return exercises()
        case "--around": return nodes(graph?.ids.sorted() ?? [])
        case "--format": return plain(command == "export" ? ["json", "md", "html", "csv", "ics"] : ["dot", "mermaid", "json"])
        case "--kind": return plain(NodeKind.allCases.map(\.rawValue))
        case "--lang": return plain(Language.allCases.map(\.rawValue))
        case "--barrier": return plain(CheckInBarrier.allCases.map(\.rawValue))
        default: break
        }
        if words.last?.hasPrefix("-") == true { return plain(options(for: command)) }
        switch command {
        case "show", "related": return nodes(graph?.ids.sorted() ?? [])
        case "start": return exercises()
        case "help": return commands()
        case "entry": return plain((try? session.journal.entryIDs()) ?? [])
        case "resume", "discard": return plain(((try? session.journal).flatMap { try? $0.drafts() })?.entries.map(\.id) ?? [])
        case "done", "moved", "dropped":
            let open = (try? session.journal.commitments(all: false).0) ?? []
            return open.map { item in
                CompletionCandidate(word: item.commitment.id, note: session.time.day(item.commitment.due) + "  "
                                    + CommitmentView(session: session).plan(item.commitment, language: item.language))
            }
        default: return plain(options(for: command))
        }
    }

    private func plain(_ words: [String]) -> [CompletionCandidate] { words.map { CompletionCandidate(word: $0) } }

    private func commands() -> [CompletionCandidate] {
        Program.commandNames.sorted().map { CompletionCandidate(word: $0, note: session.say.abstract(of: $0, inReview: false)) }
    }

    /// Node ids with their kind and name: "interest  principle · Show real interest".
    private func nodes(_ ids: [String]) -> [CompletionCandidate] {
        guard let graph = try? session.graph() else { return plain(ids) }
        return ids.map { id in
            guard let node = graph.node(id) else { return CompletionCandidate(word: id) }
            return CompletionCandidate(word: id, note: session.say.nodeKind(node.kind) + " · " + session.text(node.name))
        }
    }

    private func exercises() -> [CompletionCandidate] {
        ((try? session.graph())?.exercises ?? []).sorted { $0.id < $1.id }.map {
            CompletionCandidate(word: $0.id, note: session.text($0.title))
        }
    }

    private func options(for command: String) -> [String] {
        let shared = ["--json", "--journal", "--lang", "--knowledge"]
        let own: [String: [String]] = [
            "journal": ["--principle", "--exercise", "--since", "--until", "--grep", "--limit", "--all"],
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
        // As many due commitments as the recommender checks in on.
        guard let (history, _) = try? session.withProgress({ progress in
            try store.practice(today: session.today, dueLimit: SchedulerParameters().maximumCheckIns, progress: progress)
        }) else { return }
        if history.dueCount > 0 {
            session.print(style.warn(session.say.greetingDueCommitments()))
            // Short ids need to know how many commitments each entry holds: the entries' own commitments.
            let owners = history.due.flatMap { (try? store.commitments(startingWith: $0.entryId + ".")) ?? [] }
            let view = CommitmentView(session: session, ids: ListIDs(session: session, commitments: owners))
            for item in history.due { session.print("  " + view.line(item.commitment, language: item.language)) }
            if history.dueCount > history.due.count {
                session.print(style.dim(session.say.greetingAndMore(history.dueCount - history.due.count)))
            }
            session.print(style.dim(session.say.greetingMarkThemWithDoneId()))
        }
        let drafts = (try? store.drafts())?.entries ?? []
        if let draft = drafts.first {
            session.print(session.say.greetingUnfinished(exercise: session.exerciseName(draft.exercise, saved: draft.exerciseTitle), answers: session.say.countAnswers(draft.answers.count)))
        }
        // An exercise with a draft waiting is offered through 'resume', not suggested anew.
        if history.dueCount > 0 || history.entryCount > 0,
           let first = try? Recommender(session: session).recommend(count: 1, principle: nil, history: history).recommendations.first,
           !drafts.contains(where: { $0.exercise == first.exercise }),
           first.reasons.contains(where: { $0.code == "never-practised" || ($0.days ?? 0) > 14 }) {
            session.print(session.say.greetingSuggestedNext() + RecommendationView(session: session).nextLine(first))
        }
    }
}
