import ArgumentParser
import Foundation
import SpiegelContent
import SpiegelCore

/// `redaction --corpus DIR`: recall of `export --redact` on a hand-written corpus (JSON Lines, one sentence
/// with its planted identifiers a line). Each file is one journal and one export: its sentences are put
/// into entries the way people type them (answers, list items, follow-ups, plan situations and actions,
/// reflections, every check-in field, coach notes), the export's redaction masks each entry, and every
/// planted identifier is looked for in the masked text of its own field.
struct RedactionBenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "redaction", abstract: "Recall, partial masks and false positives of the redaction on a corpus.")

    @Option(help: "A folder of *.jsonl files (id, lang, region, text, pii: [{kind, text}]).") var corpus: String
    @Flag(help: "Print JSON instead of tables.") var json = false
    @Option(help: "Print up to this many misses and false positives per kind.") var show = 0

    func run() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: corpus).filter { $0.hasSuffix(".jsonl") }.sorted()
        guard !files.isEmpty else { throw ValidationError("no .jsonl files in \(corpus)") }
        var tally = RedactionTally()
        for file in files {
            let sentences = try CorpusSentence.read(corpus + "/" + file)
            tally.measure(sentences, source: file)
        }
        if json {
            FileHandle.standardOutput.write(JSONOutput.data(tally.report))
            print()
        } else {
            print(tally.tables(showing: show))
        }
    }
}

/// One sentence of the corpus and the identifiers planted in it.
struct CorpusSentence: Decodable {
    struct Planted: Decodable {
        var kind: String
        var text: String
    }

    var id: String
    var lang: String
    var region: String
    var text: String
    var pii: [Planted]

    static func read(_ path: String) throws -> [CorpusSentence] {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        return try text.split(separator: "\n").enumerated().compactMap { number, line in
            guard !line.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
            do {
                var sentence = try JSONDecoder().decode(CorpusSentence.self, from: Data(line.utf8))
                sentence.text = sentence.text.precomposedStringWithCanonicalMapping
                for index in sentence.pii.indices { sentence.pii[index].text = sentence.pii[index].text.precomposedStringWithCanonicalMapping }
                return sentence
            } catch {
                throw ValidationError("\(path):\(number + 1): \(error)")
            }
        }
    }
}

/// The counts behind the report.
struct RedactionTally {
    struct Count: Codable {
        var planted = 0, masked = 0, partial = 0
        var recall: Double { planted == 0 ? 1 : Double(masked) / Double(planted) }
    }

    struct Report: Codable {
        var sentences: Int
        var perKind: [String: Count]
        var perField: [String: Count]
        var perRegion: [String: Count]
        var perKindDutch: [String: Count]
        var falsePositives: Int
        var falsePositivesPer100Sentences: Double
        var peopleNamedTwiceOrMore: Int
        var peopleMaskedInEveryMention: Int
        var peopleWithOneNumber: Int
    }

    /// The fields a sentence is typed into, in turn.
    static let fields: [TypedField] = [
        .answer, .listItem, .followUpItem, .situation, .action, .reflection, .checkInDid, .checkInReaction,
        .checkInLearned, .checkInNext, .checkInWhy, .coachNote,
    ]

    var sentences = 0
    var perKind: [String: Count] = [:]
    var perField: [String: Count] = [:]
    var perRegion: [String: Count] = [:]
    /// Per kind on the Dutch sentences alone (Netherlands and Flanders), to set beside deduce.
    var perKindDutch: [String: Count] = [:]
    var falsePositives = 0
    var people = 0, peopleMasked = 0, peopleOneNumber = 0
    var misses: [String: [String]] = [:]
    var spurious: [String] = []

