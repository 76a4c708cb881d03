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
        let script = "start small-gesture-plan\n\(answer)\nchair\ncoffee\n\nthe chair\nskip\noffer water\nin 3 days\n4\n"
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
}
