import SpiegelCore

/// Shows what `export --redact --preview` found: each mask once with its number, how often and in which
/// fields it is used and its first context, then the words that may be names and were not masked. User
/// text passes through TerminalSafe.
struct RedactionPreviewView {
    let session: Session

    func show(_ preview: RedactionPreview) {
        let style = session.style
        let words = RedactionWords(say: session.say)
        if preview.masked.isEmpty {
            session.print(session.say.redactionNothingMasked())
        } else {
            session.print(style.bold(session.say.redactionMasked(preview.masked.count)))
            let width = preview.masked.map { DisplayWidth.of($0.mask) }.max() ?? 0
            for span in preview.masked {
                let label = span.mask + String(repeating: " ", count: width - DisplayWidth.of(span.mask))
                let fields = session.say.redactionFields(span.fields.map(words.field).joined(separator: ", "))
                let seen = style.dim(" \(span.count)×  \(span.entry)  ")
                session.print("  " + style.accent(label) + seen + context(span.before, span.text, span.after)
                              + style.dim("  " + fields))
            }
        }
        session.print()
        if preview.possibleNames.isEmpty {
            session.print(session.say.redactionNoPossibleNames())
        } else {
            session.print(style.bold(session.say.redactionPossibleNames(preview.possibleNames.count)))
            session.print(style.dim("  " + session.say.redactionPossibleNamesNote()))
            for name in preview.possibleNames {
                session.print("  " + style.accent(TerminalSafe.visible(name.word, keepNewlines: false))
                              + style.dim(" \(name.count)×  \(name.entry)  ")
                              + context(name.before, name.word, name.after))
            }
        }
    }

    private func context(_ before: String, _ text: String, _ after: String) -> String {
        let visible = { (part: String) in TerminalSafe.visible(part, keepNewlines: false) }
        return "…" + visible(before) + "«" + session.style.bold(visible(text)) + "»" + visible(after) + "…"
    }
}
