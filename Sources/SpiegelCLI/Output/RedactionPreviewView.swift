import SpiegelCore

/// Shows what `export --redact --preview` found: each masked span in its context with its label, then the
/// words that may be names and were not masked. User text passes through TerminalSafe.
struct RedactionPreviewView {
    let session: Session

    /// The view's words in both languages.
    enum Phrase {
        static func masked(_ count: Int) -> (en: String, nl: String) {
            ("Masked before anything leaves the machine (\(count)):",
             "Gemaskeerd voordat iets de computer verlaat (\(count)):")
        }
        static let nothingMasked = ("Nothing found to mask.", "Niets gevonden om te maskeren.")
        static func possibleNames(_ count: Int) -> (en: String, nl: String) {
            ("Possibly names, not masked (\(count)); add them to the file for --redact-words:",
             "Mogelijk namen, niet gemaskeerd (\(count)); zet ze in het bestand voor --redact-words:")
        }
        static let noPossibleNames = ("No other words that look like names.",
                                      "Geen andere woorden die op namen lijken.")
        static let times = ("×", "×")
    }

    func show(_ preview: RedactionPreview) {
        let style = session.style
        if preview.masked.isEmpty {
            session.print(say(Phrase.nothingMasked))
        } else {
            session.print(style.bold(say(Phrase.masked(preview.masked.count))))
            let width = preview.masked.map(\.kind.label.count).max() ?? 0
            for span in preview.masked {
                let label = span.kind.label.padding(toLength: width, withPad: " ", startingAt: 0)
                let seen = style.dim(" \(span.count)\(say(Phrase.times))  \(span.entry)  ")
                session.print("  " + style.accent(label) + seen + context(span.before, span.text, span.after))
            }
        }
        session.print()
        if preview.possibleNames.isEmpty {
            session.print(say(Phrase.noPossibleNames))
        } else {
            session.print(style.bold(say(Phrase.possibleNames(preview.possibleNames.count))))
            for name in preview.possibleNames {
                session.print("  " + style.accent(TerminalSafe.visible(name.word, keepNewlines: false))
                              + style.dim(" \(name.count)\(say(Phrase.times))  \(name.entry)  ")
                              + context(name.before, name.word, name.after))
            }
        }
    }

    private func context(_ before: String, _ text: String, _ after: String) -> String {
        let visible = { (part: String) in TerminalSafe.visible(part, keepNewlines: false) }
        return "…" + visible(before) + "«" + session.style.bold(visible(text)) + "»" + visible(after) + "…"
    }

    private func say(_ phrase: (en: String, nl: String)) -> String { session.t(phrase.en, phrase.nl) }
}
