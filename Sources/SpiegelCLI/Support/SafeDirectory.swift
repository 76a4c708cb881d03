import SpiegelCore

/// Private directories for Spiegel's own state (history, coach notes).
enum SafeDirectory {
    static func make(_ path: String) throws {
        try SafeFiles.makePrivateDirectory(path)
    }
}
