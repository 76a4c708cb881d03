import Yams

/// A YAML node with its location, read strictly: unknown keys and wrong types become diagnostics.
struct StrictYAML {
    let node: Yams.Node
    let file: String

    var location: SourceLocation {
        SourceLocation(file: file, line: (node.mark?.line ?? 0), column: (node.mark?.column ?? 0))
    }

    func error(_ message: String) -> ContentDiagnostic { ContentDiagnostic(location, message) }

    var string: String? {
        guard case .scalar(let scalar) = node else { return nil }
        return scalar.string
    }

    var int: Int? { string.flatMap { Int($0) } }

    var bool: Bool? {
        switch string {
        case "true", "yes": true
        case "false", "no": false
        default: nil
        }
    }

    var sequence: [StrictYAML]? {
        guard case .sequence(let items) = node else { return nil }
        return items.map { StrictYAML(node: $0, file: file) }
    }

    /// The entries of a mapping in file order.
    var mapping: [(key: StrictYAML, value: StrictYAML)]? {
        guard case .mapping(let map) = node else { return nil }
        return map.map { (StrictYAML(node: $0.key, file: file), StrictYAML(node: $0.value, file: file)) }
    }
}

/// Reads the fields of one YAML mapping, remembering which keys were used so the rest can be reported.
struct FieldReader {
    let owner: StrictYAML
    private(set) var fields: [String: StrictYAML] = [:]
    private var order: [(String, StrictYAML)] = []
    private var used: Set<String> = []
    var diagnostics: [ContentDiagnostic] = []

    init?(_ yaml: StrictYAML, what: String, diagnostics: inout [ContentDiagnostic]) {
        guard let entries = yaml.mapping else {
            diagnostics.append(yaml.error("expected a mapping for \(what)"))
            return nil
        }
        owner = yaml
        for (key, value) in entries {
            guard let name = key.string else {
                self.diagnostics.append(key.error("keys must be plain text"))
                continue
            }
            if fields[name] != nil {
                self.diagnostics.append(key.error("duplicate key '\(name)'"))
                continue
            }
            fields[name] = value
            order.append((name, key))
        }
    }

    mutating func take(_ key: String) -> StrictYAML? {
        used.insert(key)
        return fields[key]
    }

    mutating func has(_ key: String) -> Bool { fields[key] != nil }

    mutating func string(_ key: String, required: Bool = true) -> String? {
        guard let value = take(key) else {
            if required { diagnostics.append(owner.error("missing '\(key)'")) }
            return nil
        }
        guard let text = value.string, !text.isEmpty else {
            diagnostics.append(value.error("'\(key)' must be a non-empty text"))
            return nil
        }
        return text
    }

    mutating func int(_ key: String, required: Bool = true) -> Int? {
        guard let value = take(key) else {
            if required { diagnostics.append(owner.error("missing '\(key)'")) }
            return nil
        }
        guard let number = value.int else {
            diagnostics.append(value.error("'\(key)' must be a whole number"))
            return nil
        }
        return number
    }

    mutating func bool(_ key: String) -> Bool {
        guard let value = take(key) else { return false }
        guard let flag = value.bool else {
            diagnostics.append(value.error("'\(key)' must be true or false"))
            return false
        }
        return flag
    }

    /// A list of ids; a single id is accepted too.
    mutating func ids(_ key: String) -> [(String, SourceLocation)] {
        guard let value = take(key) else { return [] }
        if let single = value.string { return [(single, value.location)] }
        guard let items = value.sequence else {
            diagnostics.append(value.error("'\(key)' must be a list of ids"))
            return []
        }
        return items.compactMap { item in
            guard let id = item.string else {
                diagnostics.append(item.error("'\(key)' entries must be ids"))
                return nil
            }
            return (id, item.location)
        }
    }

    /// A text in both languages (`en` and `nl`); `partial` allows one of them (run-time packs).
    mutating func text(_ key: String, required: Bool = true, partial: Bool = false) -> LocalizedText? {
        guard let value = take(key) else {
            if required { diagnostics.append(owner.error("missing '\(key)'")) }
            return nil
        }
        return Self.localized(value, named: key, partial: partial, diagnostics: &diagnostics)
    }

    /// A list of texts, each in both languages (`partial`: one of them); nil (with a diagnostic) when
    /// `required` and missing, or when it is not a non-empty list.
    mutating func texts(_ key: String, required: Bool = true, partial: Bool = false) -> [LocalizedText]? {
        guard let value = take(key) else {
            if required { diagnostics.append(owner.error("missing '\(key)'")) }
            return nil
        }
        guard let items = value.sequence, !items.isEmpty else {
            diagnostics.append(value.error("'\(key)' must be a non-empty list of texts with en and nl"))
            return nil
        }
        return items.compactMap { Self.localized($0, named: key, partial: partial, diagnostics: &diagnostics) }
    }

    /// One `{en, nl}` mapping read as a text.
    static func localized(_ value: StrictYAML, named key: String, partial: Bool,
                          diagnostics: inout [ContentDiagnostic]) -> LocalizedText? {
        guard var reader = FieldReader(value, what: "'\(key)'", diagnostics: &diagnostics) else { return nil }
        let en = reader.string("en", required: false)
        let nl = reader.string("nl", required: false)
        if !partial {
            if en == nil { diagnostics.append(value.error("'\(key)' has no English text (en)")) }
            if nl == nil { diagnostics.append(value.error("'\(key)' has no Dutch text (nl)")) }
        } else if en == nil && nl == nil {
            diagnostics.append(value.error("'\(key)' needs a text in en or nl"))
        }
        diagnostics += reader.finish()
        return LocalizedText(en: en, nl: nl)
    }

    /// The diagnostics so far plus one per key that was never asked for (usually a typo).
    func finish() -> [ContentDiagnostic] {
        var all = diagnostics
        for (name, key) in order where !used.contains(name) {
            let known = used.sorted()
            let hint = Suggestion.closest(to: name, among: known).map { " (did you mean '\($0)'?)" } ?? ""
            all.append(key.error("unknown field '\(name)'\(hint)"))
        }
        return all
    }
}
