/// Merges a bundle into a journal: entries that are not there yet are added (importing twice adds nothing);
/// a feedback bundle attaches the coach's notes to the entries they belong to.
public struct BundleImporter: Sendable {
    public let store: JournalStore

    public init(store: JournalStore) {
        self.store = store
    }

    public struct Result: Sendable, Codable {
        public var added = 0
        public var alreadyPresent = 0
        public var notesAttached = 0
        public var notesForUnknownEntries = 0
    }

    /// Merges with the journal locked: no other spiegel writes meanwhile, and the debris of an earlier,
    /// interrupted import is cleared first.
    public func merge(_ bundle: ExchangeBundle) throws(JournalError) -> Result {
        try store.exclusively("import") { store throws(JournalError) in
            try store.cleanDebris()
            return try Self(store: store).mergeLocked(bundle)
        }
    }

    private func mergeLocked(_ bundle: ExchangeBundle) throws(JournalError) -> Result {
        var result = Result()
        switch bundle.kind {
        case .entries:
            let existing = Set(try store.entryIDs())
            var seen = Set<String>()
            let fresh = bundle.entries.filter { !existing.contains($0.id) && seen.insert($0.id).inserted }
            result.added = try store.saveNew(batch: fresh)
            result.alreadyPresent = bundle.entries.count - result.added
        case .feedback:
            let entries = Dictionary(try store.entries().entries.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
            var changed: [String: Entry] = [:]
            for note in bundle.notes {
                guard var entry = changed[note.entryId] ?? entries[note.entryId] else {
                    result.notesForUnknownEntries += 1
                    continue
                }
                let coachNote = CoachNote(author: note.author, at: note.at, text: note.text)
                if entry.coachNotes?.contains(coachNote) == true { continue }
                entry.coachNotes = (entry.coachNotes ?? []) + [coachNote]
                changed[entry.id] = entry
                result.notesAttached += 1
            }
            for entry in changed.values.sorted(by: { $0.id < $1.id }) {
                try store.update(entry)
            }
        }
        return result
    }
}
