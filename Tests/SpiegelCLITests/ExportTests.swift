import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The exports a coach reads: commitment outcomes with their check-ins in every format (read back with
/// Python's csv module, markdown-it-py and headless Chromium), the HTML page's contents and charts in both
/// languages, and its print layout.
@Suite("Exports: commitment outcomes, the coach's page, print")
struct ExportTests {
    static let browser = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first { FileManager.default.isExecutableFile(atPath: $0) }

    /// What a check-in said, with markup and a formula a reader must not run.
    static let learned = "Vraag <b>eerst</b> wat de klant zorgen baart, \"echt\""
    static let next = "=HYPERLINK(\"x\")"

    /// A journal with one `small-gesture-plan` entry whose commitment is an if-then plan that was moved
    /// (shyness in the way) and then done, with a guided check-in; written into the entry file as a
    /// check-in writes it (a new file renamed over the old one). Returns the entry's id.
    @discardableResult
    static func journalWithCheckIns(_ sandbox: Sandbox, language: [String] = [],
                                    sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        try completeExercise("small-gesture-plan", text: "Bij de balie, als iemand lang heeft gewacht.", options: language,
                             sandbox: sandbox, sourceLocation: sourceLocation)
        let id = try #require(try journalIDs(sandbox: sandbox, sourceLocation: sourceLocation).first, sourceLocation: sourceLocation)
        let path = sandbox.entries + "/" + id + ".json"
        var entry = try jsonObject(try Data(contentsOf: URL(fileURLWithPath: path)), sourceLocation: sourceLocation)
        var commitments = try #require(entry["commitments"] as? [[String: Any]], sourceLocation: sourceLocation)
        #expect(!commitments.isEmpty, "the exercise made a commitment", sourceLocation: sourceLocation)
        commitments[0]["situation"] = "een klant lang heeft gewacht"
        commitments[0]["action"] = "bied ik een glas water aan"
        commitments[0]["status"] = "done"
        commitments[0]["history"] = [
            ["at": "2026-09-02T16:00:00+02:00", "status": "moved", "due": "2026-09-09", "reflection": "te druk aan de balie",
             "checkIn": ["barriers": ["shyness"]]],
            ["at": "2026-09-09T17:30:00+02:00", "status": "done", "reflection": "ging goed",
             "checkIn": ["did": "Water aangeboden aan mevrouw Jansen", "reaction": "Ze glimlachte, & bleef even praten",
                         "learned": Self.learned, "next": Self.next]],
        ]
        entry["commitments"] = commitments
        let temporary = sandbox.entries + "/.checkin-" + id
        try JSONSerialization.data(withJSONObject: entry, options: [.prettyPrinted, .sortedKeys])
            .write(to: URL(fileURLWithPath: temporary))
        #expect(rename(temporary, path) == 0, sourceLocation: sourceLocation)
        return id
    }

    @Test func csvHasARowPerCommitmentEventWithTheCheckInReadBackByPython() throws {
        guard Python.available else { try Test.cancel("python3 is not available: the CSV export cannot be parsed with a real CSV parser") }
        let sandbox = Sandbox()
        let id = try Self.journalWithCheckIns(sandbox)
        let export = try spiegel(["export", "--format", "csv", "--output", "export.csv"], sandbox: sandbox)
        #expect(export.status == 0, "\(export)")
        let parse = """
            import csv, json, sys
            with open(sys.argv[1], encoding="utf-8-sig", newline="") as f:
                print(json.dumps(list(csv.DictReader(f, strict=True))))
            """
        let parsed = try runTool(["python3", "-c", parse, sandbox.root + "/export.csv"])
        #expect(parsed.status == 0, "python's csv module rejects the export: \(parsed)")
        let rows = try #require(try json(parsed.stdout) as? [[String: String]])
        let events = rows.filter { $0["record"] == "event" }
        #expect(events.count == 2, "a row per change of status: \(events)")
        let moved = try #require(events.first { $0["event_status"] == "moved" })
        #expect(moved["event_due"] == "2026-09-09" && moved["reflection"] == "te druk aan de balie")
        #expect(moved["barriers"] == "Shyness", "a barrier by its label: \(moved)")
        let done = try #require(events.first { $0["event_status"] == "done" })
        #expect(done["entry_id"] == id && done["situation"] == "een klant lang heeft gewacht")
        #expect(done["did"] == "Water aangeboden aan mevrouw Jansen")
        #expect(done["reaction"] == "Ze glimlachte, & bleef even praten")
        #expect(done["learned"] == Self.learned, "the text reads back exactly: \(done["learned"] ?? "")")
        #expect(done["next"] == "'" + Self.next, "a formula stays text: \(done["next"] ?? "")")
        let commitment = try #require(rows.first { $0["record"] == "commitment" })
        #expect(commitment["status"] == "done" && commitment["action"] == "bied ik een glas water aan")
        #expect(rows.filter { $0["record"] == "answer" }.count >= 5, "the answers are still there")
    }

    @Test func markdownShowsTheIfThenPlanHistoryAndCheckInRenderedByMarkdownIt() throws {
        guard Python.hasMarkdownIt else { try Test.cancel("python3 with markdown-it-py is not available (pip install markdown-it-py)") }
        let sandbox = Sandbox()
        try Self.journalWithCheckIns(sandbox, language: ["--lang", "nl"])
        let export = try spiegel(["--lang", "nl", "export", "--format", "md", "--output", "export.md"], sandbox: sandbox)
        #expect(export.status == 0, "\(export)")
        // The rendered page as text, list by list, and whether any raw HTML came through.
        let render = """
            import json, sys
            from markdown_it import MarkdownIt
            tokens = MarkdownIt("commonmark").parse(open(sys.argv[1], encoding="utf-8").read())
            items, depth, html = [], 0, 0
            for t in tokens:
                if t.type == "list_item_open": depth += 1
                if t.type == "list_item_close": depth -= 1
                if t.type in ("html_block", "html_inline"): html += 1
                if t.type == "inline":
                    html += sum(1 for c in t.children if c.type == "html_inline")
                    if depth: items.append([depth, "".join(c.content for c in t.children if c.type in ("text", "code_inline"))])
            print(json.dumps({"items": items, "html": html}))
            """
        let result = try runTool(["python3", "-c", render, sandbox.root + "/export.md"])
        #expect(result.status == 0, "\(result)")
        let page = try #require(try json(result.stdout) as? [String: Any])
        let items = (page["items"] as? [[Any]] ?? []).compactMap { pair -> (Int, String)? in
            guard let depth = pair.first as? Int, let text = pair.last as? String else { return nil }
            return (depth, text)
        }
        #expect(page["html"] as? Int == 0, "no raw HTML from a check-in reaches the page")
        #expect(items.contains { $0.0 == 1 && $0.1.hasPrefix("[x] Als een klant lang heeft gewacht, dan bied ik een glas water aan") },
                "the done commitment as one if-then sentence: \(items)")
        #expect(items.contains { $0.0 == 2 && $0.1.contains("verzet naar 9 sep 2026: te druk aan de balie") }, "\(items)")
        #expect(items.contains { $0.0 == 3 && $0.1 == "Wat in de weg zat: Verlegenheid" }, "\(items)")
        #expect(items.contains { $0.0 == 3 && $0.1 == "Wat je leerde: " + Self.learned }, "\(items)")
        #expect(items.contains { $0.0 == 3 && $0.1 == "Wat je nu gaat doen: " + Self.next }, "\(items)")
    }

    @Test func theHTMLPageShowsOutcomesContentsAndDatedChartsInChromium() throws {
        guard let browser = Self.browser else { try Test.cancel("chromium is not installed (apt-get install -y chromium)") }
        let sandbox = Sandbox("spiegel-html")
        try Self.journalWithCheckIns(sandbox)
        let page = sandbox.root + "/export.html"
        let export = try spiegel(["export", "--format", "html", "--output", page], sandbox: sandbox)
        #expect(export.status == 0, "\(export)")
        let dom = try runTool([browser, "--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
                               "--user-data-dir=" + sandbox.root + "/profile", "--virtual-time-budget=2000",
                               "--dump-dom", "file://" + page]).stdout
        // Booleans first: a failure says what is missing instead of printing the page.
        let contents = dom.contains("<nav class=\"toc\"") && dom.contains("href=\"#overview\"") && dom.contains("id=\"overview\"")
        let sections = dom.contains("<section class=\"principle\" id=\"p-action\"")
        let plan = dom.contains("Als een klant lang heeft gewacht, dan bied ik een glas water aan")  // in the plan's own language
        let checkIn = dom.contains("<dt>What you learned</dt><dd>Vraag &lt;b&gt;eerst&lt;/b&gt; wat de klant zorgen baart, \"echt\"</dd>")
        let barrier = dom.contains("<dt>What got in the way</dt><dd>Shyness</dd>")
        let moved = dom.contains("moved to 9 Sep 2026: te druk aan de balie")
        let charts = dom.components(separatedBy: "<svg").count - 1
        let datedAxis = dom.contains(">Entries per week<") && dom.range(of: #"<text [^>]*text-anchor="middle">\d+ \w{3}</text>"#, options: .regularExpression) != nil
        let confidence = dom.contains(">Confidence over time (1–5)<")
        let pageNumbers = dom.contains("@page") && dom.contains("counter(pages)")
        #expect(contents, "a table of contents")
        #expect(sections, "a section per principle")
        #expect(plan, "the commitment as an if-then sentence")
        #expect(checkIn, "the check-in's answers, escaped")
        #expect(!dom.contains("<b>eerst"), "a check-in's markup never reaches the page as markup")
        #expect(barrier && moved, "what got in the way, and the new date")
        #expect(charts == 2 && datedAxis && confidence, "activity and confidence charts on a dated axis (\(charts) charts)")
        #expect(pageNumbers, "a print layout with page numbers")
    }

    @Test func theDutchPageHasDutchWords() throws {
        let sandbox = Sandbox()
        try Self.journalWithCheckIns(sandbox, language: ["--lang", "nl"])
        let html = try spiegel(["--lang", "nl", "export", "--format", "html"], sandbox: sandbox)
        #expect(html.status == 0, "\(html)")
        for phrase in ["<html lang=\"nl\">", ">Inhoud<", ">Overzicht<", "Notities per principe", "Vertrouwen door de tijd",
                       "Als een klant lang heeft gewacht, dan bied ik een glas water aan", "<dt>Wat je deed</dt>",
                       "<dd>Verlegenheid</dd>", "\"Pagina \"", "verzet naar 9 sep 2026"] {
            #expect(html.stdout.contains(phrase), "Dutch: \(phrase)")
        }
        for english in [">Contents<", ">Overview<", "Entries per", "What you did", "Commitment outcomes"] {
            #expect(!html.stdout.contains(english), "no English left: \(english)")
        }
    }

    /// Five entries print on a few full pages (they took nine, several nearly blank), with page numbers.
    @Test func fiveEntriesPrintOnAtMostFourPages() throws {
        guard let browser = Self.browser else { try Test.cancel("chromium is not installed (apt-get install -y chromium)") }
        guard Python.available else { try Test.cancel("python3 is not available to count the PDF's pages") }
        let sandbox = Sandbox("spiegel-print")
        try completeExercise("most-satisfied-customer", times: 2, text: CoachWorkflowTests.answer, sandbox: sandbox)
        try completeExercise("small-gesture-plan", times: 2, text: "Bij de balie, als iemand lang heeft gewacht.", sandbox: sandbox)
        try completeExercise("barrier-check", text: "Ik bleef typen terwijl er iemand wachtte.", sandbox: sandbox)
        #expect(try journalIDs(sandbox: sandbox).count == 5)
        let page = sandbox.root + "/export.html", pdf = sandbox.root + "/export.pdf"
        #expect(try spiegel(["export", "--format", "html", "--output", page], sandbox: sandbox).status == 0)
        let print = try runTool([browser, "--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
                                 "--user-data-dir=" + sandbox.root + "/profile", "--no-pdf-header-footer",
                                 "--print-to-pdf=" + pdf, "file://" + page], timeout: 60)
        #expect(print.status == 0, "\(print)")
        let count = """
            import re, sys
            data = open(sys.argv[1], "rb").read()
            print(len(re.findall(rb"/Type\\s*/Page(?![s\\w])", data)))
            """
        let pages = try runTool(["python3", "-c", count, pdf])
        let number = Int(pages.stdout.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
        #expect((1...4).contains(number), "five entries print on \(number) pages")
    }

    /// Without --format the output file's extension decides: a coach asked for notes.html gets a page.
    @Test func theOutputFilesExtensionChoosesTheFormat() throws {
        let sandbox = Sandbox()
        try Self.journalWithCheckIns(sandbox)
        let starts = ["page.html": "<!DOCTYPE html>", "notes.MD": "# ", "table.csv": "entry_id,", "todo.ics": "BEGIN:VCALENDAR",
                      "bundle.json": "{", "no-extension": "{"]
        for (name, start) in starts {
            let path = sandbox.root + "/" + name
            let result = try spiegel(["export", "--output", path], sandbox: sandbox)
            #expect(result.status == 0, "\(name): \(result.stderr)")
            let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
            #expect(text.hasPrefix(start), "\(name) starts with \(String(text.prefix(20)).debugDescription)")
        }
        let explicit = sandbox.root + "/forced.html"
        _ = try spiegel(["export", "--format", "json", "--output", explicit], sandbox: sandbox)
        #expect(((try? String(contentsOfFile: explicit, encoding: .utf8)) ?? "").hasPrefix("{"), "--format wins over the name")
    }
}
