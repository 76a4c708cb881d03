import Foundation
import SpiegelContent
import Testing

/// The content loader: `ContentReader(allowsPartialTexts: true)` (as for `--knowledge` packs), then
/// `ContentValidator(requiresCorePrinciples: false)`, on its own and together with the valid corpus files.
enum ContentFuzz {
    static let file = "fuzz-pack/knowledge/input.yaml"

    static let dictionary: [[UInt8]] = [
        "nodes:\n", "- id: ", "kind: ", "principle", "practice", "barrier", "need", "concept", "source", "exercise",
        "name:", "summary:", "body:", "en: ", "nl: ", "from: [", "builds-on: [", "extends: ", "supports: ",
        "counters: ", "hinders: ", "contrasts-with: ", "example-of: ", "addresses: ", "broader: ", "related: ",
        "trains: ", "title: ", "author: ", "publication: ", "seed: ", "id: ", "version: ", "intro:", "minutes: ",
        "principles: [", "practices: [", "steps:\n", "prompt:", "help:", "optional: true", "optional: maybe",
        "followUps:\n", "options:\n", "label:", "scale:\n", "min: ", "max: ", "labels:\n", "text", "list", "rating",
        "choice", "commitment", "confidence", "&a ", "*a", "<<: *a", "? ", ": ", "- ", "[", "]", "{", "}", ", ",
        "\"", "'", "|\n", ">-\n", "!!str ", "!!int ", "!!binary ", "!!map ", "!!seq ", "!custom ", "---\n", "...\n",
        "%YAML 1.1\n", "%TAG ! tag:x,2000:\n", "# ", "\n", "\n  ", "\n    ", "~", "null", "yes", "no", "true",
        "false", "{item}", "\\", "\t",
    ].map { Array($0.utf8) }

    static func makeTarget() -> FuzzTarget {
        let seeds = Corpus.files("content") + syntheticSeeds()
        // The valid examples (content/knowledge-*, content/exercise-*), read once: fuzzed content is also
        // validated together with them, so that its edges, extensions and duplicates meet real ids.
        var base = ContentSet()
        var baseFiles: Set<String> = [file]
        for seed in seeds where seed.name.hasPrefix("content/knowledge-") || seed.name.hasPrefix("content/exercise-") {
            guard let text = String(validating: seed.bytes, as: UTF8.self) else { continue }
            let reader = ContentReader(allowsPartialTexts: true)
            if looksLikeKnowledge(seed.bytes), case .success(let part) = reader.readKnowledge(text, file: seed.name) {
                base.add(part)
                baseFiles.insert(seed.name)
            } else if case .success(let exercise) = reader.readExercise(text, file: seed.name) {
                base.add(ContentSet(exercises: [exercise]))
                baseFiles.insert(seed.name)
            }
        }
        let limit = ContentReader.maximumFileBytes
        let mutator = Mutator(corpus: seeds.filter(Fuzzer.isParent).map(\.bytes), dictionary: dictionary, maximumSize: limit + 16,
                              boundarySizes: [limit - 1, limit, limit + 1, 64 << 10, 256 << 10],
                              hugeRepeatOneIn: 3_000)
        return FuzzTarget(name: "content", fileExtension: "yaml", seeds: seeds, mutator: mutator) { input, context in
            check(input, base: base, baseFiles: baseFiles, &context)
        }
    }

