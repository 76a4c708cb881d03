import Foundation
import Testing

/// Updates of an existing entry merge: each re-reads the entry under the update lock, so check-ins made
/// at the same moment by many spiegels are all kept, each once.
@Suite("Updates that merge")
struct MergingUpdateTests {
    static let env = ["NO_COLOR": "1"]

    @Test func concurrentCheckInsOnOneCommitmentAreAllKeptEachOnce() throws {
        let sandbox = Sandbox("spiegel-merge")
        let made = try spiegel(["--now", "2026-11-30"], input: CommitmentCheckInCommandTests.gesture("offer water", "in 3 days"),
                               sandbox: sandbox, environment: Self.env)
        #expect(made.status == 0, "\(made)")
        func history() throws -> [[String: Any]] {
            let run = try spiegel(["commitments", "--all", "--json"], sandbox: sandbox, environment: Self.env)
            #expect(run.status == 0, "\(run)")
            let list = try #require(try json(run.stdout) as? [[String: Any]])
            return try #require(list.first?["history"] as? [[String: Any]])
        }
        let id = try #require(try {
            let run = try spiegel(["commitments", "--json"], sandbox: sandbox, environment: Self.env)
            return (try json(run.stdout) as? [[String: Any]])?.first?["id"] as? String
        }())
        let writers = 16, rounds = 10  // 20 rounds take about 50 s on two cores
        var expected: [String] = []
        for round in 0..<rounds {
            let runs = try (0..<writers).map { writer in
                let tag = "r\(round)-w\(writer)"
                expected.append(tag)
                return try SpiegelRun(["done", id, "--did", tag], sandbox: sandbox, environment: Self.env)
            }
            for run in runs {
                let result = run.finish(timeout: 60)
                #expect(result.status == 0, "\(result)")
            }
        }
        let kept = try history().compactMap { ($0["checkIn"] as? [String: Any])?["did"] as? String }
        #expect(kept.count == expected.count, "\(expected.count) check-ins made, \(kept.count) kept")
        let missing = Set(expected).subtracting(kept), twice = Dictionary(grouping: kept, by: { $0 }).filter { $0.value.count > 1 }.keys
        #expect(missing.isEmpty && twice.isEmpty, "lost: \(missing.count), kept twice: \(twice.sorted())")
        let doctor = try spiegel(["doctor"], sandbox: sandbox, environment: Self.env)
        #expect(doctor.status == 0, "\(doctor)")
    }
}
