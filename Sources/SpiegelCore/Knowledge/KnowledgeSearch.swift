import Foundation
import SpiegelContent

/// One ranked search result.
public struct SearchHit: Sendable {
    public var node: Node
    public var score: Double
    /// Where the best match was: `name`, `summary`, `body` or `material` (a dialogue's turns, a table's rows…).
    public var field: String
}

/// Full-text search over names, summaries, bodies and handbook material in one language; case- and accent-insensitive.
public struct KnowledgeSearch: Sendable {
    public let graph: KnowledgeGraph
    public let language: Language

    public init(graph: KnowledgeGraph, language: Language) {
        self.graph = graph
        self.language = language
    }

    /// Lowercases and strips accents: "Één Café" -> "een cafe".
    public static func fold(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.decomposedStringWithCanonicalMapping.lowercased().unicodeScalars {
            if scalar.properties.generalCategory == .nonspacingMark { continue }
            out.append(scalar)
        }
        return String(out)
    }

    static func words(_ text: String) -> [Substring] {
        text.split(whereSeparator: { !$0.isLetter && !$0.isNumber })
    }

    /// Nodes matching every word of `query`, best first (ties by name). A word matches itself, a longer
    /// word it starts, and a word with the same Snowball stem ("begroeten" finds "begroet"), as the
    /// journal's search does.
    public func search(_ query: String, limit: Int = 20) -> [SearchHit] {
        let terms = Self.words(Self.fold(query)).map(String.init)
        guard !terms.isEmpty else { return [] }
        let stemmer = Stemmer(language)
        var stems: [Substring: String] = [:]
        func stem(_ word: Substring) -> String {
            if let known = stems[word] { return known }
            let found = stemmer.stem(String(word))
            stems[word] = found
            return found
        }
        let termStems = terms.map { stemmer.stem($0) }
        var hits: [SearchHit] = []
        for node in graph.nodes {
            let fields: [(String, Double, String?)] = [
                ("name", 5, node.name.resolved(language).text),
                ("summary", 2, node.summary.resolved(language).text),
                ("body", 1, node.body?.resolved(language).text),
                ("material", 1, node.material.texts.map { $0.resolved(language).text }.joined(separator: " ")),
            ]
            let folded = fields.map { ($0.0, $0.1, Self.words(Self.fold($0.2 ?? ""))) }
            var total = 0.0
            var bestField = ""
            var bestScore = 0.0
            var matchedAll = true
            for (term, termStem) in zip(terms, termStems) {
                var termScore = 0.0
                for (field, weight, words) in folded {
                    var quality = 0.0
                    for word in words {
                        if word == term { quality = max(quality, 1.0) } else if word.hasPrefix(term) {
                            quality = max(quality, 0.7)
                        } else if termStem.count >= 3 && stem(word) == termStem {
                            quality = max(quality, 0.8)
                        } else if term.count >= 4 && word.contains(term) {
                            quality = max(quality, 0.4)
                        }
                    }
                    let score = weight * quality
                    if score > termScore { termScore = score }
                    if score > bestScore { bestScore = score; bestField = field }
                }
                if node.id == term || node.id.split(separator: "-").contains(Substring(term)) { termScore += 3 }
                if termScore == 0 { matchedAll = false; break }
                total += termScore
            }
            if matchedAll {
                hits.append(SearchHit(node: node, score: (total * 100).rounded() / 100, field: bestField.isEmpty ? "id" : bestField))
            }
        }
        hits.sort {
            if $0.score != $1.score { return $0.score > $1.score }
            return $0.node.id < $1.node.id
        }
        return Array(hits.prefix(limit))
    }
}
