import ArgumentParser
import Foundation

/// `run`: whole-process timings of the release binary on synthetic journals (filled in by ProcessBench).
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "run", abstract: "Time Spiegel's commands on journals of 1,000 / 10,000 / 100,000 entries.")

    @Option(help: "Journal sizes to measure (comma-separated).") var sizes: String = "1000,10000,100000"
    @Option(help: "Runs per measurement (the median is reported).") var runs = 5
    @Option(help: "The spiegel binary to measure (default: next to this one).") var spiegel: String?
    @Option(help: "Where generated journals are kept between runs.") var workDirectory = NSTemporaryDirectory() + "spiegel-bench"
    @Flag(help: "Also measure jrnl on the same entries (installs it into a venv under the work directory).") var jrnl = false

    func run() throws {
        let binary = spiegel ?? URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("spiegel").path
        guard FileManager.default.isExecutableFile(atPath: binary) else {
            throw ValidationError("no spiegel binary at \(binary); build it with: swift build -c release")
        }
        let counts = sizes.split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        try ProcessBench(binary: binary, runs: runs, workDirectory: workDirectory, withJrnl: jrnl).run(sizes: counts)
    }
}
