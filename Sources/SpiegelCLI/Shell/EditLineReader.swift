import CEditLine
import SpiegelCore
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// The interactive line editor on libedit: emacs keys, ~/.editrc, persistent history, tab completion,
/// Ctrl-C cancelling the line and window resizes handled.
public final class EditLineReader: LineReader {
    private let editor: OpaquePointer
    private let history: OpaquePointer
    private let historyFile: String?
    private var promptPointer: UnsafeMutablePointer<CChar>?
    /// Called with the text before the cursor; returns candidate words for the word being typed.
    public var completer: (String) -> [String] = { _ in [] }
    public private(set) var lineNumber = 0
    public let isInteractive = true
    public var location: String { "line \(lineNumber)" }

    /// The last signal seen by our handler (SIGINT or SIGWINCH), read after el_gets was interrupted.
    static let lastSignal = Atomic<Int32>(0)

    /// Sets up the editor. `historyFile` (0600, capped at `historySize` lines) is loaded now and saved after each line.
    public init(program: String, historyFile: String?, historySize: Int32 = 1000) {
        Self.installSignalHandlers()
        editor = spiegel_el_init(program)
        history = spiegel_history_init(historySize)
        self.historyFile = historyFile
        spiegel_el_set_editor(editor, "emacs")
        spiegel_el_set_signal(editor, 1)
        spiegel_el_set_hist(editor, history)
        spiegel_el_set_clientdata(editor, Unmanaged.passUnretained(self).toOpaque())
        spiegel_el_set_prompt_esc(editor, { editor in
            guard let editor, let data = spiegel_el_get_clientdata(editor) else { return nil }
            return Unmanaged<EditLineReader>.fromOpaque(data).takeUnretainedValue().promptPointer
        }, 1)
        spiegel_el_addfn(editor, "spiegel-complete", "Complete a command, id or option", { editor, _ in
            guard let editor, let data = spiegel_el_get_clientdata(editor) else { return UInt8(CC_ERROR) }
            return Unmanaged<EditLineReader>.fromOpaque(data).takeUnretainedValue().complete()
        })
        spiegel_el_bind(editor, "^I", "spiegel-complete")
        spiegel_el_set_getcfn(editor, { _, character in
            guard let character else { return -1 }
            return EditLineReader.readCharacter(into: character)
        })
        el_source(editor, nil)  // ~/.editrc
        if let historyFile {
            _ = spiegel_history_load(history, historyFile)
        }
    }

    deinit {
        el_end(editor)
        history_end(history)
        free(promptPointer)
    }

    private static func installSignalHandlers() {
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { signal in EditLineReader.lastSignal.store(signal, ordering: .relaxed) }
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0  // no SA_RESTART: el_gets must return on Ctrl-C
        sigaction(SIGINT, &action, nil)
        sigaction(SIGWINCH, &action, nil)
    }

    /// Reads one character for libedit from stdin, decoding UTF-8. A Ctrl-C recorded by the signal
    /// handler ends the read at once (also when it arrived while libedit was busy redrawing); a window
    /// resize only restarts the read. Returns 1 with a character, 0 at end of input, -1 when interrupted.
    static func readCharacter(into character: UnsafeMutablePointer<wchar_t>) -> Int32 {
        func byte() -> Int32 {
            var value: UInt8 = 0
            while true {
                if lastSignal.load(ordering: .relaxed) == SIGINT {
                    errno = EINTR
                    return -1
                }
                let count = Glibc.read(0, &value, 1)
                if count == 1 { return Int32(value) }
                if count == 0 { return -2 }
                if errno != EINTR { return -1 }
            }
        }
        let first = byte()
        if first == -2 { return 0 }
        if first < 0 { return -1 }
        var scalar = UInt32(first)
        var remaining = 0
        switch first {
        case 0xC0...0xDF: scalar &= 0x1F; remaining = 1
        case 0xE0...0xEF: scalar &= 0x0F; remaining = 2
        case 0xF0...0xF7: scalar &= 0x07; remaining = 3
        default: break
        }
        while remaining > 0 {
            let next = byte()
            if next == -2 { return 0 }
            if next < 0 { return -1 }
            guard next & 0xC0 == 0x80 else { scalar = 0xFFFD; break }
            scalar = scalar << 6 | UInt32(next & 0x3F)
            remaining -= 1
        }
        character.pointee = wchar_t(bitPattern: scalar)
        return 1
    }

