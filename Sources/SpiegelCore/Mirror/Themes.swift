import SpiegelContent

/// The terms of a person's own answers: words folded to lower case, stop words left out, Snowball stems
/// counted once per entry.
struct Themes {
    let stemmers: Stemmers

    /// Per stem: the entries it occurs in, their principles and the surface forms written.
    struct Tally {
        var entries: [String] = []
        var principles: Set<String> = []
        var forms: [String: Int] = [:]
    }

    /// The words of a text, lowercased, without stop words and words shorter than three letters.
    func words(_ text: String, language: Language) -> [String] {
        text.lowercased().split { !$0.isLetter }.map(String.init)
            .filter { $0.count >= 3 && !StopWords.contains($0, language: language) }
    }

    func stems(_ text: String, language: Language) -> Set<String> {
        Set(words(text, language: language).map { stemmers.stem($0, language) })
    }

    /// What the person typed in an entry (answers, items, plans, their reflections and check-ins).
    static func text(of entry: Entry) -> String {
        entry.typedText(where: \.isOwnWords)
    }

    func count(_ entries: [Entry]) -> [String: Tally] {
        var tallies: [String: Tally] = [:]
        for entry in entries {
            var seen = Set<String>()
            for word in words(Self.text(of: entry), language: entry.language) {
                let stem = stemmers.stem(word, entry.language)
                tallies[stem, default: Tally()].forms[word, default: 0] += 1
                if seen.insert(stem).inserted {
                    tallies[stem]!.entries.append(entry.id)
                    tallies[stem]!.principles.formUnion(entry.principles)
                }
            }
        }
        return tallies
    }

    /// Terms in at least two entries, most frequent first (at most 12), marked new when the previous period
    /// did not have them in two entries.
    func report(_ current: [String: Tally], previous: [String: Tally]) -> [MirrorReport.Theme] {
        current.filter { $0.value.entries.count >= 2 }
            .map { stem, tally in
                let term = tally.forms.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key ?? stem
                return MirrorReport.Theme(term: term, stem: stem, count: tally.entries.count,
                                          isNew: (previous[stem]?.entries.count ?? 0) < 2,
                                          principles: tally.principles.sorted(), entries: tally.entries)
            }
            .sorted { ($1.count, $0.term) < ($0.count, $1.term) }
            .prefix(12).map { $0 }
    }
}
