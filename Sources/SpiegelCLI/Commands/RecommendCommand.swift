import ArgumentParser
import SpiegelContent
import SpiegelCore

/// `recommend [--count N] [--principle P]`: what to practise next, and why.
struct RecommendCommand: SessionCommand {
    static let configuration = CommandConfiguration(
        commandName: "recommend", abstract: "Suggest what to practise next, with the reasons.")

    @Option(help: "How many suggestions.")
    var count = 3

    @Option(help: ArgumentHelp("Only exercises for this principle.", valueName: "principle"),
            completion: .list(ContentValidator.corePrinciples))
    var principle: String?

    @Flag(help: "Show every reason and the scores behind the order.")
    var why = false

    @OptionGroup var global: GlobalOptions

    func execute(in session: Session) throws {
        guard count >= 1 else { throw CommandFailure(session.say.errorCountAtLeastOne("--count")) }
        let graph = try session.graph()
        let principle = try self.principle.map { try graph.principle($0, say: session.say).id }
        let result = try Recommender(session: session).recommend(count: count, principle: principle)
        if session.json {
            Console.write(JSONOutput.orderedObject([("recommendations", result.recommendations), ("checkIns", result.checkIns)]), to: .standardOutput)
            return
        }
        RecommendationView(session: session).show(result, why: why)
    }
}

/// The CLI's view of the scheduler: reads the journal's practice history and reports its problems.
struct Recommender {
    let session: Session

    /// `known` reuses a history the caller already read (its problems reported there).
    func recommend(count: Int, principle: String?, history known: PracticeHistory? = nil) throws
        -> (recommendations: [Recommendation], checkIns: [CheckIn]) {
        let scheduler = Scheduler(graph: try session.graph(), language: session.language)
        var history = known
        if history == nil {
            let (read, problems) = try session.withProgress { progress in
                try session.journal.practice(today: session.today, dueLimit: scheduler.parameters.maximumCheckIns, progress: progress)
            }
            session.report(problems)
            history = read
        }
        return scheduler.recommend(history: history!, today: session.today, count: count, principle: principle)
    }

    /// "Next: ..." after an exercise was saved.
    func next() throws -> String? {
        guard let first = try recommend(count: 1, principle: nil).recommendations.first else { return nil }
        return RecommendationView(session: session).nextLine(first)
    }
}
