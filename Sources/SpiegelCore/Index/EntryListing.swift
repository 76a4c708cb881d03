import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What identifies one version of an entry file without opening it.
struct FileStamp: Equatable, Sendable {
    var inode: Int64
    var size: Int64
    var mtime: Int64

    /// The stamp of the file at `path` (symbolic links are not followed); nil when it is gone.
    init?(path: String) {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        self.init(info)
    }

    init(inode: Int64, size: Int64, mtime: Int64) {
        self.inode = inode
        self.size = size
        self.mtime = mtime
    }

    init(_ info: stat) {
        self.init(inode: Int64(bitPattern: UInt64(info.st_ino)), size: Int64(info.st_size),
                  mtime: IndexFreshness.nanoseconds(info.st_mtim))
    }
}

/// The entry files of a directory with their stamps: the full check, one `stat` per file, run on every core.
enum EntryListing {
    static func isEntryFileName(_ name: String) -> Bool { name.hasSuffix(".json") && !name.hasPrefix(".") }

    /// How many entry file names the directory holds (read, not stat-ed: the check an index that seems
    /// fresh gets on every open). Nil when it cannot be listed.
    static func count(_ directory: String) -> Int? {
        guard let dir = opendir(directory) else { return nil }
        defer { closedir(dir) }
        var count = 0
        while let item = readdir(dir) {
            let isEntry = withUnsafeBytes(of: item.pointee.d_name) { raw -> Bool in
                let length = raw.firstIndex(of: 0) ?? raw.count
                return length > 5 && raw[0] != UInt8(ascii: ".") && raw[length - 5] == UInt8(ascii: ".")
                    && raw[length - 4] == UInt8(ascii: "j") && raw[length - 3] == UInt8(ascii: "s")
                    && raw[length - 2] == UInt8(ascii: "o") && raw[length - 1] == UInt8(ascii: "n")
            }
            if isEntry { count += 1 }
        }
        return count
    }

    static func stamps(_ directory: String) -> [String: FileStamp] {
        guard let dir = opendir(directory) else { return [:] }
        defer { closedir(dir) }
        var names: [String] = []
        while let item = readdir(dir) {
            let name = withUnsafePointer(to: item.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if isEntryFileName(name) { names.append(name) }
        }
        let descriptor = dirfd(dir)
        let files = names
        var found = [FileStamp?](repeating: nil, count: files.count)
        let lanes = max(1, min(ProcessInfo.processInfo.activeProcessorCount, files.count / 2_000))
        found.withUnsafeMutableBufferPointer { out in
            let slots = Slots(buffer: out)
            DispatchQueue.concurrentPerform(iterations: lanes) { lane in
                var index = lane
                while index < files.count {
                    var info = stat()
                    // A file that vanished meanwhile is left out; anything else is read (and reported if it is no entry).
                    if fstatat(descriptor, files[index], &info, AT_SYMLINK_NOFOLLOW) == 0 {
                        slots.buffer[index] = FileStamp(info)
                    }
                    index += lanes
                }
            }
        }
        var table: [String: FileStamp] = [:]
        table.reserveCapacity(files.count)
        for (name, stamp) in zip(names, found) { if let stamp { table[name] = stamp } }
        return table
    }

    /// The results being filled in by the lanes; each lane writes only its own indices.
    private struct Slots: @unchecked Sendable {
        let buffer: UnsafeMutableBufferPointer<FileStamp?>
    }
}
