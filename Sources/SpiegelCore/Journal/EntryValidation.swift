import Foundation

/// The ranges an entry's numbers and stamps must keep: an entry file or a bundle is data from outside,
/// and nothing read from one may make a later computation trap.
extension Entry {
    /// Confidence is a rating on the 1–5 scale every exercise ends with.
    public static let confidenceRange = 1...5
    /// Ratings of other steps stay within this (the content's scales are far smaller).
    public static let ratingRange = -10_000...10_000
    /// At most this many answers, items, commitments or history events in one entry.
    public static let maxCount = 10_000

    /// Why this entry cannot be used as it is, or nil: numbers out of range, unreadable times, ids that
    /// are not ids.
    public var validationProblem: String? {
        if let confidence, !Self.confidenceRange.contains(confidence) {
            return "confidence \(confidence) is outside 1–5"
        }
        guard JournalStore.isSafeID(id), ([exercise] + principles + practices).allSatisfy(JournalStore.isSafeID) else {
            return "the entry's id, exercise, principles or practices are not valid ids"
        }
        if let revision, revision < 1 { return "revision \(revision) is not a revision" }
        guard Timestamp.date(startedAt) != nil else { return "startedAt is not a date and time" }
        if let completedAt, Timestamp.date(completedAt) == nil { return "completedAt is not a date and time" }
        guard answers.count <= Self.maxCount, commitments.count <= Self.maxCount,
              (coachNotes?.count ?? 0) <= Self.maxCount else { return "more than \(Self.maxCount) answers, commitments or notes" }
        for answer in answers {
            if let rating = answer.rating, !Self.ratingRange.contains(rating) {
                return "step '\(answer.stepId.prefix(40))' has a rating out of range (\(rating))"
            }
            if let item = answer.item, !(0..<Self.maxCount).contains(item) {
                return "step '\(answer.stepId.prefix(40))' refers to item \(item), out of range"
            }
            if (answer.items?.count ?? 0) > Self.maxCount { return "step '\(answer.stepId.prefix(40))' has too many items" }
        }
        for commitment in commitments {
            guard JournalStore.isCommitmentID(commitment.id) else { return "a commitment id is not a valid id" }
            guard commitment.history.count <= Self.maxCount else { return "commitment \(commitment.id) has too long a history" }
            if commitment.history.contains(where: { Timestamp.date($0.at) == nil }) {
                return "commitment \(commitment.id) has a history time that is not a date and time"
            }
            let barriers = commitment.history.flatMap { $0.checkIn?.barriers ?? [] }
            guard barriers.count <= Self.maxCount, barriers.allSatisfy(JournalStore.isSafeID) else {
                return "commitment \(commitment.id) names a barrier that is not a valid id"
            }
        }
        if let notes = coachNotes, notes.contains(where: { Timestamp.date($0.at) == nil }) {
            return "a coach note's time is not a date and time"
        }
        return nil
    }
}

extension JournalStore {
    /// Commitment ids are an entry id, a dot and a number (`20261123-091502-3fa9c1.1`).
    public static func isCommitmentID(_ id: String) -> Bool {
        let parts = id.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 2 && isSafeID(String(parts[0])) && !parts[1].isEmpty && parts[1].count <= 4
            && parts[1].allSatisfy(\.isASCII) && Int(parts[1]) != nil
    }
}
