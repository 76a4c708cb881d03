import Foundation
import Testing

/// The README's examples are what the tool does today: its short session's screens, and its check-in
/// commands run as written (by /bin/sh) on a journal with commitments of their own.
@Suite("README examples")
struct ReadmeTests {
    static let readme = (try? String(contentsOfFile: PackageRoot.path + "/README.md", encoding: .utf8)) ?? ""

    /// The lines of the README's fenced blocks of `kind` (`sh`, `text`), continuation lines joined.
    static func blocks(_ kind: String) -> [[String]] {
        var blocks: [[String]] = []
        var current: [String]?
        for line in readme.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if current == nil, line == "```" + kind { current = []; continue }
            if current != nil, line == "```" { blocks.append(current!); current = nil; continue }
            if var lines = current {
                if let last = lines.last, last.hasSuffix("\\") {
                    lines[lines.count - 1] = String(last.dropLast()) + line.trimmingCharacters(in: .whitespaces)
                } else {
                    lines.append(line)
                }
                current = lines
            }
        }
        return blocks
    }

    @Test func theCheckInExamplesRunAsWritten() throws {
        let examples = Self.blocks("sh").flatMap { $0 }.filter { $0.hasPrefix("spiegel done ") || $0.hasPrefix("spiegel moved ") || $0.hasPrefix("spiegel dropped ") }
        #expect(examples.count >= 4, "\(examples)")
        let binary = try SpiegelBinary.require()
        for example in examples {
            let sandbox = Sandbox("spiegel-readme")
            let made = try spiegel(["--now", "2026-11-23"], input: CommitmentCheckInCommandTests.gesture("greet by name", "in 3 days"), sandbox: sandbox)
            #expect(made.status == 0, "\(made)")
            let listed = try #require(try json(try spiegel(["commitments", "--json"], sandbox: sandbox).stdout) as? [[String: Any]])
            let id = try #require(listed.first?["id"] as? String)
            let line = example.replacingOccurrences(of: #"\b\d{8}-\d{6}-[0-9a-f]{6}\.1\b"#, with: id, options: .regularExpression)
                .replacingOccurrences(of: "spiegel ", with: "'\(binary)' --now 2026-11-24 ", options: .anchored)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", line]
            process.environment = sandbox.environment(["NO_COLOR": "1"])
            process.standardInput = FileHandle.nullDevice
            let errors = Pipe()
            process.standardError = errors
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            #expect(process.terminationStatus == 0, "\(example): \(stderr)")
        }
    }

    /// The short session: each command typed there shows (piped, unwrapped) the lines the README shows.
    @Test func theShortSessionShowsWhatTheToolPrints() throws {
        let session = try #require(Self.blocks("text").first { $0.first == "$ swift run spiegel" })
        let sandbox = Sandbox("spiegel-readme-session")
        var command: String?
        var shown: [String: [String]] = [:]
        for line in session.dropFirst() {
            if line.hasPrefix("spiegel> ") { command = String(line.dropFirst(9)); continue }
            if let command, ["principles", "recommend"].contains(command), !line.contains("…"), !line.isEmpty {
                shown[command, default: []].append(line.trimmingCharacters(in: .whitespaces))
            }
        }
        #expect(shown.count == 2, "\(shown)")
        for (command, lines) in shown {
            let printed = try spiegel([command], sandbox: sandbox, environment: ["NO_COLOR": "1"]).stdout
            for line in lines { #expect(printed.contains(line), "'\(command)' no longer prints \(line.debugDescription):\n\(printed)") }
        }
    }
}
