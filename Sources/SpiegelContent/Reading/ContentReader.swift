import Yams

/// Parses knowledge and exercise files (YAML) into content values, collecting every problem with its location.
public struct ContentReader: Sendable {
    /// Whether texts may have one language only (run-time packs) rather than both (curated content).
    public var allowsPartialTexts: Bool
    /// Files larger than this are refused before parsing.
    public static let maximumFileBytes = 2_000_000
    /// Documents with more YAML nodes than this (for example through aliases) are refused.
    public static let maximumNodes = 200_000

    public init(allowsPartialTexts: Bool = false) {
        self.allowsPartialTexts = allowsPartialTexts
    }

    static func idPattern(_ id: String) -> Bool {
        !id.isEmpty && id.count <= 80 && id.first!.isLetter
            && id.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }

    func parse(_ text: String, file: String) -> Result<StrictYAML, ContentErrors> {
        let start = SourceLocation(file: file, line: 1, column: 1)
        if text.utf8.count > Self.maximumFileBytes {
            return .failure(ContentErrors([ContentDiagnostic(start, "file is larger than \(Self.maximumFileBytes / 1_000_000) MB")]))
        }
        do {
            guard let node = try Yams.compose(yaml: text) else {
                return .failure(ContentErrors([ContentDiagnostic(start, "file is empty")]))
            }
            var budget = Self.maximumNodes
            guard Self.fitsBudget(node, &budget) else {
                return .failure(ContentErrors([ContentDiagnostic(start, "document expands to more than \(Self.maximumNodes) nodes (aliases?)")]))
            }
            return .success(StrictYAML(node: node, file: file))
        } catch let error as YamlError {
            return .failure(ContentErrors([Self.diagnostic(for: error, file: file)]))
        } catch {
            return .failure(ContentErrors([ContentDiagnostic(start, "cannot parse YAML: \(error)")]))
        }
    }

    private static func fitsBudget(_ node: Yams.Node, _ budget: inout Int) -> Bool {
        budget -= 1
        if budget < 0 { return false }
        switch node {
        case .scalar, .alias: return true
        case .sequence(let items): return items.allSatisfy { fitsBudget($0, &budget) }
        case .mapping(let map): return map.allSatisfy { fitsBudget($0.key, &budget) && fitsBudget($0.value, &budget) }
        }
    }

