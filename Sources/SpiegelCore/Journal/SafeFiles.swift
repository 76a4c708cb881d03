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

    /// Creates `path` (and missing parents) as private directories (0700). An existing one of Spiegel's own
    /// is made 0700 again if needed; with `keepingMode` (a folder someone chose, perhaps a shared one) it keeps
    /// its mode (`exposedMode` tells whether others can read it).
    public static func makePrivateDirectory(_ path: String, keepingMode: Bool = false) throws(JournalError) {
        var info = stat()
        if lstat(path, &info) == 0 {
            guard (info.st_mode & S_IFMT) == S_IFDIR else {
                throw .cannotCreate(path: path, reason: "exists and is not a directory")
            }
            if !keepingMode, info.st_mode & 0o077 != 0, info.st_uid == geteuid() { chmod(path, 0o700) }
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

    /// Whether others than the owner can read or enter the directory at `path` (its permission bits, as
    /// shown by `ls`); nil when it is not a directory.
    public static func exposedMode(_ path: String) -> Int? {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR, info.st_mode & 0o055 != 0 else { return nil }
        return Int(info.st_mode & 0o7777)
    }

    /// Writes `data` to `path` atomically. With `replace` false an existing file is never overwritten
    /// (returns false instead); with `replace` true the old file is replaced in one step.
    /// `durable` false skips the fsyncs (for derived files that are rebuilt when lost).
    @discardableResult
    public static func write(_ data: Data, to path: String, replace: Bool, durable: Bool = true) throws(JournalError) -> Bool {
        try write(to: path, replace: replace, durable: durable) { append throws(JournalError) in try append(data) }
    }

    /// Writes the chunks `produce` hands to its `append` to `path`, atomically as `write(_:to:replace:durable:)`
    /// does: a big export goes to disk piece by piece instead of being held in memory whole.
    @discardableResult
    public static func write(to path: String, replace: Bool, durable: Bool = true,
                             _ produce: ((Data) throws(JournalError) -> Void) throws(JournalError) -> Void) throws(JournalError) -> Bool {
        let directory = (path as NSString).deletingLastPathComponent
        let temp = try writeTemporary(for: path, durable: durable, produce)
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

    /// Writes an output a person asked for (`--output`) where `path` leads: through symbolic links to their
    /// target; straight into a FIFO, a character device, a socket or `/dev/stdout` (nothing is renamed over
    /// them); atomically (a temporary file renamed into place) over a regular file or where nothing is.
    public static func writeOutput(to path: String,
                                   _ produce: ((Data) throws(JournalError) -> Void) throws(JournalError) -> Void) throws(JournalError) {
        if let descriptor = standardDescriptor(path) {
            try produce { data throws(JournalError) in try writeAll(data, to: descriptor, path: path) }
            return
        }
        let target = try resolvingLinks(path)
        var info = stat()
        if stat(target, &info) == 0 {
            switch info.st_mode & S_IFMT {
            case S_IFREG: break
            case S_IFDIR: throw .cannotCreate(path: path, reason: String(cString: strerror(EISDIR)))
            default:
                let fd = open(target, O_WRONLY | O_CLOEXEC | O_NOCTTY)
                guard fd >= 0 else { throw .cannotWrite(path: path, reason: errnoText()) }
                defer { close(fd) }
                try produce { data throws(JournalError) in try writeAll(data, to: fd, path: path) }
                return
            }
        }
        try write(to: target, replace: true, produce)
    }

    /// The descriptor `/dev/stdout`, `/dev/stderr` and `/dev/fd/N` (or `/proc/self/fd/N`) name, written to as it is.
    private static func standardDescriptor(_ path: String) -> Int32? {
        switch path {
        case "/dev/stdout": return 1
        case "/dev/stderr": return 2
        default:
            for prefix in ["/dev/fd/", "/proc/self/fd/"] where path.hasPrefix(prefix) {
                if let number = Int32(path.dropFirst(prefix.count)), number >= 0, fcntl(number, F_GETFD) >= 0 { return number }
            }
            return nil
        }
    }

    /// Where a chain of symbolic links at `path` ends (at most 40 links, as the kernel allows).
    static func resolvingLinks(_ path: String) throws(JournalError) -> String {
        var current = path
        for _ in 0..<40 {
            var info = stat()
            guard lstat(current, &info) == 0, (info.st_mode & S_IFMT) == S_IFLNK else { return current }
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let count = readlink(current, &buffer, buffer.count - 1)
            guard count > 0 else { throw .cannotWrite(path: path, reason: errnoText()) }
            let link = String(decoding: buffer.prefix(count).map { UInt8(bitPattern: $0) }, as: UTF8.self)
            current = link.hasPrefix("/") ? link : (current as NSString).deletingLastPathComponent + "/" + link
        }
        throw .cannotWrite(path: path, reason: String(cString: strerror(ELOOP)))
    }

    /// Writes all of `data` to an open descriptor.
    private static func writeAll(_ data: Data, to fd: Int32, path: String) throws(JournalError) {
        let failure: String? = data.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return errnoText()
                }
                offset += written
            }
            return nil
        }
        if let failure { throw .cannotWrite(path: path, reason: failure) }
    }

    /// Writes what `produce` hands out to a new private temporary file beside `path` (flushed to disk when
    /// `durable`) and returns its path; on failure nothing is left behind.
    private static func writeTemporary(for path: String, durable: Bool,
                                       _ produce: ((Data) throws(JournalError) -> Void) throws(JournalError) -> Void) throws(JournalError) -> String {
        let directory = (path as NSString).deletingLastPathComponent
        let name = (path as NSString).lastPathComponent
        let temp = "\(directory)/.\(name).\(tempSuffix())"
        let fd = open(temp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard fd >= 0 else {
            let code = errno
            throw code == ENOENT || code == EACCES || code == EROFS || code == ENOTDIR
                ? .cannotCreate(path: path, reason: String(cString: strerror(code)))
                : .cannotWrite(path: path, reason: String(cString: strerror(code)))
        }
        fchmod(fd, 0o600)
        var failure: String?
        do {
            try produce { data throws(JournalError) in try writeAll(data, to: fd, path: path) }
        } catch {
            close(fd)
            unlink(temp)
            throw error
        }
        if failure == nil && durable && fsync(fd) != 0 { failure = errnoText() }
        if close(fd) != 0 && failure == nil { failure = errnoText() }
        if let failure {
            unlink(temp)
            throw .cannotWrite(path: path, reason: failure)
        }
        return temp
    }

    /// Writes many new files: all temporary files first, one flush of their file system (`syncfs`) for
    /// their data, then each is linked into place without replacing anything, and the directories are
    /// synced once. Returns, per file, whether it was added (false: a file of that name already existed).
    public static func writeNew(batch files: [(data: Data, path: String)]) throws(JournalError) -> [Bool] {
        var temps: [String] = []
        defer { temps.forEach { unlink($0) } }
        for (data, path) in files {
            temps.append(try writeTemporary(for: path, durable: false) { append throws(JournalError) in try append(data) })
        }
        if let first = temps.first {
            let fd = open(first, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
            if fd < 0 || syncFileSystem(fd) != 0 { sync() }
            if fd >= 0 { close(fd) }
        }
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

    /// `PID-RANDOM.tmp`: whose file it is, so that the debris of a dead process can be told apart.
    static func tempSuffix() -> String { "\(getpid())-\(UInt32.random(in: 0...UInt32.max)).tmp" }

    static func syncDirectory(_ directory: String) {
        let fd = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if fd >= 0 {
            fsync(fd)
            close(fd)
        }
    }

    /// Reads a regular file (never through a symlink), refusing files larger than `limit`.
    public static func read(_ path: String, limit: Int = 64 << 20) throws(JournalError) -> Data {
        // Non-blocking, so that a FIFO or a device in the journal cannot make the open hang.
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY)
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
        guard Int(info.st_size) <= limit else { throw .corrupt(path: path, reason: largerThan(limit)) }
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

    /// "larger than 64 KB", "larger than 64 MB": a limit in the unit it is a whole number of.
    static func largerThan(_ limit: Int) -> String {
        limit >= 1 << 20 ? "larger than \(limit >> 20) MB" : "larger than \(limit >> 10) KB"
    }

    /// Reads what a file a person named holds (a passphrase file): links are followed and a FIFO, a pipe
    /// (`<(...)`, `/dev/stdin`) or a regular file is read to its end, at most `limit` bytes; a directory or
    /// a device is refused.
    public static func readNamed(_ path: String, limit: Int) throws(JournalError) -> Data {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY)
        guard fd >= 0 else { throw .cannotRead(path: path, reason: errnoText()) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, [S_IFREG, S_IFIFO, S_IFSOCK].contains(info.st_mode & S_IFMT) else {
            throw .corrupt(path: path, reason: "not a file or a pipe")
        }
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 16 << 10)
        while true {
            let count = Glibc.read(fd, &buffer, buffer.count)
            if count < 0 { if errno == EINTR { continue }; throw .cannotRead(path: path, reason: errnoText()) }
            if count == 0 { return data }
            data.append(contentsOf: buffer.prefix(count))
            if data.count > limit { throw .corrupt(path: path, reason: largerThan(limit)) }
        }
    }

    /// The first `count` bytes of a regular file (never through a link, never blocking); nil when it cannot be read.
    public static func start(of path: String, count: Int) -> Data? {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        var bytes = [UInt8](repeating: 0, count: count)
        let read = bytes.withUnsafeMutableBytes { pread(fd, $0.baseAddress, count, 0) }
        return read < 0 ? nil : Data(bytes.prefix(read))
    }

    /// Removes a file; a missing file is not an error.
    public static func remove(_ path: String) throws(JournalError) {
        if unlink(path) != 0 && errno != ENOENT {
            throw .cannotWrite(path: path, reason: errnoText())
        }
        syncDirectory((path as NSString).deletingLastPathComponent)
    }

    /// The names in a directory: none if it does not exist; a directory that cannot be listed, or a
    /// symbolic link in its place, is an error (never taken for an empty one).
    public static func list(_ directory: String) throws(JournalError) -> [String] {
        guard let handle = try openDirectory(directory) else { return [] }
        defer { closedir(handle) }
        var names: [String] = []
        errno = 0
        while let item = readdir(handle) {
            let name = withUnsafeBytes(of: item.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
            errno = 0
        }
        if errno != 0 { throw .cannotRead(path: directory, reason: errnoText()) }
        return names
    }

    /// Opens a directory for listing: nil if it does not exist; a symbolic link, a file or a directory that
    /// cannot be read is an error.
    static func openDirectory(_ directory: String) throws(JournalError) -> OpaquePointer? {
        var info = stat()
        if lstat(directory, &info) != 0 {
            if errno == ENOENT { return nil }
            throw .cannotRead(path: directory, reason: errnoText())
        }
        if (info.st_mode & S_IFMT) == S_IFLNK {
            throw .corrupt(path: directory, reason: "is a symbolic link; Spiegel does not follow links inside a journal")
        }
        guard (info.st_mode & S_IFMT) == S_IFDIR else { throw .corrupt(path: directory, reason: "not a directory") }
        guard let handle = opendir(directory) else { throw .cannotRead(path: directory, reason: errnoText()) }
        return handle
    }

    /// Checks that a directory can be listed (see `list`) without reading it.
    public static func checkListable(_ directory: String) throws(JournalError) {
        if let handle = try openDirectory(directory) { closedir(handle) }
    }

    /// Whether `path` is a regular file (not a link, FIFO, device or directory).
    public static func isRegularFile(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
    }

    /// Moves a file to `destination` without ever replacing what is there: when the name is taken,
    /// `name.2`, `name.3`, ... are tried. Returns where the file went.
    public static func moveAside(_ path: String, to destination: String) throws(JournalError) -> String {
        var candidate = destination
        var number = 1
        while true {
            if link(path, candidate) == 0 {
                if unlink(path) != 0 { throw .cannotWrite(path: path, reason: errnoText()) }
                syncDirectory((path as NSString).deletingLastPathComponent)
                syncDirectory((destination as NSString).deletingLastPathComponent)
                return candidate
            }
            guard errno == EEXIST else { throw .cannotWrite(path: path, reason: errnoText()) }
            number += 1
            guard number < 10_000 else { throw .cannotWrite(path: destination, reason: "too many files of that name") }
            candidate = destination + ".\(number)"
        }
    }

    /// A temporary file of an atomic write (`.NAME.PID-RANDOM.tmp`) whose process no longer runs:
    /// debris of an interrupted write, safe to remove. Files of running processes are not debris.
    public static func isDebris(_ name: String) -> Bool {
        guard name.hasPrefix("."), name.hasSuffix(".tmp") else { return false }
        let parts = name.dropLast(4).split(separator: ".")
        guard let last = parts.last, parts.count >= 2 else { return false }
        // `PID-RANDOM` today; `PID.RANDOM` in files written by earlier versions.
        let owner = last.contains("-") ? last.split(separator: "-").first : parts[parts.count - 2]
        guard let pid = owner.flatMap({ Int32($0) }), pid > 0 else { return false }
        return kill(pid, 0) != 0 && errno == ESRCH
    }

    /// Removes the debris of interrupted writes in `directory`; returns how many files went.
    @discardableResult
    public static func removeDebris(in directory: String) throws(JournalError) -> Int {
        var removed = 0
        for name in try list(directory) where isDebris(name) {
            if unlink(directory + "/" + name) == 0 { removed += 1 }
        }
        if removed > 0 { syncDirectory(directory) }
        return removed
    }
}

/// `syncfs(2)`: flushes one file system. Glibc declares it only for _GNU_SOURCE, which its Swift module lacks.
@_silgen_name("syncfs") private func syncFileSystem(_ descriptor: Int32) -> Int32
