import Foundation
import SpiegelContent

/// A small deterministic random number generator (SplitMix64), so simulations and generated journals repeat.
public struct SeededRandom: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) {
        state = seed
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// A simulated learner: a hidden skill per principle that practice raises and time erodes.
public struct LearnerProfile: Sendable {
    public var name: String
    public var skills: [String: Double]
    /// Whether the learner leaves the confidence rating out.
    public var skipsRatings = false
    /// Entries the learner already has when the simulation starts (exercise ids, oldest first, one a week).
    public var history: [String] = []
    /// Open commitments already overdue when the simulation starts.
    public var overdueCommitments = 0

    public init(name: String, skills: [String: Double]) {
        self.name = name
        self.skills = skills
    }

    /// The profiles the evaluation runs.
    public static func standard(principles: [String]) -> [LearnerProfile] {
        func uniform(_ value: Double) -> [String: Double] { Dictionary(uniqueKeysWithValues: principles.map { ($0, value) }) }
        var strongWeak = LearnerProfile(name: "strong on interest, weak on boundaries", skills: uniform(0.45))
        strongWeak.skills["interest"] = 0.85
        strongWeak.skills["boundaries"] = 0.1
        let newUser = LearnerProfile(name: "new user", skills: uniform(0.2))
        var skips = LearnerProfile(name: "skips ratings", skills: uniform(0.4))
        skips.skills["action"] = 0.15
        skips.skipsRatings = true
        var single = LearnerProfile(name: "only does one exercise", skills: uniform(0.35))
        single.skills["connection"] = 0.7
        single.skills["interest"] = 0.65
        single.history = Array(repeating: "most-satisfied-customer", count: 8)
        var overdue = LearnerProfile(name: "overdue commitments", skills: uniform(0.4))
        overdue.skills["awareness"] = 0.2
        overdue.history = ["small-gesture-plan", "personal-greeting"]
        overdue.overdueCommitments = 2
        return [strongWeak, newUser, skips, single, overdue]
    }
}

/// How the next exercise is chosen in a simulation.
public enum SimulationPolicy: String, Sendable, CaseIterable {
    case scheduler, roundRobin = "round-robin", random
}

/// The figures of one simulated learner under one policy.
public struct SimulationResult: Sendable, Codable {
    public var profile: String
    public var policy: String
    /// Weeks until every principle had been practised (nil: never within the horizon).
    public var weeksToCoverAll: Double?
    /// Share of sessions that trained the learner's weakest principle at that moment.
    public var weakestShare: Double
    /// Sessions that repeated the previous session's exercise.
    public var repeatsInARow: Int
    /// Weeks until an overdue commitment got a check-in (nil: never; only for profiles with one).
    public var weeksToCheckIn: Int?
    /// Mean hidden skill at the end.
    public var finalMeanSkill: Double
}

/// Simulates learners over a number of weeks: each week one session with the policy's choice.
public struct LearnerSimulation: Sendable {
    public let graph: KnowledgeGraph
    public var weeks = 26
    public var learningRate = 0.2
    public var weeklyDecay = 0.01
    public let start = CalendarDay(year: 2026, month: 1, day: 5)

    public init(graph: KnowledgeGraph) {
        self.graph = graph
    }

