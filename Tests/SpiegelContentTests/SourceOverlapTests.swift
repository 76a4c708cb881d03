import Foundation
import Testing
@testable import SpiegelContent

/// The curated content and the source texts it draws on, read from the package and the shared seeds.
struct CuratedSources {
    /// The package root (three levels above this file).
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    /// The source texts, kept beside the package as `../shared/seeds`.
    static let seedsDirectory = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/seeds")
    /// Whether the tests that read the source texts run: where they are beside the checkout, and always
    /// when SPIEGEL_REQUIRE_SEEDS=1 (CI), so that missing seeds there fail rather than skip.
    static let skipped: Comment = "skipped: the source texts are not in ../shared/seeds beside this checkout (set SPIEGEL_REQUIRE_SEEDS=1 to require them)"
    static let seedsPresent = FileManager.default.fileExists(atPath: seedsDirectory.path)
        || ProcessInfo.processInfo.environment["SPIEGEL_REQUIRE_SEEDS"] == "1"

    let content: ContentSet
    /// The folded words of each seed file, by file name.
    let seeds: [String: [String]]

    init() throws {
        switch ContentLoader().load(directories: [Self.packageRoot.path]).flatMap({ ContentValidator().validate($0) }) {
        case .failure(let errors): throw errors
        case .success(let content): self.content = content
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.seedsDirectory.path)
            .filter { $0.hasSuffix(".txt") }
        var seeds: [String: [String]] = [:]
        for name in names {
            let text = try String(contentsOf: Self.seedsDirectory.appendingPathComponent(name), encoding: .utf8)
            seeds[name] = WordRun.words(text)
        }
        self.seeds = seeds
    }

    /// Every text a person reads that must be in our own words, with a label saying where it is. Quotations
    /// (and the original titles of the sources, which are quoted by definition) are left out; our
    /// translations of quotations are in.
    var ownTexts: [(place: String, text: String)] {
        var texts: [(String, String)] = []
        func add(_ place: String, _ text: LocalizedText?) {
            guard let text else { return }
            for language in Language.allCases {
                if let words = text[language] { texts.append(("\(place) [\(language.rawValue)]", words)) }
            }
        }
        for node in content.nodes {
            add("\(node.id).name", node.name)
            add("\(node.id).summary", node.summary)
            add("\(node.id).body", node.body)
            for (number, text) in node.material.texts.enumerated() { add("\(node.id).material[\(number)]", text) }
            for (number, quotation) in node.quotations.enumerated() {
                if let translation = quotation.translation { texts.append(("\(node.id).quotes[\(number)].translation", translation)) }
            }
        }
        func add(_ place: String, _ step: Step) {
            add("\(place).prompt", step.prompt)
            add("\(place).help", step.help)
            add("\(place).why", step.why)
            for option in step.options { add("\(place).\(option.id)", option.label) }
            for label in step.scale?.labels ?? [] { add("\(place).scale\(label.value)", label.text) }
            for followUp in step.followUps { add("\(place).\(followUp.id)", followUp) }
        }
        for exercise in content.exercises {
            add("\(exercise.id).title", exercise.title)
            add("\(exercise.id).intro", exercise.intro)
            for step in exercise.steps { add("\(exercise.id).\(step.id)", step) }
        }
        return texts
    }
}

