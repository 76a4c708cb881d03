import Foundation
import SpiegelContent
import SpiegelCore

/// Whole-process benchmarks of the spiegel binary on generated journals, optionally beside jrnl.
struct ProcessBench {
    let binary: String
    let runs: Int
    let workDirectory: String
    let withJrnl: Bool

    struct Row {
        var operation: String
        var entries: Int
        var medianMilliseconds: Double
        var peakMegabytes: Double
        var jrnlMilliseconds: Double?
    }

    private func log(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    private func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        return sorted.isEmpty ? .nan : sorted[sorted.count / 2]
    }

    private func environment(home: String) -> [String: String] {
        var env = ProcessInfo.processInfo.environment
        env["HOME"] = home
        env["XDG_DATA_HOME"] = home + "/data"
        env["XDG_STATE_HOME"] = home + "/state"
        env["XDG_CONFIG_HOME"] = home + "/config"
        env["NO_COLOR"] = "1"
        env["LANG"] = "C.UTF-8"
        env.removeValue(forKey: "SPIEGEL_JOURNAL")
        env.removeValue(forKey: "SPIEGEL_NOW")
        return env
    }

    /// A journal with exactly `count` generated entries, reused between runs.
    private func journal(count: Int) throws -> String {
        let path = workDirectory + "/journal-\(count)"
        let store = JournalStore(root: path)
        if store.exists, ((try? SafeFiles.list(store.entriesDirectory)) ?? []).filter({ $0.hasSuffix(".json") }).count == count {
            return path
        }
        try? FileManager.default.removeItem(atPath: path)
        log("generating \(count) entries…")
        _ = try JournalGenerator(graph: .curated()).generate(count: count, seed: 42, into: store, now: Date())
        return path
    }

    private func writeFile(_ text: String) throws -> String {
        let path = workDirectory + "/stdin-\(UUID().uuidString).txt"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    func run(sizes: [Int]) throws {
        try FileManager.default.createDirectory(atPath: workDirectory, withIntermediateDirectories: true)
        let home = workDirectory + "/home"
        let runner = ProcessRunner(environment: environment(home: home))
        let jrnl = withJrnl ? try JrnlBench(workDirectory: workDirectory, runs: runs) : nil
        var rows: [Row] = []
        let answers = try writeFile(Self.smallGestureScript)
        for count in sizes {
            let path = try journal(count: count)
            let exported = workDirectory + "/bundle-\(count).json"
            _ = runner.measure([binary, "--journal", path, "export", "--format", "json", "--output", exported])
            func time(_ name: String, _ arguments: [String], stdin: String? = nil, before: (() -> Void)? = nil, jrnlMs: Double? = nil) {
                var times: [Double] = []
                for _ in 0..<runs {
                    before?()
                    let m = runner.measure([binary] + arguments, stdinPath: stdin)
                    if m.status != 0 { log("warning: \(name) exited \(m.status)") }
                    times.append(m.seconds)
                }
                before?()
                let peak = runner.peakKilobytes([binary] + arguments, stdinPath: stdin)
                rows.append(Row(operation: name, entries: count, medianMilliseconds: median(times) * 1000,
                                peakMegabytes: Double(peak) / 1024, jrnlMilliseconds: jrnlMs))
                log("\(count) \(name): \(String(format: "%.1f", median(times) * 1000)) ms")
            }
            var prompt: [Double] = []
            for _ in 0..<runs {
                prompt.append(runner.timeToOutput([binary, "--journal", path], marker: "spiegel> ").seconds)
            }
            // The shell is ended by a signal, so its peak cannot be read through GNU time; it is left out.
            let promptPeak = 0
            rows.append(Row(operation: "time to first prompt", entries: count, medianMilliseconds: median(prompt) * 1000,
                            peakMegabytes: Double(promptPeak) / 1024))
            let jrnlTimes = try jrnl?.measure(journal: path, count: count)
            time("journal --limit 20", ["--journal", path, "journal", "--limit", "20"], jrnlMs: jrnlTimes?["list"])
            // From nothing: the index deleted, so this read stats and reads every entry file.
            time("index rebuild from nothing", ["--journal", path, "journal", "--limit", "1"],
                 before: { try? FileManager.default.removeItem(atPath: path + "/.index.sqlite") })
            time("journal --grep WORD", ["--journal", path, "journal", "--grep", "parkeerplaats"], jrnlMs: jrnlTimes?["search"])
            time("stats", ["--journal", path, "stats"])
            time("recommend", ["--journal", path, "recommend"])
            time("export --format json", ["--journal", path, "export", "--format", "json"], jrnlMs: jrnlTimes?["export"])
            time("export --format html", ["--journal", path, "export", "--format", "html"])
            let target = workDirectory + "/import-target"
            time("import (bundle of N)", ["--journal", target, "import", exported],
                 before: { try? FileManager.default.removeItem(atPath: target) })
            time("add one entry (piped exercise)", ["--journal", path], stdin: answers, jrnlMs: jrnlTimes?["add"])
        }
        try? FileManager.default.removeItem(atPath: answers)
        print(Self.table(rows, withJrnl: withJrnl))
    }

    static func table(_ rows: [Row], withJrnl: Bool) -> String {
        var out = "| operation | entries | median ms | peak MB |" + (withJrnl ? " jrnl ms | jrnl/spiegel |" : "") + "\n"
        out += "|---|---:|---:|---:|" + (withJrnl ? "---:|---:|" : "") + "\n"
        for row in rows {
            let peak = row.peakMegabytes > 0 ? String(format: "%.1f", row.peakMegabytes) : "–"
            out += "| \(row.operation) | \(row.entries) | \(String(format: "%.1f", row.medianMilliseconds)) | \(peak) |"
            if withJrnl {
                if let j = row.jrnlMilliseconds {
                    out += " \(String(format: "%.0f", j)) | \(String(format: "%.0fx", j / row.medianMilliseconds)) |"
                } else {
                    out += " | |"
                }
            }
            out += "\n"
        }
        return out
    }

    /// A complete piped run of small-gesture-plan (answers from `show small-gesture-plan --json`).
    static var smallGestureScript: String {
        guard let exercise = KnowledgeGraph.curated().exercise("small-gesture-plan") else { return "" }
        var lines = ["start small-gesture-plan"]
        for step in exercise.steps {
            switch step.kind {
            case .text: lines.append("a glass of water for the waiting guest")
            case .list:
                lines += ["a chair by the door", "coffee", ""]
                for _ in 0..<2 { for _ in step.followUps { lines.append("by asking first") } }
            case .rating: lines.append(String(((step.scale?.min ?? 1) + (step.scale?.max ?? 5)) / 2))
            case .choice: lines.append("1")
            case .commitment: lines += ["offer water", "in 3 days"]
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
