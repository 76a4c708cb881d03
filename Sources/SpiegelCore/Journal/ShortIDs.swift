/// Ids shortened for lists: the shortest start of an id that names it alone (the way `entry`, `resume` and
/// `done` take an id's start), never shorter than `minimum` characters.
public enum ShortID {
    /// The shortest unique start of `id`, given its neighbours in sorted order: every id that shares a start
    /// with `id` lies between it and a neighbour, so the neighbours alone decide.
    public static func prefix(of id: String, before: String?, after: String?, minimum: Int = 8) -> String {
        let shared = [before, after].compactMap { $0 }.map { commonLength(id, $0) }.max() ?? 0
        let length = min(max(shared + 1, minimum), id.count)
        return String(id.prefix(length))
    }

    /// Shortens each of `ids` among `all` (sorted or not): for drafts and bundles, which are in memory.
    public static func prefixes(of ids: [String], among all: [String], minimum: Int = 8) -> [String: String] {
        let sorted = Array(Set(all).union(ids)).sorted()
        var positions: [String: Int] = [:]
        for (position, id) in sorted.enumerated() { positions[id] = position }
        var result: [String: String] = [:]
        for id in ids {
            guard let position = positions[id] else { continue }
            result[id] = prefix(of: id, before: position > 0 ? sorted[position - 1] : nil,
                                after: position + 1 < sorted.count ? sorted[position + 1] : nil, minimum: minimum)
        }
        return result
    }

    /// A commitment's id shortened: its entry's short id when the entry has only this commitment (every
    /// commitment starting so belongs to that entry), else the whole id.
    public static func commitment(_ commitment: Commitment, entryShortID: String?, commitmentsOfEntry: Int) -> String {
        guard commitmentsOfEntry == 1, let entryShortID, commitment.id.hasPrefix(entryShortID) else { return commitment.id }
        return entryShortID
    }

    static func commonLength(_ a: String, _ b: String) -> Int {
        zip(a, b).prefix { $0 == $1 }.count
    }
}

extension JournalStore {
    /// The entries' ids shortened among all the journal's entries (through the index: two lookups an id).
    /// Empty when the journal or its index cannot be read: lists then show whole ids.
    public func shortIDs(_ ids: [String], minimum: Int = 8) -> [String: String] {
        guard exists, !ids.isEmpty else { return [:] }
        let pairs = try? queried { reader throws(SQLiteError) in
            var found: [(String, (before: String?, after: String?))] = []
            for id in ids { found.append((id, try reader.neighbours(of: id))) }
            return found
        }
        var result: [String: String] = [:]
        for (id, neighbours) in pairs ?? [] {
            result[id] = ShortID.prefix(of: id, before: neighbours.before, after: neighbours.after, minimum: minimum)
        }
        return result
    }
}

extension IndexReader {
    /// The entry ids just before and just after `id` in sorted order.
    func neighbours(of id: String) throws(SQLiteError) -> (before: String?, after: String?) {
        let name = id + ".json"
        func one(_ sql: String) throws(SQLiteError) -> String? {
            let query = try db.prepare(sql)
            try query.bind([.text(name)])
            guard try query.step() else { return nil }
            guard let found = query.text(0), Self.isSafeName(found) else { throw Self.damaged("entry name") }
            return String(found.dropLast(5))
        }
        return (try one("SELECT name FROM entries WHERE problem IS NULL AND name < ? ORDER BY name DESC LIMIT 1"),
                try one("SELECT name FROM entries WHERE problem IS NULL AND name > ? ORDER BY name LIMIT 1"))
    }
}
