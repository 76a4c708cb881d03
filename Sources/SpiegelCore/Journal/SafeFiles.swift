import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Private, atomic file operations: files 0600, directories 0700 whatever the umask, writes that either
/// happen completely or not at all (temp file in the same directory, fsync, rename, fsync directory).
public enum SafeFiles {
    static func errnoText() -> String { String(cString: strerror(errno)) }

    /// Creates `path` (and missing parents) as private directories; fixes an existing one to 0700 if needed.
    public static func makePrivateDirectory(_ path: String) throws(JournalError) {
        var info = stat()
        if lstat(path, &info) == 0 {
            guard (info.st_mode & S_IFMT) == S_IFDIR else {
                throw .cannotCreate(path: path, reason: "exists and is not a directory")
            }
            if info.st_mode & 0o077 != 0, info.st_uid == geteuid() { chmod(path, 0o700) }
            return
        }
        let parent = (path as NSString).deletingLastPathComponent
        if !parent.isEmpty, parent != path, parent != "/" {
            var parentInfo = stat()
            if stat(parent, &parentInfo) != 0 { try makePrivateDirectory(parent) }
        }
        if mkdir(path, 0o700) != 0 && errno != EEXIST {
            throw .cannotCreate(path: path, reason: errnoText())
        }
        chmod(path, 0o700)
    }

    /// Writes `data` to `path` atomically. With `replace` false an existing file is never overwritten
    /// (returns false instead); with `replace` true the old file is replaced in one step.
    /// `durable` false skips the fsyncs (for derived files that are rebuilt when lost).
    @discardableResult
    public static func write(_ data: Data, to path: String, replace: Bool, durable: Bool = true) throws(JournalError) -> Bool {
        let directory = (path as NSString).deletingLastPathComponent
        let name = (path as NSString).lastPathComponent
        let temp = "\(directory)/.\(name).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp"
        let fd = open(temp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard fd >= 0 else {
            let code = errno
            throw code == ENOENT || code == EACCES || code == EROFS || code == ENOTDIR
                ? .cannotCreate(path: path, reason: String(cString: strerror(code)))
                : .cannotWrite(path: path, reason: String(cString: strerror(code)))
        }
        fchmod(fd, 0o600)
        var failure: String?
        data.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    failure = errnoText()
                    return
                }
                offset += written
            }
        }
        if failure == nil && durable && fsync(fd) != 0 { failure = errnoText() }
        if close(fd) != 0 && failure == nil { failure = errnoText() }
        if let failure {
            unlink(temp)
            throw .cannotWrite(path: path, reason: failure)
        }
        if replace {
            if rename(temp, path) != 0 {
                let reason = errnoText()
                unlink(temp)
                throw .cannotWrite(path: path, reason: reason)
            }
        } else {
            // link() refuses to replace an existing file: the no-clobber form of rename.
            if link(temp, path) != 0 {
                let code = errno
                unlink(temp)
                if code == EEXIST { return false }
                throw .cannotWrite(path: path, reason: String(cString: strerror(code)))
            }
            unlink(temp)
        }
        if durable { syncDirectory(directory) }
        return true
    }

    /// Writes many new files: all temporary files first, one `sync()` for their data, then each is linked
    /// into place without replacing anything, and the directories are synced once. Returns, per file,
    /// whether it was added (false: a file of that name already existed).
    public static func writeNew(batch files: [(data: Data, path: String)]) throws(JournalError) -> [Bool] {
        var temps: [String] = []
        defer { temps.forEach { unlink($0) } }
        for (data, path) in files {
            let directory = (path as NSString).deletingLastPathComponent
            let temp = "\(directory)/.\((path as NSString).lastPathComponent).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp"
            try write(data, to: temp, replace: true, durable: false)
            temps.append(temp)
        }
        sync()
        var added: [Bool] = []
        var directories = Set<String>()
        for (index, (_, path)) in files.enumerated() {
            if link(temps[index], path) == 0 {
                added.append(true)
                directories.insert((path as NSString).deletingLastPathComponent)
            } else if errno == EEXIST {
                added.append(false)
            } else {
                throw .cannotWrite(path: path, reason: errnoText())
            }
        }
        directories.forEach(syncDirectory)
        return added
    }

    static func syncDirectory(_ directory: String) {
        let fd = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if fd >= 0 {
            fsync(fd)
            close(fd)
        }
    }

    /// Reads a regular file (never through a symlink), refusing files larger than `limit`.
    public static func read(_ path: String, limit: Int = 64 << 20) throws(JournalError) -> Data {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        guard fd >= 0 else {
            let code = errno
            if code == ELOOP { throw .corrupt(path: path, reason: "is a symbolic link") }
            throw .cannotRead(path: path, reason: String(cString: strerror(code)))
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
            throw .corrupt(path: path, reason: "not a regular file")
        }
        guard Int(info.st_size) <= limit else {
            throw .corrupt(path: path, reason: "larger than \(limit >> 20) MB")
        }
        var data = Data(count: Int(info.st_size))
        var total = 0
        let failed: Bool = data.withUnsafeMutableBytes { buffer in
            while total < buffer.count {
                let n = Glibc.read(fd, buffer.baseAddress! + total, buffer.count - total)
                if n < 0 { if errno == EINTR { continue }; return true }
                if n == 0 { break }
                total += n
            }
            return false
        }
        if failed { throw .cannotRead(path: path, reason: errnoText()) }
        return data.prefix(total)
    }

    /// Removes a file; a missing file is not an error.
    public static func remove(_ path: String) throws(JournalError) {
        if unlink(path) != 0 && errno != ENOENT {
            throw .cannotWrite(path: path, reason: errnoText())
        }
        syncDirectory((path as NSString).deletingLastPathComponent)
    }

    /// The names in a directory (none if it does not exist).
    public static func list(_ directory: String) -> [String] {
        (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
    }
}
