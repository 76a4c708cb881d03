/// The terminal's line editor for a one-shot command, made only when something is read: building it
/// takes over Ctrl-C (to cancel a line), so a command that reads nothing keeps the default, and Ctrl-C
/// ends it at once with status 130.
final class DeferredEditLineReader: LineReader {
    private var made: EditLineReader?
    let isInteractive = true

    private var editor: EditLineReader {
        if let made { return made }
        let editor = EditLineReader(program: "spiegel", historyFile: nil)
        made = editor
        return editor
    }

    var location: String { made?.location ?? "line 0" }
    var lineNumber: Int { made?.lineNumber ?? 0 }

    func read(prompt: String, remember: Bool) -> LineEvent { editor.read(prompt: prompt, remember: remember) }
    func readAnswer(prompt: String, prefill: String) -> LineEvent { editor.readAnswer(prompt: prompt, prefill: prefill) }
}
