import Dispatch
import Foundation
import Testing
@testable import SpiegelContent

/// The fixture packs under Fixtures/, one folder per case.
enum Fixtures {
    static var root: String {
        if let url = Bundle.module.url(forResource: "Fixtures", withExtension: nil) { return url.path }
        // Fallback: the source tree (the resource bundle is normally there).
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures").path
    }

    static func pack(_ name: String) -> String { root + "/" + name }

    static func file(_ pack: String, _ relative: String) -> String { Self.pack(pack) + "/" + relative }
}

/// Loads packs (strict texts unless `partial`) and validates them without requiring the five core principles.
func loadAndValidate(_ packs: [String], partial: Bool = false) -> Result<ContentSet, ContentErrors> {
    ContentLoader(reader: ContentReader(allowsPartialTexts: partial))
        .load(directories: packs.map(Fixtures.pack))
        .flatMap { ContentValidator(requiresCorePrinciples: false).validate($0) }
}

/// The diagnostics of a failed load, or a recorded issue when it did not fail.
func diagnostics(_ result: Result<ContentSet, ContentErrors>,
                 sourceLocation: Testing.SourceLocation = #_sourceLocation) -> [ContentDiagnostic] {
    switch result {
    case .success:
        Issue.record("expected the content to be refused, but it loaded", sourceLocation: sourceLocation)
        return []
    case .failure(let errors):
        return errors.diagnostics
    }
}

