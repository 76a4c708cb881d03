import SpiegelContent

/// The curated graph (embedded at build time) plus any packs, with lookups in both edge directions.
public struct KnowledgeGraph: Sendable {
    public let nodes: [Node]
    public let exercises: [Exercise]
    private let index: [String: Int]
    private let exerciseIndex: [String: Int]
    private let incoming: [String: [Relation]]

    /// One edge seen from a node: outgoing (this node -> other) or incoming (other -> this node).
    public struct Relation: Sendable, Hashable {
        public var kind: EdgeKind
        public var other: String
        public var outgoing: Bool
    }

    public init(content: ContentSet) {
        let all = content.nodes + content.exercises.map(\.node)
        nodes = all
        exercises = content.exercises
        index = Dictionary(all.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        exerciseIndex = Dictionary(content.exercises.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        var incoming: [String: [Relation]] = [:]
        for node in all {
            for edge in node.edges {
                incoming[edge.target, default: []].append(Relation(kind: edge.kind, other: node.id, outgoing: false))
            }
        }
        self.incoming = incoming
    }

    /// The curated content compiled into the binary.
    public static func curated() -> KnowledgeGraph {
        KnowledgeGraph(content: ContentSet(nodes: EmbeddedContent.nodes, exercises: EmbeddedContent.exercises))
    }

    /// The curated content plus the packs in `directories`, validated together; nothing is half-loaded.
    public static func load(packs directories: [String]) throws(ContentErrors) -> KnowledgeGraph {
        guard !directories.isEmpty else { return curated() }
        var content = ContentSet(nodes: EmbeddedContent.nodes, exercises: EmbeddedContent.exercises)
        switch ContentLoader(reader: ContentReader(allowsPartialTexts: true)).load(directories: directories) {
        case .failure(let errors): throw errors
        case .success(let packs): content.add(packs)
        }
        switch ContentValidator().validate(content) {
        case .failure(let errors): throw errors
        case .success(let merged): return KnowledgeGraph(content: merged)
        }
    }

    public func node(_ id: String) -> Node? { index[id].map { nodes[$0] } }

    public func exercise(_ id: String) -> Exercise? { exerciseIndex[id].map { exercises[$0] } }

    public var ids: [String] { nodes.map(\.id) }

    public func nodes(of kind: NodeKind) -> [Node] { nodes.filter { $0.kind == kind } }

    /// The principles: the five core ones in their usual order, then any from packs.
    public var principles: [Node] {
        let order = ContentValidator.corePrinciples
        return nodes(of: .principle).sorted {
            (order.firstIndex(of: $0.id) ?? order.count, $0.id) < (order.firstIndex(of: $1.id) ?? order.count, $1.id)
        }
    }

    /// Every relation of a node, outgoing first, each group in file order.
    public func relations(of id: String) -> [Relation] {
        guard let node = node(id) else { return [] }
        let outgoing = node.edges.map { Relation(kind: $0.kind, other: $0.target, outgoing: true) }
        return outgoing + (incoming[id] ?? [])
    }

    /// Nodes related to `id`, optionally only of `kind`, without duplicates, in relation order.
    public func related(to id: String, kind: NodeKind? = nil) -> [(node: Node, relation: Relation)] {
        var seen = Set<String>()
        return relations(of: id).compactMap { relation in
            guard let other = node(relation.other), kind == nil || other.kind == kind,
                  seen.insert(other.id).inserted else { return nil }
            return (other, relation)
        }
    }

    /// The source nodes a node (or exercise) comes from.
    public func sources(of id: String) -> [Node] {
        node(id)?.edges.filter { $0.kind == .from }.compactMap { node($0.target) } ?? []
    }

    /// The ids within `depth` edges of `id` (either direction), including `id` itself.
    public func neighbourhood(around id: String, depth: Int) -> Set<String> {
        var reached: Set<String> = [id]
        var frontier: [String] = [id]
        for _ in 0..<max(0, depth) {
            var next: [String] = []
            for current in frontier {
                for relation in relations(of: current) where reached.insert(relation.other).inserted {
                    next.append(relation.other)
                }
            }
            frontier = next
        }
        return reached
    }

    /// The principles `principle` builds on (directly).
    public func prerequisites(of principle: String) -> [String] {
        node(principle)?.edges.filter { $0.kind == .buildsOn }.map(\.target) ?? []
    }
}