    public func read(prompt: String, remember: Bool) -> LineEvent {
        free(promptPointer)
        promptPointer = strdup(prompt)
        while true {
            Self.lastSignal.store(0, ordering: .relaxed)
            var count: Int32 = 0
            guard let raw = el_gets(editor, &count) else {
                if count < 0 && Self.lastSignal.load(ordering: .relaxed) == SIGINT {
                    Console.write("^C\n", to: .standardOutput)
                    el_reset(editor)
                    return .interrupted
                }
                if count < 0 && errno == EINTR { continue }
                Console.write("\n", to: .standardOutput)
                return .end
            }
            lineNumber += 1
            // The returned buffer is only valid until the next call: copy it now.
            var line = String(cString: raw)
            if line.hasSuffix("\n") { line.removeLast() }
            if remember { self.remember(line) }
            return .line(line)
        }
    }

    public func remember(_ line: String) {
        guard !line.trimmingCharacters(in: .whitespaces).isEmpty else { return }
        spiegel_history_enter(history, line)
        saveHistory()
    }

    private func saveHistory() {
        guard let historyFile else { return }
        let directory = String(historyFile[..<(historyFile.lastIndex(of: "/") ?? historyFile.endIndex)])
        try? SafeFiles.makePrivateDirectory(directory)
        // Create the file private before libedit writes into it.
        let fd = open(historyFile, O_WRONLY | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o600)
        if fd >= 0 {
            fchmod(fd, 0o600)
            close(fd)
            _ = spiegel_history_save(history, historyFile)
        }
    }

    /// Tab: one candidate completes the word, several are listed (and their common start is filled in).
    private func complete() -> UInt8 {
        guard let info = el_line(editor)?.pointee else { return UInt8(CC_ERROR) }
        let length = info.cursor - info.buffer
        let before = String(decoding: UnsafeRawBufferPointer(start: info.buffer, count: length), as: UTF8.self)
        let word = before.split(separator: " ", omittingEmptySubsequences: false).last.map(String.init) ?? ""
        let candidates = completer(before).filter { $0.hasPrefix(word) }
        if candidates.isEmpty { return UInt8(CC_REFRESH_BEEP) }
        if candidates.count == 1 {
            el_insertstr(editor, String(candidates[0].dropFirst(word.count)) + " ")
            return UInt8(CC_REDISPLAY)
        }
        let common = candidates.dropFirst().reduce(candidates[0]) { $0.commonPrefix(with: $1) }
        if common.count > word.count {
            el_insertstr(editor, String(common.dropFirst(word.count)))
            return UInt8(CC_REDISPLAY)
        }
        Console.write("\n" + Columns.layout(candidates, width: Console.width()), to: .standardOutput)
        return UInt8(CC_REDISPLAY)
    }
}

/// Candidate words laid out in columns, like a shell's completion list.
enum Columns {
    static func layout(_ words: [String], width: Int) -> String {
        let cell = (words.map(\.count).max() ?? 0) + 2
        let perRow = max(1, width / cell)
        var out = ""
        for (index, word) in words.enumerated() {
            out += word.padding(toLength: cell, withPad: " ", startingAt: 0)
            if (index + 1) % perRow == 0 || index == words.count - 1 {
                while out.hasSuffix(" ") { out.removeLast() }
                out += "\n"
            }
        }
        return out
    }
}