@Suite("Content diagnostics on broken packs")
struct ContentDiagnosticsTests {
    @Test func fixturesAreThere() throws {
        var isDirectory: ObjCBool = false
        #expect(FileManager.default.fileExists(atPath: Fixtures.root, isDirectory: &isDirectory) && isDirectory.boolValue,
                "no Fixtures folder at \(Fixtures.root)")
    }

    @Test func duplicateIDNamesBothPlaces() throws {
        let found = diagnostics(loadAndValidate(["broken-duplicate-id"]))
        let a = Fixtures.file("broken-duplicate-id", "knowledge/a.yaml")
        let b = Fixtures.file("broken-duplicate-id", "knowledge/b.yaml")
        #expect(found.count == 1, "\(found)")
        let problem = try #require(found.first)
        #expect(problem.location == SpiegelContent.SourceLocation(file: b, line: 8, column: 5))
        #expect(problem.message == "duplicate id 'listen-well' (first defined at \(a):10:5)")
        #expect(problem.description == "\(b):8:5: duplicate id 'listen-well' (first defined at \(a):10:5)")
    }

    @Test func edgeToUnknownIDSuggestsTheClosest() {
        let found = diagnostics(loadAndValidate(["broken-unknown-edge"]))
        let file = Fixtures.file("broken-unknown-edge", "knowledge/a.yaml")
        #expect(found.map(\.description) == [
            "\(file):20:16: 'ask-further' supports unknown id 'interst' (did you mean 'interest'?)",
        ])
    }

    @Test func edgeKindThatDoesNotFitTheNodeKinds() {
        let found = diagnostics(loadAndValidate(["broken-edge-kind"]))
        let file = Fixtures.file("broken-edge-kind", "knowledge/a.yaml")
        #expect(found.map(\.description) == [
            "\(file):21:9: 'counters' does not fit a practice ('ask-further') and a principle ('interest'): it goes from practice to barrier",
        ])
    }

    @Test func nodeWithoutSource() {
        let found = diagnostics(loadAndValidate(["broken-no-source"]))
        let file = Fixtures.file("broken-no-source", "knowledge/a.yaml")
        #expect(found.map(\.description) == ["\(file):2:5: 'interest' has no source: add 'from: [source-id]', or 'from: [spiegel]' for a rule of thumb or material of our own"])
    }

    @Test func missingDutchTextInCuratedContent() {
        let found = diagnostics(loadAndValidate(["broken-missing-nl"]))
        let file = Fixtures.file("broken-missing-nl", "knowledge/a.yaml")
        #expect(found.map(\.description) == ["\(file):13:7: 'name' has no Dutch text (nl)"])
        // A run-time pack may have one language only.
        if case .failure(let errors) = loadAndValidate(["broken-missing-nl"], partial: true) {
            Issue.record("a pack with English only should load with partial texts allowed: \(errors)")
        }
    }

    @Test func buildsOnCycle() {
        let found = diagnostics(loadAndValidate(["broken-cycle"]))
        let file = Fixtures.file("broken-cycle", "knowledge/a.yaml")
        #expect(found.map(\.description) == [
            "\(file):21:17: 'builds-on' cycle: first-step -> second-step -> first-step",
        ])
    }

    @Test func unknownFieldTypoSuggestsTheField() {
        let found = diagnostics(loadAndValidate(["broken-typo"]))
        let file = Fixtures.file("broken-typo", "knowledge/a.yaml")
        let texts = found.map(\.description)
        #expect(texts.contains("\(file):13:5: unknown field 'sumary' (did you mean 'summary'?)"), "\(texts)")
        #expect(texts.contains("\(file):10:5: missing 'summary'"), "\(texts)")
        #expect(texts.count == 2, "\(texts)")
    }

    @Test func invalidYAMLHasItsPosition() {
        let found = diagnostics(loadAndValidate(["broken-invalid-yaml"]))
        let file = Fixtures.file("broken-invalid-yaml", "knowledge/a.yaml")
        #expect(found.count == 1, "\(found)")
        guard let problem = found.first else { return }
        #expect(problem.location.file == file)
        #expect(problem.message.hasPrefix("invalid YAML: "), "\(problem)")
        // The unclosed flow mapping opened on line 4 is noticed on line 5, where 'summary' starts.
        #expect(problem.location.line == 5, "\(problem)")
        #expect(problem.location.column == 5, "\(problem)")
    }

    @Test func exerciseMustEndWithTheConfidenceRating() {
        let found = diagnostics(loadAndValidate(["broken-exercise-end"]))
        let file = Fixtures.file("broken-exercise-end", "prompts/no-confidence.yaml")
        #expect(found.map(\.description) == [
            "\(file):1:1: exercise 'no-confidence' must end with a rating step with id 'confidence'",
        ])
    }

    @Test func extendingAnUnknownIDSuggestsTheClosest() {
        let found = diagnostics(loadAndValidate(["minimal-base", "broken-extends-unknown"], partial: true))
        let file = Fixtures.file("broken-extends-unknown", "knowledge/ext.yaml")
        #expect(found.map(\.description) == ["\(file):2:5: extends unknown id 'intrest' (did you mean 'interest'?)"])
    }

    @Test func problemsOfSeveralPacksAreAllReported() {
        // Reading problems of every file are collected before failing (validation waits until all files read).
        let found = diagnostics(loadAndValidate(["broken-missing-nl", "broken-typo", "broken-invalid-yaml"]))
        #expect(Set(found.map(\.location.file)) == [
            Fixtures.file("broken-missing-nl", "knowledge/a.yaml"), Fixtures.file("broken-typo", "knowledge/a.yaml"),
            Fixtures.file("broken-invalid-yaml", "knowledge/a.yaml"),
        ])
        #expect(found.count == 4, "\(found)")
    }

    @Test func missingDirectoryIsADiagnostic() {
        let missing = Fixtures.root + "/does-not-exist"
        let result = ContentLoader().load(directories: [missing])
        guard case .failure(let errors) = result else {
            Issue.record("a missing directory loaded")
            return
        }
        #expect(errors.diagnostics.map(\.description) == ["\(missing):0:0: no such content directory"])
    }
}