    mutating func measure(_ corpus: [CorpusSentence], source: String) {
        // Stories of six sentences make one entry each, every sentence in the next field in turn.
        var placed: [(sentence: CorpusSentence, entry: Int, field: TypedField)] = []
        var entries: [Entry] = []
        for start in stride(from: 0, to: corpus.count, by: 6) {
            let story = Array(corpus[start..<min(start + 6, corpus.count)])
            var fieldsOfStory: [TypedField] = []
            for (offset, sentence) in story.enumerated() {
                let field = Self.fields[(start + offset) % Self.fields.count]
                fieldsOfStory.append(field)
                placed.append((sentence, entries.count, field))
            }
            entries.append(Self.entry(number: entries.count, story: story.map(\.text), fields: fieldsOfStory,
                                      language: story[0].lang == "nl" ? .nl : .en))
        }
        let redaction = ExportRedaction(redactor: Redactor(), entries: entries)
        let masked = entries.map(redaction.redact)
        // Each person (a name written the same way) named twice or more in this export, with their mentions.
        var mentions: [String: [(masked: Bool, number: Int?)]] = [:]
        var seenInField: [Int: [TypedField: Int]] = [:]
        for item in placed {
            sentences += 1
            let nth = seenInField[item.entry, default: [:]][item.field, default: 0]
            seenInField[item.entry, default: [:]][item.field] = nth + 1
            let output = Self.text(of: masked[item.entry], field: item.field, nth: nth)
            let (normalised, spans) = redaction.spans(in: item.sentence.text)
            let planted = Self.ranges(of: item.sentence.pii, in: normalised)
            for (pii, range) in planted {
                let outcome = Self.outcome(of: pii.text, in: output ?? "")
                perKind[pii.kind, default: Count()].add(outcome)
                perField[item.field.rawValue, default: Count()].add(outcome)
                perRegion[item.sentence.region, default: Count()].add(outcome)
                if item.sentence.lang == "nl" { perKindDutch[pii.kind, default: Count()].add(outcome) }
                if outcome != .masked {
                    misses[pii.kind, default: []].append("\(item.sentence.id) «\(pii.text)» \(outcome): \(output ?? "-")")
                }
                if pii.kind == "name" {
                    let number = range.flatMap { range in spans.first { $0.kind == .name && $0.range.overlaps(range) }?.number }
                    mentions[pii.text.lowercased(), default: []].append((outcome == .masked, number))
                }
            }
            for span in spans where !planted.contains(where: { $0.range.map(span.range.overlaps) ?? false }) {
                falsePositives += 1
                spurious.append("\(item.sentence.id) \(span.kind.rawValue) «\(normalised[span.range])»")
            }
        }
        for (_, list) in mentions where list.count >= 2 {
            people += 1
            if list.allSatisfy(\.masked) { peopleMasked += 1 }
            if list.allSatisfy(\.masked), Set(list.map(\.number)).count == 1, list[0].number != nil { peopleOneNumber += 1 }
        }
    }

    enum Outcome: String { case masked, partial, missed }

