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
    /// The journal is encrypted and no (or the wrong) key was given, or a sealed file is damaged.
    case encryption(String)

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
        case .encryption(let message): message
        }
    }

    /// The sysexits status: 73 can't create, 74 I/O error, 65 bad data, 66 no input.
    public var exitCode: Int32 {
        switch self {
        case .cannotCreate: 73
        case .cannotWrite, .cannotRead: 74
        case .corrupt, .newerSchema, .ambiguous, .unsafePath: 65
        case .notFound: 66
        case .encryption: 77
        }
    }
}
