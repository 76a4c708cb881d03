import Foundation
import SpiegelContent
import SpiegelCore

/// One entry file, as another program or a damaged disk could leave it: the store reads it (listing,
/// summaries, lookup by id), and whatever it accepts goes through everything that reads entries — the
/// scheduler, the statistics and every export. Nothing may trap; an accepted entry keeps its ranges.
enum EntryFuzz {
    static let dictionary: [[UInt8]] = [
        "{", "}", "[", "]", "\"", ":", ",", "null", "true", "false", "-9223372036854775808", "9223372036854775807",
        "18446744073709551616", "1e308", "-1", "0", "6", "\"confidence\"", "\"rating\"", "\"item\"", "\"due\"",
        "\"2026-02-29\"", "\"9999-12-31\"", "\"0000-01-01\"", "\"startedAt\"", "\"completedAt\"", "\"at\"",
        "\"2026-11-23T09:15:02+01:00\"", "\"-1-01-01T00:00:00Z\"", "\"status\"", "\"moved\"", "\"history\"",
        "\"commitments\"", "\"coachNotes\"", "\"principles\"", "\"exercise\"", "\"\\u001b]0;x\\u0007\"", "\"../x\"",
        "\"id\"", "\"kind\"", "\"choice\"", "\"list\"", "\"items\"", "\"skipped\"", "\"schemaVersion\"",
    ].map { Array($0.utf8) }

    static let graph = KnowledgeGraph.curated()

    static func makeTarget() -> FuzzTarget {
        let seeds = Corpus.files("entry")
        let root = FuzzConfig.current.outputDirectory + "/work-entry-\(getpid())"
        let mutator = Mutator(corpus: seeds.filter(Fuzzer.isParent).map(\.bytes), dictionary: dictionary, maximumSize: 256 << 10,
                              boundarySizes: [64 << 10], hugeRepeatOneIn: 5_000)
        return FuzzTarget(name: "entry", fileExtension: "json", seeds: seeds, mutator: mutator,
                          check: { input, context in check(input, root: root, &context) },
                          finish: { try? FileManager.default.removeItem(atPath: root) })
    }

    static func check(_ input: [UInt8], root: String, _ context: inout CheckContext) {
        try? FileManager.default.removeItem(atPath: root)
        let store = JournalStore(root: root)
        let id = "20261123-091502-3fa9c1"
        do {
            try store.prepare(now: Date(timeIntervalSince1970: 1_790_000_000))
            try Data(input).write(to: URL(fileURLWithPath: store.entriesDirectory + "/" + id + ".json"))
        } catch {
            context.fail("setup", "cannot write the entry file: \(error)")
            return
        }
        let contents: JournalContents
        let summaries: JournalSummaries
        do {
            contents = try store.entries()
            summaries = try store.summaries()
        } catch {
            context.fail("listing", "a readable folder failed: \(error.message)")
            return
        }
        context.expect(contents.entries.count + contents.problems.count == 1, "entry: lost or doubled",
                       "\(contents.entries.count) entries, \(contents.problems.count) problems for one file")
        context.expect(summaries.entries.count == contents.entries.count, "summaries disagree",
                       "\(summaries.entries.count) summaries, \(contents.entries.count) entries")
        for problem in contents.problems + summaries.problems {
            context.expect(!problem.message.contains("\u{1B}") || problem.message.count < 10_000, "problem text",
                           "a problem message is unbounded")
        }
        guard let entry = contents.entries.first else { return }
        context.expect(entry.validationProblem == nil, "entry: out of range", "accepted: \(entry.validationProblem ?? "")")
        context.expect((try? store.entry(matching: String(id.prefix(8))))?.id == entry.id, "lookup", "the entry is not found by its prefix")
        let today = CalendarDay(Date(timeIntervalSince1970: 1_790_000_000))
        for language in [Language.en, .nl] {
            _ = Scheduler(graph: graph, language: language).recommend(entries: summaries.entries, today: today, count: 3)
        }
        _ = JournalStats(entries: summaries.entries, principles: graph.principles.map(\.id), today: today)
        let words = ExportWords(
            language: "nl", title: "t", exported: "e", countEntries: { "\($0)" }, skipped: "s", commitments: "c", coach: "c",
            contents: "c", overview: "o", entriesPerPrinciple: "p", activityPerWeek: "w", activityPerMonth: "m",
            confidenceOverTime: "c", confidence: "c", outcomes: "o", principle: "p", made: "m", kept: "k", due: "d",
            otherEntries: "o", alsoTraining: "a", page: "p", pageOf: "v", months: [], principleNames: [:], exerciseTitles: [:],
            statusNames: [:], barrierNames: [:], checkInLabels: [:],
            movedTo: { $0 })
        _ = CSVExport.render([entry])
        _ = MarkdownExport.render([entry], exportedAt: "2026-11-23", words: words)
        _ = HTMLExport.render([entry], exportedAt: "2026-11-23", principles: graph.principles.map(\.id), today: today, words: words)
        _ = Redactor(words: ["Anna"]).redact(entry)
    }
}