    private static func diagnostic(for error: YamlError, file: String) -> ContentDiagnostic {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
             .composer(_, let problem, let mark, _):
            return ContentDiagnostic(SourceLocation(file: file, line: mark.line, column: mark.column),
                                     "invalid YAML: \(problem)")
        default:
            return ContentDiagnostic(SourceLocation(file: file, line: 1, column: 1), "invalid YAML: \(error)")
        }
    }

    // MARK: knowledge files

    /// Reads a knowledge file: a mapping with a `nodes` list.
    public func readKnowledge(_ text: String, file: String) -> Result<ContentSet, ContentErrors> {
        let root: StrictYAML
        switch parse(text, file: file) {
        case .failure(let errors): return .failure(errors)
        case .success(let yaml): root = yaml
        }
        var diagnostics: [ContentDiagnostic] = []
        var content = ContentSet()
        guard var top = FieldReader(root, what: "a knowledge file", diagnostics: &diagnostics) else {
            return .failure(ContentErrors(diagnostics))
        }
        if let list = top.take("nodes") {
            if let items = list.sequence {
                for item in items { readNode(item, into: &content, diagnostics: &diagnostics) }
            } else {
                diagnostics.append(list.error("'nodes' must be a list"))
            }
        } else {
            diagnostics.append(root.error("missing 'nodes'"))
        }
        diagnostics += top.finish()
        return diagnostics.isEmpty ? .success(content) : .failure(ContentErrors(diagnostics))
    }

    private func readNode(_ yaml: StrictYAML, into content: inout ContentSet, diagnostics: inout [ContentDiagnostic]) {
        guard var fields = FieldReader(yaml, what: "a node", diagnostics: &diagnostics) else { return }
        defer { diagnostics += fields.finish() }
        if fields.has("extends") {
            guard let target = fields.string("extends") else { return }
            let edges = readEdges(&fields)
            content.extensions.append(NodeExtension(
                target: target,
                name: fields.text("name", required: false, partial: true),
                summary: fields.text("summary", required: false, partial: true),
                body: fields.text("body", required: false, partial: true),
                edges: edges, location: yaml.location))
            return
        }
        let id = fields.string("id")
        if let id, !Self.idPattern(id) {
            fields.diagnostics.append(yaml.error("id '\(id)' may hold only lowercase letters, digits and '-'"))
        }
        var kind: NodeKind?
        if let kindText = fields.string("kind") {
            kind = NodeKind(rawValue: kindText)
            if kind == nil || kind == .exercise {
                let choices = NodeKind.allCases.filter { $0 != .exercise }.map(\.rawValue)
                let hint = Suggestion.closest(to: kindText, among: choices).map { " (did you mean '\($0)'?)" } ?? ""
                fields.diagnostics.append(fields.fields["kind"]!.error(
                    "unknown node kind '\(kindText)'\(hint); one of \(choices.joined(separator: ", "))"))
                kind = nil
            }
        }
        let partial = allowsPartialTexts
        let name = fields.text("name", partial: partial)
        let summary = fields.text("summary", partial: partial)
        let body = fields.text("body", required: false, partial: partial)
        var source: SourceRecord?
        if kind == .source {
            // A title, author or publication the text does not give is left out rather than guessed.
            let title = fields.string("title", required: false), author = fields.string("author", required: false)
            let publication = fields.string("publication", required: false), seed = fields.string("seed")
            if let seed {
                source = SourceRecord(title: title ?? "", author: author ?? "", publication: publication ?? "",
                                      seed: seed)
            }
        }
        let quotations = readQuotations(&fields, diagnostics: &diagnostics)
        let material = readMaterial(&fields, kind: kind, at: yaml)
        if kind == .guidance && body == nil {
            fields.diagnostics.append(yaml.error("a guidance node needs a 'body'"))
        }
        var edges = readEdges(&fields)
        let isOwn = Self.takeOwn(&edges)
        guard let id, let kind, let name, let summary else { return }
        content.nodes.append(Node(id: id, kind: kind, name: name, summary: summary, body: body,
                                  edges: edges, source: source, quotations: quotations, isOwn: isOwn,
                                  material: material, location: yaml.location))
    }

    /// The word that marks Spiegel's own work in a `from` list (`from: [spiegel]`): not a source id.
    public static let ownWork = "spiegel"

    /// Removes `from: spiegel` from the edges and tells whether it was there.
    static func takeOwn(_ edges: inout [Edge]) -> Bool {
        let count = edges.count
        edges.removeAll { $0.kind == .from && $0.target == ownWork }
        return edges.count != count
    }

    /// The `quotes` list: each one the verbatim `text`, its `language`, our `translation`, `by` (the author),
    /// optionally `in` (the work) and `from` (the source id).
    private func readQuotations(_ fields: inout FieldReader, diagnostics: inout [ContentDiagnostic]) -> [Quotation] {
        guard let list = fields.take("quotes") else { return [] }
        guard let items = list.sequence, !items.isEmpty else {
            fields.diagnostics.append(list.error("'quotes' must be a non-empty list"))
            return []
        }
        return items.compactMap { item in
            guard var quote = FieldReader(item, what: "a quotation", diagnostics: &diagnostics) else { return nil }
            defer { diagnostics += quote.finish() }
            let text = quote.string("text")
            var language: Language?
            if let code = quote.string("language") {
                language = Language(rawValue: code)
                if language == nil {
                    quote.diagnostics.append(quote.fields["language"]!.error("'language' must be en or nl"))
                }
            }
            let translation = quote.string("translation", required: !allowsPartialTexts)
            let author = quote.string("by")
            let work = quote.string("in", required: false)
            let from = quote.ids("from")
            if from.count != 1 { quote.diagnostics.append(item.error("a quotation needs exactly one source ('from')")) }
            guard let text, let language, let author, from.count == 1 else { return nil }
            return Quotation(text: text, language: language, translation: translation, author: author, work: work,
                             source: from[0].0, location: from[0].1)
        }
    }

    private func readEdges(_ fields: inout FieldReader) -> [Edge] {
        var edges: [Edge] = []
        for kind in EdgeKind.allCases where kind != .trains {
            for (target, location) in fields.ids(kind.rawValue) {
                edges.append(Edge(kind, target, location: location))
            }
        }
        return edges
    }

    // MARK: exercise files

    /// Reads an exercise file: one exercise.
    public func readExercise(_ text: String, file: String) -> Result<Exercise, ContentErrors> {
        let root: StrictYAML
        switch parse(text, file: file) {
        case .failure(let errors): return .failure(errors)
        case .success(let yaml): root = yaml
        }
        var diagnostics: [ContentDiagnostic] = []
        guard var fields = FieldReader(root, what: "an exercise", diagnostics: &diagnostics) else {
            return .failure(ContentErrors(diagnostics))
        }
        let partial = allowsPartialTexts
        let id = fields.string("id")
        if let id, !Self.idPattern(id) {
            fields.diagnostics.append(root.error("id '\(id)' may hold only lowercase letters, digits and '-'"))
        }
        let version = fields.int("version")
        let title = fields.text("title", partial: partial)
        let intro = fields.text("intro", partial: partial)
        let minutes = fields.int("minutes")
        let principles = fields.ids("principles").map(\.0)
        let practices = fields.ids("practices").map(\.0)
        var sources = fields.ids("from").map(\.0)
        let isOwn = sources.contains(Self.ownWork)
        sources.removeAll { $0 == Self.ownWork }
        var steps: [Step] = []
        if let list = fields.take("steps") {
            if let items = list.sequence, !items.isEmpty {
                steps = items.compactMap { readStep($0, nested: false, diagnostics: &diagnostics) }
            } else {
                diagnostics.append(list.error("'steps' must be a non-empty list"))
            }
        } else {
            diagnostics.append(root.error("missing 'steps'"))
        }
        if principles.isEmpty { diagnostics.append(root.error("an exercise needs at least one principle")) }
        if sources.isEmpty && !isOwn { diagnostics.append(root.error("an exercise needs a source ('from')")) }
        diagnostics += fields.finish()
        guard diagnostics.isEmpty, let id, let version, let title, let intro, let minutes else {
            return .failure(ContentErrors(diagnostics))
        }
        return .success(Exercise(id: id, version: version, title: title, intro: intro, minutes: minutes,
                                 principles: principles, practices: practices, sources: sources, isOwn: isOwn, steps: steps,
                                 location: root.location))
    }

    private func readStep(_ yaml: StrictYAML, nested: Bool, diagnostics: inout [ContentDiagnostic]) -> Step? {
        guard var fields = FieldReader(yaml, what: "a step", diagnostics: &diagnostics) else { return nil }
        defer { diagnostics += fields.finish() }
        let partial = allowsPartialTexts
        let id = fields.string("id")
        var kind: StepKind?
        if let kindText = fields.string("kind") {
            kind = StepKind(rawValue: kindText)
            if kind == nil {
                let choices = StepKind.allCases.map(\.rawValue)
                let hint = Suggestion.closest(to: kindText, among: choices).map { " (did you mean '\($0)'?)" } ?? ""
                fields.diagnostics.append(fields.fields["kind"]!.error("unknown step kind '\(kindText)'\(hint)"))
            }
        }
        let prompt = fields.text("prompt", partial: partial)
        let help = fields.text("help", required: false, partial: partial)
        let optional = fields.bool("optional")
        var followUps: [Step] = []
        if let list = fields.take("followUps") {
            if kind != .list || nested {
                fields.diagnostics.append(list.error("only list steps may have followUps"))
            } else if let items = list.sequence {
                followUps = items.compactMap { readStep($0, nested: true, diagnostics: &diagnostics) }
            } else {
                fields.diagnostics.append(list.error("'followUps' must be a list of steps"))
            }
        }
        var options: [ChoiceOption] = []
        if let list = fields.take("options") {
            if kind != .choice {
                fields.diagnostics.append(list.error("only choice steps have options"))
            } else if let items = list.sequence {
                for item in items {
                    guard var option = FieldReader(item, what: "an option", diagnostics: &diagnostics) else { continue }
                    if let optionID = option.string("id"), let label = option.text("label", partial: partial) {
                        options.append(ChoiceOption(id: optionID, label: label))
                    }
                    diagnostics += option.finish()
                }
            }
        }
        if kind == .choice && options.count < 2 {
            fields.diagnostics.append(yaml.error("a choice step needs at least two options"))
        }
        if Set(options.map(\.id)).count != options.count {
            fields.diagnostics.append(yaml.error("option ids must be unique"))
        }
        var scale: RatingScale?
        if let scaleYAML = fields.take("scale") {
            if kind != .rating {
                fields.diagnostics.append(scaleYAML.error("only rating steps have a scale"))
            } else {
                scale = readScale(scaleYAML, diagnostics: &diagnostics)
            }
        } else if kind == .rating {
            fields.diagnostics.append(yaml.error("a rating step needs a scale"))
        }
        let answer = fields.string("answer", required: false)
        let why = fields.text("why", required: false, partial: partial)
        if let answer {
            if kind != .choice {
                fields.diagnostics.append(fields.fields["answer"]!.error("only choice steps have an answer"))
            } else if !options.contains(where: { $0.id == answer }) {
                let hint = Suggestion.closest(to: answer, among: options.map(\.id)).map { " (did you mean '\($0)'?)" } ?? ""
                fields.diagnostics.append(fields.fields["answer"]!.error("the answer '\(answer)' is not one of the options\(hint)"))
            }
        }
        if (answer == nil) != (why == nil) {
            fields.diagnostics.append(yaml.error("an answer key needs both 'answer' (an option id) and 'why'"))
        }
        guard let id, let kind, let prompt else { return nil }
        return Step(id: id, kind: kind, prompt: prompt, help: help, optional: optional,
                    followUps: followUps, options: options, scale: scale, answer: answer, why: why)
    }

    private func readScale(_ yaml: StrictYAML, diagnostics: inout [ContentDiagnostic]) -> RatingScale? {
        guard var fields = FieldReader(yaml, what: "a scale", diagnostics: &diagnostics) else { return nil }
        defer { diagnostics += fields.finish() }
        guard let low = fields.int("min"), let high = fields.int("max") else { return nil }
        if low >= high || low < -1000 || high > 1000 || high - low > 100 {
            fields.diagnostics.append(yaml.error("scale needs min < max (at most 100 apart)"))
            return nil
        }
        var labels: [RatingLabel] = []
        if let map = fields.take("labels") {
            for (key, value) in map.mapping ?? [] {
                guard let number = key.int, (low...high).contains(number) else {
                    diagnostics.append(key.error("label key must be a number from \(low) to \(high)"))
                    continue
                }
                guard var text = FieldReader(value, what: "a label", diagnostics: &diagnostics) else { continue }
                let en = text.string("en", required: !allowsPartialTexts)
                let nl = text.string("nl", required: !allowsPartialTexts)
                diagnostics += text.finish()
                labels.append(RatingLabel(value: number, text: LocalizedText(en: en, nl: nl)))
            }
        }
        return RatingScale(min: low, max: high, labels: labels.sorted { $0.value < $1.value })
    }
}