    /// Inputs at the reader's limits, built here because they are too big for the repository.
    static func syntheticSeeds() -> [Seed] {
        let limit = ContentReader.maximumFileBytes
        let head = Array("nodes:\n  - id: padded\n    kind: need\n    name: {en: Padded}\n    summary: {en: A padded file}\n    from: [src-a]\n#".utf8)
        let exactly = head + repeatElement(UInt8(ascii: "x"), count: limit - head.count)
        return [
            Seed(name: "synthetic/knowledge-of-exactly-the-size-limit.yaml", bytes: exactly),
            Seed(name: "synthetic/knowledge-one-byte-over-the-size-limit.yaml", bytes: exactly + [UInt8(ascii: "x")]),
            // Reproducer: "did you mean" compares an unknown name with every known id by edit distance, so a
            // long name (here an 'extends' target of 400 KB) costs its length times the length of every id.
            Seed(name: "synthetic/extends-unknown-400-KB-id.yaml",
                 bytes: Array("nodes:\n  - extends: ".utf8) + [UInt8](repeating: UInt8(ascii: "x"), count: 400_000)),
            // Reproducer: the validator looks for builds-on cycles recursively, one stack frame (and one copy
            // of the path so far) per node of a chain. A debug build overflows an 8 MB stack at about 3,000 nodes,
            // a release build at about 23,000 (a pack of two or more files; one file holds at most ~13,000).
            Seed(name: "synthetic/builds-on-chain-of-8000-nodes.yaml", bytes: chain(8_000)),
        ]
    }

    /// A knowledge file whose nodes form one long builds-on chain (n0 builds on n1, which builds on n2, ...).
    static func chain(_ count: Int) -> [UInt8] {
        var text = "nodes:\n"
        for index in 0..<count {
            let next = index + 1 < count ? ", builds-on: n\(index + 1)" : ""
            text += "  - {id: n\(index), kind: practice, name: {en: x}, summary: {en: x}\(next)}\n"
        }
        return Array(text.utf8)
    }

    /// Roughly the rule `ContentLoader` uses for files directly in a pack directory (a line starting with
    /// `nodes:`); it only picks the reader tried first, so bytes are enough (and fast in a debug build).
    static func looksLikeKnowledge(_ bytes: [UInt8]) -> Bool {
        let key = Array("nodes:".utf8)
        return bytes.withUnsafeBufferPointer { buffer in
            var lineStart = true
            for index in buffer.indices {
                if lineStart && buffer[index] == key[0] && index + key.count <= buffer.count
                    && buffer[index..<index + key.count].elementsEqual(key) { return true }
                lineStart = buffer[index] == 10
            }
            return false
        }
    }

    /// An upper bound on the number of lines: YAML breaks lines at \n, \r, NEL, LS and PS, whose
    /// encodings hold one of these bytes.
    static func lineBound(_ bytes: [UInt8]) -> Int {
        bytes.withUnsafeBufferPointer { buffer in
            var count = 2
            for byte in buffer where byte == 10 || byte == 13 || byte == 0x85 || byte == 0xA8 || byte == 0xA9 { count += 1 }
            return count
        }
    }

    static func isID(_ id: String) -> Bool {
        !id.isEmpty && id.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }

    static func check(_ input: [UInt8], base: ContentSet, baseFiles: Set<String>, _ context: inout CheckContext) {
        // Packs that are not UTF-8 are refused by ContentLoader before the reader; the reader itself takes
        // a String, so invalid bytes reach it as replacement characters.
        let text = String(validating: input, as: UTF8.self) ?? String(decoding: input, as: UTF8.self)
        let lastLine = lineBound(input)
        let reader = ContentReader(allowsPartialTexts: true)
        let asKnowledge = looksLikeKnowledge(input)
        var readers = [asKnowledge]
        if context.rng.chance(4) { readers.append(!asKnowledge) }
        for knowledge in readers {
            let content: ContentSet
            if knowledge {
                switch reader.readKnowledge(text, file: file) {
                case .failure(let errors):
                    checkDiagnostics(errors, stage: "readKnowledge", files: [file], lastLine: lastLine, &context)
                    continue
                case .success(let set):
                    checkKnowledge(set, &context)
                    content = set
                }
            } else {
                switch reader.readExercise(text, file: file) {
                case .failure(let errors):
                    checkDiagnostics(errors, stage: "readExercise", files: [file], lastLine: lastLine, &context)
                    continue
                case .success(let exercise):
                    checkExercise(exercise, &context)
                    content = ContentSet(exercises: [exercise])
                }
            }
            context.reachedDeep = true
            let validator = ContentValidator(requiresCorePrinciples: false)
            if case .failure(let errors) = validator.validate(content) {
                checkDiagnostics(errors, stage: "validate", files: [file], lastLine: lastLine, &context)
            }
            var merged = base
            merged.add(content)
            if case .failure(let errors) = validator.validate(merged) {
                checkDiagnostics(errors, stage: "validate with the corpus", files: baseFiles, lastLine: lastLine, &context)
            }
        }
    }

