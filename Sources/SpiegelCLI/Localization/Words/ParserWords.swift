import SpiegelCore

/// The argument parser words its errors in English; these are its forms (swift-argument-parser 1.x),
/// reworded from the catalogs. A form not listed here is passed on as the parser wrote it.
extension Messages {
    func parserMessage(_ english: String) -> String {
        let text = english.hasPrefix("Error: ") ? String(english.dropFirst(7)) : english
        if let match = text.wholeMatch(of: /Missing expected argument '(.+)'/) {
            return parserMissingArgument(placeholders(in: String(match.1)))
        }
        if let match = text.wholeMatch(of: /Missing one of: (.+)/) { return parserMissingOneOf(placeholders(in: String(match.1))) }
        if let match = text.wholeMatch(of: /Missing value for '(.+)'/) { return parserMissingValue(placeholders(in: String(match.1))) }
        if let match = text.wholeMatch(of: /The value '(.*)' is invalid for '(.+?)'(?:\. ?(.*))?/) {
            let message = parserInvalidValue(value: String(match.1), option: placeholders(in: String(match.2)))
            guard let more = match.3, !more.isEmpty else { return message }
            return message + ". " + (provideOneOf(String(more)) ?? String(more))
        }
        if let match = text.wholeMatch(of: /Unknown option '(.+)'\. Did you mean '(.+)'\?/) {
            return parserUnknownOptionSuggest(option: String(match.1), suggestion: String(match.2))
        }
        if let match = text.wholeMatch(of: /Unknown option '(.+)'/) { return parserUnknownOption(String(match.1)) }
        if let match = text.wholeMatch(of: /Unexpected argument '(.*)'/) { return parserUnexpectedArgument(String(match.1)) }
        if let match = text.wholeMatch(of: /(\d+) unexpected arguments: (.*)/) {
            return parserUnexpectedArguments(count: Int(match.1) ?? 2, words: String(match.2))
        }
        return text
    }

    /// "Please provide one of 'shyness', 'creativity' or 'involvement'", in the session's words (a barrier
    /// by its name).
    private func provideOneOf(_ text: String) -> String? {
        guard let match = text.wholeMatch(of: /Please provide one of (.+?)\.?/) else { return nil }
        let values = match.1.matches(of: /'([^']*)'/).map { "'" + valueWord(String($0.1)) + "'" }
        return parserProvideOneOf(values.joined(separator: ", "))
    }

    /// A value the parser lists, in the session's words: a barrier by its name ("verlegenheid",
    /// "gebrek-aan-creativiteit"), which `--barrier` takes; anything else as it is.
    func valueWord(_ id: String) -> String {
        guard let barrier = CheckInBarrier(rawValue: id), let node = KnowledgeGraph.curated().node(barrier.node) else { return id }
        return node.name.resolved(language).text.lowercased().replacingOccurrences(of: " ", with: "-")
    }
}
