import Foundation
import Testing

/// The coach's side end to end: exports in every format, redaction, review of bundles and journals,
/// notes and feedback that flow back, and imports that never damage a journal.
@Suite("Coaches: export, review, feedback and import")
struct CoachWorkflowTests {
    /// A text answer with markup, quotes, a comma, an e-mail address, an emoji and Dutch accents.
    static let answer = "Mevrouw <script>alert(1)</script> zei: \"dank, echt\", mail jan@example.com 😊 Één café, met melk"

    /// A client's journal with two piped `most-satisfied-customer` entries; returns their ids, newest first.
    @discardableResult
    static func client(_ sandbox: Sandbox, text: String = answer, options: [String] = [],
                       sourceLocation: SourceLocation = #_sourceLocation) throws -> [String] {
        try completeExercise("most-satisfied-customer", times: 2, text: text, options: options, sandbox: sandbox,
                             sourceLocation: sourceLocation)
        let ids = try journalIDs(options, sandbox: sandbox, sourceLocation: sourceLocation)
        #expect(ids.count == 2, "\(ids)", sourceLocation: sourceLocation)
        return ids
    }

    /// `export --format json --as NAME --output FILE` in the client's sandbox; returns the file's path.
    static func exportBundle(_ sandbox: Sandbox, as name: String, file: String,
                             sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let result = try spiegel(["export", "--format", "json", "--as", name, "--output", file], sandbox: sandbox,
                                 sourceLocation: sourceLocation)
        #expect(result.status == 0, "\(result)", sourceLocation: sourceLocation)
        return sandbox.root + "/" + file
    }

    @Test func exportsKeepTheAnswerExactAndHTMLSafe() throws {
        let sandbox = Sandbox()
        try Self.client(sandbox)

        let md = try spiegel(["export", "--format", "md", "--output", "export.md"], sandbox: sandbox)
        #expect(md.status == 0, "\(md)")
        let text = try String(contentsOfFile: sandbox.root + "/export.md", encoding: .utf8)
        #expect(text.contains("- [ ] do X"), "the open commitment is a task box: \(text.suffix(1500))")
        if Python.hasMarkdownIt {
            let structure = try Python.markdownStructure(sandbox.root + "/export.md")
            let quotes = structure["quotes"] as? [String] ?? []
            #expect(quotes.contains(Self.answer), "rendered, the Markdown quotes the exact answer: \(quotes)")
            #expect(structure["html"] as? Int == 0, "no raw HTML from the answer reaches the page")
        }

        let html = try spiegel(["export", "--format", "html"], sandbox: sandbox)
        #expect(html.status == 0, "\(html)")
        // Booleans first: the page is long, and a failure should say what is wrong, not print it all.
        let escaped = html.stdout.contains("&lt;script&gt;"), raw = html.stdout.contains("<script>alert(1)")
        let chart = html.stdout.contains("<svg")
        #expect(escaped, "the markup in the answer is escaped")
        #expect(!raw, "the answer's markup must never reach the page as markup")
        #expect(chart, "the page carries its SVG chart")

        let bundle = try spiegel(["export", "--format", "json"], sandbox: sandbox)
        #expect(bundle.status == 0, "\(bundle)")
        let object = try jsonObject(bundle.stdoutData)
        #expect(object["format"] as? String == "spiegel-bundle", "\(object.keys.sorted())")
        #expect(object["kind"] as? String == "entries")
        let entries = try #require(object["entries"] as? [[String: Any]])
        #expect(entries.count == 2)
        let texts = entries.flatMap { ($0["answers"] as? [[String: Any]] ?? []).compactMap { $0["text"] as? String } }
        #expect(texts.contains(Self.answer), "the bundle holds the exact answer")
    }

