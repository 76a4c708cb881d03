import Testing
@testable import SpiegelCore

/// The recommender must beat the baselines on the simulated learners (the figures in docs/RECOMMENDER.md).
@Suite struct SimulationTests {
    @Test func schedulerBeatsRoundRobinAndRandomOnEveryProfile() {
        let results = LearnerSimulation(graph: .curated()).evaluate(randomRuns: 10)
        let profiles = Set(results.map(\.profile))
        #expect(profiles.count == 5)
        for profile in profiles {
            let mine = results.first { $0.profile == profile && $0.policy == "scheduler" }!
            let others = results.filter { $0.profile == profile && $0.policy != "scheduler" }
            #expect(others.count == 2)
            for other in others {
                #expect((mine.weeksToCoverAll ?? 99) < (other.weeksToCoverAll ?? 99), "\(profile): weeks vs \(other.policy)")
                #expect(mine.weakestShare > other.weakestShare, "\(profile): weakest share vs \(other.policy)")
            }
        }
        let overdue = results.first { $0.profile == "overdue commitments" && $0.policy == "scheduler" }!
        #expect(overdue.weeksToCheckIn == 0)
    }

    @Test func theSimulationRepeats() {
        let simulation = LearnerSimulation(graph: .curated())
        let profile = LearnerProfile.standard(principles: ContentValidatorPrinciples.all)[0]
        let a = simulation.run(profile, policy: .random, seed: 7)
        let b = simulation.run(profile, policy: .random, seed: 7)
        #expect(a.weakestShare == b.weakestShare && a.weeksToCoverAll == b.weeksToCoverAll)
    }
}

enum ContentValidatorPrinciples {
    static let all = ["interest", "connection", "action", "awareness", "boundaries"]
}
