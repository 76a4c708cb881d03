/// Checks a whole body of content: ids, edges, sources, languages, `builds-on` cycles, exercise shapes.
public struct ContentValidator: Sendable {
    /// The principles every curated graph must have, with exactly these ids.
    public static let corePrinciples = ["interest", "connection", "action", "awareness", "boundaries"]

    public var requiresCorePrinciples: Bool

    public init(requiresCorePrinciples: Bool = true) {
        self.requiresCorePrinciples = requiresCorePrinciples
    }

    /// Applies extensions and validates; returns the merged content or every problem found.
    public func validate(_ content: ContentSet) -> Result<ContentSet, ContentErrors> {
        var problems: [ContentDiagnostic] = []
        var nodes: [Node] = []
        var index: [String: Int] = [:]
        for node in content.nodes + content.exercises.map(\.node) {
            if let earlier = index[node.id] {
                let there = nodes[earlier].location.map { " (first defined at \($0))" } ?? ""
                problems.append(diagnostic(node.location, "duplicate id '\(node.id)'\(there)"))
                continue
            }
            index[node.id] = nodes.count
            nodes.append(node)
        }
        for ext in content.extensions {
            guard let position = index[ext.target] else {
                problems.append(ContentDiagnostic(ext.location, "extends unknown id '\(ext.target)'\(hint(ext.target, index))"))
                continue
            }
            var node = nodes[position]
            node.name = node.name.overlaid(with: ext.name)
            node.summary = node.summary.overlaid(with: ext.summary)
            if let body = ext.body { node.body = (node.body ?? LocalizedText()).overlaid(with: body) }
            node.edges += ext.edges
            nodes[position] = node
        }
        for node in nodes {
            problems += check(node, index: index, nodes: nodes)
        }
        problems += cycles(in: nodes, index: index)
        for exercise in content.exercises {
            problems += check(exercise)
        }
        if requiresCorePrinciples {
            for id in Self.corePrinciples where index[id].map({ nodes[$0].kind }) != .principle {
                problems.append(ContentDiagnostic(SourceLocation(file: "knowledge", line: 1, column: 1),
                                                  "the principle '\(id)' is missing"))
            }
        }
        if !problems.isEmpty { return .failure(ContentErrors(problems)) }
        let exerciseIDs = Set(content.exercises.map(\.id))
        return .success(ContentSet(nodes: nodes.filter { !exerciseIDs.contains($0.id) }, exercises: content.exercises))
    }

    private func diagnostic(_ location: SourceLocation?, _ message: String) -> ContentDiagnostic {
        ContentDiagnostic(location ?? SourceLocation(file: "<embedded>", line: 0, column: 0), message)
    }

    private func hint(_ id: String, _ index: [String: Int]) -> String {
        Suggestion.closest(to: id, among: Array(index.keys)).map { " (did you mean '\($0)'?)" } ?? ""
    }