    static func checkDiagnostics(_ errors: ContentErrors, stage: String, files: Set<String>, lastLine: Int,
                                 _ context: inout CheckContext) {
        context.expect(!errors.diagnostics.isEmpty, "\(stage): failure without diagnostics",
                       "\(stage) failed with an empty list of diagnostics")
        for diagnostic in errors.diagnostics {
            let location = diagnostic.location
            context.expect(!diagnostic.message.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty,
                           "\(stage): empty message", "a diagnostic at \(location) has no message")
            context.expect(files.contains(location.file), "\(stage): location names another file",
                           "diagnostic '\(diagnostic)' does not name the input file '\(file)'")
            if location.file == file {
                context.expect((1...lastLine).contains(location.line) && location.column >= 1,
                               "\(stage): location outside the file",
                               "diagnostic '\(diagnostic.description.prefix(300))' points at line \(location.line), column \(location.column); the input has at most \(lastLine - 1) lines")
            }
        }
    }

    static func checkKnowledge(_ content: ContentSet, _ context: inout CheckContext) {
        for node in content.nodes {
            context.expect(isID(node.id), "readKnowledge: invalid id accepted", "node id '\(node.id.prefix(100))' was accepted")
            context.expect(node.kind != .exercise, "readKnowledge: exercise node", "node '\(node.id)' has kind exercise")
            context.expect(node.location?.file == file, "readKnowledge: node without location", "node '\(node.id)' has location \(String(describing: node.location))")
        }
    }

    static func checkExercise(_ exercise: Exercise, _ context: inout CheckContext) {
        context.expect(isID(exercise.id), "readExercise: invalid id accepted", "exercise id '\(exercise.id.prefix(100))' was accepted")
        context.expect(!exercise.steps.isEmpty, "readExercise: no steps", "exercise '\(exercise.id)' was accepted without steps")
        context.expect(!exercise.principles.isEmpty && !exercise.sources.isEmpty, "readExercise: no principles or sources",
                       "exercise '\(exercise.id)' was accepted without principles or sources")
        for step in exercise.steps + exercise.steps.flatMap(\.followUps) {
            switch step.kind {
            case .rating:
                if let scale = step.scale {
                    context.expect(scale.min < scale.max && scale.max.subtractingReportingOverflow(scale.min).partialValue <= 100,
                                   "readExercise: bad scale accepted", "step '\(step.id)' has scale \(scale.min)...\(scale.max)")
                    context.expect(scale.labels.allSatisfy { (scale.min...scale.max).contains($0.value) },
                                   "readExercise: label outside the scale", "step '\(step.id)' has a label outside \(scale.min)...\(scale.max)")
                } else {
                    context.fail("readExercise: rating without scale", "step '\(step.id)' is a rating without a scale")
                }
            case .choice:
                context.expect(step.options.count >= 2 && Set(step.options.map(\.id)).count == step.options.count,
                               "readExercise: bad options accepted", "choice step '\(step.id)' has \(step.options.count) options")
            default:
                break
            }
            if step.kind != .list {
                context.expect(step.followUps.isEmpty, "readExercise: followUps on a non-list step",
                               "step '\(step.id)' (\(step.kind)) has followUps")
            }
        }
    }
}