    @Test func csvExportParsesBackWithPythonsCSVModule() throws {
        guard Python.available else { try Test.cancel("python3 is not available: the CSV export cannot be parsed with a real CSV parser") }
        let sandbox = Sandbox()
        let ids = try Self.client(sandbox)
        let export = try spiegel(["export", "--format", "csv", "--output", "export.csv"], sandbox: sandbox)
        #expect(export.status == 0, "\(export)")
        let file = sandbox.root + "/export.csv"
        let parse = """
            import csv, json, sys
            with open(sys.argv[1], encoding="utf-8-sig", newline="") as f:
                print(json.dumps(list(csv.reader(f, strict=True))))
            """
        let parsed = try runTool(["python3", "-c", parse, file])
        #expect(parsed.status == 0, "python's csv module rejects the export: \(parsed)")
        let rows = try #require(try json(parsed.stdout) as? [[String]])
        let header = try #require(rows.first)
        let answerColumn = try #require(header.firstIndex(of: "answer"), "\(header)")
        let stepColumn = try #require(header.firstIndex(of: "step_id"), "\(header)")
        let idColumn = try #require(header.firstIndex(of: "entry_id"), "\(header)")
        let body = rows.dropFirst()
        #expect(body.allSatisfy { $0.count == header.count }, "every row has \(header.count) cells: \(body.map(\.count))")
        let who = body.filter { $0[stepColumn] == "who" }
        #expect(who.count == 2, "one 'who' row per entry: \(who)")
        for row in who {
            #expect(row[answerColumn] == Self.answer, "the answer cell reads back exactly: \(row[answerColumn].debugDescription)")
        }
        #expect(Set(who.map { $0[idColumn] }) == Set(ids))
    }

    @Test func redactionMasksEmailAndListedWords() throws {
        let sandbox = Sandbox()
        try Self.client(sandbox)
        let words = try sandbox.write("Mevrouw\n", to: "words.txt")
        for format in ["md", "json"] {
            // Booleans first: a failure names what leaked instead of printing the whole export.
            // Markdown escapes punctuation with backslashes; read it back as a renderer would.
            func readable(_ text: String) -> String {
                format == "md" ? text.replacingOccurrences(of: #"\\([!-/:-@\[-`{-~])"#, with: "$1", options: .regularExpression) : text
            }
            let plain = try spiegel(["export", "--format", format], sandbox: sandbox)
            let whole = readable(plain.stdout).contains("jan@example.com") && plain.stdout.contains("Mevrouw")
            #expect(whole, "without --redact the text is whole (\(format))")

            let redacted = try spiegel(["export", "--format", format, "--redact"], sandbox: sandbox)
            #expect(redacted.status == 0, "\(redacted.stderr)")
            let mailLeaks = readable(redacted.stdout).contains("jan@example.com")
            let restKept = readable(redacted.stdout).contains("zei:")
            #expect(!mailLeaks, "--redact masks the e-mail address (\(format))")
            #expect(restKept, "the rest of the answer stays (\(format))")

            let masked = try spiegel(["export", "--format", format, "--redact-words", words], sandbox: sandbox)
            #expect(masked.status == 0, "\(masked.stderr)")
            let wordLeaks = masked.stdout.contains("Mevrouw"), mailLeaksToo = readable(masked.stdout).contains("jan@example.com")
            #expect(!wordLeaks, "--redact-words masks the listed word (\(format))")
            #expect(!mailLeaksToo, "--redact-words implies --redact (\(format))")
            if format == "json" {
                let object = try jsonObject(masked.stdoutData)
                #expect(object["format"] as? String == "spiegel-bundle", "a redacted bundle is still a bundle")
            }
        }
    }

    @Test func exportToAFileIsPrivate() throws {
        let sandbox = Sandbox()
        try Self.client(sandbox)
        let result = try spiegel(["export", "--format", "json", "--as", "Anna", "--output", "anna.json"], sandbox: sandbox)
        #expect(result.status == 0, "\(result)")
        let path = sandbox.root + "/anna.json"
        #expect(permissions(path) == 0o600, "mode \(permissions(path).map { String($0, radix: 8) } ?? "none")")
        let object = try jsonObject(try Data(contentsOf: URL(fileURLWithPath: path)))
        #expect(object["exporter"] as? String == "Anna")
        #expect((object["entries"] as? [Any])?.count == 2)
        #expect(!result.stdout.contains("spiegel-bundle"), "the bundle goes to the file, not to stdout")
    }

    @Test func reviewReadsBundlesDirectoriesAndJournals() throws {
        let anna = Sandbox("spiegel-anna"), bert = Sandbox("spiegel-bert"), coach = Sandbox("spiegel-coach")
        try Self.client(anna)
        try Self.client(bert, text: "Bert vertelt over de balie")
        let files = [try Self.exportBundle(anna, as: "Anna", file: "anna.json"),
                     try Self.exportBundle(bert, as: "Bert", file: "bert.json")]
        func clientLines(_ output: String) -> [String] {
            output.split(separator: "\n").map(String.init).filter { $0.contains(" entries") || $0.contains(" entry ") }
        }

        let piped = try spiegel(["review"] + files, input: "clients\nsummary Anna\ncompare\n", sandbox: coach)
        #expect(piped.status == 0, "\(piped)")
        let listed = clientLines(piped.stdout)
        #expect(listed.contains { $0.hasPrefix("Anna") && $0.contains("2 entries") }, "\(piped)")
        #expect(listed.contains { $0.hasPrefix("Bert") && $0.contains("2 entries") }, "\(piped)")
        #expect(piped.stdout.contains("connection"), "summary and compare show the principles: \(piped)")
        let compareRows = piped.stdout.split(separator: "\n").filter { $0.hasPrefix("Anna ") || $0.hasPrefix("Bert ") }
        #expect(compareRows.count >= 4, "clients and compare each have a row per client: \(piped)")

        // A directory of bundles, one-shot.
        for file in files {
            try FileManager.default.createDirectory(atPath: coach.root + "/bundles", withIntermediateDirectories: true)
            try FileManager.default.copyItem(atPath: file, toPath: coach.root + "/bundles/" + (file as NSString).lastPathComponent)
        }
        let directory = try spiegel(["review", "bundles", "--run", "clients"], sandbox: coach)
        #expect(directory.status == 0, "\(directory)")
        let inDirectory = clientLines(directory.stdout)
        #expect(inDirectory.count == 2 && inDirectory.contains { $0.hasPrefix("Anna") } && inDirectory.contains { $0.hasPrefix("Bert") },
                "\(directory)")

        // A piped team journal is listed by its folder name.
        try completeExercise("small-gesture-plan", text: "Carla aan de balie", options: ["--journal", "team/carla"], sandbox: coach)
        let journal = try spiegel(["review", "team/carla", "--run", "clients"], sandbox: coach)
        #expect(journal.status == 0, "\(journal)")
        #expect(clientLines(journal.stdout).contains { $0.hasPrefix("carla") && $0.contains("1 entry ·") }, "\(journal)")

        let everything = try spiegel(["review", "bundles", "team/carla", "--run", "clients"], sandbox: coach)
        #expect(clientLines(everything.stdout).count == 3, "\(everything)")
    }

