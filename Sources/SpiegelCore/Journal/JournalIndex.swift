import Foundation
import SpiegelContent
#if canImport(Glibc)
import Glibc
#endif

/// The journal's derived index (`.index`): one summary per entry file, keyed by file name and inode.
/// The entry files stay the source of truth. On every read the directory is listed (names and inodes
/// only, no file is opened); files that are new or were replaced (a new inode) are read and summarised,
/// vanished ones dropped, and a changed index is written back atomically. A missing, stale or corrupt
/// index is simply rebuilt; concurrent writers at worst make the next reader do a little more work.
struct JournalIndex {
    static let header = "spiegel-index 1"

    struct Record {
        var name: String
        var inode: UInt64
        /// A summary, or the problem that made the file unreadable (reported on every read, never rewritten).
        var summary: EntrySummary?
        var problem: String?
    }

    let path: String

    // MARK: directory listing

    /// The `.json` files of a directory with their inode numbers, from readdir alone.
    static func listing(_ directory: String) -> [String: UInt64] {
        guard let dir = opendir(directory) else { return [:] }
        defer { closedir(dir) }
        var result: [String: UInt64] = [:]
        while let item = readdir(dir) {
            let name = withUnsafePointer(to: item.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            guard name.hasSuffix(".json"), !name.hasPrefix(".") else { continue }
            result[name] = UInt64(item.pointee.d_ino)
        }
        return result
    }

    // MARK: reading and writing the index file

    func load() -> [String: Record] {
        guard let data = try? SafeFiles.read(path, limit: 1 << 30) else { return [:] }
        var records: [String: Record] = [:]
        var current: Record?
        var lines = data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).makeIterator()
        guard let first = lines.next(), String(decoding: first, as: UTF8.self) == Self.header else { return [:] }
        for line in lines where !line.isEmpty {
            let fields = line.split(separator: UInt8(ascii: "\t"), omittingEmptySubsequences: false).map { Self.unescape($0) }
            switch fields.first {
            case "E" where fields.count == 11:
                if let record = current { records[record.name] = record }
                guard let inode = UInt64(fields[2]) else { return [:] }
                current = Record(name: fields[1], inode: inode, summary: EntrySummary(
                    id: fields[3], exercise: fields[4], principles: fields[5].isEmpty ? [] : fields[5].split(separator: ",").map(String.init),
                    completedAt: fields[6], day: CalendarDay(fields[7]), confidence: Int(fields[8]),
                    firstLine: fields[9], searchText: fields[10], commitments: []))
            case "C" where fields.count == 6:
                guard let due = CalendarDay(fields[4]), let status = CommitmentStatus(rawValue: fields[3]) else { return [:] }
                current?.summary?.commitments.append(Commitment(id: fields[1], stepId: fields[2], action: fields[5], due: due, status: status))
            case "P" where fields.count == 4:
                if let record = current { records[record.name] = record }
                guard let inode = UInt64(fields[2]) else { return [:] }
                current = Record(name: fields[1], inode: inode, problem: fields[3])
            default:
                return [:]  // not an index this version wrote: rebuild
            }
        }
        if let record = current { records[record.name] = record }
        return records
    }

    func save(_ records: [String: Record]) {
        var out = Self.header + "\n"
        for name in records.keys.sorted() {
            let record = records[name]!
            if let summary = record.summary {
                out += ["E", name, String(record.inode), summary.id, summary.exercise, summary.principles.joined(separator: ","),
                        summary.completedAt, summary.day?.description ?? "", summary.confidence.map(String.init) ?? "",
                        summary.firstLine, summary.searchText].map(Self.escape).joined(separator: "\t") + "\n"
                for c in summary.commitments {
                    out += ["C", c.id, c.stepId, c.status.rawValue, c.due.description, c.action].map(Self.escape).joined(separator: "\t") + "\n"
                }
            } else {
                out += ["P", name, String(record.inode), record.problem ?? ""].map(Self.escape).joined(separator: "\t") + "\n"
            }
        }
        // Derived data: written atomically, but a lost index is only rebuilt, so no fsync is needed.
        _ = try? SafeFiles.write(Data(out.utf8), to: path, replace: true, durable: false)
    }

    static func escape(_ text: String) -> String {
        guard text.contains(where: { $0 == "\\" || $0 == "\t" || $0 == "\n" || $0 == "\r" }) else { return text }
        var out = ""
        for character in text {
            switch character {
            case "\\": out += "\\\\"
            case "\t": out += "\\t"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            default: out.append(character)
            }
        }
        return out
    }

    static func unescape(_ bytes: ArraySlice<UInt8>) -> String {
        guard bytes.contains(UInt8(ascii: "\\")) else { return String(decoding: bytes, as: UTF8.self) }
        var out = [UInt8]()
        out.reserveCapacity(bytes.count)
        var escaping = false
        for byte in bytes {
            if escaping {
                switch byte {
                case UInt8(ascii: "t"): out.append(9)
                case UInt8(ascii: "n"): out.append(10)
                case UInt8(ascii: "r"): out.append(13)
                default: out.append(byte)
                }
                escaping = false
            } else if byte == UInt8(ascii: "\\") {
                escaping = true
            } else {
                out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
