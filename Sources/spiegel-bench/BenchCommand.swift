import ArgumentParser
import Foundation
import SpiegelCore

/// `spiegel-bench`: synthetic journals, the recommender's learner simulation, and whole-process benchmarks.
@main
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "spiegel-bench", abstract: "Spiegel's benchmarks and evaluations.",
        subcommands: [GenerateCommand.self, SimulateCommand.self, RunCommand.self, RedactionBenchCommand.self])
}

/// `generate --entries N --seed S --journal DIR [--moved-because BARRIER]`.
struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "generate", abstract: "Write a synthetic journal of realistic entries.")

    @Option(help: "How many entries.") var entries: Int
    @Option(help: "Random seed (the same seed gives the same journal content).") var seed: UInt64 = 1
    @Option(help: "The journal directory.") var journal: String
    @Option(help: ArgumentHelp("Move three in four commitments because of this barrier (shyness, creativity, involvement).",
                               valueName: "barrier"))
    var movedBecause: CheckInBarrier?

    func run() throws {
        guard entries >= 0 else { throw ValidationError("--entries must be 0 or more") }
        let showProgress = isatty(2) == 1
        let start = Date()
        let written = try JournalGenerator(graph: .curated()).generate(
            count: entries, seed: seed, into: JournalStore(root: journal), now: Date(), movedBecause: movedBecause,
            progress: showProgress ? { FileHandle.standardError.write(Data("\r\($0) entries…".utf8)) } : nil)
        if showProgress { FileHandle.standardError.write(Data("\r".utf8)) }
        print("\(written) entries written to \(journal) in \(String(format: "%.1f", Date().timeIntervalSince(start))) s")
    }
}

/// `simulate`: the recommender against round-robin and random baselines on simulated learners.
struct SimulateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "simulate", abstract: "Evaluate the recommender on simulated learners over 26 weeks.")

    @Flag(help: "Print JSON instead of a table.") var json = false

    func run() throws {
        let results = LearnerSimulation(graph: .curated()).evaluate()
        if json {
            print(JSONOutput.string(results), terminator: "")
            return
        }
        print("| profile | policy | weeks to cover all 5 | sessions on weakest | repeats in a row | weeks to check-in | final mean skill |")
        print("|---|---|---|---|---|---|---|")
        for r in results {
            let cover = r.weeksToCoverAll.map { String(format: "%.1f", $0) } ?? "never"
            let checkIn = r.profile == "overdue commitments" ? (r.weeksToCheckIn.map(String.init) ?? "never") : "–"
            print("| \(r.profile) | \(r.policy) | \(cover) | \(String(format: "%.0f%%", r.weakestShare * 100)) | \(r.repeatsInARow) | \(checkIn) | \(String(format: "%.2f", r.finalMeanSkill)) |")
        }
    }
}

extension CheckInBarrier: ExpressibleByArgument {}
