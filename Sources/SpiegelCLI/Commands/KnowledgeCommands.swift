import ArgumentParser
import SpiegelContent
import SpiegelCore

/// `principles`: the five principles with their summaries.
struct PrinciplesCommand: PagedCommand {
    static let configuration = CommandConfiguration(
        commandName: "principles", abstract: "The five principles of customer-centric work.")

    @OptionGroup var global: GlobalOptions

    func execute(in session: Session) throws {
        let graph = try session.graph()
        let principles = graph.principles
        if session.json {
            session.printJSON(principles.map { NodeSummary($0, session: session) })
            return
        }
        for node in principles {
            // The principle's word in the session's language ("interesse"), which every command takes as its id.
            session.print(session.style.bold(session.style.accent(session.say.principleWord(node.id))) + "  " + session.text(node.name))
            session.print("  " + session.text(node.summary))
        }
    }
}

/// A node in short, for JSON lists.
struct NodeSummary: Encodable {
    var id: String
    var kind: String
    var name: String
    var summary: String

    init(_ node: Node, session: Session) {
        id = node.id
        kind = node.kind.rawValue
        name = node.name.resolved(session.language).text
        summary = node.summary.resolved(session.language).text
    }
}

/// `show ID`: any node (or exercise) with its texts, relations and sources.
struct ShowCommand: PagedCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Show a principle, practice, barrier, need, concept, source, exercise or handbook material (a dialogue, table, role-play, reflection, session plan or guidance).")

    @Argument(help: "The id to show (tab completes).", completion: ScriptCompletion.kind("show"))
    var id: String

    @OptionGroup var global: GlobalOptions

    func execute(in session: Session) throws {
        let graph = try session.graph()
        if let exercise = graph.exercise(id) {
            try ExerciseView(session: session, graph: graph).show(exercise)
            return
        }
        NodeView(session: session, graph: graph).show(try graph.existing(id, say: session.say))
    }
}

/// `related ID [--kind K]`: the nodes connected to one node.
struct RelatedCommand: PagedCommand {
    static let configuration = CommandConfiguration(
        commandName: "related", abstract: "List the nodes related to one, optionally of one kind.")

    @Argument(help: "The id whose relations to list.", completion: ScriptCompletion.kind("related"))
    var id: String

    @Option(help: ArgumentHelp("Only nodes of this kind (principle, practice, barrier, need, concept, source, exercise, dialogue, do-dont, role-play, reflection, session-plan, guidance).", valueName: "kind"))
    var kind: String?

    @OptionGroup var global: GlobalOptions

    func execute(in session: Session) throws {
        let graph = try session.graph()
        _ = try graph.existing(id, say: session.say)
        var filter: NodeKind?
        if let kind {
            guard let parsed = NodeKind(rawValue: kind) else {
                throw CommandFailure(session.say.errorKind(NodeKind.allCases.map(\.rawValue).joined(separator: ", ")))
            }
            filter = parsed
        }
        let related = graph.related(to: id, kind: filter)
        if session.json {
            struct Item: Encodable { var id, kind, name, relation, direction: String }
            session.printJSON(related.map {
                Item(id: $0.node.id, kind: $0.node.kind.rawValue, name: $0.node.name.resolved(session.language).text,
                     relation: $0.relation.kind.rawValue, direction: $0.relation.outgoing ? "out" : "in")
            })
            return
        }
        for (node, relation) in related {
            let label = session.say.edge(relation.kind, outgoing: relation.outgoing)
            session.print(label + String(repeating: " ", count: max(1, 18 - DisplayWidth.of(label)))
                          + session.style.accent(session.shownID(node)) + "  " + session.text(node.name) + session.style.dim(" (\(session.say.nodeKind(node.kind)))"))
        }
    }
}

/// `search TEXT`: ranked full-text search, accents ignored.
struct SearchCommand: PagedCommand {
    static let configuration = CommandConfiguration(
        commandName: "search", abstract: "Search the knowledge (names, summaries, texts) in your language.")

    @Argument(parsing: .remaining, help: "Words to look for (\"cafe\" also finds \"café\").")
    var words: [String] = []

    @Option(help: "At most this many results.")
    var limit = 20

    @OptionGroup var global: GlobalOptions