    @Test func coachNotesFlowBackAsFeedback() throws {
        let client = Sandbox("spiegel-client"), coach = Sandbox("spiegel-coach")
        let ids = try Self.client(client)
        let id = try #require(ids.first)
        let bundlePath = try Self.exportBundle(client, as: "Anna", file: "anna.json")
        let bundleBefore = try Data(contentsOf: URL(fileURLWithPath: bundlePath))
        let journalBefore = client.snapshot(client.journal)

        let prefix = uniquePrefix(of: id, among: ids)
        let review = try spiegel(["review", bundlePath], input: "note \(prefix) Goed gedaan\nfeedback Anna --output fb.json\n", sandbox: coach)
        #expect(review.status == 0, "\(review)")

        // The coach's notes live in the coach's own data directory.
        let notesPath = coach.root + "/data/spiegel/coach/notes.json"
        let notes = try #require(try json(String(contentsOfFile: notesPath, encoding: .utf8)) as? [[String: Any]], "no notes at \(notesPath)")
        #expect(notes.count == 1)
        #expect(notes.first?["entryId"] as? String == id)
        #expect(notes.first?["text"] as? String == "Goed gedaan")

        // The client's data is only read.
        let bundleAfter = try Data(contentsOf: URL(fileURLWithPath: bundlePath))
        #expect(bundleAfter == bundleBefore, "review changed the client's bundle (\(bundleBefore.count) -> \(bundleAfter.count) bytes)")
        #expect(client.snapshot(client.journal) == journalBefore, "review touched the client's journal")

        let feedbackPath = coach.root + "/fb.json"
        let feedback = try jsonObject(try Data(contentsOf: URL(fileURLWithPath: feedbackPath)))
        #expect(feedback["kind"] as? String == "feedback")
        #expect((feedback["notes"] as? [[String: Any]])?.compactMap { $0["entryId"] as? String } == [id])

        // The client imports the feedback: the note shows with the entry, once however often it is imported.
        let first = try spiegel(["import", feedbackPath], sandbox: client)
        #expect(first.status == 0, "\(first)")
        let shown = try spiegel(["entry", id], sandbox: client)
        #expect(shown.status == 0, "\(shown)")
        #expect(shown.stdout.contains("Goed gedaan"), "\(shown)")
        let second = try spiegel(["import", feedbackPath], sandbox: client)
        #expect(second.status == 0, "\(second)")
        let entry = try spiegel(["entry", id, "--json"], sandbox: client)
        let object = try #require(try json(entry.stdout) as? [String: Any])
        let attached = (object["coachNotes"] as? [[String: Any]] ?? []).compactMap { $0["text"] as? String }
        #expect(attached == ["Goed gedaan"], "importing the feedback twice must not duplicate the note: \(attached)")
        let other = try spiegel(["entry", ids[1], "--json"], sandbox: client)
        let leaked = other.stdout.contains("Goed gedaan")
        #expect(!leaked, "the note belongs to one entry only")
    }

