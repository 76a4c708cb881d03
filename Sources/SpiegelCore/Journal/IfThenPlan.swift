import Foundation

/// The two halves of an implementation intention: the situation ("when a customer waits at the desk")
/// and the action ("greet them within a minute"). Typed separately at a terminal; a script may write
/// both on the action line, as `when X, I will Y` or `als X, dan (ga ik) Y`, which `init(line:)` splits.
public struct IfThenPlan: Sendable, Hashable {
    public var situation: String?
    public var action: String

    /// The halves as typed; the words the sentence supplies ("when", "I will", "dan ga ik") are dropped
    /// when a person repeats them. Without a situation the action is kept exactly as typed.
    public init(situation: String?, action: String) {
        let trimmed = situation.map(Self.situation(from:)) ?? ""
        self.situation = trimmed.isEmpty ? nil : trimmed
        self.action = trimmed.isEmpty ? action : Self.action(from: action)
    }

    /// One line that may hold a whole if-then plan. Only a line that starts with a "when" word and has its
    /// "then" after a comma is split; anything else is the action as typed, so plain lines stay plain.
    public init(line: String) {
        let text = line.trimmingCharacters(in: .whitespaces)
        for lead in Self.leads {
            guard let opening = text.range(of: lead + " ", options: [.caseInsensitive, .anchored]) else { continue }
            for link in Self.links {
                guard let range = text.range(of: link, options: .caseInsensitive, range: opening.upperBound..<text.endIndex)
                else { continue }
                let situation = String(text[opening.upperBound..<range.lowerBound])
                let action = String(text[range.upperBound...])
                guard !situation.trimmingCharacters(in: .whitespaces).isEmpty,
                      !action.trimmingCharacters(in: .whitespaces).isEmpty else { continue }
                self.init(situation: situation, action: action)
                return
            }
        }
        self.init(situation: nil, action: line)
    }

    /// The words that open the "if" half, in English and Dutch.
    static let leads = ["when", "whenever", "if", "als", "wanneer", "zodra"]
    /// The words that open the "then" half after a comma, longest first.
    static let links = [", then i will ", ", then i'll ", ", i will ", ", i'll ", ", then ", ", dan ga ik ", ", dan "]
    /// Words a person may repeat from the prompt at the start of a half; the sentence supplies them.
    static let situationStarts = ["when ", "whenever ", "if ", "als ", "wanneer ", "zodra "]
    static let actionStarts = ["then i will ", "then i'll ", "i will ", "i'll ", "dan ga ik ", "ga ik ", "dan "]

    static func situation(from text: String) -> String {
        trimmed(text, dropping: situationStarts)
    }

    static func action(from text: String) -> String {
        trimmed(text, dropping: actionStarts)
    }

    private static func trimmed(_ text: String, dropping starts: [String]) -> String {
        var result = text.trimmingCharacters(in: .whitespaces)
        if result.hasSuffix(",") { result.removeLast() }
        for start in starts {
            guard let range = result.range(of: start, options: [.caseInsensitive, .anchored]), range.upperBound < result.endIndex
            else { continue }
            result = String(result[range.upperBound...]).trimmingCharacters(in: .whitespaces)
            break
        }
        return result
    }
}