    /// Masked when none of the identifier's words and numbers is left in the output; partial when some are.
    static func outcome(of secret: String, in output: String) -> Outcome {
        // A name's particles (`van`, `de`) are ordinary words that may stand elsewhere in the sentence.
        let particles: Set<String> = ["van", "de", "der", "den", "het", "ter", "ten", "te", "el", "al", "le", "la", "du", "da", "di", "von", "bin", "ben", "op", "in", "t"]
        let parts = tokens(secret).filter { ($0.count >= 2 || $0.allSatisfy(\.isNumber)) && !particles.contains($0) }
        guard !parts.isEmpty else { return .masked }
        // The masks' own numbers (`[name 2]`) are not left-over text.
        let left = Set(tokens(output.replacingOccurrences(of: #"\[[^\[\]]* \d+\]"#, with: " ", options: .regularExpression)))
        let kept = parts.filter(left.contains).count
        return kept == 0 ? .masked : kept == parts.count ? .missed : .partial
    }

    private static func tokens(_ text: String) -> [String] {
        text.lowercased().split { !$0.isLetter && !$0.isNumber }.map(String.init)
    }

    /// Where each planted identifier stands (the n-th occurrence for the n-th listing of the same text).
    static func ranges(of pii: [CorpusSentence.Planted], in text: String) -> [(pii: CorpusSentence.Planted, range: Range<String.Index>?)] {
        var from: [String: String.Index] = [:]
        return pii.map { planted in
            let start = from[planted.text] ?? text.startIndex
            let range = text.range(of: planted.text, range: start..<text.endIndex)
            if let range { from[planted.text] = range.upperBound }
            return (planted, range)
        }
    }

    /// The masked text of the `nth` use of `field` in `entry`.
    static func text(of entry: Entry, field: TypedField, nth: Int) -> String? {
        let texts = entry.typedTexts.filter { $0.field == field }.map(\.text)
        // A plan's situation and action stand on the answer and on the commitment: the answer's come first.
        let distinct = field == .situation || field == .action ? Array(texts.prefix(texts.count / 2)) : texts
        return nth < distinct.count ? distinct[nth] : nil
    }

    /// An entry that holds `story`'s sentences in `fields`, built as the exercises and check-ins build it.
    static func entry(number: Int, story: [String], fields: [TypedField], language: Language) -> Entry {
        var entry = Entry(id: String(format: "20260301-%06d-000000", number), exercise: CorpusExercise.exercise,
                          language: language, startedAt: "2026-03-01T09:00:00+01:00")
        entry.completedAt = "2026-03-01T09:30:00+01:00"
        var situations: [String] = [], actions: [String] = []
        var events: [CommitmentEvent] = []
        for (text, field) in zip(story, fields) {
            switch field {
            case .answer:
                var answer = Answer(stepId: "notice", kind: .text, prompt: "What happened?")
                answer.text = text
                entry.answers.append(answer)
            case .listItem:
                var answer = Answer(stepId: "list", kind: .list, prompt: "Name three moments.")
                answer.items = [text]
                entry.answers.append(answer)
            case .followUpItem:
                var answer = Answer(stepId: "follow", kind: .text, prompt: "What did you do about '\(text)'?", item: 0, itemText: text)
                answer.text = "-"
                entry.answers.append(answer)
            case .situation: situations.append(text)
            case .action: actions.append(text)
            case .reflection: events.append(CommitmentEvent(at: "2026-03-02T10:00:00+01:00", status: .moved, reflection: text))
            case .checkInDid: events.append(Self.checkIn(CheckInAnswers(did: text)))
            case .checkInReaction: events.append(Self.checkIn(CheckInAnswers(reaction: text)))
            case .checkInLearned: events.append(Self.checkIn(CheckInAnswers(learned: text)))
            case .checkInNext: events.append(Self.checkIn(CheckInAnswers(next: text)))
            case .checkInWhy: events.append(CommitmentEvent(at: "2026-03-03T10:00:00+01:00", status: .dropped, checkIn: CheckInAnswers(why: text)))
            case .coachNote: entry.coachNotes = (entry.coachNotes ?? []) + [CoachNote(author: "coach", at: "2026-03-04T10:00:00+01:00", text: text)]
            case .followUpPrompt: break
            }
        }
        let plans = max(situations.count, actions.count, events.isEmpty ? 0 : 1)
        for index in 0..<plans {
            var answer = Answer(stepId: "plan", kind: .commitment, prompt: "Your plan")
            answer.situation = index < situations.count ? situations[index] : nil
            answer.action = index < actions.count ? actions[index] : "ask one more question"
            answer.due = CalendarDay(year: 2026, month: 3, day: 8)
            entry.answers.append(answer)
            entry.commitments.append(Commitment(id: "c\(index + 1)", stepId: "plan", situation: answer.situation,
                                                action: answer.action!, due: answer.due!, status: .open,
                                                history: index == 0 ? events : []))
        }
        return entry
    }

    private static func checkIn(_ answers: CheckInAnswers) -> CommitmentEvent {
        CommitmentEvent(at: "2026-03-02T10:00:00+01:00", status: .done, checkIn: answers)
    }

    var report: Report {
        Report(sentences: sentences, perKind: perKind, perField: perField, perRegion: perRegion, perKindDutch: perKindDutch,
               falsePositives: falsePositives, falsePositivesPer100Sentences: Double(falsePositives) * 100 / Double(max(sentences, 1)),
               peopleNamedTwiceOrMore: people, peopleMaskedInEveryMention: peopleMasked, peopleWithOneNumber: peopleOneNumber)
    }

    func tables(showing show: Int) -> String {
        func table(_ title: String, _ counts: [String: Count]) -> [String] {
            var lines = ["| \(title) | planted | masked | partial | recall |", "|---|---:|---:|---:|---:|"]
            for (key, count) in counts.sorted(by: { $0.key < $1.key }) {
                lines.append("| \(key) | \(count.planted) | \(count.masked) | \(count.partial) | \(String(format: "%.1f%%", count.recall * 100)) |")
            }
            let total = counts.values.reduce(into: Count()) { $0.planted += $1.planted; $0.masked += $1.masked; $0.partial += $1.partial }
            lines.append("| all | \(total.planted) | \(total.masked) | \(total.partial) | \(String(format: "%.1f%%", total.recall * 100)) |")
            return lines
        }
        var out = ["\(sentences) sentences", ""] + table("kind", perKind) + [""] + table("field", perField) + [""] + table("region", perRegion)
            + [""] + table("kind, Dutch only", perKindDutch)
        out += ["", String(format: "false positives: %d (%.2f per 100 sentences)", falsePositives, Double(falsePositives) * 100 / Double(max(sentences, 1)))]
        out.append("people named twice or more: \(people); masked in every mention: \(peopleMasked) (\(String(format: "%.1f%%", Double(peopleMasked) * 100 / Double(max(people, 1))))); one number in every mention: \(peopleOneNumber)")
        if show > 0 {
            for (kind, list) in misses.sorted(by: { $0.key < $1.key }) {
                out.append("")
                out.append("missed \(kind) (\(list.count)):")
                out += list.prefix(show).map { "  " + $0 }
            }
            out.append("")
            out.append("false positives (\(spurious.count)):")
            out += spurious.prefix(show * 3).map { "  " + $0 }
        }
        return out.joined(separator: "\n")
    }
}

extension RedactionTally.Count {
    mutating func add(_ outcome: RedactionTally.Outcome) {
        planted += 1
        if outcome == .masked { masked += 1 }
        if outcome == .partial { partial += 1 }
    }
}

/// The exercise the corpus's entries answer: a text, a list with a follow-up, and a plan.
enum CorpusExercise {
    static let exercise = KnowledgeGraph.curated().exercises[0]
}
