import Foundation
import Testing
import SpiegelContent
@testable import SpiegelCore

/// Export formats, bundles, import and redaction on entries with awkward text.
@Suite struct ExchangeTests {
    static let awkward = "Mevrouw <script>alert(1)</script> zei: \"dank, echt\",\nmail jan@example.com of bel 06-12345678 😊 Één café"

    func sampleEntries() throws -> [Entry] {
        let graph = KnowledgeGraph.curated()
        return try (0..<3).map { index in
            let exercise = graph.exercise("most-satisfied-customer")!
            let date = Date(timeIntervalSince1970: 1_790_000_000 + Double(index) * 86_400)
            var runner = ExerciseRunner(exercise: exercise, entry: Entry(
                id: "2026091\(index)-120000-00000\(index)", exercise: exercise, language: .nl, startedAt: Timestamp.string(date)))
            while let slot = runner.current {
                switch slot.step.kind {
                case .text: try runner.answer(.text(Self.awkward + " #\(index)"), today: CalendarDay(date))
                case .list: try runner.answer(.list(["één", "twee, drie"]), today: CalendarDay(date))
                case .rating: try runner.answer(.rating("3"), today: CalendarDay(date))
                case .choice: try runner.answer(.choice("1"), today: CalendarDay(date))
                case .commitment: try runner.answer(.commitment(action: "bel Jan terug", due: "in 2 days"), today: CalendarDay(date))
                }
            }
            return runner.completedEntry(at: date)
        }
    }

    @Test func rawBundleRoundTripsThroughImport() throws {
        let entries = try sampleEntries()
        let raw = entries.map { JSONOutput.data($0) }
        let data = BundleWriter.entriesBundle(rawEntries: raw, exercises: [KnowledgeGraph.curated().exercise("most-satisfied-customer")!],
                                              exportedAt: "2026-11-23T10:00:00+01:00", exporter: "Anna")
        let bundle = try ExchangeBundle.read(data, path: "anna.json")
        #expect(bundle.entries == entries)
        #expect(bundle.exporter == "Anna" && bundle.kind == .entries && bundle.exercises.count == 1)

        let dir = TempDirectory("spiegel-exchange")
        defer { dir.remove() }
        let store = JournalStore(root: dir.path + "/j")
        try store.prepare(now: Date())
        let first = try BundleImporter(store: store).merge(bundle)
        let second = try BundleImporter(store: store).merge(bundle)
        #expect(first.added == 3 && second.added == 0 && second.alreadyPresent == 3)
        #expect(try store.entries().entries.sorted { $0.id < $1.id } == entries.sorted { $0.id < $1.id })
    }

    @Test func aBigImportIsWrittenInBatchesAndIndexedAsWritten() throws {
        let dir = TempDirectory("spiegel-exchange")
        defer { dir.remove() }
        let source = JournalStore(root: dir.path + "/source")
        let count = JournalStore.writeBatch * 2 + 500
        _ = try JournalGenerator(graph: .curated()).generate(count: count, seed: 8, into: source, now: Date())
        let ids = try source.entryIDs()
        let data = BundleWriter.entriesBundle(rawEntries: source.rawEntries(ids: ids), exercises: [],
                                              exportedAt: "2026-11-23T10:00:00+01:00", exporter: "Anna")
        let bundle = try ExchangeBundle.read(data, path: "anna.json")
        let store = JournalStore(root: dir.path + "/j")
        try store.prepare(now: Date())
        #expect(try BundleImporter(store: store).merge(bundle).added == count)
        // The files are new to the directory, but the index already knows them: the next read reads none
        // (a read of this many files would report its progress).
        let reads = Counter()
        let listed = try store.summaries(progress: { _, _ in reads.add() })
        #expect(reads.value == 0, "the imported files were read again")
        #expect(listed.entries.map(\.id) == ids.reversed() && listed.problems.isEmpty)
        #expect(try store.summaries(matching: JournalFilter(grep: "parkeerplaats")).entries.count > 0)
        #expect(try BundleImporter(store: store).merge(bundle).alreadyPresent == count)
    }