/// The longest run of consecutive words two texts share, after folding case, accents and punctuation.
enum WordRun {
    /// Lowercased words without accents; everything that is not a letter or digit separates words.
    static func words(_ text: String) -> [String] {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: Locale(identifier: "en"))
            .lowercased()
            .split { !($0.isLetter || $0.isNumber) }
            .map(String.init)
    }

    /// The longest run of `words` that also occurs, word for word, somewhere in `other` (given as an index
    /// from each word to its positions).
    static func longest(_ words: [String], in other: [String], positions: [String: [Int]]) -> ArraySlice<String> {
        var best: ArraySlice<String> = []
        for start in words.indices {
            for position in positions[words[start]] ?? [] {
                var length = 0
                while start + length < words.count, position + length < other.count,
                      words[start + length] == other[position + length] {
                    length += 1
                }
                if length > best.count { best = words[start..<(start + length)] }
            }
        }
        return best
    }

    /// The sentences of a text, each as its folded words (split at . ! ? and line breaks).
    static func sentences(_ text: String) -> [[String]] {
        text.split(whereSeparator: { ".!?…\n".contains($0) }).map { words(String($0)) }.filter { !$0.isEmpty }
    }

    /// The number of words to insert, delete or replace to turn `a` into `b` (Levenshtein on words),
    /// or nil as soon as it is certain to exceed `limit`.
    static func distance(_ a: [String], _ b: [String], limit: Int) -> Int? {
        if abs(a.count - b.count) > limit { return nil }
        var previous = Array(0...b.count)
        for (i, word) in a.enumerated() {
            var current = [i + 1] + Array(repeating: 0, count: b.count)
            for j in b.indices {
                current[j + 1] = min(previous[j + 1] + 1, current[j] + 1, previous[j] + (word == b[j] ? 0 : 1))
            }
            if current.min()! > limit { return nil }
            previous = current
        }
        return previous[b.count] <= limit ? previous[b.count] : nil
    }

    static func positions(_ words: [String]) -> [String: [Int]] {
        var index: [String: [Int]] = [:]
        for (position, word) in words.enumerated() { index[word, default: []].append(position) }
        return index
    }
}

@Suite("Curated content is in our own words")
struct SourceOverlapTests {
    /// A text may share at most this many consecutive words with a source, unless it is a marked quotation.
    static let limit = 7

    @Test func wordRunsAreFoldedAndFound() {
        #expect(WordRun.words("Ik weet ’t: Níet ZO!") == ["ik", "weet", "t", "niet", "zo"])
        let source = WordRun.words("De klant is niet koning, zegt hij.")
        let run = WordRun.longest(WordRun.words("Hij zegt: de KLANT is niet... koning!"), in: source,
                                  positions: WordRun.positions(source))
        #expect(Array(run) == ["de", "klant", "is", "niet", "koning"])
    }

    @Test(.enabled(if: CuratedSources.seedsPresent, CuratedSources.skipped)) func seedsAreThere() throws {
        let sources = try CuratedSources()
        let seedNames = Set(sources.content.nodes.compactMap { $0.source?.seed })
        #expect(!seedNames.isEmpty)
        for name in seedNames {
            #expect(sources.seeds[name] != nil, "no source text \(name) in \(CuratedSources.seedsDirectory.path)")
        }
    }

