import SpiegelContent

/// A node's handbook material in one language, as JSON for `show --json` and `graph --format json`.
public struct ResolvedMaterial: Encodable, Sendable {
    public struct Turn: Encodable, Sendable { public var speaker, text: String }
    public struct Version: Encodable, Sendable {
        public var quality: String
        public var turns: [Turn]
        public var comment: String
    }
    public struct Row: Encodable, Sendable {
        public var doThis, avoid: String
        enum CodingKeys: String, CodingKey {
            case doThis = "do", avoid = "dont"
        }
    }
    public struct Card: Encodable, Sendable { public var customer, employee, observer: String }
    public struct Step: Encodable, Sendable {
        public var minutes: Int
        public var text: String
    }
    public struct Plan: Encodable, Sendable {
        public var minutes: Int
        public var roles, materials: [String]
        public var steps: [Step]
        public var debrief: [String]
    }

    public var dialogue: [Version]?
    public var rows: [Row]?
    public var card: Card?
    public var questions: [String]?
    public var plan: Plan?

    /// The material in `language` (falling back to the other language per text); nil when there is none.
    public init?(_ material: Material, language: Language) {
        guard !material.isEmpty else { return nil }
        func text(_ value: LocalizedText) -> String { value.resolved(language).text }
        func texts(_ values: [LocalizedText]) -> [String] { values.map(text) }
        if !material.versions.isEmpty {
            dialogue = material.versions.map { version in
                Version(quality: version.quality.rawValue,
                        turns: version.turns.map { Turn(speaker: $0.speaker.rawValue, text: text($0.text)) },
                        comment: text(version.comment))
            }
        }
        if !material.rows.isEmpty { rows = material.rows.map { Row(doThis: text($0.doThis), avoid: text($0.avoid)) } }
        card = material.card.map { Card(customer: text($0.customer), employee: text($0.employee), observer: text($0.observer)) }
        if !material.questions.isEmpty { questions = texts(material.questions) }
        plan = material.plan.map { plan in
            Plan(minutes: plan.minutes, roles: texts(plan.roles), materials: texts(plan.materials),
                 steps: plan.steps.map { Step(minutes: $0.minutes, text: text($0.text)) }, debrief: texts(plan.debrief))
        }
    }
}
