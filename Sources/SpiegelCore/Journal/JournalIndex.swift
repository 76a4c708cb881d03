import Foundation
import SpiegelContent
#if canImport(Glibc)
import Glibc
#endif

/// The journal's derived index (`.index`): one summary per entry file, keyed by file name and a stamp of
/// its inode, size and modification time. The entry files stay the source of truth. On every read the
/// directory is listed and each file's metadata taken (no file is opened) and fingerprinted; when the
/// fingerprint matches the index's, the index is used as it is. Otherwise files that are new, were
/// replaced or were edited in place are read and summarised,
/// vanished ones dropped, and the index is written back atomically. A missing, stale or corrupt index
/// is rebuilt; concurrent writers at worst make the next reader do a little more work.
struct JournalIndex {
    static let header = "spiegel-index 3"

    struct Record {
        var name: String
        var stamp: UInt64
        /// A summary, or the problem that made the file unreadable (reported on every read, never rewritten).
        var summary: EntrySummary?
        var problem: String?
    }

    /// The entry files of a directory: names with their stamps, and the fingerprint of them all.
    struct Listing {
        var stamps: [String: UInt64]
        var fingerprint: UInt64
    }

    let path: String
    /// An encrypted journal's index is sealed like its entries.
    var cipher: JournalCipher? = nil

    private func read(_ file: String) -> Data? {
        guard let data = try? SafeFiles.read(file, limit: 1 << 30) else { return nil }
        guard JournalCipher.isSealed(data) else { return cipher == nil ? data : nil }
        return try? cipher?.open(data, path: file)
    }

    private func store(_ bytes: [UInt8], to file: String) {
        let data = Data(bytes)
        _ = try? SafeFiles.write(cipher.map { $0.seal(data) } ?? data, to: file, replace: true, durable: false)
    }

    // MARK: directory listing

