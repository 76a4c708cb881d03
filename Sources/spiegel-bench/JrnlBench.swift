import Foundation
import SpiegelCore

/// jrnl (the terminal journaling tool people use today), installed into a venv, on the same entries
/// converted to its plain-text format, for the operations both tools have.
struct JrnlBench {
    let workDirectory: String
    let runs: Int
    let executable: String

    init(workDirectory: String, runs: Int) throws {
        self.workDirectory = workDirectory
        self.runs = runs
        let venv = workDirectory + "/jrnl-venv"
        executable = venv + "/bin/jrnl"
        if !FileManager.default.isExecutableFile(atPath: executable) {
            FileHandle.standardError.write(Data("installing jrnl into \(venv)…\n".utf8))
            try Self.shell("python3 -m venv '\(venv)' && '\(venv)/bin/pip' install -q jrnl")
        }
    }

    @discardableResult
    static func shell(_ command: String, environment: [String: String]? = nil) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        if let environment { process.environment = environment }
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        if process.terminationStatus != 0 { throw CocoaError(.executableLoad) }
        return process.terminationStatus
    }

    /// Median milliseconds per operation: list, search, export, add.
    func measure(journal: String, count: Int) throws -> [String: Double] {
        let home = workDirectory + "/jrnl-home-\(count)"
        let text = home + "/journal.txt"
        try FileManager.default.createDirectory(atPath: home + "/config/jrnl", withIntermediateDirectories: true)
        if !FileManager.default.fileExists(atPath: text) {
            try convert(journal: journal, to: text)
        }
        let config = """
        colors: {body: none, date: none, tags: none, title: none}
        default_hour: 9
        default_minute: 0
        editor: ''
        encrypt: false
        highlight: false
        indent_character: '|'
        journals:
          default:
            journal: \(text)
        linewrap: 79
        tagsymbols: '#@'
        template: false
        timeformat: '%Y-%m-%d %H:%M'
        version: v4.2

        """
        try config.write(toFile: home + "/config/jrnl/jrnl.yaml", atomically: true, encoding: .utf8)
        var env = ProcessInfo.processInfo.environment
        env["HOME"] = home
        env["XDG_CONFIG_HOME"] = home + "/config"
        env["XDG_DATA_HOME"] = home + "/data"
        let runner = ProcessRunner(environment: env)
        func time(_ arguments: [String]) -> Double {
            let values = (0..<runs).map { _ in runner.measure([executable] + arguments).seconds * 1000 }.sorted()
            return values[values.count / 2]
        }
        return [
            "list": time(["-n", "20"]),
            "search": time(["-contains", "parkeerplaats"]),
            "export": time(["--export", "json"]),
            "add": time(["a glass of water for the waiting guest."]),
        ]
    }

    /// One jrnl entry per Spiegel entry: its date, the exercise title as the title, the answers as the body.
    private func convert(journal: String, to path: String) throws {
        let entries = try JournalStore(root: journal).entries().entries.sorted { $0.id < $1.id }
        var out = ""
        for entry in entries {
            let stamp = entry.completedAt.flatMap { Timestamp.date($0) } ?? Date()
            let day = CalendarDay(stamp)
            let seconds = Int(stamp.timeIntervalSince1970) % 86_400
            out += String(format: "[%@ %02d:%02d] ", day.description, seconds / 3600, seconds % 3600 / 60) + entry.exerciseTitle + ".\n"
            out += entry.answers.map(\.plainText).joined(separator: "\n") + "\n\n"
        }
        try out.write(toFile: path, atomically: true, encoding: .utf8)
    }
}
