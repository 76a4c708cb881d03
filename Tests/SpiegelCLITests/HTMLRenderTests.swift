import Foundation
import Testing

/// The HTML export displays in a real browser without errors (headless Chromium, when installed).
@Suite struct HTMLRenderTests {
    @Test func theExportRendersInHeadlessChromium() throws {
        let browser = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first { FileManager.default.isExecutableFile(atPath: $0) }
        guard browser != nil else {
            try Test.cancel("chromium is not installed (apt-get install -y chromium); Scripts/render-html.sh needs it")
        }
        let sandbox = Sandbox("spiegel-html")
        let answer = "Mevrouw <script>alert(1)</script> zei \"dank, echt\" 😊 Één café"
        let script = "start small-gesture-plan\n\(answer)\nchair\ncoffee\n\nthe chair\nskip\n\noffer water\nin 3 days\n4\n"
        #expect(try spiegel([], input: script, sandbox: sandbox).status == 0)
        let page = sandbox.root + "/export.html"
        #expect(try spiegel(["export", "--format", "html", "--output", page], sandbox: sandbox).status == 0)
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [root.path + "/Scripts/render-html.sh", page, sandbox.root + "/rendered"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let dom = try String(contentsOfFile: sandbox.root + "/rendered.dom.html", encoding: .utf8)
        #expect(dom.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(!dom.contains("<script>alert(1)"))
        #expect((try FileManager.default.attributesOfItem(atPath: sandbox.root + "/rendered.png")[.size] as? Int ?? 0) > 10_000)
    }

    /// A long unbroken token (a URL) wraps: on a 390 px phone the page is no wider than the screen.
    @Test func aLongURLDoesNotWidenThePageOnAPhone() throws {
        guard let browser = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            try Test.cancel("chromium is not installed (apt-get install -y chromium)")
        }
        let sandbox = Sandbox("spiegel-html")
        let url = "https://example.org/" + String(repeating: "a-very-long-path-segment-", count: 12) + "end"
        let script = "start small-gesture-plan\n\(url)\nchair\ncoffee\n\nthe chair\nskip\n\noffer water\nin 3 days\n4\n"
        #expect(try spiegel([], input: script, sandbox: sandbox).status == 0)
        let page = sandbox.root + "/export.html"
        #expect(try spiegel(["export", "--format", "html", "--output", page], sandbox: sandbox).status == 0)
        // The export has no scripts; a copy gets one that writes the page's width into the DOM.
        let probe = sandbox.root + "/probe.html"
        let html = try String(contentsOfFile: page, encoding: .utf8).replacingOccurrences(
            of: "</body>", with: "<script>document.body.setAttribute('data-width', document.documentElement.scrollWidth + 'x' + window.innerWidth)</script></body>")
        try html.write(toFile: probe, atomically: true, encoding: .utf8)
        let run = try runTool([browser, "--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
                               "--user-data-dir=" + sandbox.root + "/profile", "--window-size=390,844",
                               "--virtual-time-budget=2000", "--dump-dom", "file://" + probe])
        // Headless Chromium keeps a window at least ~500 px wide; what matters is that nothing is wider
        // than the window: no sideways scrolling.
        let figures = run.stdout.range(of: #"data-width="\d+x\d+""#, options: .regularExpression)
            .map { run.stdout[$0].dropFirst(12).dropLast().split(separator: "x").compactMap { Int($0) } } ?? []
        #expect(figures.count == 2, "the probe ran: \(run.stderr.suffix(400))")
        if figures.count == 2 {
            #expect(figures[1] <= 520, "a phone-sized window: \(figures[1]) px")
            #expect(figures[0] <= figures[1], "the page is \(figures[0]) px wide in a \(figures[1]) px window")
        }
    }
}
