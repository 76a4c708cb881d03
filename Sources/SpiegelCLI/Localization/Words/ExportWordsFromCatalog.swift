import SpiegelContent
import SpiegelCore

extension Session {
    /// The words of the Markdown and HTML exports in the session's language: the catalog's phrases, the
    /// content's principle names and exercise titles, and the barrier labels of the barrier-check exercise.
    func exportWords(title: String, graph: KnowledgeGraph) -> ExportWords {
        let say = self.say, language = self.language
        let principleNames = Dictionary(graph.principles.map { ($0.id, $0.name.resolved(language).text) },
                                        uniquingKeysWith: { first, _ in first })
        let exerciseTitles = Dictionary(graph.exercises.map { ($0.id, $0.title.resolved(language).text) },
                                        uniquingKeysWith: { first, _ in first })
        return ExportWords(
            language: language.rawValue, title: title, exported: say.exportExported(),
            countEntries: { say.countEntries($0) }, skipped: say.entrySkipped(), commitments: say.entryCommitments(),
            coach: say.exportCoach(), contents: say.exportContents(), overview: say.exportOverview(),
            entriesPerPrinciple: say.exportEntriesPerPrinciple(), activityPerWeek: say.exportEntriesPerWeek(),
            activityPerMonth: say.exportEntriesPerMonth(), confidenceOverTime: say.exportConfidenceOverTime(),
            confidence: say.exportConfidence(), outcomes: say.exportOutcomes(), principle: say.exportPrinciple(),
            made: say.exportMade(), kept: say.exportKept(), due: say.exportDue(), otherEntries: say.exportOtherEntries(),
            alsoTraining: say.exportAlsoTraining(), page: say.exportPage(), pageOf: say.exportPageOf(),
            months: say.calendarMonths().split(separator: " ").map(String.init),
            principleNames: principleNames, exerciseTitles: exerciseTitles,
            statusNames: Dictionary(uniqueKeysWithValues: CommitmentStatus.allCases.map { ($0, say.status($0)) }),
            barrierNames: barrierNames(in: graph),
            checkInLabels: [.did: say.exportCheckInDid(), .reaction: say.exportCheckInReaction(),
                            .learned: say.exportCheckInLearned(), .next: say.exportCheckInNext(),
                            .barriers: say.exportCheckInBarriers(), .why: say.exportCheckInWhy()],
            movedTo: { say.exportMovedTo($0) })
    }

    /// The barriers a check-in can name, by id, with the label the barrier-check exercise gives them (the
    /// part before its colon: "Shyness", not the explanation after it).
    func barrierNames(in graph: KnowledgeGraph) -> [String: String] {
        let options = graph.exercise("barrier-check")?.steps.first { $0.id == "barrier" }?.options ?? []
        return Dictionary(options.map { option in
            let label = option.label.resolved(language).text
            return (option.id, label.split(separator: ":", maxSplits: 1).first.map(String.init) ?? label)
        }, uniquingKeysWith: { first, _ in first })
    }
}