@Suite("YAML alias bomb")
struct AliasBombTests {
    /// Nine levels of nine aliases: 9^9 scalars if expanded. It must be refused quickly, not expanded.
    @Test func billionLaughsIsRefusedQuickly() {
        let path = Fixtures.file("alias-bomb", "bomb.yaml")
        let box = ResultBox()
        let done = DispatchSemaphore(value: 0)
        let started = Date()
        DispatchQueue.global().async {
            box.set(ContentLoader().read(file: path, isKnowledge: nil))
            done.signal()
        }
        guard done.wait(timeout: .now() + 10) == .success else {
            Issue.record("reading the alias bomb took longer than 10 s (still running)")
            return
        }
        let elapsed = Date().timeIntervalSince(started)
        #expect(elapsed < 5, "took \(elapsed) s")
        guard case .failure(let errors)? = box.get() else {
            Issue.record("the alias bomb was accepted")
            return
        }
        #expect(errors.diagnostics.map(\.description) == [
            "\(path):1:1: document expands to more than \(ContentReader.maximumNodes) nodes (aliases?)",
        ])
    }

    final class ResultBox: @unchecked Sendable {
        private let lock = NSLock()
        private var value: Result<ContentSet, ContentErrors>?
        func set(_ result: Result<ContentSet, ContentErrors>) { lock.lock(); value = result; lock.unlock() }
        func get() -> Result<ContentSet, ContentErrors>? { lock.lock(); defer { lock.unlock() }; return value }
    }

    @Test func fewAliasesAreFine() {
        let text = """
        nodes:
          - id: src-a
            kind: source
            name: &n {en: "Source", nl: "Bron"}
            summary: *n
            title: T
            author: A
            publication: P
            seed: s.txt
        """
        let result = ContentReader().readKnowledge(text, file: "aliases.yaml")
        guard case .success(let content) = result else {
            Issue.record("a small document with an alias was refused: \(result)")
            return
        }
        #expect(content.nodes.first?.summary == LocalizedText(en: "Source", nl: "Bron"))
    }
}

@Suite("Packs that extend existing content")
struct ExtensionTests {
    @Test func extendsAddsAnEdgeAndOverridesTheDutchName() throws {
        let result = loadAndValidate(["minimal-base", "valid-extension"], partial: true)
        let content: ContentSet
        switch result {
        case .failure(let errors):
            Issue.record("a valid extending pack was refused: \(errors)")
            return
        case .success(let merged): content = merged
        }
        let interest = try #require(content.nodes.first { $0.id == "interest" })
        #expect(interest.name.nl == "Echte belangstelling")
        #expect(interest.name.en == "Show real interest", "texts not in the extension are kept")
        #expect(interest.summary == LocalizedText(en: "Be curious about the customer.", nl: "Wees nieuwsgierig naar de klant."))
        #expect(interest.edges.contains { $0.kind == .related && $0.target == "curiosity-questions" })
        #expect(interest.edges.contains { $0.kind == .from && $0.target == "src-base" })
        #expect(Set(content.nodes.map(\.id)) == ["src-base", "interest", "src-pack", "curiosity-questions"])
        #expect(content.extensions.isEmpty, "extensions are applied, not passed on")
    }

    @Test func theExtensionIsReadAsAnExtension() {
        let path = Fixtures.file("valid-extension", "knowledge/ext.yaml")
        let result = ContentLoader(reader: ContentReader(allowsPartialTexts: true)).read(file: path, isKnowledge: true)
        guard case .success(let content) = result else {
            Issue.record("\(result)")
            return
        }
        #expect(content.extensions.count == 1)
        let ext = content.extensions.first
        #expect(ext?.target == "interest")
        #expect(ext?.location == SpiegelContent.SourceLocation(file: path, line: 16, column: 5))
        #expect(ext?.edges.map(\.target) == ["curiosity-questions"])
        #expect(ext?.name == LocalizedText(en: nil, nl: "Echte belangstelling"))
    }

    @Test func theBaseAloneNeedsTheCorePrinciplesWhenAsked() {
        let result = ContentLoader().load(directories: [Fixtures.pack("minimal-base")])
            .flatMap { ContentValidator().validate($0) }
        let found = diagnostics(result).map(\.message)
        #expect(found == ["connection", "action", "awareness", "boundaries"].map { "the principle '\($0)' is missing" })
    }
}

@Suite("Suggestions")
struct SuggestionTests {
    @Test func closeTyposAreSuggestedFarOnesAreNot() {
        #expect(Suggestion.closest(to: "strat", among: ["start", "stats", "show"]) == "start")
        #expect(Suggestion.closest(to: "sumary", among: ["summary", "name", "body"]) == "summary")
        #expect(Suggestion.closest(to: "xyzzy", among: ["summary", "name", "body"]) == nil)
        #expect(Suggestion.distance("ab", "ba") == 1, "a transposition counts once")
    }
}
