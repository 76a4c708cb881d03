import Foundation
import SpiegelContent
import Testing
@testable import SpiegelCore

@Suite("Curated knowledge")
struct CuratedKnowledgeTests {
    let graph = KnowledgeGraph.curated()

    @Test func hasTheFivePrinciplesInOrder() {
        #expect(graph.principles.map(\.id) == ["interest", "connection", "action", "awareness", "boundaries"])
        for principle in graph.principles {
            #expect(principle.name.en?.isEmpty == false && principle.name.nl?.isEmpty == false, "\(principle.id)")
            #expect(principle.summary.en?.isEmpty == false && principle.summary.nl?.isEmpty == false, "\(principle.id)")
        }
    }

    @Test func everyNonSourceNodeHasASource() {
        let sources = Set(graph.nodes(of: .source).map(\.id))
        #expect(!sources.isEmpty)
        for node in graph.nodes where node.kind != .source {
            let from = node.edges.filter { $0.kind == .from }.map(\.target) // Spiegel's own rules of thumb and material (from: [spiegel]) may have no source. #expect(!from.isEmpty || node.isOwn, "\(node.id) has no 'from' edge")
            #expect(from.allSatisfy(sources.contains), "\(node.id) comes from a non-source: \(from)")
        }
        for source in graph.nodes(of: .source) {
            #expect(source.source != nil, "source \(source.id) has no bibliographic record")
        }
    }

    @Test func hasAtLeastTenExercisesIncludingTheCoreOnes() {
        let ids = Set(graph.exercises.map(\.id))
        #expect(ids.count >= 10, "\(ids.sorted())")
        for id in ["most-satisfied-customer", "experience-game", "customer-triangle"] {
            #expect(ids.contains(id), "missing exercise \(id)")
        }
        for exercise in graph.exercises {
            let last = exercise.steps.last
            #expect(last?.id == "confidence" && last?.kind == .rating, "\(exercise.id) does not end with the confidence rating")
            #expect(!exercise.principles.isEmpty && exercise.principles.allSatisfy { graph.node($0)?.kind == .principle },
                    "\(exercise.id): \(exercise.principles)")
        }
    }

    @Test func everyPrincipleIsTrainedBySomeExercise() {
        for principle in ContentValidator.corePrinciples {
            #expect(graph.exercises.contains { $0.principles.contains(principle) }, "no exercise trains \(principle)")
        }
    }

    @Test func embeddedContentValidates() {
        let content = ContentSet(nodes: graph.nodes.filter { $0.kind != .exercise }, exercises: graph.exercises)
        if case .failure(let errors) = ContentValidator().validate(content) {
            Issue.record("the embedded content does not validate:\n\(errors)")
        }
    }

    @Test func shippedFilesValidateAndMatchTheEmbeddedContent() {
        let loaded = ContentLoader().load(directories: [packageRoot]).flatMap { ContentValidator().validate($0) }
        switch loaded {
        case .failure(let errors):
            Issue.record("knowledge/ and prompts/ do not validate:\n\(errors)")
        case .success(let content):
            #expect(Set(content.nodes.map(\.id)) == Set(graph.nodes.filter { $0.kind != .exercise }.map(\.id)))
            #expect(Set(content.exercises.map(\.id)) == Set(graph.exercises.map(\.id)))
        }
    }

    @Test func relationsAreSeenFromBothEnds() throws {
        // interest builds on awareness: awareness sees it as an incoming relation.
        #expect(graph.prerequisites(of: "interest").contains("awareness"))
        let incoming = graph.relations(of: "awareness").filter { !$0.outgoing && $0.kind == .buildsOn }.map(\.other)
        #expect(incoming.contains("interest"))
        #expect(graph.neighbourhood(around: "interest", depth: 0) == ["interest"])
        #expect(graph.neighbourhood(around: "interest", depth: 1).contains("awareness"))
    }
}

@Suite("Run-time packs")
struct PackTests {
    @Test func aPackExtendsTheCuratedContent() throws {
        let dir = TempDirectory("spiegel-pack")
        defer { dir.remove() }
        try dir.write("knowledge/pack.yaml", """
        nodes:
          - id: src-pack
            kind: source
            name: {en: "Pack source"}
            summary: {en: "Where the pack comes from."}
            title: "Pack"
            author: Pack Author
            publication: pack.example
            seed: pack.txt
          - id: curiosity-questions
            kind: concept
            name: {en: "Curiosity questions"}
            summary: {en: "Questions that show you want to know more."}
            from: [src-pack]
            supports: [interest]
          - extends: interest
            name: {nl: "Echte belangstelling"}
            related: [curiosity-questions]
        """)
        let curated = KnowledgeGraph.curated()
        let graph = try KnowledgeGraph.load(packs: [dir.path])
        let interest = try #require(graph.node("interest"))
        #expect(interest.name.nl == "Echte belangstelling")
        #expect(interest.name.en == curated.node("interest")?.name.en)
        #expect(interest.edges.contains { $0.kind == .related && $0.target == "curiosity-questions" })
        #expect(graph.node("curiosity-questions")?.kind == .concept)
        #expect(graph.nodes.count == curated.nodes.count + 2)
        #expect(graph.exercises.count == curated.exercises.count)
    }

