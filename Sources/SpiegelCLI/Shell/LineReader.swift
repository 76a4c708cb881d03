/// What reading one line gave.
public enum LineEvent: Sendable, Equatable {
    case line(String)
    /// Ctrl-C: the line was cancelled.
    case interrupted
    /// End of input (Ctrl-D on an empty line, or the end of piped input).
    case end
    /// The input could not be used as text (invalid UTF-8, a NUL byte, an overlong line).
    case invalid(String)
}

/// Where lines come from: the libedit editor on a terminal, or buffered piped input.
public protocol LineReader: AnyObject {
    /// Reads one line; `prompt` is shown only on a terminal, `remember` adds it to the command history.
    func read(prompt: String, remember: Bool) -> LineEvent
    /// Reads an exercise answer: never completed as a command, never recalled or kept in a history;
    /// on a terminal the line starts out holding `prefill` for editing.
    func readAnswer(prompt: String, prefill: String) -> LineEvent
    /// Whether a person types at a terminal (prompts, re-asking) rather than a script feeding lines.
    var isInteractive: Bool { get }
    /// The position of the last line read, for messages: `stdin:12`.
    var location: String { get }
    /// The number of the last line read (0 before the first).
    var lineNumber: Int { get }
    /// Adds a line to the command history (a no-op without an editor).
    func remember(_ line: String)
}

extension LineReader {
    public func remember(_ line: String) {}
    public func readAnswer(prompt: String, prefill: String) -> LineEvent { read(prompt: prompt, remember: false) }
}
