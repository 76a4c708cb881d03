#if canImport(Glibc)
import Glibc
#endif

/// When the index can be trusted without looking at each entry file.
///
/// Spiegel changes `entries/` only by creating, renaming or unlinking files, and so do git and sync tools:
/// each changes the directory's modification time. The index records that time and the file-system clock
/// just before it last compared itself with the files. It is fresh when the directory's time is the
/// recorded one and strictly older than that check (git's racy-timestamp rule: a change within the same
/// clock tick as the check could carry the same time, so such a directory is checked in full). Files edited
/// in place by another program keep the directory's time; `doctor --reindex` and showing an entry in full
/// pick those up.
struct IndexFreshness: Equatable {
    /// The directory's modification time in nanoseconds (0 when it cannot be read).
    var directoryTime: Int64
    /// The coarse real-time clock (the one file times come from) just before the check.
    var checkedAt: Int64

    /// Reads the clock first, then the directory, so that a change after this moment shows a later time.
    static func now(of directory: String) -> IndexFreshness {
        var clock = timespec()
        clock_gettime(CLOCK_REALTIME_COARSE, &clock)
        return IndexFreshness(directoryTime: modificationTime(directory) ?? 0, checkedAt: nanoseconds(clock))
    }

    /// True when an index recorded at `self` still describes a directory whose time is now `current`.
    func isFresh(directoryTime current: Int64?) -> Bool {
        guard let current, current != 0 else { return false }
        return current == directoryTime && directoryTime < checkedAt
    }

    static func modificationTime(_ path: String) -> Int64? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return nanoseconds(info.st_mtim)
    }

    static func nanoseconds(_ time: timespec) -> Int64 { Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec) }
}