    @Test func aBrokenPackIsRefusedWithItsLocation() throws {
        let dir = TempDirectory("spiegel-pack")
        defer { dir.remove() }
        try dir.write("knowledge/pack.yaml", """
        nodes:
          - id: lonely-idea
            kind: concept
            name: {en: "Lonely"}
            summary: {en: "No source, and a wrong edge."}
            supports: [intrest]
        """)
        do {
            _ = try KnowledgeGraph.load(packs: [dir.path])
            Issue.record("a broken pack loaded")
        } catch {
            let file = dir.path + "/knowledge/pack.yaml"
            let texts = error.diagnostics.map(\.description)
            #expect(texts.contains("\(file):6:16: 'lonely-idea' supports unknown id 'intrest' (did you mean 'interest'?)"), "\(texts)")
            #expect(texts.contains("\(file):2:5: 'lonely-idea' has no source: add 'from: [source-id]', or 'from: [spiegel]' for a rule of thumb or material of our own"), "\(texts)")
        }
    }
}

@Suite("Search")
struct SearchTests {
    static let graph = KnowledgeGraph(content: ContentSet(nodes: [
        Node(id: "coffee-corner", kind: .concept, name: LocalizedText(en: "Coffee corner", nl: "Koffiehoek"),
             summary: LocalizedText(en: "A quiet corner of the café where guests wait.", nl: "Een rustige hoek van het café."),
             edges: [Edge(.from, "src")]),
        Node(id: "n-name", kind: .practice, name: LocalizedText(en: "Listening first", nl: "Eerst luisteren"),
             summary: LocalizedText(en: "Before anything else.", nl: "Voor al het andere."), edges: [Edge(.from, "src")]),
        Node(id: "n-summary", kind: .practice, name: LocalizedText(en: "Quiet", nl: "Stil"),
             summary: LocalizedText(en: "Start by listening to the guest.", nl: "Begin met luisteren."), edges: [Edge(.from, "src")]),
        Node(id: "n-body", kind: .practice, name: LocalizedText(en: "Patience", nl: "Geduld"),
             summary: LocalizedText(en: "Take your time.", nl: "Neem de tijd."),
             body: LocalizedText(en: "Patience grows from listening.", nl: "Geduld groeit uit luisteren."), edges: [Edge(.from, "src")]),
        Node(id: "src", kind: .source, name: LocalizedText(en: "Naïve source", nl: "Naïeve bron"),
             summary: LocalizedText(en: "A source.", nl: "Een bron.")),
    ]))

    @Test func foldingLowercasesAndStripsAccents() {
        #expect(KnowledgeSearch.fold("Één Café") == "een cafe")
        #expect(KnowledgeSearch.fold("naïef") == "naief")
        #expect(KnowledgeSearch.fold("e\u{301}") == "e", "decomposed accents fold too")
    }

    @Test func cafeFindsCafe() {
        let search = KnowledgeSearch(graph: Self.graph, language: .en)
        #expect(search.search("cafe").map(\.node.id) == ["coffee-corner"])
        #expect(search.search("CAFÉ").map(\.node.id) == ["coffee-corner"])
        #expect(search.search("naive").map(\.node.id) == ["src"])
        let dutch = KnowledgeSearch(graph: Self.graph, language: .nl)
        #expect(dutch.search("cafe").map(\.node.id) == ["coffee-corner"])
        #expect(dutch.search("koffiehoek").first?.field == "name")
    }

    /// A word finds its other forms through its stem, in the search language.
    @Test func searchIsStemmed() {
        let dutch = KnowledgeSearch(graph: .curated(), language: .nl)
        #expect(dutch.search("begroeten").contains { $0.node.id == "greet-by-name" })
        #expect(Set(dutch.search("begroeten").map(\.node.id)).isSuperset(of: dutch.search("begroet").prefix(2).map(\.node.id)))
        let english = KnowledgeSearch(graph: .curated(), language: .en)
        #expect(english.search("greeting").contains { $0.node.id == "greet-by-name" })
    }

