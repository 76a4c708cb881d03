import Foundation
import SpiegelContent
@testable import SpiegelCore

/// A fresh private temporary directory, removed by `remove()`.
struct TempDirectory {
    let path: String

    init(_ label: String = "spiegel-core") {
        var template = Array((NSTemporaryDirectory() + "/\(label)-XXXXXX").utf8CString)
        let created = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
        precondition(created != nil, "mkdtemp failed")
        path = URL(fileURLWithPath: String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)).standardizedFileURL.path
    }

    func remove() { try? FileManager.default.removeItem(atPath: path) }

    func write(_ relative: String, _ text: String) throws {
        let url = URL(fileURLWithPath: path + "/" + relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }
}

/// The permission bits of a file or directory.
func mode(_ path: String) -> Int? {
    var info = stat()
    guard lstat(path, &info) == 0 else { return nil }
    return Int(info.st_mode) & 0o7777
}

/// A text in both languages.
func text(_ en: String, _ nl: String? = nil) -> LocalizedText { LocalizedText(en: en, nl: nl ?? en + " (nl)") }

/// Hand-made content: two core principles (interest builds on awareness) and three exercises.
enum SmallContent {
    static func confidence() -> Step {
        Step(id: "confidence", kind: .rating, prompt: text("How confident?"), scale: RatingScale(min: 1, max: 5, labels: []))
    }

    static func exercise(_ id: String, _ principles: [String]) -> Exercise {
        Exercise(id: id, version: 1, title: text("Title of \(id)"), intro: text("Intro"), minutes: 5, principles: principles,
                 practices: [], sources: ["src-s"],
                 steps: [Step(id: "what", kind: .text, prompt: text("What?")), confidence()])
    }

    static var content: ContentSet {
        ContentSet(
            nodes: [
                Node(id: "src-s", kind: .source, name: text("Source"), summary: text("A source"),
                     source: SourceRecord(title: "T", author: "A", publication: "P", seed: "s.txt")),
                Node(id: "awareness", kind: .principle, name: text("Awareness"), summary: text("Look at yourself"),
                     edges: [Edge(.from, "src-s")]),
                Node(id: "interest", kind: .principle, name: text("Interest"), summary: text("Be curious"),
                     edges: [Edge(.from, "src-s"), Edge(.buildsOn, "awareness")]),
            ],
            exercises: [exercise("ex-aware", ["awareness"]), exercise("ex-interest", ["interest"]),
                        exercise("ex-both", ["interest", "awareness"])])
    }

    static var graph: KnowledgeGraph { KnowledgeGraph(content: content) }
}

/// Local noon of a day, as a journal timestamp.
func noon(_ day: String) -> String {
    Timestamp.string(Timestamp.date(day)!.addingTimeInterval(12 * 3600))
}

/// A completed entry of `exercise` on `day` (local noon) with a confidence rating.
func completedEntry(_ exercise: Exercise, id: String, day: String, confidence: Int?,
                    commitments: [Commitment] = []) -> Entry {
    var entry = Entry(id: id, exercise: exercise, language: .en, startedAt: noon(day))
    entry.completedAt = noon(day)
    entry.confidence = confidence
    entry.commitments = commitments
    var answer = Answer(stepId: "what", kind: .text, prompt: "What?")
    answer.text = "something"
    entry.answers = [answer]
    return entry
}

/// The package root (for the curated knowledge/ and prompts/ folders).
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().path

extension Array where Element == Entry {
    /// The summaries the scheduler and statistics work on.
    var summaries: [EntrySummary] { map(EntrySummary.init) }
}

extension ExportWords {
    /// Plain English words for the exports, as the CLI's catalog would give them.
    static func english(title: String = "Journal") -> ExportWords {
        ExportWords(
            language: "en", title: title, exported: "Exported", countEntries: { $0 == 1 ? "1 entry" : "\($0) entries" },
            skipped: "skipped", commitments: "Commitments", coach: "Coach", contents: "Contents", overview: "Overview",
            entriesPerPrinciple: "Entries per principle", activityPerWeek: "Entries per week",
            activityPerMonth: "Entries per month", confidenceOverTime: "Confidence over time", confidence: "confidence",
            outcomes: "Commitment outcomes", principle: "Principle", made: "Made", kept: "Kept", due: "due",
            otherEntries: "Other entries", alsoTraining: "Also training", page: "Page", pageOf: "of",
            months: "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split(separator: " ").map(String.init),
            principleNames: ["awareness": "Awareness", "interest": "Interest"], exerciseTitles: [:],
            statusNames: [.open: "open", .done: "done", .moved: "moved", .dropped: "dropped"],
            barrierNames: ["shyness": "Shyness", "creativity": "Lack of creativity"],
            checkInLabels: [.did: "What you did", .reaction: "How the customer reacted", .learned: "What you learned",
                            .next: "What comes next", .barriers: "What got in the way", .why: "Why"],
            movedTo: { "moved to \($0)" })
    }
}
