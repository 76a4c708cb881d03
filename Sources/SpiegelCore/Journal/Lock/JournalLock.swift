import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How long a command waits for the journal lock, and whom it tells that it is waiting.
public struct LockWaiting: Sendable {
    /// Seconds to wait before giving up with `JournalError.busy`.
    public var timeout: Double
    /// Called once, when the lock is not free at once, with the operation that holds it (if it said).
    public var onWait: @Sendable (String?) -> Void

    public init(timeout: Double = 30, onWait: @escaping @Sendable (String?) -> Void = { _ in }) {
        self.timeout = timeout
        self.onWait = onWait
    }
}

/// An advisory lock on a journal (`flock` on the file `.lock` in its directory). Every command that writes
/// entries or drafts holds it shared while it writes; whole-journal work (encrypt, decrypt, rekey, import,
/// quarantine) holds it exclusively and writes its name into the file so that waiters can say who they
/// wait for. The lock goes away with the process, so a killed command never leaves the journal locked.
public final class JournalLock: @unchecked Sendable {
    public enum Mode: Sendable { case shared, exclusive }

    private let descriptor: Int32
    private let mode: Mode

    private init(descriptor: Int32, mode: Mode) {
        self.descriptor = descriptor
        self.mode = mode
    }

    deinit { release() }

    /// The path of a journal's lock file.
    public static func path(root: String) -> String { root + "/.lock" }
    /// The path of the lock an update of an existing entry holds alone while it reads, changes and writes
    /// the entry (inside the shared journal lock), so that two updates never overwrite each other.
    public static func updatePath(root: String) -> String { root + "/.lock-update" }

    /// Takes the lock, waiting up to `waiting.timeout` seconds; `operation` names exclusive work for others.
    /// `path` is the lock file (the journal's `.lock` when nil).
    public static func acquire(root: String, mode: Mode, operation: String, waiting: LockWaiting,
                               path given: String? = nil) throws(JournalError) -> JournalLock {
        let path = given ?? path(root: root)
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK, 0o600)
        guard fd >= 0 else {
            let code = errno
            if code == ELOOP { throw .corrupt(path: path, reason: "is a symbolic link") }
            throw .cannotWrite(path: path, reason: String(cString: strerror(code)))
        }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
            close(fd)
            throw .corrupt(path: path, reason: "not a regular file")
        }
        let operationFlag = mode == .shared ? LOCK_SH : LOCK_EX
        let deadline = Date().addingTimeInterval(max(0, waiting.timeout))
        var told = false
        // Short waits first (a check-in holds the lock for milliseconds), then up to 20 ms between tries.
        var pause: UInt32 = 1_000
        while flock(fd, operationFlag | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK || errno == EINTR else {
                let reason = String(cString: strerror(errno))
                close(fd)
                throw .cannotWrite(path: path, reason: reason)
            }
            let holder = holderName(fd)
            if !told {
                waiting.onWait(holder)
                told = true
            }
            if Date() >= deadline {
                close(fd)
                throw .busy(operation: holder)
            }
            usleep(pause)
            pause = min(pause * 2, 20_000)
        }
        if mode == .exclusive {
            ftruncate(fd, 0)
            let name = Array(operation.utf8.prefix(64))
            _ = name.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, 0) }
        }
        return JournalLock(descriptor: fd, mode: mode)
    }

    /// The operation an exclusive holder wrote into the lock file, if any (short, letters only).
    private static func holderName(_ fd: Int32) -> String? {
        var buffer = [UInt8](repeating: 0, count: 64)
        let count = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress, 64, 0) }
        guard count > 0 else { return nil }
        let text = String(decoding: buffer.prefix(count), as: UTF8.self)
        let clean = text.unicodeScalars.filter { CharacterSet.letters.contains($0) || $0 == " " || $0 == "-" }
        let name = String(String.UnicodeScalarView(clean)).trimmingCharacters(in: .whitespaces)
        return name.isEmpty ? nil : name
    }

    private var released = false

    /// Gives the lock back (also done when the lock is freed).
    public func release() {
        guard !released else { return }
        released = true
        if mode == .exclusive { ftruncate(descriptor, 0) }
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