    @Test func nameMatchBeatsSummaryBeatsBody() {
        let hits = KnowledgeSearch(graph: Self.graph, language: .en).search("listening")
        #expect(hits.map(\.node.id) == ["n-name", "n-summary", "n-body"])
        #expect(hits.map(\.field) == ["name", "summary", "body"])
        #expect(zip(hits, hits.dropFirst()).allSatisfy { $0.score > $1.score }, "\(hits.map(\.score))")
    }

    @Test func everyWordMustMatch() {
        let search = KnowledgeSearch(graph: Self.graph, language: .en)
        #expect(search.search("listening guest").map(\.node.id) == ["n-summary"])
        #expect(search.search("listening zebra").isEmpty)
        #expect(search.search("  ").isEmpty)
    }

    @Test func curatedSearchFindsDutchWithoutAccents() {
        // The curated content is in Dutch too; a query typed without accents still finds accented words.
        let graph = KnowledgeGraph.curated()
        let accented = graph.nodes.compactMap { node -> String? in
            let words = KnowledgeSearch.words(node.name.nl ?? "").map(String.init)
            return words.first { $0 != KnowledgeSearch.fold($0) && $0.count >= 4 }
        }
        guard let word = accented.first else { return }  // nothing accented in the names: nothing to check
        let hits = KnowledgeSearch(graph: graph, language: .nl).search(KnowledgeSearch.fold(word))
        #expect(!hits.isEmpty, "searching '\(KnowledgeSearch.fold(word))' did not find '\(word)'")
    }
}

@Suite("Graph export")
struct GraphExportTests {
    static let dotAvailable = FileManager.default.isExecutableFile(atPath: "/usr/bin/dot")

    /// Runs `dot -Tsvg` on the text; returns the exit status and the output.
    func runDot(_ source: String) throws -> (status: Int32, svg: String, errors: String) {
        let dir = TempDirectory("spiegel-dot")
        defer { dir.remove() }
        try dir.write("graph.dot", source)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/dot")
        process.arguments = ["-Tsvg", "-o", dir.path + "/graph.svg", dir.path + "/graph.dot"]
        _ = FileManager.default.createFile(atPath: dir.path + "/errors.txt", contents: nil)
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: dir.path + "/errors.txt"))
        process.standardOutput = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        let svg = (try? String(contentsOfFile: dir.path + "/graph.svg", encoding: .utf8)) ?? ""
        let errors = (try? String(contentsOfFile: dir.path + "/errors.txt", encoding: .utf8)) ?? ""
        return (process.terminationStatus, svg, errors)
    }

    @Test(.enabled(if: dotAvailable, "Graphviz is not installed"))
    func curatedGraphIsValidDot() throws {
        for language in Language.allCases {
            let source = GraphExport(graph: KnowledgeGraph.curated(), language: language).render(.dot)
            let result = try runDot(source)
            #expect(result.status == 0, "dot failed (\(language)): \(result.errors)")
            #expect(result.svg.contains("<svg"))
        }
    }

    @Test(.enabled(if: dotAvailable, "Graphviz is not installed"))
    func awkwardLabelsAreQuoted() throws {
        let graph = KnowledgeGraph(content: ContentSet(nodes: [
            Node(id: "quote-node", kind: .concept, name: LocalizedText(en: "He said \"no\" \\ then\nleft", nl: "x"),
                 summary: text("s"), edges: [Edge(.related, "other-node")]),
            Node(id: "other-node", kind: .concept, name: LocalizedText(en: "Één {café} <b>;", nl: "y"), summary: text("s")),
        ]))
        let source = GraphExport(graph: graph, language: .en).render(.dot)
        let result = try runDot(source)
        #expect(result.status == 0, "dot failed: \(result.errors)\n\(source)")
        #expect(result.svg.contains("quote&#45;node") || result.svg.contains("quote-node"))
    }

    @Test func aroundLimitsTheSelection() {
        let export = GraphExport(graph: KnowledgeGraph.curated(), language: .en)
        let ids = Set(export.selection(around: "boundaries", depth: 1).map(\.id))
        #expect(ids.contains("boundaries") && ids.contains("connection") && ids.contains("awareness"))
        #expect(ids.count < KnowledgeGraph.curated().nodes.count)
        let dot = export.render(.dot, around: "boundaries", depth: 1)
        #expect(dot.hasPrefix("digraph spiegel {"))
        #expect(dot.contains("\"boundaries\" -> \"connection\" [label=\"builds-on\"];"))
    }

    @Test func jsonExportIsValidJSON() throws {
        let json = GraphExport(graph: KnowledgeGraph.curated(), language: .nl).render(.json)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let nodes = try #require(object["nodes"] as? [[String: Any]])
        let edges = try #require(object["edges"] as? [[String: Any]])
        #expect(nodes.count == KnowledgeGraph.curated().nodes.count)
        #expect(!edges.isEmpty)
    }
}
