import CEditLine
import SpiegelCore
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// The interactive line editor on libedit: emacs keys, ~/.editrc, persistent history, tab completion,
/// Ctrl-C cancelling the line and window resizes handled. Commands and exercise answers are edited in
/// two separate contexts: answers get no completion and no history, so nothing typed as an answer is
/// ever offered back as a command or written to the history file.
public final class EditLineReader: LineReader {
    private let program: String
    private let commands: EditContext
    /// Made on the first answer read.
    private var answers: EditContext?
    private let historyFile: String?
    /// Called with the text before the cursor; returns candidates for the word being typed.
    public var completer: (String) -> [CompletionCandidate] {
        get { commands.completer ?? { _ in [] } }
        set { commands.completer = newValue }
    }
    /// What Tab asks before listing many candidates.
    public var manyCandidates: ManyCandidates {
        get { commands.manyCandidates }
        set { commands.manyCandidates = newValue }
    }
    public private(set) var lineNumber = 0
    public let isInteractive = true
    public var location: String { "line \(lineNumber)" }

    /// The last signal seen by our handler (SIGINT or SIGWINCH), read after el_gets was interrupted.
    static let lastSignal = Atomic<Int32>(0)

    /// Sets up the editor. `historyFile` (0600, capped at `historySize` lines) is loaded now and saved after each line.
    public init(program: String, historyFile: String?, historySize: Int32 = 1000) {
        Self.installSignalHandlers()
        self.program = program
        self.historyFile = historyFile
        commands = EditContext(program: program, historySize: historySize, completes: true)
        if let historyFile {
            _ = spiegel_history_load(commands.history, historyFile)
        }
    }

    private static func installSignalHandlers() {
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { signal in EditLineReader.lastSignal.store(signal, ordering: .relaxed) }
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0  // no SA_RESTART: el_gets must return on Ctrl-C
        sigaction(SIGINT, &action, nil)
        sigaction(SIGWINCH, &action, nil)
    }

    public func read(prompt: String, remember: Bool) -> LineEvent {
        let event = commands.read(prompt: prompt, prefill: "")
        if case .line(let line) = event {
            lineNumber += 1
            if remember { self.remember(line) }
        }
        return event
    }

    /// An answer: its own editing context (no completion, no history), optionally starting from `prefill`.
    public func readAnswer(prompt: String, prefill: String) -> LineEvent {
        let context = answers ?? EditContext(program: program, historySize: 1, completes: false)
        answers = context
        let event = context.read(prompt: prompt, prefill: prefill)
        if case .line = event { lineNumber += 1 }
        return event
    }

    public func remember(_ line: String) {
        guard !line.trimmingCharacters(in: .whitespaces).isEmpty else { return }
        spiegel_history_enter(commands.history, line)
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
            _ = spiegel_history_save(commands.history, historyFile)
        }
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
}

/// One libedit editing context: its own editor state, key bindings, history and prompt.
final class EditContext {
    let editor: OpaquePointer
    let history: OpaquePointer
    private var promptPointer: UnsafeMutablePointer<CChar>?
    /// Tab completion (commands only); nil leaves Tab without effect.
    var completer: ((String) -> [CompletionCandidate])?
    var manyCandidates = ManyCandidates(question: { "Show all \($0) possibilities? (y/n) " }, isYes: { $0 == "y" })

    init(program: String, historySize: Int32, completes: Bool) {
        editor = spiegel_el_init(program)
        history = spiegel_history_init(historySize)
        spiegel_el_set_editor(editor, "emacs")
        spiegel_el_set_signal(editor, 1)
        spiegel_el_set_hist(editor, history)
        spiegel_el_set_clientdata(editor, Unmanaged.passUnretained(self).toOpaque())
        spiegel_el_set_prompt_esc(editor, { editor in
            guard let editor, let data = spiegel_el_get_clientdata(editor) else { return nil }
            return Unmanaged<EditContext>.fromOpaque(data).takeUnretainedValue().promptPointer
        }, 1)
        spiegel_el_set_getcfn(editor, { _, character in
            guard let character else { return -1 }
            return EditLineReader.readCharacter(into: character)
        })
        if completes {
            spiegel_el_addfn(editor, "spiegel-complete", "Complete a command, id or option", { editor, _ in
                guard let editor, let data = spiegel_el_get_clientdata(editor) else { return UInt8(CC_ERROR) }
                return Unmanaged<EditContext>.fromOpaque(data).takeUnretainedValue().complete()
            })
            spiegel_el_bind(editor, "^I", "spiegel-complete")
            el_source(editor, nil)  // ~/.editrc
        } else {
            el_source(editor, nil)  // ~/.editrc: the person's own keys, then Tab made inert
            spiegel_el_bind(editor, "^I", "ed-unassigned")
        }
    }