    @Test func importingABundleTwiceCopiesTheEntriesExactly() throws {
        let sandbox = Sandbox()
        let ids = try Self.client(sandbox)
        let bundle = try Self.exportBundle(sandbox, as: "Anna", file: "anna.json")
        let copy = ["--journal", "copy"]
        for round in 1...2 {
            let result = try spiegel(copy + ["import", bundle], sandbox: sandbox)
            #expect(result.status == 0, "import #\(round): \(result)")
        }
        #expect(try journalIDs(copy, sandbox: sandbox) == ids)
        #expect(sandbox.files(in: sandbox.root + "/copy/entries") == ids.map { $0 + ".json" }.sorted())
        for id in ids {
            let original = try jsonObject(Data(contentsOf: URL(fileURLWithPath: sandbox.entries + "/\(id).json")))
            let copied = try jsonObject(Data(contentsOf: URL(fileURLWithPath: sandbox.root + "/copy/entries/\(id).json")))
            #expect((original["answers"] as? NSArray)?.isEqual(copied["answers"] as? NSArray) == true, "answers of \(id) differ")
            #expect((original["commitments"] as? NSArray)?.isEqual(copied["commitments"] as? NSArray) == true, "commitments of \(id) differ")
            #expect(original["completedAt"] as? String == copied["completedAt"] as? String)
        }
    }

    @Test func brokenForeignAndNewerBundlesAreRefused() throws {
        let sandbox = Sandbox()
        try Self.client(sandbox)
        let bundle = try Self.exportBundle(sandbox, as: "Anna", file: "anna.json")
        let data = try Data(contentsOf: URL(fileURLWithPath: bundle))
        var newer = try jsonObject(data)
        newer["schemaVersion"] = 999
        try sandbox.write(data.prefix(data.count / 2), to: "truncated.json")
        try sandbox.write("{\"name\": \"not a bundle\", \"items\": [1, 2, 3]}\n", to: "foreign.json")
        try sandbox.write(try JSONSerialization.data(withJSONObject: newer), to: "newer.json")

        let target = ["--journal", "target"]
        let seeded = try spiegel(target + ["import", bundle], sandbox: sandbox)
        #expect(seeded.status == 0, "\(seeded)")
        let before = sandbox.snapshot(sandbox.root + "/target")
        #expect(before.keys.contains { $0.hasPrefix("entries/") })

        for (file, mention) in [("truncated.json", "JSON"), ("foreign.json", "bundle"), ("newer.json", "999")] {
            let result = try spiegel(target + ["import", file], sandbox: sandbox)
            #expect(result.status != 0, "\(file) was accepted: \(result)")
            #expect(result.stderr.contains(file), "stderr names \(file): \(result)")
            #expect(result.stderr.contains(mention), "stderr says why (\(mention)): \(result)")
            #expect(result.stderr.split(separator: "\n").count == 1, "one clear line: \(result)")
            let after = sandbox.snapshot(sandbox.root + "/target")
            #expect(after.keys.sorted() == before.keys.sorted(), "importing \(file) changed the journal's files")
            #expect(after == before, "importing \(file) changed a file in the journal")
        }
        let fresh = try spiegel(["--journal", "fresh", "import", "newer.json"], sandbox: sandbox)
        #expect(fresh.status != 0)
        #expect(!FileManager.default.fileExists(atPath: sandbox.root + "/fresh/entries"), "a refused bundle creates no journal")
    }

