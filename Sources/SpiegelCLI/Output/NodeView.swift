import SpiegelContent
import SpiegelCore

/// Prints one node: texts, relations grouped by kind and direction, sources.
struct NodeView {
    let session: Session
    let graph: KnowledgeGraph

    struct JSONNode: Encodable {
        struct Relation: Encodable { var kind, direction, id, name, nodeKind: String }
        struct Source: Encodable { var id, title, author, publication, seed: String }
        struct Quote: Encodable { var text, language, author, source: String; var translation, work: String? }
        var id, kind, name, summary: String
        var body: String?
        /// Present (true) only for Spiegel's own rules of thumb and material.
        var own: Bool?
        var material: ResolvedMaterial?
        var quotations: [Quote]
        var relations: [Relation]
        var sources: [Source]
        var record: Source?
    }

    func show(_ node: Node) {
        let language = session.language
        let relations = graph.relations(of: node.id).filter { $0.kind != .from || !$0.outgoing }
        let sources = graph.sources(of: node.id)
        if session.json {
            func source(_ id: String, _ record: SourceRecord) -> JSONNode.Source {
                .init(id: id, title: record.title, author: record.author, publication: record.publication, seed: record.seed)
            }
            session.printJSON(JSONNode(
                id: node.id, kind: node.kind.rawValue, name: node.name.resolved(language).text,
                summary: node.summary.resolved(language).text, body: node.body?.resolved(language).text,
                own: node.isOwn ? true : nil, material: ResolvedMaterial(node.material, language: language),
                quotations: node.quotations.map {
                    .init(text: $0.text, language: $0.language.rawValue, author: $0.author, source: $0.source,
                          translation: $0.resolved(language).translation, work: $0.work)
                },
                relations: relations.compactMap { relation in
                    graph.node(relation.other).map {
                        .init(kind: relation.kind.rawValue, direction: relation.outgoing ? "out" : "in", id: $0.id,
                              name: $0.name.resolved(language).text, nodeKind: $0.kind.rawValue)
                    }
                },
                sources: sources.compactMap { node in node.source.map { source(node.id, $0) } },
                record: node.source.map { source(node.id, $0) }))
            return
        }
        let style = session.style
        session.print(style.bold(session.text(node.name)) + style.dim("  \(session.shownID(node)) · \(session.say.nodeKind(node.kind))"))
        session.print(session.text(node.summary))
        if node.isOwn {
            session.print(style.dim(session.say.nodeOwnWork()))
        }
        if let body = node.body {
            session.print()
            session.printProse(session.text(body))
        }
        MaterialView(session: session).show(node.material)
        if !node.quotations.isEmpty {
            session.print()
            session.print(style.bold(session.say.nodeQuoted()))
            for quotation in node.quotations {
                let shown = quotation.resolved(language)
                session.printProse("  “\(quotation.text)”")
                if let translation = shown.translation {
                    session.printProse("  (\(translation))")
                }
                let work = quotation.work.map { ", \($0)" } ?? ""
                session.print(style.dim("    — \(quotation.author)\(work) (\(session.say.nodeQuotedIn()) \(quotation.source))"))
            }
        }
        if let record = node.source {
            let notGiven = session.say.nodeNotGiven()
            session.print()
            session.print("\(session.say.nodeTitle()): \(record.title.isEmpty ? notGiven : record.title)")
            session.print("\(session.say.nodeAuthor()): \(record.author.isEmpty ? notGiven : record.author)")
            session.print("\(session.say.nodePublishedIn()): \(record.publication.isEmpty ? notGiven : sourceText(record.publication))")
            session.print("\(session.say.nodeSourceFile()): seeds/\(record.seed)")
        }
        var groups: [(String, [String])] = []
        for relation in relations {
            guard let other = graph.node(relation.other) else { continue }
            let label = session.say.edge(relation.kind, outgoing: relation.outgoing)
            let line = style.accent(session.shownID(other)) + "  " + session.text(other.name) + style.dim(" (\(session.say.nodeKind(other.kind)))")
            if let index = groups.firstIndex(where: { $0.0 == label }) {
                groups[index].1.append(line)
            } else {
                groups.append((label, [line]))
            }
        }
        for (label, lines) in groups {
            session.print()
            session.print(style.bold(label))
            for line in lines { session.print("  " + line) }
        }
        if !sources.isEmpty {
            session.print()
            session.print(style.bold(session.say.nodeSources()))
            for source in sources {
                let record = source.source
                let title = record.flatMap { $0.title.isEmpty ? nil : "\"\($0.title)\"" } ?? session.text(source.name)
                let author = record.flatMap { $0.author.isEmpty ? nil : ", \($0.author)" } ?? ""
                session.print("  " + style.accent(source.id) + "  " + title + author)
            }
        }
    }

    /// A source record's field with the curators' notes about it ("not named in the text") in the
    /// session's language; the bibliographic data itself stays as published.
    func sourceText(_ text: String) -> String {
        text.replacingOccurrences(of: "blog; publishing site not named in the text", with: session.say.sourcePublishingSiteUnnamed())
    }
}
