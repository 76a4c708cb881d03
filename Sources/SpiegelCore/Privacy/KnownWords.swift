import SpiegelContent

/// Words that are not names: everything the shipped knowledge texts and exercises say, in lower case.
public enum KnownWords {
    public static func from(_ graph: KnowledgeGraph) -> Set<String> {
        var words: Set<String> = []
        for text in texts(of: graph) {
            for language in Language.allCases {
                guard let string = text[language] else { continue }
                for word in string.split(whereSeparator: { !$0.isLetter && $0 != "'" && $0 != "-" }) {
                    words.insert(word.lowercased())
                }
            }
        }
        return words
    }

    /// Every text of the knowledge graph and its exercises: names, summaries, bodies, titles, intros,
    /// prompts, help, options and rating labels.
    static func texts(of graph: KnowledgeGraph) -> [LocalizedText] {
        var texts: [LocalizedText] = []
        for node in graph.nodes {
            texts += [node.name, node.summary] + [node.body].compactMap { $0 }
        }
        for exercise in graph.exercises {
            texts += [exercise.title, exercise.intro]
            var steps = exercise.steps
            while let step = steps.popLast() {
                texts += [step.prompt] + [step.help].compactMap { $0 } + step.options.map(\.label)
                    + (step.scale?.labels.map(\.text) ?? [])
                steps += step.followUps
            }
        }
        return texts
    }
}
