/// Reads the handbook material of the material kinds: a dialogue's two versions, a do/don't table's rows,
/// a role-play card, reflection questions, a session plan. Each kind takes its own fields and no other
/// kind's (a field that does not belong is an unknown field).
extension ContentReader {
    /// How many turns each version of a dialogue has.
    public static let dialogueTurns = 6...12
    /// How many rows a do/don't table has (a guidance node's table, when it has one, too).
    public static let tableRows = 6...10
    /// How many questions a reflection node asks.
    public static let reflectionQuestions = 3...8
    /// How long a session plan may run, all steps together.
    public static let sessionMinutes = 30...180

    func readMaterial(_ fields: inout FieldReader, kind: NodeKind?, at yaml: StrictYAML) -> Material {
        let partial = allowsPartialTexts
        var material = Material()
        switch kind {
        case .dialogue:
            for quality in DialogueQuality.allCases {
                if let version = readVersion(&fields, quality) { material.versions.append(version) }
            }
        case .doDont:
            material.rows = readRows(&fields, required: true)
        case .guidance:
            material.rows = readRows(&fields, required: false)
        case .rolePlay:
            guard let value = fields.take("card") else {
                fields.diagnostics.append(yaml.error("a role-play needs a 'card' with customer, employee and observer"))
                break
            }
            guard var card = FieldReader(value, what: "a role-play card", diagnostics: &fields.diagnostics) else { break }
            let customer = card.text("customer", partial: partial)
            let employee = card.text("employee", partial: partial)
            let observer = card.text("observer", partial: partial)
            fields.diagnostics += card.finish()
            if let customer, let employee, let observer {
                material.card = RolePlayCard(customer: customer, employee: employee, observer: observer)
            }
        case .reflection:
            material.questions = fields.texts("questions", partial: partial) ?? []
            if !material.questions.isEmpty && !Self.reflectionQuestions.contains(material.questions.count) {
                fields.diagnostics.append(yaml.error(
                    "a reflection asks \(Self.range(Self.reflectionQuestions)) questions, not \(material.questions.count)"))
            }
        case .sessionPlan:
            material.plan = readPlan(&fields, at: yaml)
        default:
            break
        }
        return material
    }

    private static func range(_ range: ClosedRange<Int>) -> String { "\(range.lowerBound) to \(range.upperBound)" }

    /// `poor:` or `good:`, each `turns` (a list of `customer:`/`employee:`/`colleague:` texts) and a `comment`.
    private func readVersion(_ fields: inout FieldReader, _ quality: DialogueQuality) -> DialogueVersion? {
        guard let value = fields.take(quality.rawValue) else {
            fields.diagnostics.append(fields.owner.error("a dialogue needs a '\(quality.rawValue)' version"))
            return nil
        }
        guard var version = FieldReader(value, what: "a dialogue version", diagnostics: &fields.diagnostics) else { return nil }
        defer { fields.diagnostics += version.finish() }
        let comment = version.text("comment", partial: allowsPartialTexts)
        guard let list = version.take("turns") else {
            version.diagnostics.append(value.error("missing 'turns'"))
            return nil
        }
        guard let items = list.sequence else {
            version.diagnostics.append(list.error("'turns' must be a list"))
            return nil
        }
        if !Self.dialogueTurns.contains(items.count) {
            version.diagnostics.append(list.error("a dialogue version has \(Self.range(Self.dialogueTurns)) turns, not \(items.count)"))
        }
        let turns: [DialogueTurn] = items.compactMap { item in
            guard let entries = item.mapping, entries.count == 1, let key = entries[0].key.string else {
                version.diagnostics.append(item.error("a turn is one speaker with a text, e.g. 'customer: {en: ..., nl: ...}'"))
                return nil
            }
            guard let speaker = Speaker(rawValue: key) else {
                let names = Speaker.allCases.map(\.rawValue)
                let hint = Suggestion.closest(to: key, among: names).map { " (did you mean '\($0)'?)" } ?? ""
                version.diagnostics.append(entries[0].key.error("unknown speaker '\(key)'\(hint); one of \(names.joined(separator: ", "))"))
                return nil
            }
            guard let text = FieldReader.localized(entries[0].value, named: key, partial: allowsPartialTexts,
                                                   diagnostics: &version.diagnostics) else { return nil }
            return DialogueTurn(speaker: speaker, text: text)
        }
        guard let comment, turns.count == items.count else { return nil }
        return DialogueVersion(quality: quality, turns: turns, comment: comment)
    }

    /// `rows`: each row exactly two cells, `do` and `dont`.
    private func readRows(_ fields: inout FieldReader, required: Bool) -> [TableRow] {
        guard let list = fields.take("rows") else {
            if required { fields.diagnostics.append(fields.owner.error("missing 'rows'")) }
            return []
        }
        guard let items = list.sequence else {
            fields.diagnostics.append(list.error("'rows' must be a list of rows with 'do' and 'dont'"))
            return []
        }
        if !Self.tableRows.contains(items.count) {
            fields.diagnostics.append(list.error("a do/don't table has \(Self.range(Self.tableRows)) rows, not \(items.count)"))
        }
        return items.compactMap { item in
            guard var row = FieldReader(item, what: "a row", diagnostics: &fields.diagnostics) else { return nil }
            defer { fields.diagnostics += row.finish() }
            guard let doThis = row.text("do", partial: allowsPartialTexts),
                  let avoid = row.text("dont", partial: allowsPartialTexts) else { return nil }
            return TableRow(doThis: doThis, avoid: avoid)
        }
    }

    /// `plan`: `roles`, `materials`, `steps` (each `minutes` and a text) and `debrief` questions.
    private func readPlan(_ fields: inout FieldReader, at yaml: StrictYAML) -> SessionPlan? {
        guard let value = fields.take("plan") else {
            fields.diagnostics.append(yaml.error("a session plan needs a 'plan' with roles, materials, steps and debrief"))
            return nil
        }
        guard var plan = FieldReader(value, what: "a session plan", diagnostics: &fields.diagnostics) else { return nil }
        defer { fields.diagnostics += plan.finish() }
        let partial = allowsPartialTexts
        let roles = plan.texts("roles", partial: partial)
        let materials = plan.texts("materials", partial: partial)
        let debrief = plan.texts("debrief", partial: partial)
        var steps: [SessionStep] = []
        if let list = plan.take("steps"), let items = list.sequence, !items.isEmpty {
            for item in items {
                guard var step = FieldReader(item, what: "a session step", diagnostics: &plan.diagnostics) else { continue }
                let minutes = step.int("minutes")
                let text = step.text("text", partial: partial)
                if let minutes, !(1...120).contains(minutes) {
                    step.diagnostics.append(item.error("a step takes 1 to 120 minutes, not \(minutes)"))
                }
                plan.diagnostics += step.finish()
                if let minutes, let text { steps.append(SessionStep(minutes: minutes, text: text)) }
            }
        } else {
            plan.diagnostics.append(value.error("a session plan needs a non-empty list of 'steps'"))
        }
        guard let roles, let materials, let debrief, !steps.isEmpty else { return nil }
        let result = SessionPlan(roles: roles, materials: materials, steps: steps, debrief: debrief)
        if !Self.sessionMinutes.contains(result.minutes) {
            plan.diagnostics.append(value.error("a session plan runs \(Self.range(Self.sessionMinutes)) minutes, not \(result.minutes)"))
        }
        return result
    }
}
