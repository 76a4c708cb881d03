/// The kinds of step an exercise can ask.
public enum StepKind: String, Codable, Sendable, CaseIterable {
    case text, list, rating, choice, commitment
}

/// One option of a `choice` step.
public struct ChoiceOption: Codable, Sendable, Hashable {
    public var id: String
    public var label: LocalizedText

    public init(id: String, label: LocalizedText) {
        self.id = id
        self.label = label
    }
}

/// A label on one value of a rating scale.
public struct RatingLabel: Codable, Sendable, Hashable {
    public var value: Int
    public var text: LocalizedText

    public init(value: Int, text: LocalizedText) {
        self.value = value
        self.text = text
    }
}

/// The integer scale of a `rating` step.
public struct RatingScale: Codable, Sendable, Hashable {
    public var min: Int
    public var max: Int
    public var labels: [RatingLabel]

    public init(min: Int, max: Int, labels: [RatingLabel]) {
        self.min = min
        self.max = max
        self.labels = labels
    }
}

/// One step of an exercise.
public struct Step: Codable, Sendable, Hashable {
    public var id: String
    public var kind: StepKind
    public var prompt: LocalizedText
    public var help: LocalizedText?
    /// For a choice step with an answer key: the option we would choose, and why. Shown after the
    /// learner has answered (the `help` must not give it away).
    public var answer: String?
    public var why: LocalizedText?
    public var optional: Bool
    public var followUps: [Step]
    public var options: [ChoiceOption]
    public var scale: RatingScale?

    public init(
        id: String, kind: StepKind, prompt: LocalizedText, help: LocalizedText? = nil, optional: Bool = false,
        followUps: [Step] = [], options: [ChoiceOption] = [], scale: RatingScale? = nil, answer: String? = nil,
        why: LocalizedText? = nil
    ) {
        self.id = id
        self.kind = kind
        self.prompt = prompt
        self.help = help
        self.answer = answer
        self.why = why
        self.optional = optional
        self.followUps = followUps
        self.options = options
        self.scale = scale
    }
}

/// A reflective exercise: an intro and a sequence of steps that ends with a confidence rating.
public struct Exercise: Codable, Sendable, Hashable {
    public var id: String
    public var version: Int
    public var title: LocalizedText
    public var intro: LocalizedText
    public var minutes: Int
    public var principles: [String]
    public var practices: [String]
    public var sources: [String]
    /// Built on a rule of thumb of Spiegel's own (`spiegel` among its `from`).
    public var isOwn: Bool
    public var steps: [Step]
    public var location: SourceLocation?

    public init(
        id: String, version: Int, title: LocalizedText, intro: LocalizedText, minutes: Int, principles: [String],
        practices: [String], sources: [String], isOwn: Bool = false, steps: [Step], location: SourceLocation? = nil
    ) {
        self.id = id
        self.version = version
        self.title = title
        self.intro = intro
        self.minutes = minutes
        self.principles = principles
        self.practices = practices
        self.sources = sources
        self.isOwn = isOwn
        self.steps = steps
        self.location = location
    }

    /// The exercise as a node of the graph: it trains its principles and practices.
    public var node: Node {
        let trains = (principles + practices).map { Edge(.trains, $0, location: location) }
        let from = sources.map { Edge(.from, $0, location: location) }
        return Node(id: id, kind: .exercise, name: title, summary: intro, edges: trains + from, isOwn: isOwn,
                    location: location)
    }
}

/// A loaded body of content: nodes, exercises, and (from packs) extensions of existing nodes.
public struct ContentSet: Sendable {
    public var nodes: [Node]
    public var exercises: [Exercise]
    public var extensions: [NodeExtension]

    public init(nodes: [Node] = [], exercises: [Exercise] = [], extensions: [NodeExtension] = []) {
        self.nodes = nodes
        self.exercises = exercises
        self.extensions = extensions
    }

    public mutating func add(_ other: ContentSet) {
        nodes += other.nodes
        exercises += other.exercises
        extensions += other.extensions
    }
}
