import Foundation

/// A mistake in a catalog, worded the way compilers word theirs.
struct CatalogProblem: Error, CustomStringConvertible {
    var file: String
    var line: Int
    var message: String
    var description: String { "\(file):\(line): error: \(message)" }
}

/// One language's phrases. The format, one phrase a line:
///
///     # a comment
///     draft.kept = Draft kept: resume {id}
///     answers[one] = {count} answer
///     answers[other] = {count} answers
///     prompt.what = "what> "
///
/// `{name}` is a placeholder; `{count}` is the number a plural is chosen by; `\n` is a new line, `\\` a
/// backslash; quotes around a text keep spaces at its ends.
struct Catalog {
    struct Phrase {
        var forms: [String: String] = [:]
        var line: Int
    }

    static let pluralForms: Set<String> = ["one", "other"]

    var language: String
    var path: String
    var phrases: [String: Phrase] = [:]

    static func read(_ path: String) throws -> Catalog {
        let language = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        var catalog = Catalog(language: language, path: path)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        for (offset, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            guard let equals = raw.range(of: " = ") else {
                throw CatalogProblem(file: path, line: offset + 1, message: "expected 'key = text'")
            }
            var key = raw[..<equals.lowerBound].trimmingCharacters(in: .whitespaces)
            var value = String(raw[equals.upperBound...])
            // Quotes keep spaces at either end: "what> ".
            if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") { value = String(value.dropFirst().dropLast()) }
            var form = ""
            if key.hasSuffix("]"), let open = key.firstIndex(of: "[") {
                form = String(key[key.index(after: open)..<key.index(before: key.endIndex)])
                key = String(key[..<open])
                guard pluralForms.contains(form) else {
                    throw CatalogProblem(file: path, line: offset + 1, message: "'\(form)' is not a plural form (one, other)")
                }
            }
            guard key.range(of: #"^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)*$"#, options: .regularExpression) != nil else {
                throw CatalogProblem(file: path, line: offset + 1, message: "'\(key)' is not a key (lower-case words joined by dots)")
            }
            var phrase = catalog.phrases[key] ?? Phrase(line: offset + 1)
            guard phrase.forms[form] == nil, phrase.forms.isEmpty || form.isEmpty == phrase.forms.keys.contains("") else {
                throw CatalogProblem(file: path, line: offset + 1, message: "'\(key)' is given twice")
            }
            phrase.forms[form] = value
            catalog.phrases[key] = phrase
        }
        for (key, phrase) in catalog.phrases where !phrase.forms.keys.contains("") && Set(phrase.forms.keys) != pluralForms {
            throw CatalogProblem(file: path, line: phrase.line, message: "'\(key)' needs both plural forms, [one] and [other]")
        }
        return catalog
    }

    /// The placeholders of a text, in order of appearance.
    static func placeholders(_ text: String) -> [String] {
        var names: [String] = []
        var rest = text[...]
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            let name = String(rest[rest.index(after: open)..<close])
            if !names.contains(name) { names.append(name) }
            rest = rest[rest.index(after: close)...]
        }
        return names
    }

    func placeholders(of key: String) -> Set<String> {
        Set(phrases[key]!.forms.values.flatMap(Self.placeholders))
    }

    /// Every language must have the same keys, each with the same placeholders and the same shape.
    static func compare(_ catalogs: [Catalog]) -> [String] {
        guard let reference = catalogs.first(where: { $0.language == "en" }) ?? catalogs.first else {
            return ["error: no catalogs given"]
        }
        var problems: [String] = []
        for catalog in catalogs where catalog.language != reference.language {
            for key in reference.phrases.keys.sorted() where catalog.phrases[key] == nil {
                problems.append("\(catalog.path):1: error: '\(key)' is missing (\(reference.path):\(reference.phrases[key]!.line))")
            }
            for (key, phrase) in catalog.phrases.sorted(by: { $0.key < $1.key }) {
                guard let other = reference.phrases[key] else {
                    problems.append("\(catalog.path):\(phrase.line): error: '\(key)' is not in \(reference.path)")
                    continue
                }
                if (phrase.forms.keys.contains("")) != (other.forms.keys.contains("")) {
                    problems.append("\(catalog.path):\(phrase.line): error: '\(key)' is a plural in one language only")
                }
                if catalog.placeholders(of: key) != reference.placeholders(of: key) {
                    problems.append("""
                        \(catalog.path):\(phrase.line): error: '\(key)' has placeholders \
                        \(catalog.placeholders(of: key).sorted()), \(reference.path) has \(reference.placeholders(of: key).sorted())
                        """)
                }
            }
        }
        for catalog in catalogs {
            for (key, phrase) in catalog.phrases where !phrase.forms.keys.contains("") && !catalog.placeholders(of: key).contains("count") {
                problems.append("\(catalog.path):\(phrase.line): error: the plural '\(key)' needs a {count}")
            }
        }
        return problems
    }
}
