import SpiegelCore

/// The ids a list shows, shortened where a start is unique: entries among all the journal's entries, a
/// commitment as its entry's short id when the entry has no other. Whole ids where nothing shorter is known.
struct ListIDs {
    var entries: [String: String] = [:]
    var commitments: [String: String] = [:]

    init() {}

    /// Short ids for `summaries` and their commitments.
    init(session: Session, entries summaries: [EntrySummary]) {
        guard !summaries.isEmpty, let store = try? session.journal else { return }
        entries = store.shortIDs(summaries.map(\.id))
        for summary in summaries {
            for commitment in summary.commitments {
                commitments[commitment.id] = ShortID.commitment(commitment, entryShortID: entries[summary.id],
                                                                commitmentsOfEntry: summary.commitments.count)
            }
        }
    }

    func entry(_ id: String) -> String { entries[id] ?? id }
    func commitment(_ id: String) -> String { commitments[id] ?? id }
}