    @Test(.enabled(if: CuratedSources.seedsPresent, CuratedSources.skipped)) func noTextSharesEightConsecutiveWordsWithASource() throws {
        let sources = try CuratedSources()
        let seeds = sources.seeds.sorted { $0.key < $1.key }.map { (name: $0.key, words: $0.value, index: WordRun.positions($0.value)) }
        var longest: (run: Int, place: String) = (0, "")
        for (place, text) in sources.ownTexts {
            let words = WordRun.words(text)
            for seed in seeds {
                let run = WordRun.longest(words, in: seed.words, positions: seed.index)
                if run.count > longest.run { longest = (run.count, place) }
                #expect(run.count <= Self.limit,
                        "\(place) shares \(run.count) words with \(seed.name): \"\(run.joined(separator: " "))\"; rewrite it in your own words or mark it as a quotation")
            }
        }
        // The figure the content notes report.
        print("longest run shared with a source: \(longest.run) words, in \(longest.place)")
        #expect(longest.run > 0, "no text shares even one word with the sources: are the seeds the right files?")
    }

    /// A seed sentence this long or longer may not be taken over with a word or two changed.
    static let nearCopyMinimumWords = 6
    /// How many words a sentence must differ from a seed sentence by, at least, to count as our own.
    static let nearCopyDistance = 2

    @Test func nearCopiesAreFound() {
        let seed = WordRun.sentences("Te gast zijn betekent ook dat je je schikt naar de huisregels van de gastheer.")
        let near = WordRun.sentences("Te gast zijn betekent dat je je houdt aan de huisregels van de gastheer.")
        #expect(WordRun.distance(near[0], seed[0], limit: 2) == nil, "three changes is more than two")
        let closer = WordRun.sentences("Te gast zijn betekent dat je je schikt naar de regels van de gastheer.")
        #expect(WordRun.distance(closer[0], seed[0], limit: 2) == 2)
        #expect(WordRun.distance(["a", "b", "c"], ["a", "b", "c"], limit: 0) == 0)
    }

    @Test(.enabled(if: CuratedSources.seedsPresent, CuratedSources.skipped)) func noSentenceDiffersFromASourceSentenceByTwoWordsOrFewer() throws {
        let sources = try CuratedSources()
        let seedSentences: [(name: String, words: [String])] = try sources.seeds.keys.sorted().flatMap { name in
            let text = try String(contentsOf: CuratedSources.seedsDirectory.appendingPathComponent(name), encoding: .utf8)
            return WordRun.sentences(text).filter { $0.count >= Self.nearCopyMinimumWords }.map { (name, $0) }
        }
        #expect(!seedSentences.isEmpty)
        for (place, text) in sources.ownTexts {
            for sentence in WordRun.sentences(text) {
                for seed in seedSentences {
                    if let distance = WordRun.distance(sentence, seed.words, limit: Self.nearCopyDistance) {
                        Issue.record("\(place): \"\(sentence.joined(separator: " "))\" differs from a sentence of \(seed.name) by \(distance) word(s): \"\(seed.words.joined(separator: " "))\"; quote it or write it anew")
                    }
                }
            }
        }
    }

    @Test(.enabled(if: CuratedSources.seedsPresent, CuratedSources.skipped)) func quotationsAreShortAndWordForWordFromTheirSource() throws {
        let sources = try CuratedSources()
        let records = Dictionary(uniqueKeysWithValues: sources.content.nodes.compactMap { node in
            node.source.map { (node.id, $0) }
        })
        for node in sources.content.nodes {
            for quotation in node.quotations {
                let words = WordRun.words(quotation.text)
                #expect((1...40).contains(words.count), "\(node.id): a quotation of \(words.count) words is not short")
                #expect(!quotation.author.trimmingCharacters(in: .whitespaces).isEmpty, "\(node.id): a quotation without author")
                guard let seed = records[quotation.source].flatMap({ sources.seeds[$0.seed] }) else {
                    Issue.record("\(node.id): the quotation's source \(quotation.source) has no source text")
                    continue
                }
                let run = WordRun.longest(words, in: seed, positions: WordRun.positions(seed))
                #expect(run.count == words.count,
                        "\(node.id): \"\(quotation.text)\" is not word for word in \(quotation.source) (only \"\(run.joined(separator: " "))\")")
            }
        }
    }
}

@Suite("Quotations are checked")
struct QuotationValidationTests {
    @Test func aQuotationNeedsAnAuthorALanguageAndASource() {
        let found = diagnostics(loadAndValidate(["broken-quotation"]))
        let file = Fixtures.file("broken-quotation", "knowledge/a.yaml")
        #expect(found.map(\.description) == [
            "\(file):19:19: 'language' must be en or nl",
            "\(file):18:9: missing 'by'",
        ], "\(found.map(\.description))")
    }

    @Test func aQuotationMustComeFromASourceNode() {
        let content = ContentSet(nodes: [
            Node(id: "src-blog", kind: .source, name: LocalizedText(en: "A", nl: "A"), summary: LocalizedText(en: "A", nl: "A"),
                 source: SourceRecord(title: "", author: "", publication: "", seed: "blog.txt")),
            Node(id: "interest", kind: .principle, name: LocalizedText(en: "I", nl: "I"), summary: LocalizedText(en: "I", nl: "I"),
                 edges: [Edge(.from, "src-blog")],
                 quotations: [Quotation(text: "x", language: .nl, translation: "x", author: "A", source: "interest")]),
        ])
        guard case .failure(let errors) = ContentValidator(requiresCorePrinciples: false).validate(content) else {
            Issue.record("a quotation from a principle was accepted")
            return
        }
        #expect(errors.diagnostics.map(\.message) == ["a quotation in 'interest' must come from a source, not the principle 'interest'"])
    }
}
