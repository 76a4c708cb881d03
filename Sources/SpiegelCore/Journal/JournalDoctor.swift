import Foundation

/// Checks a journal: every file readable, names matching ids, no stray temp files, private permissions.
public struct JournalDoctor: Sendable {
    public let store: JournalStore

    public init(store: JournalStore) {
        self.store = store
    }

    public struct Report: Sendable {
        public var entries: Int
        public var drafts: Int
        public var problems: [JournalProblem]
    }

    public func check() throws(JournalError) -> Report {
        _ = try store.manifest()
        let entries = store.entries(), drafts = store.drafts()
        var problems = entries.problems + drafts.problems
        for folder in [store.entriesDirectory, store.draftsDirectory] {
            for name in SafeFiles.list(folder) where name.hasPrefix(".") && name.hasSuffix(".tmp") {
                problems.append(JournalProblem(path: folder + "/" + name, message: "\(folder)/\(name): left over from an interrupted write"))
            }
        }
        for path in try store.unsealedFiles() {
            problems.append(JournalProblem(path: path, message: "\(path): not encrypted in an encrypted journal (run 'encrypt' again to finish)"))
        }
        for path in [store.root, store.entriesDirectory, store.draftsDirectory] {
            if let mode = try? FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int, mode & 0o077 != 0 {
                problems.append(JournalProblem(path: path, message: "\(path): readable by others (mode \(String(mode, radix: 8))); expected 700"))
            }
        }
        return Report(entries: entries.entries.count, drafts: drafts.entries.count, problems: problems)
    }

    /// Moves the files behind `problems` into `quarantine/` (directories with wrong modes are fixed instead).
    public func quarantine(_ problems: [JournalProblem]) throws(JournalError) -> [String] {
        let target = store.root + "/quarantine"
        try SafeFiles.makePrivateDirectory(target)
        var moved: [String] = []
        for problem in problems {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: problem.path, isDirectory: &isDirectory) else { continue }
            if isDirectory.boolValue {
                chmod(problem.path, 0o700)
                continue
            }
            // A readable entry (a plain file in an encrypted journal) is never moved aside.
            if (try? store.readEntry(problem.path)) != nil { continue }
            let name = (problem.path as NSString).lastPathComponent
            let destination = target + "/" + (name.hasPrefix(".") ? String(name.dropFirst()) : name) + ".quarantined"
            if rename(problem.path, destination) != 0 {
                throw .cannotWrite(path: problem.path, reason: String(cString: strerror(errno)))
            }
            moved.append(destination)
        }
        return moved
    }
}