    public func run(_ profile: LearnerProfile, policy: SimulationPolicy, seed: UInt64 = 1) -> SimulationResult {
        var random = SeededRandom(seed: seed)
        var skills = profile.skills
        var entries: [Entry] = []
        var practised = Set<String>()
        let principles = graph.principles.map(\.id)
        func makeEntry(_ exercise: Exercise, day: CalendarDay, number: Int) -> Entry {
            let stamp = Timestamp.string(Date(timeIntervalSince1970: Double(day.ordinal * 86_400 + 36_000)), timeZone: TimeZone(secondsFromGMT: 0)!)
            var entry = Entry(id: String(format: "%@-%06d", day.description.replacingOccurrences(of: "-", with: ""), number),
                              exercise: exercise, language: .en, startedAt: stamp)
            entry.completedAt = stamp
            let mean = exercise.principles.compactMap { skills[$0] }.reduce(0, +) / Double(max(1, exercise.principles.count))
            entry.confidence = profile.skipsRatings ? nil : min(5, max(1, Int((1 + 4 * mean).rounded())))
            return entry
        }
        // The learner's past: one entry a week before the start.
        for (offset, id) in profile.history.enumerated() {
            guard let exercise = graph.exercise(id) else { continue }
            var entry = makeEntry(exercise, day: start.adding(days: -7 * (profile.history.count - offset)), number: offset)
            if offset >= profile.history.count - profile.overdueCommitments {
                entry.commitments = [Commitment(id: "\(entry.id).1", stepId: "plan", action: "try it", due: start.adding(days: -2))]
            }
            entries.append(entry)
            practised.formUnion(exercise.principles)
        }
        var weeksToCoverAll: Double? = practised.isSuperset(of: principles) ? 0 : nil
        var onWeakest = 0, repeats = 0
        var weeksToCheckIn: Int?
        var previous = entries.last?.exercise
        // Round-robin starts at an offset given by the seed, so its figures can be averaged over every
        // starting point instead of depending on the catalogue's order.
        var cursor = policy == .roundRobin ? Int((seed - 1) % UInt64(max(1, graph.exercises.count))) : 0
        let scheduler = Scheduler(graph: graph, language: .en)
        for week in 0..<weeks {
            let today = start.adding(days: 7 * week)
            let chosen: Exercise
            switch policy {
            case .scheduler:
                let result = scheduler.recommend(entries: entries.map(EntrySummary.init), today: today, count: 1)
                if !result.checkIns.isEmpty, weeksToCheckIn == nil {
                    weeksToCheckIn = week
                    // The learner checks in: the commitments are marked done.
                    for index in entries.indices {
                        for c in entries[index].commitments.indices { entries[index].commitments[c].status = .done }
                    }
                }
                chosen = graph.exercise(result.recommendations[0].exercise)!
            case .roundRobin:
                chosen = graph.exercises[cursor % graph.exercises.count]
                cursor += 1
            case .random:
                chosen = graph.exercises[Int(random.next() % UInt64(graph.exercises.count))]
            }
            let weakest = principles.min { (skills[$0] ?? 0, $0) < (skills[$1] ?? 0, $1) }!
            if chosen.principles.contains(weakest) { onWeakest += 1 }
            if chosen.id == previous { repeats += 1 }
            previous = chosen.id
            for principle in principles {
                if chosen.principles.contains(principle) {
                    skills[principle, default: 0] += learningRate * (1 - (skills[principle] ?? 0))
                } else {
                    skills[principle] = max(0, (skills[principle] ?? 0) - weeklyDecay)
                }
            }
            entries.append(makeEntry(chosen, day: today, number: 1000 + week))
            practised.formUnion(chosen.principles)
            if weeksToCoverAll == nil, practised.isSuperset(of: principles) { weeksToCoverAll = Double(week + 1) }
        }
        let mean = principles.compactMap { skills[$0] }.reduce(0, +) / Double(principles.count)
        return SimulationResult(profile: profile.name, policy: policy.rawValue, weeksToCoverAll: weeksToCoverAll,
                                weakestShare: Double(onWeakest) / Double(weeks), repeatsInARow: repeats,
                                weeksToCheckIn: profile.overdueCommitments > 0 ? weeksToCheckIn : nil,
                                finalMeanSkill: mean)
    }

    /// Every standard profile under every policy; the random baseline is averaged over `randomRuns` seeds.
    public func evaluate(randomRuns: Int = 20) -> [SimulationResult] {
        var results: [SimulationResult] = []
        for profile in LearnerProfile.standard(principles: graph.principles.map(\.id)) {
            results.append(run(profile, policy: .scheduler))
            let rotations = (1...max(1, graph.exercises.count)).map { run(profile, policy: .roundRobin, seed: UInt64($0)) }
            results.append(mean(rotations, profile: profile.name, policy: "round-robin (mean of \(rotations.count) starts)"))
            let runs = (1...randomRuns).map { run(profile, policy: .random, seed: UInt64($0)) }
            results.append(mean(runs, profile: profile.name, policy: "random (mean of \(randomRuns))"))
        }
        return results
    }

    /// The mean figures of several runs of one profile under one policy.
    private func mean(_ runs: [SimulationResult], profile: String, policy: String) -> SimulationResult {
        let covered = runs.compactMap(\.weeksToCoverAll)
        return SimulationResult(
            profile: profile, policy: policy,
            weeksToCoverAll: covered.count == runs.count ? covered.reduce(0, +) / Double(covered.count) : nil,
            weakestShare: runs.map(\.weakestShare).reduce(0, +) / Double(runs.count),
            repeatsInARow: Int((Double(runs.map(\.repeatsInARow).reduce(0, +)) / Double(runs.count)).rounded()),
            weeksToCheckIn: nil,
            finalMeanSkill: runs.map(\.finalMeanSkill).reduce(0, +) / Double(runs.count))
    }
}
