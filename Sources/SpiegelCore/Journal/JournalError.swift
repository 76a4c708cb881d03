/// What can go wrong with a journal; each case says what happened and where.
public enum JournalError: Error, Sendable, Equatable {
    case cannotCreate(path: String, reason: String)
    case cannotWrite(path: String, reason: String)
    case cannotRead(path: String, reason: String)
    case corrupt(path: String, reason: String)
    case newerSchema(path: String, found: Int, supported: Int)
    case notFound(what: String, id: String)
    case ambiguous(what: String, prefix: String, matches: [String])
    case unsafePath(String)
    /// The file is sealed and the journal was opened without its passphrase.
    case needsPassphrase(path: String)
    /// `encrypt` on a journal that is encrypted already (`rekey` changes the passphrase).
    case alreadyEncrypted(path: String)
    /// `rekey` on a journal that is not encrypted.
    case notEncrypted(path: String)
    /// A sealed file, the passphrase or the manifest's settings could not be used.
    case cipher(JournalCipher.Failure)
    /// A sealed file or the manifest's key cannot be opened although the passphrase was right: damaged data.
    case damagedKey(String)
    /// Another spiegel held the journal's lock for longer than this one would wait.
    case busy(operation: String?)
    /// The journal was encrypted or decrypted by another spiegel while this one had it open.
    case changedMeanwhile(path: String)
    /// A feedback bundle (or one of its notes) is addressed to another client's journal: nothing is attached.
    case notesForAnotherJournal(client: String)
    /// Attaching a bundle's notes would give an entry more than `limit` notes: nothing is attached.
    case tooManyNotes(entry: String, limit: Int)
    /// Whole-journal work stopped part-way: `done` of `total` files converted, then `cause`.
    indirect case incomplete(operation: String, done: Int, total: Int, cause: JournalError)

    public var message: String {
        switch self {
        case .cannotCreate(let path, let reason): "cannot create \(path): \(reason)"
        case .cannotWrite(let path, let reason): "cannot write \(path): \(reason)"
        case .cannotRead(let path, let reason): "cannot read \(path): \(reason)"
        case .corrupt(let path, let reason): "\(path): not a valid journal file: \(reason)"
        case .newerSchema(let path, let found, let supported):
            "\(path): schemaVersion \(found) is newer than this Spiegel understands (\(supported)); update Spiegel to read it"
        case .notFound(let what, let id): "no \(what) '\(id)'"
        case .ambiguous(let what, let prefix, let matches):
            "'\(prefix)' matches \(matches.count) \(what)s: \(matches.prefix(5).joined(separator: ", "))\(matches.count > 5 ? ", ..." : "")"
        case .unsafePath(let id): "'\(id)' is not a valid id"
        case .needsPassphrase(let path): "\(path) is encrypted: give the journal's passphrase"
        case .alreadyEncrypted(let path): "\(path) is already encrypted; use rekey to change its passphrase"
        case .notEncrypted(let path): "\(path) is not encrypted; use encrypt"
        case .cipher(let failure): failure.message
        case .damagedKey(let message): message
        case .busy(let operation):
            "the journal is busy: another spiegel\(operation.map { " (\($0))" } ?? "") did not finish in time; try again when it has"
        case .changedMeanwhile(let path):
            "\(path): the journal was encrypted or decrypted by another spiegel meanwhile; run the command again"
        case .notesForAnotherJournal(let client):
            "these notes are for \(client)'s journal, not this one; nothing was attached"
        case .tooManyNotes(let entry, let limit):
            "entry \(entry) would have more than \(limit) coach notes; nothing was attached"
        case .incomplete(let operation, let done, let total, let cause):
            "\(operation) stopped after \(done) of \(total) files: \(cause.message). Nothing is lost and the journal "
                + "can be read; fix the cause and run 'spiegel \(operation)' again to finish"
        }
    }
}
