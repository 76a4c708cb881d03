import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Helpers for the end-to-end workflow tests (coaches, schemas, journal safety, journal commands).

/// The package's root folder (for `Scripts/` and `docs/`).
enum PackageRoot {
    static let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().standardizedFileURL.path
}

/// The outcome of another program (python3) run by a test.
struct ToolResult: CustomStringConvertible {
    var status: Int32
    var stdout: String
    var stderr: String

    var description: String { "status \(status)\n--- stdout\n\(stdout)\n--- stderr\n\(stderr)" }
}

/// Runs `arguments` through /usr/bin/env with the test's own environment (so PATH and pyenv work),
/// output collected in files; killed after `timeout` seconds.
func runTool(_ arguments: [String], in directory: String? = nil, timeout: Double = 30) throws -> ToolResult {
    let scratch = NSTemporaryDirectory() + "/spiegel-tool-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: scratch) }
    let outPath = scratch + "/stdout", errPath = scratch + "/stderr"
    _ = FileManager.default.createFile(atPath: outPath, contents: nil)
    _ = FileManager.default.createFile(atPath: errPath, contents: nil)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = arguments
    if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
    process.standardInput = FileHandle.nullDevice
    process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: outPath))
    process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: errPath))
    try process.run()
    let deadline = Date().addingTimeInterval(timeout)
    while process.isRunning && Date() < deadline { usleep(5_000) }
    if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    process.waitUntilExit()
    return ToolResult(status: process.terminationStatus,
                      stdout: (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? "",
                      stderr: (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? "")
}

/// What python3 offers on this machine (asked once).
enum Python {
    static let available: Bool = (try? runTool(["python3", "-c", "import csv, json, sys"]))?.status == 0
    static let hasJSONSchema: Bool = available
        && (try? runTool(["python3", "-c", "import jsonschema, referencing"]))?.status == 0
    static let hasMarkdownIt: Bool = available && (try? runTool(["python3", "-c", "import markdown_it"]))?.status == 0

    /// Renders a Markdown file with markdown-it-py (CommonMark) and reports its structure: the text of each
    /// block quote, how many headings and rules, and whether any raw HTML came through.
    static func markdownStructure(_ file: String) throws -> [String: Any] {
        let script = """
            import json, sys
            from markdown_it import MarkdownIt
            md = MarkdownIt("commonmark")
            tokens = md.parse(open(sys.argv[1], encoding="utf-8").read())
            quotes, depth, current = [], 0, []
            facts = {"headings": 0, "rules": 0, "html": 0, "lists": 0, "code": 0}
            for t in tokens:
                if t.type == "heading_open": facts["headings"] += 1
                if t.type == "hr": facts["rules"] += 1
                if t.type in ("html_block", "html_inline"): facts["html"] += 1
                if t.type in ("bullet_list_open", "ordered_list_open") and depth: facts["lists"] += 1
                if t.type in ("code_block", "fence"): facts["code"] += 1
                if t.type == "blockquote_open": depth += 1; current = []
                elif t.type == "blockquote_close":
                    depth -= 1; quotes.append("\\n".join(current))
                elif depth and t.type == "inline":
                    text = "".join(c.content if c.type in ("text", "code_inline") else "\\n" if c.type in ("softbreak", "hardbreak") else "" for c in t.children)
                    if any(c.type == "html_inline" for c in t.children): facts["html"] += 1
                    current.append(text)
            facts["quotes"] = quotes
            print(json.dumps(facts))
            """
        let result = try runTool(["python3", "-c", script, file])
        guard result.status == 0, let data = result.stdout.data(using: .utf8),
              let object = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw ToolFailure(description: "markdown-it-py failed: \(result.stderr)")
        }
        return object
    }
}

struct ToolFailure: Error, CustomStringConvertible {
    var description: String
}

extension Sandbox {
    /// Writes `text` to `name` (relative to the sandbox root, or absolute); returns the absolute path.
    @discardableResult
    func write(_ text: String, to name: String) throws -> String {
        try write(Data(text.utf8), to: name)
    }

    @discardableResult
    func write(_ data: Data, to name: String) throws -> String {
        let path = name.hasPrefix("/") ? name : root + "/" + name
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try data.write(to: URL(fileURLWithPath: path))
        return path
    }

    /// Every regular file under `directory` (dot files included), by relative path, with its bytes.
    func snapshot(_ directory: String) -> [String: Data] {
        var files: [String: Data] = [:]
        guard let walker = FileManager.default.enumerator(atPath: directory) else { return files }
        while let relative = walker.nextObject() as? String {
            var isDirectory: ObjCBool = false
            let path = directory + "/" + relative
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue {
                files[relative] = (try? Data(contentsOf: URL(fileURLWithPath: path))) ?? Data()
            }
        }
        return files
    }
}

/// The ids that `spiegel [options] journal --json [filters]` lists, in its order.
func journalIDs(_ options: [String] = [], sandbox: Sandbox, environment: [String: String] = [:],
                sourceLocation: SourceLocation = #_sourceLocation) throws -> [String] {
    let result = try spiegel(options + ["journal", "--json"], sandbox: sandbox, environment: environment, sourceLocation: sourceLocation)
    #expect(result.status == 0, "\(result)", sourceLocation: sourceLocation)
    let list = try #require(try json(result.stdout, sourceLocation: sourceLocation) as? [[String: Any]], sourceLocation: sourceLocation)
    return list.compactMap { $0["id"] as? String }
}

/// Completes `exercise` `times` times in one piped script, every text answer being `text`.
func completeExercise(_ exercise: String, times: Int = 1, text: String, options: [String] = [], sandbox: Sandbox,
                      sourceLocation: SourceLocation = #_sourceLocation) throws {
    let script = try AnswerScript(exercise: exercise, sandbox: sandbox)
    let block = ["start \(exercise)"] + script.lines(textAnswer: text)
    let input = Array(repeating: block, count: times).flatMap { $0 }.joined(separator: "\n") + "\n"
    let result = try spiegel(options, input: input, sandbox: sandbox, environment: ["NO_COLOR": "1"], sourceLocation: sourceLocation)
    #expect(result.status == 0, "\(result)", sourceLocation: sourceLocation)
}

/// Parses a whole document as one JSON object (no fragments, nothing after it).
func jsonObject(_ data: Data, sourceLocation: SourceLocation = #_sourceLocation) throws -> [String: Any] {
    do {
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any], sourceLocation: sourceLocation)
    } catch {
        Issue.record("not one JSON object: \(String(decoding: data.prefix(300), as: UTF8.self))", sourceLocation: sourceLocation)
        throw error
    }
}

/// The shortest start of `id` (at least the time stamp) that no other id shares.
func uniquePrefix(of id: String, among ids: [String]) -> String {
    for length in 16...id.count {
        let prefix = String(id.prefix(length))
        if !ids.contains(where: { $0 != id && $0.hasPrefix(prefix) }) { return prefix }
    }
    return id
}