    /// `keepStamps` false computes only the fingerprint (the common case: the index is up to date).
    static func listing(_ directory: String, keepStamps: Bool = true) -> Listing {
        guard let dir = opendir(directory) else { return Listing(stamps: [:], fingerprint: 0) }
        defer { closedir(dir) }
        var names: [String] = []
        while let item = readdir(dir) {
            let name = withUnsafePointer(to: item.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name.hasSuffix(".json") && !name.hasPrefix(".") { names.append(name) }
        }
        // The stat calls dominate on big journals: they run on every core.
        let descriptor = dirfd(dir)
        let files = names
        var stamps = [UInt64](repeating: 0, count: files.count)
        let lanes = max(1, min(ProcessInfo.processInfo.activeProcessorCount, files.count / 2_000))
        stamps.withUnsafeMutableBufferPointer { out in
            let slots = Slots(buffer: out)
            DispatchQueue.concurrentPerform(iterations: lanes) { lane in
                var index = lane
                while index < files.count {
                    var info = stat()
                    if fstatat(descriptor, files[index], &info, AT_SYMLINK_NOFOLLOW) == 0 {
                        var stamp: UInt64 = 0xcbf2_9ce4_8422_2325
                        mix(&stamp, UInt64(info.st_ino))
                        mix(&stamp, UInt64(info.st_size))
                        mix(&stamp, UInt64(bitPattern: Int64(info.st_mtim.tv_sec)))
                        mix(&stamp, UInt64(bitPattern: Int64(info.st_mtim.tv_nsec)))
                        slots.buffer[index] = stamp | 1  // never 0: 0 marks a file that vanished meanwhile
                    }
                    index += lanes
                }
            }
        }
        var table: [String: UInt64] = [:]
        var fingerprint: UInt64 = 0
        var count: UInt64 = 0
        for (name, stamp) in zip(names, stamps) where stamp != 0 {
            if keepStamps { table[name] = stamp }
            count += 1
            // Order-independent: the sum of each file's hash of name and stamp.
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            for byte in name.utf8 { mix(&hash, UInt64(byte)) }
            mix(&hash, stamp)
            fingerprint &+= hash
        }
        return Listing(stamps: table, fingerprint: fingerprint &+ count)
    }

    private static func mix(_ hash: inout UInt64, _ value: UInt64) { hash = (hash ^ value) &* 0x100_0000_01b3 }

    /// The stamps being filled in by the lanes; each lane writes only its own indices.
    private struct Slots: @unchecked Sendable {
        let buffer: UnsafeMutableBufferPointer<UInt64>
    }

    // MARK: reading and writing the index files

    /// The search texts live in a second file, read only for `--grep`.
    var textPath: String { path + "-text" }

    /// Reads the index: its fingerprint and records; `withText` also reads the search texts.
    /// Anything unexpected (including texts that do not belong) gives no fingerprint and no records,
    /// and the index is rebuilt.
    func load(withText: Bool) -> (fingerprint: UInt64?, records: [Record]) {
        guard let data = read(path) else { return (nil, []) }
        var (fingerprint, records) = data.withUnsafeBytes { raw in
            Self.parse(raw.bindMemory(to: UInt8.self))
        }
        if withText, let expected = fingerprint {
            guard let texts = read(textPath),
                  texts.withUnsafeBytes({ raw in Self.attachTexts(raw.bindMemory(to: UInt8.self), to: &records, fingerprint: expected) })
            else { return (nil, []) }
        }
        return (fingerprint, records)
    }

    /// Splits a buffer into lines of tab-separated fields and hands each line's field ranges to `body`;
    /// stops when `body` returns false.
    private static func lines(_ buffer: UnsafeBufferPointer<UInt8>, _ body: ([Range<Int>]) -> Bool) {
        var fields: [Range<Int>] = []
        fields.reserveCapacity(12)
        var position = 0
        let count = buffer.count
        while position < count {
            let lineStart = position
            var fieldStart = position
            fields.removeAll(keepingCapacity: true)
            while position < count && buffer[position] != 10 {
                if buffer[position] == 9 {
                    fields.append(fieldStart..<position)
                    fieldStart = position + 1
                }
                position += 1
            }
            fields.append(fieldStart..<position)
            position += 1
            if position - 1 == lineStart { continue }
            if !body(fields) { return }
        }
    }

    private static func parse(_ buffer: UnsafeBufferPointer<UInt8>) -> (UInt64?, [Record]) {
        var records: [Record] = []
        var fingerprint: UInt64?
        var broken = false
        func text(_ range: Range<Int>) -> String { unescape(UnsafeBufferPointer(rebasing: buffer[range])) }
        lines(buffer) { fields in
            if fingerprint == nil {
                guard fields.count == 2, text(fields[0]) == header, let value = UInt64(text(fields[1])) else { broken = true; return false }
                fingerprint = value
                return true
            }
            switch (buffer[fields[0].lowerBound], fields.count) {
            case (UInt8(ascii: "E"), 9):
                guard let stamp = number(buffer, fields[2]) else { broken = true; return false }
                let id = text(fields[1])
                records.append(Record(name: id + ".json", stamp: stamp, summary: EntrySummary(
                    id: id, exercise: text(fields[3]), principles: list(buffer, fields[4]),
                    completedAt: text(fields[5]), day: day(buffer, fields[6]), confidence: Int(text(fields[7])),
                    firstLine: text(fields[8]), searchText: "", commitments: [])))
            case (UInt8(ascii: "C"), 6):
                guard let due = day(buffer, fields[4]), let status = CommitmentStatus(rawValue: text(fields[3])),
                      !records.isEmpty else { broken = true; return false }
                records[records.count - 1].summary?.commitments.append(
                    Commitment(id: text(fields[1]), stepId: text(fields[2]), action: text(fields[5]), due: due, status: status))
            case (UInt8(ascii: "P"), 4):
                guard let stamp = number(buffer, fields[2]) else { broken = true; return false }
                records.append(Record(name: text(fields[1]), stamp: stamp, problem: text(fields[3])))
            default:
                broken = true  // not an index this version wrote: rebuild
                return false
            }
            return true
        }
        return broken ? (nil, []) : (fingerprint, records)
    }

    /// Fills in the search texts (one line per summary, in the same order); false if they do not belong.
    private static func attachTexts(_ buffer: UnsafeBufferPointer<UInt8>, to records: inout [Record], fingerprint: UInt64) -> Bool {
        var position = -1
        var matched = true
        let withSummary = records.indices.filter { records[$0].summary != nil }
        lines(buffer) { fields in
            if position < 0 {
                matched = fields.count == 2 && number(buffer, fields[1]) == fingerprint
                position = 0
                return matched
            }
            guard fields.count == 2, position < withSummary.count else { matched = false; return false }
            let record = withSummary[position]
            guard unescape(UnsafeBufferPointer(rebasing: buffer[fields[0]])) == records[record].summary?.id else {
                matched = false
                return false
            }
            records[record].summary?.searchText = unescape(UnsafeBufferPointer(rebasing: buffer[fields[1]]))
            position += 1
            return true
        }
        return matched && position == withSummary.count
    }

    private static func number(_ buffer: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> UInt64? {
        guard !range.isEmpty, range.count <= 20 else { return nil }
        var value: UInt64 = 0
        for index in range {
            let digit = buffer[index] &- 48
            guard digit < 10 else { return nil }
            let (times, overflow) = value.multipliedReportingOverflow(by: 10)
            let (sum, carry) = times.addingReportingOverflow(UInt64(digit))
            guard !overflow, !carry else { return nil }
            value = sum
        }
        return value
    }

    private static func day(_ buffer: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> CalendarDay? {
        guard range.count == 10 else {
            return range.isEmpty ? nil : CalendarDay(String(decoding: UnsafeBufferPointer(rebasing: buffer[range]), as: UTF8.self))
        }
        guard buffer[range.lowerBound + 4] == 45, buffer[range.lowerBound + 7] == 45,
              let year = number(buffer, range.lowerBound..<range.lowerBound + 4),
              let month = number(buffer, range.lowerBound + 5..<range.lowerBound + 7),
              let day = number(buffer, range.lowerBound + 8..<range.lowerBound + 10) else { return nil }
        return CalendarDay(year: Int(year), month: Int(month), day: Int(day))
    }

    private static func list(_ buffer: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> [String] {
        var result: [String] = []
        var start = range.lowerBound
        for index in range where buffer[index] == 44 {
            result.append(String(decoding: UnsafeBufferPointer(rebasing: buffer[start..<index]), as: UTF8.self))
            start = index + 1
        }
        if start < range.upperBound {
            result.append(String(decoding: UnsafeBufferPointer(rebasing: buffer[start..<range.upperBound]), as: UTF8.self))
        }
        return result
    }

    /// Writes both index files; the records must carry their search texts.
    func save(_ records: [Record], fingerprint: UInt64) {
        var main = [UInt8](), texts = [UInt8]()
        main.reserveCapacity(records.count * 200)
        texts.reserveCapacity(records.count * 500)
        func put(_ fields: [String], into out: inout [UInt8]) {
            for (index, field) in fields.enumerated() {
                if index > 0 { out.append(9) }
                out += Self.escape(field).utf8
            }
            out.append(10)
        }
        put([Self.header, String(fingerprint)], into: &main)
        put([Self.header, String(fingerprint)], into: &texts)
        for record in records.sorted(by: { $0.name > $1.name }) {
            if let summary = record.summary {
                put(["E", summary.id, String(record.stamp), summary.exercise, summary.principles.joined(separator: ","),
                     summary.completedAt, summary.day?.description ?? "", summary.confidence.map(String.init) ?? "",
                     summary.firstLine], into: &main)
                for c in summary.commitments {
                    put(["C", c.id, c.stepId, c.status.rawValue, c.due.description, c.action], into: &main)
                }
                put([summary.id, summary.searchText], into: &texts)
            } else {
                put(["P", record.name, String(record.stamp), record.problem ?? ""], into: &main)
            }
        }
        // Derived data: written atomically, but a lost index is only rebuilt, so no fsync is needed.
        // The text file goes first: a reader that sees the new main file finds texts that match it.
        store(texts, to: textPath)
        store(main, to: path)
    }

    static func escape(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 92 || $0 == 9 || $0 == 10 || $0 == 13 }) else { return text }
        var out = String.UnicodeScalarView()
        // Scalar by scalar: "\r\n" is one Character but two bytes to escape.
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out.append(contentsOf: "\\\\".unicodeScalars)
            case "\t": out.append(contentsOf: "\\t".unicodeScalars)
            case "\n": out.append(contentsOf: "\\n".unicodeScalars)
            case "\r": out.append(contentsOf: "\\r".unicodeScalars)
            default: out.append(scalar)
            }
        }
        return String(out)
    }

    static func unescape(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        guard bytes.contains(92) else { return String(decoding: bytes, as: UTF8.self) }
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
            } else if byte == 92 {
                escaping = true
            } else {
                out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
