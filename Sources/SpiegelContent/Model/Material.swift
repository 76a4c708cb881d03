/// Who speaks one turn of a dialogue.
public enum Speaker: String, Codable, Sendable, CaseIterable {
    case customer, employee, colleague
}

/// One turn of a dialogue: who speaks, and what they say.
public struct DialogueTurn: Codable, Sendable, Hashable {
    public var speaker: Speaker
    public var text: LocalizedText

    public init(speaker: Speaker, text: LocalizedText) {
        self.speaker = speaker
        self.text = text
    }
}

/// Whether a version of a dialogue shows the situation handled badly or well.
public enum DialogueQuality: String, Codable, Sendable, CaseIterable {
    case poor, good
}

/// One version of a dialogue's situation: its turns, and a comment on what it shows.
public struct DialogueVersion: Codable, Sendable, Hashable {
    public var quality: DialogueQuality
    public var turns: [DialogueTurn]
    public var comment: LocalizedText

    public init(quality: DialogueQuality, turns: [DialogueTurn], comment: LocalizedText) {
        self.quality = quality
        self.turns = turns
        self.comment = comment
    }
}

/// One row of a do/don't table: two cells.
public struct TableRow: Codable, Sendable, Hashable {
    public var doThis: LocalizedText
    public var avoid: LocalizedText

    public init(doThis: LocalizedText, avoid: LocalizedText) {
        self.doThis = doThis
        self.avoid = avoid
    }
}

/// A role-play card: the instructions for the three people who play it.
public struct RolePlayCard: Codable, Sendable, Hashable {
    public var customer: LocalizedText
    public var employee: LocalizedText
    public var observer: LocalizedText

    public init(customer: LocalizedText, employee: LocalizedText, observer: LocalizedText) {
        self.customer = customer
        self.employee = employee
        self.observer = observer
    }
}

/// One step of a group session, with the minutes it takes.
public struct SessionStep: Codable, Sendable, Hashable {
    public var minutes: Int
    public var text: LocalizedText

    public init(minutes: Int, text: LocalizedText) {
        self.minutes = minutes
        self.text = text
    }
}

/// A plan for a group session: who does what, what you need, the steps with their times, and the
/// questions for the debrief.
public struct SessionPlan: Codable, Sendable, Hashable {
    public var roles: [LocalizedText]
    public var materials: [LocalizedText]
    public var steps: [SessionStep]
    public var debrief: [LocalizedText]

    public init(roles: [LocalizedText], materials: [LocalizedText], steps: [SessionStep], debrief: [LocalizedText]) {
        self.roles = roles
        self.materials = materials
        self.steps = steps
        self.debrief = debrief
    }

    /// The minutes of all steps together.
    public var minutes: Int { steps.reduce(0) { $0 + $1.minutes } }
}

/// The handbook material a node of one of the material kinds carries (a dialogue's versions, a table's
/// rows, a role-play card, reflection questions, a session plan). Empty for the other kinds.
public struct Material: Codable, Sendable, Hashable {
    public var versions: [DialogueVersion]
    public var rows: [TableRow]
    public var card: RolePlayCard?
    public var questions: [LocalizedText]
    public var plan: SessionPlan?

    public init(versions: [DialogueVersion] = [], rows: [TableRow] = [], card: RolePlayCard? = nil,
                questions: [LocalizedText] = [], plan: SessionPlan? = nil) {
        self.versions = versions
        self.rows = rows
        self.card = card
        self.questions = questions
        self.plan = plan
    }

    public var isEmpty: Bool { versions.isEmpty && rows.isEmpty && card == nil && questions.isEmpty && plan == nil }

    /// Every text of the material, in reading order (for search and for the checks on our own words).
    public var texts: [LocalizedText] {
        var texts: [LocalizedText] = []
        for version in versions { texts += version.turns.map(\.text) + [version.comment] }
        for row in rows { texts += [row.doThis, row.avoid] }
        if let card { texts += [card.customer, card.employee, card.observer] }
        texts += questions
        if let plan { texts += plan.roles + plan.materials + plan.steps.map(\.text) + plan.debrief }
        return texts
    }
}
