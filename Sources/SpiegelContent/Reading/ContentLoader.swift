import Foundation

/// Finds and reads the content files of a directory: `knowledge/` and `prompts/` inside it, or YAML files
/// directly in it (a file with a `nodes` list is knowledge, anything else an exercise).
public struct ContentLoader: Sendable {
    public var reader: ContentReader

    public init(reader: ContentReader = ContentReader()) {
        self.reader = reader
    }

    /// The YAML files a content directory holds, sorted, each with whether it is knowledge.
    public static func files(in directory: String) throws(ContentErrors) -> [(path: String, isKnowledge: Bool?)] {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        guard manager.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ContentErrors([ContentDiagnostic(SourceLocation(file: directory, line: 0, column: 0),
                                                   "no such content directory")])
        }
        func yamlFiles(_ folder: String) -> [String] {
            let names = (try? manager.contentsOfDirectory(atPath: folder)) ?? []
            return names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted()
                .map { folder + "/" + $0 }
        }
        let knowledge = directory + "/knowledge", prompts = directory + "/prompts"
        var found: [(String, Bool?)] = []
        if manager.fileExists(atPath: knowledge) || manager.fileExists(atPath: prompts) {
            found += yamlFiles(knowledge).map { ($0, true) }
            found += yamlFiles(prompts).map { ($0, false) }
        } else {
            found += yamlFiles(directory).map { ($0, nil) }
        }
        return found
    }

    /// Reads every content file of the given directories; all problems are collected before failing.
    public func load(directories: [String]) -> Result<ContentSet, ContentErrors> {
        var content = ContentSet()
        var problems: [ContentDiagnostic] = []
        for directory in directories {
            let files: [(path: String, isKnowledge: Bool?)]
            do { files = try Self.files(in: directory) } catch { problems += error.diagnostics; continue }
            for file in files {
                switch read(file: file.path, isKnowledge: file.isKnowledge) {
                case .success(let part): content.add(part)
                case .failure(let errors): problems += errors.diagnostics
                }
            }
        }
        return problems.isEmpty ? .success(content) : .failure(ContentErrors(problems))
    }

    /// Reads one file as knowledge or an exercise (decided by its contents when `isKnowledge` is nil).
    public func read(file path: String, isKnowledge: Bool?) -> Result<ContentSet, ContentErrors> {
        let start = SourceLocation(file: path, line: 1, column: 1)
        guard let data = FileManager.default.contents(atPath: path) else {
            return .failure(ContentErrors([ContentDiagnostic(start, "cannot read the file")]))
        }
        guard let text = String(data: data, encoding: .utf8) else {
            return .failure(ContentErrors([ContentDiagnostic(start, "the file is not valid UTF-8")]))
        }
        let knowledge = isKnowledge ?? Self.looksLikeKnowledge(text)
        if knowledge {
            return reader.readKnowledge(text, file: path)
        }
        return reader.readExercise(text, file: path).map { ContentSet(exercises: [$0]) }
    }

    private static func looksLikeKnowledge(_ text: String) -> Bool {
        text.split(whereSeparator: \.isNewline).contains { $0.hasPrefix("nodes:") }
    }
}