    private func check(_ node: Node, index: [String: Int], nodes: [Node]) -> [ContentDiagnostic] {
        var problems: [ContentDiagnostic] = []
        var seen = Set<Edge>()
        for edge in node.edges {
            let location = edge.location ?? node.location
            guard let target = index[edge.target].map({ nodes[$0] }) else {
                problems.append(diagnostic(location, "'\(node.id)' \(edge.kind.rawValue) unknown id '\(edge.target)'\(hint(edge.target, index))"))
                continue
            }
            let allowed = edge.kind.allowed
            if !allowed.from.contains(node.kind) || !allowed.to.contains(target.kind) {
                problems.append(diagnostic(location,
                    "'\(edge.kind.rawValue)' does not fit a \(node.kind.rawValue) ('\(node.id)') and a \(target.kind.rawValue) ('\(target.id)'): it goes from \(names(allowed.from)) to \(names(allowed.to))"))
            }
            if edge.target == node.id {
                problems.append(diagnostic(location, "'\(node.id)' points at itself"))
            }
            let key = Edge(edge.kind, edge.target)
            if !seen.insert(key).inserted {
                problems.append(diagnostic(location, "'\(node.id)' lists '\(edge.target)' twice under \(edge.kind.rawValue)"))
            }
        }
        if node.kind != .source && !node.isOwn && !node.edges.contains(where: { $0.kind == .from }) {
            problems.append(diagnostic(node.location,
                "'\(node.id)' has no source: add 'from: [source-id]', or 'from: [spiegel]' for a rule of thumb or material of our own"))
        }
        if node.kind == .source && node.isOwn {
            problems.append(diagnostic(node.location, "source '\(node.id)' cannot be Spiegel's own"))
        }
        if NodeKind.materialKinds.contains(node.kind) && !node.edges.contains(where: { $0.kind == .teaches }) {
            problems.append(diagnostic(node.location, "'\(node.id)' teaches nothing: add 'for: [id]' (the principle, practice or idea it is material for)"))
        }
        if node.kind == .source && node.source == nil && node.location != nil {
            problems.append(diagnostic(node.location, "source '\(node.id)' needs a seed (and a title, author and publication where the text gives them)"))
        }
        for quotation in node.quotations {
            let location = quotation.location ?? node.location
            guard let target = index[quotation.source].map({ nodes[$0] }) else {
                problems.append(diagnostic(location, "a quotation in '\(node.id)' comes from unknown id '\(quotation.source)'\(hint(quotation.source, index))"))
                continue
            }
            if target.kind != .source {
                problems.append(diagnostic(location, "a quotation in '\(node.id)' must come from a source, not the \(target.kind.rawValue) '\(target.id)'"))
            }
        }
        return problems
    }

    private func names(_ kinds: Set<NodeKind>) -> String {
        kinds.sorted().map(\.rawValue).joined(separator: "/")
    }

    /// Every `builds-on` cycle, reported at the edge that closes it (iterative: long chains cannot
    /// exhaust the stack).
    private func cycles(in nodes: [Node], index: [String: Int]) -> [ContentDiagnostic] {
        var state = [UInt8](repeating: 0, count: nodes.count)  // 0 new, 1 on the path, 2 done
        var problems: [ContentDiagnostic] = []
        let targets: [[Int]] = nodes.map { node in
            node.edges.filter { $0.kind == .buildsOn }.compactMap { index[$0.target] }
        }
        for start in nodes.indices where state[start] == 0 {
            // The path as (node, next edge to try).
            var path: [(node: Int, next: Int)] = [(start, 0)]
            state[start] = 1
            while let top = path.last {
                let edges = targets[top.node]
                if top.next == edges.count {
                    state[top.node] = 2
                    path.removeLast()
                    continue
                }
                path[path.count - 1].next += 1
                let target = edges[top.next]
                if state[target] == 1 {
                    let from = path.firstIndex { $0.node == target } ?? 0
                    let loop = path[from...].map { nodes[$0.node].id } + [nodes[target].id]
                    let edge = nodes[top.node].edges.first { $0.kind == .buildsOn && $0.target == nodes[target].id }
                    let shown = loop.count > 12 ? Array(loop.prefix(6)) + ["…"] + Array(loop.suffix(5)) : loop
                    problems.append(diagnostic(edge?.location ?? nodes[top.node].location,
                                               "'builds-on' cycle: \(shown.joined(separator: " -> "))"))
                } else if state[target] == 0 {
                    state[target] = 1
                    path.append((target, 0))
                }
            }
        }
        return problems
    }

    private func check(_ exercise: Exercise) -> [ContentDiagnostic] {
        var problems: [ContentDiagnostic] = []
        let location = exercise.location
        var stepIDs = Set<String>()
        for step in exercise.steps + exercise.steps.flatMap(\.followUps) {
            if !stepIDs.insert(step.id).inserted {
                problems.append(diagnostic(location, "exercise '\(exercise.id)' has two steps with id '\(step.id)'"))
            }
        }
        if let last = exercise.steps.last, last.kind != .rating || last.id != "confidence" {
            problems.append(diagnostic(location, "exercise '\(exercise.id)' must end with a rating step with id 'confidence'"))
        }
        if exercise.minutes < 1 || exercise.minutes > 240 {
            problems.append(diagnostic(location, "exercise '\(exercise.id)': minutes must be from 1 to 240"))
        }
        if exercise.version < 1 {
            problems.append(diagnostic(location, "exercise '\(exercise.id)': version must be 1 or more"))
        }
        return problems
    }
}