    deinit {
        el_end(editor)
        history_end(history)
        free(promptPointer)
    }

    /// Reads one line; `prefill` is put into the line first, as if typed, for editing.
    func read(prompt: String, prefill: String) -> LineEvent {
        free(promptPointer)
        promptPointer = strdup(prompt)
        var pending = Self.editable(prefill)
        while true {
            EditLineReader.lastSignal.store(0, ordering: .relaxed)
            if !pending.isEmpty {
                el_push(editor, pending)
                pending = ""
            }
            var count: Int32 = 0
            guard let raw = el_gets(editor, &count) else {
                if count < 0 && EditLineReader.lastSignal.load(ordering: .relaxed) == SIGINT {
                    Console.write("^C\n", to: .standardOutput)
                    el_reset(editor)
                    return .interrupted
                }
                if count < 0 && errno == EINTR { continue }
                Console.write("\n", to: .standardOutput)
                return .end
            }
            // The returned buffer is only valid until the next call: copy it now.
            var line = String(cString: raw)
            if line.hasSuffix("\n") { line.removeLast() }
            return .line(line)
        }
    }

    /// Text safe to push into the line as keys: control characters (which libedit would run as
    /// commands, a newline would even enter the line) become spaces.
    static func editable(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { $0.properties.generalCategory == .control ? " " : $0 }))
    }

    /// Tab: one candidate completes the word, several are listed (and their common start is filled in).
    private func complete() -> UInt8 {
        guard let completer, let info = el_line(editor)?.pointee else { return UInt8(CC_ERROR) }
        let length = info.cursor - info.buffer
        let before = String(decoding: UnsafeRawBufferPointer(start: info.buffer, count: length), as: UTF8.self)
        let word = before.split(separator: " ", omittingEmptySubsequences: false).last.map(String.init) ?? ""
        let candidates = completer(before).filter { $0.word.hasPrefix(word) }
        if candidates.isEmpty { return UInt8(CC_REFRESH_BEEP) }
        if candidates.count == 1 {
            el_insertstr(editor, String(candidates[0].word.dropFirst(word.count)) + " ")
            return UInt8(CC_REDISPLAY)
        }
        let common = candidates.dropFirst().reduce(candidates[0].word) { $0.commonPrefix(with: $1.word) }
        if common.count > word.count {
            el_insertstr(editor, String(common.dropFirst(word.count)))
            return UInt8(CC_REDISPLAY)
        }
        if candidates.count >= ManyCandidates.threshold {
            Console.write("\n" + manyCandidates.question(candidates.count), to: .standardOutput)
            var key: CChar = 0
            let read = el_getc(editor, &key)
            let yes = read == 1 && manyCandidates.isYes(Character(Unicode.Scalar(UInt8(bitPattern: key))))
            if !yes {
                Console.write("\n", to: .standardOutput)
                return UInt8(CC_REDISPLAY)
            }
        }
        Console.write("\n" + Columns.layout(candidates, width: Console.width()), to: .standardOutput)
        return UInt8(CC_REDISPLAY)
    }
}

/// A word Tab can complete to, with what it names (shown when several are listed).
public struct CompletionCandidate: Sendable, Equatable {
    public var word: String
    public var note: String?

    public init(word: String, note: String? = nil) {
        self.word = word
        self.note = note
    }
}

/// The question Tab asks before listing many candidates, as readline does, and which key means yes.
public struct ManyCandidates {
    /// From this many candidates on, Tab asks first.
    static let threshold = 100
    public var question: (Int) -> String
    public var isYes: (Character) -> Bool
}

/// Candidates laid out for the window: one a line with what each names, or, without notes, in columns like
/// a shell's completion list.
enum Columns {
    static func layout(_ candidates: [CompletionCandidate], width: Int) -> String {
        let cell = (candidates.map { DisplayWidth.of($0.word) }.max() ?? 0) + 2
        if candidates.contains(where: { $0.note != nil }) {
            let lines = candidates.map { candidate in
                candidate.word + String(repeating: " ", count: cell - DisplayWidth.of(candidate.word)) + (candidate.note ?? "")
            }
            return TextLayout(width: width).lay(lines.joined(separator: "\n")) + "\n"
        }
        let perRow = max(1, width / cell)
        var out = ""
        for (index, candidate) in candidates.enumerated() {
            out += candidate.word.padding(toLength: cell, withPad: " ", startingAt: 0)
            if (index + 1) % perRow == 0 || index == candidates.count - 1 {
                while out.hasSuffix(" ") { out.removeLast() }
                out += "\n"
            }
        }
        return out
    }
}
