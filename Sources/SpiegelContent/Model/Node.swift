/// The kinds of node in the knowledge graph.
public enum NodeKind: String, Codable, Sendable, CaseIterable, Comparable {
    case principle, practice, barrier, need, concept, source, exercise
    /// Handbook material: a situation handled badly and well, a do/don't table, a role-play card,
    /// questions for a team, a group session plan, guidance on a hard situation.
    case dialogue
    case doDont = "do-dont"
    case rolePlay = "role-play"
    case reflection
    case sessionPlan = "session-plan"
    case guidance

    /// The kinds that carry handbook material and point with `for` at what they teach.
    public static let materialKinds: Set<NodeKind> = [.dialogue, .doDont, .rolePlay, .reflection, .sessionPlan, .guidance]

    /// The identifier of the case in Swift source.
    public var caseName: String {
        switch self {
        case .doDont: "doDont"
        case .rolePlay: "rolePlay"
        case .sessionPlan: "sessionPlan"
        default: rawValue
        }
    }

    public static func < (lhs: NodeKind, rhs: NodeKind) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// The typed relations between nodes (SKOS names where one fits).
public enum EdgeKind: String, Codable, Sendable, CaseIterable {
    case supports, counters, hinders
    case buildsOn = "builds-on"
    case contrastsWith = "contrasts-with"
    case exampleOf = "example-of"
    case addresses, broader, related, from, trains
    /// From handbook material to what it teaches.
    case teaches = "for"

    /// The node kinds an edge of this kind may start from and point to.
    public var allowed: (from: Set<NodeKind>, to: Set<NodeKind>) {
        let content: Set<NodeKind> = Set(NodeKind.allCases).subtracting([.source])
        switch self {
        case .supports: return ([.practice, .concept], [.principle])
        case .counters: return ([.practice], [.barrier])
        case .hinders: return ([.barrier], [.principle])
        case .buildsOn: return ([.principle, .practice], [.principle, .practice])
        case .contrastsWith, .related: return (content, content)
        case .exampleOf: return ([.practice, .concept], [.practice, .concept, .principle])
        case .addresses: return ([.practice, .principle, .concept], [.need])
        case .broader: return (content, [.concept, .principle, .practice])
        case .from: return (content, [.source])
        case .trains: return ([.exercise], [.principle, .practice])
        case .teaches: return (NodeKind.materialKinds, [.principle, .practice, .concept, .need, .barrier, .guidance])
        }
    }
}

/// A typed edge from the node that owns it to `target`.
public struct Edge: Codable, Sendable, Hashable {
    public var kind: EdgeKind
    public var target: String
    public var location: SourceLocation?

    public init(_ kind: EdgeKind, _ target: String, location: SourceLocation? = nil) {
        self.kind = kind
        self.target = target
        self.location = location
    }
}

/// The bibliographic record of a source text. `title`, `author` and `publication` are empty when the text
/// itself does not give them (nothing is guessed).
public struct SourceRecord: Codable, Sendable, Hashable {
    public var title: String
    public var author: String
    public var publication: String
    public var seed: String

    public init(title: String, author: String, publication: String, seed: String) {
        self.title = title
        self.author = author
        self.publication = publication
        self.seed = seed
    }
}

/// A node of the knowledge graph: a principle, practice, barrier, need, concept, source or exercise.
public struct Node: Codable, Sendable, Hashable {
    public var id: String
    public var kind: NodeKind
    public var name: LocalizedText
    public var summary: LocalizedText
    public var body: LocalizedText?
    public var edges: [Edge]
    public var source: SourceRecord?
    /// Passages quoted word for word from the sources, each with its author.
    public var quotations: [Quotation]
    /// Written by Spiegel (`from: [spiegel]`): a rule of thumb or material of our own, not taken from a
    /// source. Such a node may have no source at all, and says in its text that it is ours.
    public var isOwn: Bool
    /// The handbook material of the material kinds (dialogue, do-dont, role-play, reflection,
    /// session-plan, guidance).
    public var material: Material
    public var location: SourceLocation?

    public init(
        id: String, kind: NodeKind, name: LocalizedText, summary: LocalizedText, body: LocalizedText? = nil,
        edges: [Edge] = [], source: SourceRecord? = nil, quotations: [Quotation] = [], isOwn: Bool = false,
        material: Material = Material(), location: SourceLocation? = nil
    ) {
        self.id = id
        self.kind = kind
        self.name = name
        self.summary = summary
        self.body = body
        self.edges = edges
        self.source = source
        self.quotations = quotations
        self.isOwn = isOwn
        self.material = material
        self.location = location
    }
}

/// A pack's additions to a node that already exists: more edges, and texts that override.
public struct NodeExtension: Sendable, Hashable {
    public var target: String
    public var name: LocalizedText?
    public var summary: LocalizedText?
    public var body: LocalizedText?
    public var edges: [Edge]
    public var location: SourceLocation

    public init(target: String, name: LocalizedText?, summary: LocalizedText?, body: LocalizedText?,
                edges: [Edge], location: SourceLocation) {
        self.target = target
        self.name = name
        self.summary = summary
        self.body = body
        self.edges = edges
        self.location = location
    }
}
