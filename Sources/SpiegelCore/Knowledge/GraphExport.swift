import Foundation
import SpiegelContent

/// Renders the graph (or a part of it) for Graphviz, Mermaid or other tools.
public struct GraphExport: Sendable {
    public enum Format: String, CaseIterable, Sendable {
        case dot, mermaid, json
    }

    public let graph: KnowledgeGraph
    public let language: Language
    /// An edge's label in dot and mermaid, in the reader's words ("bouwt voort op"); JSON keeps the kind.
    public let edgeLabel: @Sendable (EdgeKind) -> String

    public init(graph: KnowledgeGraph, language: Language, edgeLabel: @escaping @Sendable (EdgeKind) -> String = { $0.rawValue }) {
        self.graph = graph
        self.language = language
        self.edgeLabel = edgeLabel
    }

    /// The nodes to draw: all, or those within `depth` of `around`.
    public func selection(around: String?, depth: Int) -> [Node] {
        guard let around else { return graph.nodes }
        let keep = graph.neighbourhood(around: around, depth: depth)
        return graph.nodes.filter { keep.contains($0.id) }
    }

    private func edges(among nodes: [Node]) -> [(from: String, kind: EdgeKind, to: String)] {
        let ids = Set(nodes.map(\.id))
        return nodes.flatMap { node in
            node.edges.filter { ids.contains($0.target) }.map { (node.id, $0.kind, $0.target) }
        }
    }

    public func render(_ format: Format, around: String? = nil, depth: Int = 1) -> String {
        let nodes = selection(around: around, depth: depth)
        switch format {
        case .dot: return dot(nodes)
        case .mermaid: return mermaid(nodes)
        case .json: return json(nodes)
        }
    }

    private static let shapes: [NodeKind: String] = [
        .principle: "doubleoctagon", .practice: "box", .barrier: "octagon", .need: "ellipse",
        .concept: "note", .source: "folder", .exercise: "component", .dialogue: "cds", .doDont: "tab",
        .rolePlay: "house", .reflection: "egg", .sessionPlan: "box3d", .guidance: "hexagon",
    ]

    private func dotQuote(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: " ") + "\""
    }

    private func dot(_ nodes: [Node]) -> String {
        var out = "digraph spiegel {\n  rankdir=LR;\n  node [fontname=\"Helvetica\"];\n"
        for node in nodes {
            let label = node.name.resolved(language).text
            out += "  \(dotQuote(node.id)) [label=\(dotQuote(label)), shape=\(Self.shapes[node.kind] ?? "box")];\n"
        }
        for edge in edges(among: nodes) {
            out += "  \(dotQuote(edge.from)) -> \(dotQuote(edge.to)) [label=\(dotQuote(edgeLabel(edge.kind)))];\n"
        }
        return out + "}\n"
    }

    private func mermaidID(_ id: String) -> String { id.replacingOccurrences(of: "-", with: "_") }

    private func mermaid(_ nodes: [Node]) -> String {
        var out = "graph LR\n"
        for node in nodes {
            let label = node.name.resolved(language).text.replacingOccurrences(of: "\"", with: "#quot;")
            out += "  \(mermaidID(node.id))[\"\(label)\"]\n"
        }
        for edge in edges(among: nodes) {
            out += "  \(mermaidID(edge.from)) -- \(edgeLabel(edge.kind).replacingOccurrences(of: "\"", with: "#quot;")) --> \(mermaidID(edge.to))\n"
        }
        return out
    }

    private struct JSONGraph: Encodable {
        struct JSONNode: Encodable {
            var id, kind, name, summary: String
            var body: String?
            /// Present (true) only for Spiegel's own rules of thumb and material.
            var own: Bool?
            var material: ResolvedMaterial?
        }
        struct JSONEdge: Encodable { var from, kind, to: String }
        var nodes: [JSONNode]
        var edges: [JSONEdge]
    }

    private func json(_ nodes: [Node]) -> String {
        let value = JSONGraph(
            nodes: nodes.map { .init(id: $0.id, kind: $0.kind.rawValue, name: $0.name.resolved(language).text,
                                     summary: $0.summary.resolved(language).text, body: $0.body?.resolved(language).text,
                                     own: $0.isOwn ? true : nil, material: ResolvedMaterial($0.material, language: language)) },
            edges: edges(among: nodes).map { .init(from: $0.from, kind: $0.kind.rawValue, to: $0.to) })
        return JSONOutput.string(value)
    }
}
