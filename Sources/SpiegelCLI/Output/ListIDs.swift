import SpiegelCore

/// The ids a list shows, shortened where a start is unique: entries among all the journal's entries, a
/// commitment as its entry's short id when the entry has no other. One length for all ids of a kind in a
/// list (the longest needed), so they line up as a column; whole ids where nothing shorter is known.
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
        entries = ShortID.aligned(entries)
        commitments = ShortID.aligned(commitments)
    }

    /// Short ids for commitments listed from the index, and their entries.
    init(session: Session, commitments listed: [IndexedCommitment]) {
        guard !listed.isEmpty, let store = try? session.journal else { return }
        entries = store.shortIDs(Array(Set(listed.map(\.entry))).sorted())
        for item in listed {
            commitments[item.commitment.id] = ShortID.commitment(item.commitment, entryShortID: entries[item.entry],
                                                                 commitmentsOfEntry: item.ofEntry)
        }
        entries = ShortID.aligned(entries)
        commitments = ShortID.aligned(commitments)
    }

    func entry(_ id: String) -> String { entries[id] ?? id }
    func commitment(_ id: String) -> String { commitments[id] ?? id }
}