    func execute(in session: Session) throws {
        let query = words.joined(separator: " ")
        guard !query.trimmingCharacters(in: .whitespaces).isEmpty else { throw CommandFailure(session.say.errorSearchEmpty()) }
        let hits = KnowledgeSearch(graph: try session.graph(), language: session.language).search(query, limit: limit)
        if session.json {
            struct Item: Encodable { var id, kind, name, summary, field: String; var score: Double }
            session.printJSON(hits.map {
                Item(id: $0.node.id, kind: $0.node.kind.rawValue, name: $0.node.name.resolved(session.language).text,
                     summary: $0.node.summary.resolved(session.language).text, field: $0.field, score: $0.score)
            })
            return
        }
        if hits.isEmpty {
            // The same words may be in the other language's texts ("koffie" in an English session).
            for other in Language.allCases where other != session.language {
                let elsewhere = KnowledgeSearch(graph: try session.graph(), language: other).search(query, limit: 100).count
                if elsewhere > 0 {
                    session.print(session.say.knowledgeOtherLanguage(
                        here: session.say.languageName(session.language), count: elsewhere,
                        there: session.say.languageName(other), query: query.contains(" ") ? "'\(query)'" : query, code: other.rawValue))
                    return
                }
            }
            session.print(session.say.knowledgeNothingFound())
            return
        }
        for hit in hits {
            session.print(session.style.accent(session.shownID(hit.node)) + "  " + session.text(hit.node.name) + session.style.dim(" (\(session.say.nodeKind(hit.node.kind)))"))
            session.print("  " + session.text(hit.node.summary))
        }
    }
}

/// `graph --format dot|mermaid|json [--around ID --depth N]`.
struct GraphCommand: SessionCommand {
    static let configuration = CommandConfiguration(
        commandName: "graph", abstract: "Print the knowledge graph for Graphviz, Mermaid or other tools.")

    @Option(help: "dot, mermaid or json.", completion: .list(["dot", "mermaid", "json"]))
    var format: String = "dot"

    @Option(help: ArgumentHelp("Only the neighbourhood of this id.", valueName: "id"))
    var around: String?

    @Option(help: "How many steps around --around.")
    var depth = 1

    @OptionGroup var global: GlobalOptions

    func execute(in session: Session) throws {
        let graph = try session.graph()
        var chosen = GraphExport.Format(rawValue: format)
        if session.json && format == "dot" { chosen = .json }
        guard let chosen else { throw CommandFailure(session.say.errorOneOf(option: "--format", values: "dot, mermaid, json", value: format)) }
        if let around { _ = try graph.existing(around, say: session.say) }
        guard depth >= 0 else { throw CommandFailure(session.say.errorAtLeastZero("--depth")) }
        Console.write(GraphExport(graph: graph, language: session.language, edgeLabel: { [say = session.say] in say.edge($0, outgoing: true) }).render(chosen, around: around, depth: depth),
                      to: .standardOutput)
    }
}

extension KnowledgeGraph {
    /// The node with this id, or an error that suggests the closest id.
    func existing(_ id: String, say: Messages) throws -> Node {
        guard let node = node(id) ?? named(id) else {
            let words = principles.map { say.principleWord($0.id) }
            let hint = Suggestion.closest(to: id, among: ids + words).map { say.errorDidYouMean($0) } ?? ""
            throw CommandFailure(say.errorNoNode(id: TerminalSafe.visible(String(id.prefix(80)), keepNewlines: false), hint: hint),
                                 exitCode: ExitStatus.dataError)
        }
        return node
    }

    /// The node a person names by a principle's word ("verbinding") or a node's name in either language
    /// ("Verlegenheid"), when exactly one node has it.
    func named(_ text: String) -> Node? {
        let folded = KnowledgeSearch.fold(text)
        for language in Language.allCases {
            if let match = principles.first(where: { KnowledgeSearch.fold(Messages(language).principleWord($0.id)) == folded }) { return match }
        }
        let matches = ids.compactMap(node).filter { node in
            [node.name.en, node.name.nl].contains { name in
                name.map { [KnowledgeSearch.fold($0), KnowledgeSearch.fold($0).replacingOccurrences(of: " ", with: "-")].contains(folded) } ?? false
            }
        }
        return matches.count == 1 ? matches[0] : nil
    }

    /// The principle with this id, or an error that suggests the closest principle (the same for every
    /// command that takes `--principle`).
    func principle(_ id: String, say: Messages) throws -> Node {
        if let node = node(id), node.kind == .principle { return node }
        // A principle's word in either language: `--principle verbinding`.
        for language in Language.allCases {
            let words = Messages(language)
            if let match = principles.first(where: { words.principleWord($0.id).lowercased() == id.lowercased() }) { return match }
        }
        // Named in the session's words, which are taken as ids.
        let names = principles.map { say.principleWord($0.id) }
        let hint = Suggestion.closest(to: id, among: names).map { say.errorDidYouMean($0) } ?? ""
        throw CommandFailure(say.errorUnknownPrinciple(id: TerminalSafe.visible(String(id.prefix(80)), keepNewlines: false), names: names.joined(separator: ", "), hint: hint),
                             exitCode: ExitStatus.usage)
    }
}