    /// A client's two entries exported as Anna's bundle, parsed: for tests that make bundles from it.
    static func exportedBundle(_ sandbox: Sandbox) throws -> (object: [String: Any], entries: [[String: Any]]) {
        try client(sandbox)
        let object = try jsonObject(Data(contentsOf: URL(fileURLWithPath: try exportBundle(sandbox, as: "Anna", file: "anna.json"))))
        return (object, try #require(object["entries"] as? [[String: Any]]))
    }

    @Test func aBundleBrokenHalfwayAddsNothing() throws {
        let sandbox = Sandbox()
        var (object, entries) = try Self.exportedBundle(sandbox)
        entries[entries.count - 1]["confidence"] = 99
        object["entries"] = entries
        try sandbox.write(try JSONSerialization.data(withJSONObject: object), to: "broken.json")
        let result = try spiegel(["--journal", "target", "import", "broken.json"], sandbox: sandbox)
        #expect(result.status == 65, "\(result)")
        #expect(result.stderr.contains("broken.json") && result.stderr.contains("confidence"), "\(result)")
        #expect(sandbox.files(in: sandbox.root + "/target/entries").isEmpty, "the good entries before it were not imported either")
    }

    @Test func reviewKeepsEachBundlesIndexInTheCoachsCache() throws {
        let sandbox = Sandbox()
        try Self.client(sandbox)
        let bundle = try Self.exportBundle(sandbox, as: "Anna", file: "anna.json")
        let cache = sandbox.root + "/cache/spiegel/review"
        let first = try spiegel(["review", bundle, "--run", "entries anna --grep cafe", "--json"], sandbox: sandbox)
        #expect(first.status == 0, "\(first)")
        #expect(try (JSONSerialization.jsonObject(with: first.stdoutData) as? [Any])?.count == 2, "accents folded: \(first.stdout)")
        let files = sandbox.files(in: cache)
        #expect(files.count == 1 && files.first?.hasSuffix(".sqlite") == true, "\(files)")
        #expect(permissions(cache) == 0o700 && files.allSatisfy { permissions(cache + "/" + $0) == 0o600 })
        let again = try spiegel(["review", bundle, "--run", "entries anna --grep cafe", "--json"], sandbox: sandbox)
        #expect(again.stdout == first.stdout)
        #expect(sandbox.files(in: cache) == files, "the same bundle, the same index")
        // Another export is another bundle: a second index; the first stays.
        try completeExercise("most-satisfied-customer", times: 1, text: "nog een", options: [], sandbox: sandbox)
        let newer = try Self.exportBundle(sandbox, as: "Anna", file: "anna-2.json")
        let clients = try spiegel(["review", newer, "--run", "clients", "--json"], sandbox: sandbox)
        #expect(clients.status == 0 && clients.stdout.contains("\"entries\" : 3"), "\(clients)")
        #expect(sandbox.files(in: cache).count == 2)
    }

    @Test func reviewSummaryAndCompareNamePrinciplesInTheSessionsLanguage() throws {
        let sandbox = Sandbox()
        try Self.client(sandbox)
        let bundle = try Self.exportBundle(sandbox, as: "Anna", file: "anna.json")
        for command in ["summary", "compare"] {
            let result = try spiegel(["--lang", "nl", "review", bundle, "--run", command], sandbox: sandbox)
            #expect(result.status == 0, "\(result)")
            #expect(result.stdout.contains("verbinding") && result.stdout.contains("interesse"), "\(command): \(result.stdout)")
            #expect(!result.stdout.contains("connection") && !result.stdout.contains("interest "), "\(command): \(result.stdout)")
        }
    }

    @Test func bigImportsAndFirstReviewsShowProgressOnATerminal() throws {
        let sandbox = Sandbox()
        var (object, two) = try Self.exportedBundle(sandbox)
        object["entries"] = (0..<2_500).map { index -> [String: Any] in
            var entry = two[index % two.count]
            entry["id"] = String(format: "20250101-%06d-0000", index)
            entry["commitments"] = []
            return entry
        }
        try sandbox.write(try JSONSerialization.data(withJSONObject: object), to: "big.json")
        let environment = sandbox.environment(["NO_COLOR": "1"])
        let importing = try PTYProcess(executable: try SpiegelBinary.require(),
                                       arguments: ["--journal", sandbox.root + "/big", "import", sandbox.root + "/big.json"], environment: environment)
        try importing.expect("checking big.json: 1000 of 2500 entries", timeout: 60, "the check reports progress")
        try importing.expect("importing: 2000 of 2500 entries", timeout: 60, "the writing reports progress")
        try importing.expect("2500 entries added", timeout: 60)
        #expect(importing.waitForExit(timeout: 30) == 0)
        let reviewing = try PTYProcess(executable: try SpiegelBinary.require(),
                                       arguments: ["review", sandbox.root + "/big.json", "--run", "clients"], environment: environment)
        try reviewing.expect("indexing big.json for review: 2000 of 2500 entries", timeout: 60)
        try reviewing.expect("2500 entries", timeout: 60)
        #expect(reviewing.waitForExit(timeout: 30) == 0)
        // Piped, nothing but the result: no progress lines, no escape sequences.
        let piped = try spiegel(["--journal", "again", "import", "big.json"], sandbox: sandbox)
        #expect(piped.status == 0 && !piped.stderr.contains("checking") && !piped.stderr.contains("\u{1B}"), "\(piped)")
    }
}
