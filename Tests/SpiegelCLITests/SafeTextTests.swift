import Foundation
import Testing

/// Text from files (here: file names) is made visible in every human output, piped or not: carriage
/// returns, erase and colour codes never reach the reader, bidi marks, zero-width spaces and Unicode line
/// separators are shown, and a newline in a name does not split a line.
@Suite("Text from files is safe in every output")
struct SafeTextTests {
    @Test func fileNamesCannotRewriteALineWhetherPipedOrNot() throws {
        let sandbox = Sandbox("spiegel-safetext")
        try completeExercise("small-gesture-plan", text: "een klein gebaar", sandbox: sandbox)
        let name = "x\r\u{1B}[K\u{1B}[32mall good\u{2028}\u{061C}\u{200B}\nnext.json"
        try sandbox.write("not an entry", to: sandbox.entries + "/" + name)
        let env = ["NO_COLOR": "1"]
        for (arguments, output) in [(["doctor"], \RunResult.stdout), (["journal"], \RunResult.stderr)] {
            let run = try spiegel(arguments, sandbox: sandbox, environment: env)
            let text = run[keyPath: output]
            #expect(!text.contains("\r") && !text.contains("\u{1B}"), "\(arguments): \(text.debugDescription)")
            #expect(text.contains("^M^[[K^[[32mall good\\u{2028}\\u{61c}\\u{200b}^Jnext.json"), "\(arguments): \(text.debugDescription)")
            let line = try #require(text.split(separator: "\n").first { $0.contains("all good") })
            #expect(line.contains("next.json"), "one line: \(text.debugDescription)")
        }
    }

    @Test func doctorNamesTheFileWhoseNameDoesNotMatchItsID() throws {
        let sandbox = Sandbox("spiegel-safetext")
        try completeExercise("small-gesture-plan", text: "een klein gebaar", sandbox: sandbox)
        let file = try #require(sandbox.files(in: sandbox.entries).first { $0.hasSuffix(".json") })
        try FileManager.default.moveItem(atPath: sandbox.entries + "/" + file, toPath: sandbox.entries + "/20990101-000000-abcdef.json")
        let doctor = try spiegel(["doctor"], sandbox: sandbox, environment: ["NO_COLOR": "1"])
        let line = try #require(doctor.stdout.split(separator: "\n").first { $0.contains("does not match") }, "\(doctor)")
        #expect(line.contains("entries/20990101-000000-abcdef.json"), "\(line)")
    }
}
