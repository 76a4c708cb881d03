/// The argument parser words its errors in English; these are its forms (swift-argument-parser 1.x),
/// reworded from the catalogs. A form not listed here is passed on as the parser wrote it.
extension Messages {
    func parserMessage(_ english: String) -> String {
        let text = english.hasPrefix("Error: ") ? String(english.dropFirst(7)) : english
        if let match = text.wholeMatch(of: /Missing expected argument '(.+)'/) {
            return parserMissingArgument(String(match.1))
        }
        if let match = text.wholeMatch(of: /Missing one of: (.+)/) { return parserMissingOneOf(String(match.1)) }
        if let match = text.wholeMatch(of: /Missing value for '(.+)'/) { return parserMissingValue(String(match.1)) }
        if let match = text.wholeMatch(of: /The value '(.*)' is invalid for '(.+?)'(?:\. ?(.*))?/) {
            let message = parserInvalidValue(value: String(match.1), option: String(match.2))
            return match.3.map { $0.isEmpty ? message : message + ". " + $0 } ?? message
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
}
