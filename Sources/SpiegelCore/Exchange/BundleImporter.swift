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
        try merge(kind: bundle.kind, notes: bundle.notes, journal: bundle.journal, ids: bundle.entries.map(\.id)) { positions in positions.map { bundle.entries[$0] } }
    }

    /// Merges a bundle read piece by piece, after every entry was checked (`BundleReader.checkEntries`, so
    /// that a bundle broken halfway adds nothing): the new entries are decoded again a batch at a time,
    /// unless the check kept them.
    /// `progress` hears (entries written, entries to write) after each batch of a big import.
    public func merge(_ reader: BundleReader, checked: BundleReader.CheckedEntries,
                      progress: ((Int, Int) -> Void)? = nil) throws(JournalError) -> Result {
        try merge(kind: reader.kind, notes: reader.notes, journal: reader.journal, ids: checked.ids, progress: progress) { positions throws(JournalError) in
            if let kept = checked.entries { return positions.map { kept[$0] } }
            do throws(ExchangeBundle.ReadError) {
                return try reader.entries(positions)
            } catch {
                throw .cannotRead(path: reader.path, reason: error.message)
            }
        }
    }

    private func merge(kind: ExchangeBundle.Kind, notes: [EntryNote], journal: String?, ids: [String], progress: ((Int, Int) -> Void)? = nil,
                       entries: ([Int]) throws(JournalError) -> [Entry]) throws(JournalError) -> Result {
        try store.exclusively("import") { store throws(JournalError) in
            try store.cleanDebris()
            let importer = Self(store: store)
            switch kind {
            case .entries: return try importer.mergeEntries(ids: ids, progress: progress, entries)
            case .feedback: return try importer.mergeNotes(notes, addressedTo: journal)
            }
        }
    }

    /// Adds the entries not there yet, a batch at a time (a bundle with one id twice is refused when checked).
    private func mergeEntries(ids: [String], progress: ((Int, Int) -> Void)?,
                              _ entries: ([Int]) throws(JournalError) -> [Entry]) throws(JournalError) -> Result {
        var result = Result()
        let existing = Set(try store.entryIDs())
        var seen = Set<String>()
        let fresh = ids.indices.filter { !existing.contains(ids[$0]) && seen.insert(ids[$0]).inserted }
        for start in stride(from: 0, to: fresh.count, by: JournalStore.writeBatch) {
            let end = min(start + JournalStore.writeBatch, fresh.count)
            result.added += try store.saveNew(batch: try entries(Array(fresh[start..<end])))
            if fresh.count >= BundleReader.progressFrom { progress?(end, fresh.count) }
        }
        result.alreadyPresent = ids.count - result.added
        return result
    }

    /// Attaches the coach's notes to the entries they belong to (a note already there is not added again),
    /// each entry's notes added to the entry as its file holds it when written. Notes addressed to another
    /// journal, or more notes than an entry may hold, are refused before anything is written.
    private func mergeNotes(_ notes: [EntryNote], addressedTo journal: String?) throws(JournalError) -> Result {
        var result = Result()
        let identity = try store.manifest()?.identity
        if let journal, journal != identity {
            throw .notesForAnotherJournal(client: notes.first?.client ?? "")
        }
        if let foreign = notes.first(where: { $0.journal != nil && $0.journal != identity }) {
            throw .notesForAnotherJournal(client: foreign.client)
        }
        let known = Set(try store.entryIDs())
        var byEntry: [String: [CoachNote]] = [:]
        for note in notes {
            guard known.contains(note.entryId) else {
                result.notesForUnknownEntries += 1
                continue
            }
            byEntry[note.entryId, default: []].append(CoachNote(author: note.author, at: note.at, text: note.text))
        }
        let ordered = byEntry.sorted(by: { $0.key < $1.key })
        for entry in store.entries(ids: ordered.map(\.key)) {
            let kept = entry.coachNotes ?? []
            let fresh = Set(byEntry[entry.id] ?? []).subtracting(kept)
            if kept.count + fresh.count > EntryLimits.notesPerEntry {
                throw .tooManyNotes(entry: entry.id, limit: EntryLimits.notesPerEntry)
            }
        }
        for (id, notes) in ordered {
            var attached = 0
            try store.update(id: id) { entry in
                var updated = entry
                for note in notes where updated.coachNotes?.contains(note) != true {
                    updated.coachNotes = (updated.coachNotes ?? []) + [note]
                    attached += 1
                }
                return attached > 0 ? updated : nil
            }
            result.notesAttached += attached
        }
        return result
    }
}