    @Test func aStreamedBundleIsWrittenInPiecesToAFileAtomically() throws {
        let entries = try sampleEntries()
        // Enough entries for several pieces of about a megabyte.
        let raw = (0..<1_500).map { JSONOutput.data(entries[$0 % entries.count]) }
        let whole = BundleWriter.entriesBundle(rawEntries: raw, exercises: [], exportedAt: "2026-11-23T10:00:00+01:00", exporter: "Anna")
        let dir = TempDirectory("spiegel-exchange")
        defer { dir.remove() }
        let path = dir.path + "/export.json"
        var pieces = 0
        try SafeFiles.write(to: path, replace: true) { append throws(JournalError) in
            try BundleWriter.writeEntriesBundle(raw, exercises: [], exportedAt: "2026-11-23T10:00:00+01:00", exporter: "Anna") { piece throws(JournalError) in
                pieces += 1
                #expect(!FileManager.default.fileExists(atPath: path), "the file appears only when it is complete")
                try append(piece)
            }
        }
        #expect(pieces > 1)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == whole)
        #expect(try ExchangeBundle.read(whole, path: path).entries.count == 1_500)
        #expect(mode(path) == 0o600)
        // A failure midway leaves neither the file nor a temporary one.
        let failed = dir.path + "/failed.json"
        #expect(throws: JournalError.self) {
            try SafeFiles.write(to: failed, replace: true) { append throws(JournalError) in
                try append(Data("{".utf8))
                throw JournalError.cannotRead(path: "source", reason: "gone")
            }
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["export.json"])
    }

    @Test func feedbackNotesAttachOnce() throws {
        let entries = try sampleEntries()
        let dir = TempDirectory("spiegel-exchange")
        defer { dir.remove() }
        let store = JournalStore(root: dir.path + "/j")
        try store.prepare(now: Date())
        _ = try store.saveNew(batch: entries)
        let note = EntryNote(entryId: entries[1].id, client: "Anna", author: "Coach Kim", at: "2026-11-24T09:00:00+01:00", text: "Mooi <b>gedaan</b>")
        let feedback = ExchangeBundle(kind: .feedback, exportedAt: "2026-11-24T09:00:00+01:00", exporter: "Coach Kim",
                                      exercises: [], entries: [], notes: [note, EntryNote(entryId: "20990101-000000-ffffff", client: "Anna", author: "Coach Kim", at: note.at, text: "lost")])
        let data = JSONOutput.data(feedback)
        for _ in 0..<2 {
            let result = try BundleImporter(store: store).merge(try ExchangeBundle.read(data, path: "fb.json"))
            #expect(result.notesForUnknownEntries == 1)
        }
        let withNote = try store.entry(matching: entries[1].id)
        #expect(withNote.coachNotes == [CoachNote(author: "Coach Kim", at: note.at, text: "Mooi <b>gedaan</b>")])
    }

    @Test func badBundlesAreRefusedClearly() {
        #expect(throws: ExchangeBundle.ReadError.newer("f.json", 999)) {
            try ExchangeBundle.read(Data(#"{"schemaVersion": 999, "entries": []}"#.utf8), path: "f.json")
        }
        #expect(throws: ExchangeBundle.ReadError.foreign("f.json")) {
            try ExchangeBundle.read(Data(#"{"schemaVersion": 1, "entries": []}"#.utf8), path: "f.json")
        }
        #expect(throws: ExchangeBundle.ReadError.notJSON("f.json")) {
            try ExchangeBundle.read(Data("PK\u{3}\u{4} zip".utf8), path: "f.json")
        }
        let traversal = #"{"format":"spiegel-bundle","schemaVersion":1,"kind":"entries","exportedAt":"x","exporter":"x","exercises":[],"notes":[],"entries":[{"schemaVersion":1,"id":"../../etc/passwd","exercise":"x","exerciseVersion":1,"exerciseTitle":"x","language":"en","startedAt":"2026-01-01T00:00:00Z","completedAt":"2026-01-01T00:00:00Z","principles":[],"practices":[],"answers":[],"commitments":[]}]}"#
        #expect(throws: ExchangeBundle.ReadError.self) { try ExchangeBundle.read(Data(traversal.utf8), path: "f.json") }
    }

    @Test func htmlEscapesEveryUserText() throws {
        let html = HTMLExport.render(try sampleEntries(), exportedAt: "now", principles: ContentValidator.corePrinciples,
                                     today: CalendarDay(year: 2026, month: 11, day: 23), words: .english(title: "Anna <3"))
        #expect(!html.contains("<script>"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains("Anna &lt;3"))
        // Activity and confidence over time (entries per principle are HTML bars).
        #expect(html.components(separatedBy: "<svg").count == 3)
        #expect(!html.contains("http://") || html.contains("xmlns=\"http://www.w3.org/2000/svg\""))
    }

    /// Markdown escapes only what it would read as markup.
    @Test(arguments: [
        ("2026-03-07T10:00", "2026-03-07T10:00"), ("Jan & Piet, 3 + 4; ok?", "Jan & Piet, 3 + 4; ok?"), ("Hi!", "Hi!"),
        ("# kop", "\\# kop"), ("- punt", "\\- punt"), ("+ punt", "\\+ punt"), ("---", "\\---"), ("1. eerst", "1\\. eerst"),
        ("12) twaalf", "12\\) twaalf"), ("a*b_c", "a\\*b\\_c"), ("![x](y)", "\\!\\[x\\](y)"), ("&amp;", "\\&amp;"),
        ("<b>", "\\<b\\>"), ("a|b~c`d\\e", "a\\|b\\~c\\`d\\\\e"), ("  twee", "&#32;&#32;twee"), ("3.5 uur", "3.5 uur"),
    ])
    func markdownEscapesOnlyMarkup(text: String, escaped: String) {
        #expect(MarkdownExport.escape(text) == escaped)
    }

    @Test func markdownQuotesAnswersAndListsCommitments() throws {
        let markdown = MarkdownExport.render(try sampleEntries(), exportedAt: "now", words: .english(title: "Anna"))
        #expect(markdown.contains("> Mevrouw"))
        #expect(markdown.contains("- [ ] bel Jan terug"))
        #expect(markdown.contains("\\<script\\>") || markdown.contains("> Mevrouw <script>"))
    }

    @Test func csvQuotesFieldsAndKeepsTextExact() throws {
        let csv = CSVExport.render(try sampleEntries())
        #expect(csv.hasPrefix("\u{FEFF}entry_id,date,exercise"))
        #expect(csv.contains("\r\n"))
        // The awkward answer (comma, quotes, newline) is one quoted field with doubled quotes.
        #expect(csv.contains("\"" + (Self.awkward + " #0").replacingOccurrences(of: "\"", with: "\"\"") + "\""))
    }

    /// The sample entries with an if-then commitment that was moved (shyness in the way) and then done,
    /// with a reflection and a check-in whose answers carry markup.
    func entriesWithCheckIns() throws -> [Entry] {
        var entries = try sampleEntries()
        entries[0].commitments[0].situation = "de klant twijfelt"
        entries[0].commitments[0].status = .done
        entries[0].commitments[0].history = [
            CommitmentEvent(at: "2026-09-12T09:00:00+02:00", status: .moved, due: CalendarDay(year: 2026, month: 9, day: 20),
                            reflection: "te druk", checkIn: CheckInAnswers(barriers: ["shyness", "unknown-barrier"])),
            CommitmentEvent(at: "2026-09-19T17:30:00+02:00", status: .done, reflection: "ging goed",
                            checkIn: CheckInAnswers(did: "Jan gebeld", reaction: "blij <b>echt</b>", learned: "eerder bellen",
                                                    next: "=opvolgen", why: nil)),
        ]
        return entries
    }

    @Test func commitmentOutcomesAndCheckInsAppearInEveryFormat() throws {
        let entries = try entriesWithCheckIns()
        let words = ExportWords.english()
        let html = HTMLExport.render(entries, exportedAt: "now", principles: ContentValidator.corePrinciples,
                                     today: CalendarDay(year: 2026, month: 11, day: 23), words: words)
        for expected in ["Als de klant twijfelt, dan bel ik Jan terug", "moved to 20 Sep 2026", "te druk", "ging goed",
                         "<dt>What got in the way</dt><dd>Shyness; unknown-barrier</dd>", "<dt>What you did</dt><dd>Jan gebeld</dd>",
                         "blij &lt;b&gt;echt&lt;/b&gt;", "<dt>What comes next</dt><dd>=opvolgen</dd>"] {
            #expect(html.contains(expected), "html: \(expected)")
        }
        #expect(!html.contains("<b>echt"), "a check-in answer stays text")
        #expect(!html.contains("<dt>Why</dt>"), "an empty answer is left out")

        let markdown = MarkdownExport.render(entries, exportedAt: "now", words: words)
        for expected in ["- [x] Als de klant twijfelt, dan bel ik Jan terug", "moved to 20 Sep 2026: te druk",
                         "    - What got in the way: Shyness; unknown-barrier", "    - How the customer reacted: blij \\<b\\>echt"] {
            #expect(markdown.contains(expected), "markdown: \(expected)")
        }

        let csv = CSVExport.render(entries, barrierNames: words.barrierNames)
        let lines = csv.components(separatedBy: "\r\n")
        let events = lines.filter { $0.contains(",event,") }
        #expect(events.count == 2, "one row per event: \(events)")
        #expect(events.first?.contains("moved,2026-09-20,te druk,,,,,\"Shyness; unknown-barrier\",") == true, "\(events)")
        #expect(events.last?.contains("done,,ging goed,Jan gebeld,blij <b>echt</b>,eerder bellen,\"'=opvolgen\",,") == true, "\(events)")
        #expect(lines.contains { $0.contains(",commitment,") && $0.contains(",de klant twijfelt,bel Jan terug,") })
    }

    @Test func redactionMasksContactDetailsIbansAndNames() throws {
        let redactor = Redactor(words: ["Jan", "Mevrouw de Vries"])
        let text = "Mevrouw de Vries (jan@example.com, +31 6 1234 5678, NL91 ABNA 0417 1643 00) belde Jan; Janneke niet."
        let masked = redactor.redact(text)
        #expect(!masked.contains("jan@example.com") && !masked.contains("1234 5678") && !masked.contains("ABNA"))
        #expect(!masked.contains("de Vries") && !masked.contains(" Jan;"))
        #expect(masked.contains("Janneke"))
        let entry = redactor.redact(try sampleEntries()[0])
        #expect(!JSONOutput.string(entry).contains("jan@example.com"))
        #expect(!JSONOutput.string(entry).contains("06-12345678"))
    }
}

/// Counts calls from a `@Sendable` callback.
final class Counter: @unchecked Sendable {
    private(set) var value = 0
    func add() { value += 1 }
}
