import Foundation
import Testing

/// Write failures: one clear message, status 73/74, answers kept, nothing truncated.
@Suite struct WriteFailureTests {
    static let answers = "start small-gesture-plan\nwater\nchair\ncoffee\n\nthe chair\nskip\n\noffer water\nin 3 days\n4\n"

    @Test func aFileSizeLimitFailsCleanlyAndTruncatesNothing() throws {
        let sandbox = Sandbox("spiegel-wf")
        #expect(try spiegel([], input: Self.answers, sandbox: sandbox).status == 0)
        let before = sandbox.snapshot(sandbox.entries)
        let long = String(repeating: "a long answer about the guest at the desk; ", count: 120)  // about 5 KB
        let script = try sandbox.write("start small-gesture-plan\n\(long)\nchair\n\n\(long)\n", to: "script.txt")
        let binary = try SpiegelBinary.require()
        let env = sandbox.environment(["NO_COLOR": "1"]).map { "\($0.key)='\($0.value.replacingOccurrences(of: "'", with: ""))'" }
            .filter { !$0.hasPrefix("PATH=") && !$0.contains("\n") }.joined(separator: " ")
        let run = try runTool(["bash", "-c", "ulimit -f 4; exec env \(env) '\(binary)' < '\(script)'"])
        #expect(run.status == 74, "\(run)")
        #expect(run.stderr.contains("File too large"), "\(run.stderr)")
        #expect(run.stderr.split(separator: "\n").count == 1)
        #expect(sandbox.snapshot(sandbox.entries) == before, "entries unchanged")
        let leftovers = (sandbox.files(in: sandbox.entries) + sandbox.files(in: sandbox.drafts)).filter { $0.hasSuffix(".tmp") }
        #expect(leftovers.isEmpty)
    }

    @Test func aJournalThatDisappearsKeepsTheAnswers() throws {
        let sandbox = Sandbox("spiegel-wf")
        let binary = try SpiegelBinary.require()
        let shell = try PTYProcess(executable: binary, environment: sandbox.environment(["NO_COLOR": "1"]))
        try shell.expectPrompt("spiegel> ", "the prompt")
        try shell.type("start small-gesture-plan\r")
        try shell.expectPrompt("> ", after: shell.mark, "the first question")
        var mark = shell.mark
        try shell.type("a glass of water for the waiting guest\r")
        try shell.expectPrompt("  - ", after: mark, "the list question")
        try FileManager.default.removeItem(atPath: sandbox.journal)
        mark = shell.mark
        try shell.type("a chair by the door\r\r")
        try shell.expect("kept in", after: mark, "the message naming where the answers went")
        try shell.type("\u{04}")
        _ = shell.waitForExit(timeout: 5)
        let rescued = sandbox.files(in: sandbox.root + "/state/spiegel/rescued")
        #expect(rescued.count == 1)
        if let file = rescued.first {
            let text = try String(contentsOfFile: sandbox.root + "/state/spiegel/rescued/" + file, encoding: .utf8)
            #expect(text.contains("a glass of water for the waiting guest"))
            #expect(permissions(sandbox.root + "/state/spiegel/rescued/" + file) == 0o600)
        }
    }
}
