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
        /// Temporary files of interrupted writes (their processes are gone) that were removed: debris,
        /// not a fault of the journal.
        public var debrisRemoved: Int
        /// Entry files the index had no row for, and rows it had without a file; the index was brought up
        /// to date (it is derived), so they are reported, not problems.
        public var indexHidden = 0, indexGhosts = 0
    }

    public func check() throws(JournalError) -> Report {
        _ = try store.manifest()
        let debris = try store.cleanDebris()
        let (hidden, ghosts) = try store.indexDiscrepancies()
        if hidden + ghosts > 0 { _ = try store.reindex() }
        let entries = try store.entries(), drafts = try store.drafts()
        var problems = entries.problems + drafts.problems
        for path in try store.unsealedFiles() {
            problems.append(JournalProblem(path: path, message: "\(path): not encrypted in an encrypted journal (an interrupted 'encrypt' or 'decrypt': run the one that was interrupted again to finish)"))
        }
        for path in [store.root, store.entriesDirectory, store.draftsDirectory] {
            if let mode = try? FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int, mode & 0o077 != 0 {
                problems.append(JournalProblem(path: path, message: "\(path): readable by others (mode \(String(mode, radix: 8))); expected 700"))
            }
        }
        return Report(entries: entries.entries.count, drafts: drafts.entries.count, problems: problems, debrisRemoved: debris,
                      indexHidden: hidden, indexGhosts: ghosts)
    }

    /// Moves the files behind `problems` into `quarantine/` under names not used before there (nothing is
    /// ever replaced or deleted); directories with wrong modes are fixed instead. The journal is locked.
    public func quarantine(_ problems: [JournalProblem]) throws(JournalError) -> [String] {
        try store.exclusively("doctor --quarantine") { store throws(JournalError) in
            let target = store.root + "/quarantine"
            try SafeFiles.makePrivateDirectory(target)
            var moved: [String] = []
            for problem in problems {
                var info = stat()
                guard lstat(problem.path, &info) == 0 else { continue }
                if (info.st_mode & S_IFMT) == S_IFDIR {
                    chmod(problem.path, 0o700)
                    continue
                }
                // A readable entry (a plain file in an encrypted journal) is never moved aside.
                if (try? store.readEntry(problem.path, allowingPlain: true)) != nil { continue }
                let name = (problem.path as NSString).lastPathComponent
                let destination = target + "/" + (name.hasPrefix(".") ? String(name.dropFirst()) : name) + ".quarantined"
                moved.append(try SafeFiles.moveAside(problem.path, to: destination))
            }
            return moved
        }
    }
}
