/// Where a command's text goes: laid out for the window on a terminal (as it is otherwise), and for a
/// command with long output collected and shown through the pager when it does not fit the window.
final class Screen {
    let output: TextLayout
    let errors: TextLayout
    private let pager: Pager?
    private var collected: String?

    init(pager: Pager?) {
        output = .terminal(.standardOutput)
        errors = .terminal(.standardError)
        self.pager = pager
    }

    /// From now on output is collected for the pager (when there is one).
    func startPaging() {
        if pager != nil && collected == nil { collected = "" }
    }

    func write(_ text: String) {
        let laid = output.lay(text)
        if collected != nil {
            collected! += laid
        } else {
            Console.write(laid, to: .standardOutput)
        }
    }

    func writeError(_ text: String) {
        Console.write(errors.lay(text), to: .standardError)
    }

    /// Shows what was collected: through the pager when it is taller than the window.
    func finish() {
        guard let text = collected else { return }
        collected = nil
        guard !text.isEmpty else { return }
        let lines = text.reduce(0) { $1 == "\n" ? $0 + 1 : $0 }
        if lines < Console.height() - 1 || !(pager?.show(text) ?? false) {
            Console.write(text, to: .standardOutput)
        }
    }
}

extension TextLayout {
    /// Wrapping for a stream: the window's width on a terminal, none otherwise.
    static func terminal(_ stream: Console.Stream) -> TextLayout {
        TextLayout(width: Console.isTerminal(stream.rawValue) ? Console.width(stream.rawValue) : nil)
    }
}
