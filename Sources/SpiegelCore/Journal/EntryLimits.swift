/// The one table of limits every way into and out of a journal uses: typed or piped answers, check-ins,
/// coach notes, imports, reviews and exports. What Spiegel saves stays within them, so it can always be
/// exported and imported again; what comes from outside beyond them is refused before anything is written.
public enum EntryLimits {
    /// An answer (its text, its items and a commitment's situation and action together), a commitment's
    /// texts and each field of a check-in.
    public static let answerBytes = 64 << 10
    /// One coach note.
    public static let noteBytes = 16 << 10
    /// A name: a bundle's exporter, a note's author or client.
    public static let nameBytes = 200
    /// Coach notes on one entry (so that the entry file stays far below the size a journal reads).
    public static let notesPerEntry = 1_000
    /// Notes in one feedback bundle.
    public static let notesPerBundle = 10_000
    /// Answers, items, commitments or history events in one entry.
    public static let count = 10_000
    /// A text an exercise carries in a bundle (title, prompt, help, option label) or an answer copied from it
    /// (the prompt and the item shown).
    public static let promptBytes = 16 << 10

    /// The size of what one answer holds, as `answerBytes` limits it.
    static func size(of answer: Answer) -> Int {
        (answer.text?.utf8.count ?? 0) + (answer.items ?? []).reduce(0) { $0 + $1.utf8.count }
            + (answer.action?.utf8.count ?? 0) + (answer.situation?.utf8.count ?? 0)
    }
}
