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
        try merge(kind: bundle.kind, notes: bundle.notes, count: bundle.entries.count) { range in bundle.entries[range] }
    }

    /// Merges a bundle read piece by piece: its entries are decoded a batch at a time. Check them first
    /// (`BundleReader.checkEntries`): a bundle that turns out broken halfway would be imported halfway.
    public func merge(_ reader: BundleReader) throws(JournalError) -> Result {
        try merge(kind: reader.kind, notes: reader.notes, count: reader.entryCount) { range throws(JournalError) in
            do throws(ExchangeBundle.ReadError) {
                return try reader.entries(range)[...]
            } catch {
                throw .cannotRead(path: reader.path, reason: error.message)
            }
        }
    }

    private func merge(kind: ExchangeBundle.Kind, notes: [EntryNote], count: Int,
                       entries: (Range<Int>) throws(JournalError) -> ArraySlice<Entry>) throws(JournalError) -> Result {
        try store.exclusively("import") { store throws(JournalError) in
            try store.cleanDebris()
            let importer = Self(store: store)
            switch kind {
            case .entries: return try importer.mergeEntries(count: count, entries)
            case .feedback: return try importer.mergeNotes(notes)
            }
        }
    }

    /// Adds the entries not there yet, a batch at a time (the same id twice in a bundle is added once).
    private func mergeEntries(count: Int, _ entries: (Range<Int>) throws(JournalError) -> ArraySlice<Entry>) throws(JournalError) -> Result {
        var result = Result()
        let existing = Set(try store.entryIDs())
        var seen = Set<String>()
        for start in stride(from: 0, to: count, by: JournalStore.writeBatch) {
            let fresh = try entries(start..<min(start + JournalStore.writeBatch, count))
                .filter { !existing.contains($0.id) && seen.insert($0.id).inserted }
            result.added += try store.saveNew(batch: Array(fresh))
        }
        result.alreadyPresent = count - result.added
        return result
    }

    /// Attaches the coach's notes to the entries they belong to (a note already there is not added again).
    private func mergeNotes(_ notes: [EntryNote]) throws(JournalError) -> Result {
        var result = Result()
        let entries = Dictionary(try store.entries().entries.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var changed: [String: Entry] = [:]
        for note in notes {
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
        return result
    }
}
