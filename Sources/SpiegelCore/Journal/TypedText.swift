/// Where a person's own words stand in an entry. Redaction, its preview, the full-text index and the
/// mirror's word counts all reach an entry's typed text through `Entry.typedTexts` and
/// `Entry.mappingTypedTexts(_:)`, so a field added to the model is covered everywhere or nowhere (a test
/// fills every string of the model and fails on one that is neither typed nor known to be structural).
public enum TypedField: String, Codable, Sendable, CaseIterable {
    /// A text answer (or a rating or choice as typed).
    case answer
    /// One item of a list answer.
    case listItem
    /// The list item a follow-up question is about, and the prompt that quotes it.
    case followUpItem, followUpPrompt
    /// The "if" and the "then" of a plan, as typed at the commitment step and kept on the commitment.
    case situation, action
    /// The one-line reflection typed after a check-in's id (`done ID it went well`).
    case reflection
    /// The guided check-in's answers.
    case checkInDid, checkInReaction, checkInLearned, checkInNext, checkInWhy
    /// A coach's note on the entry.
    case coachNote

    /// The person's own words about their practice (not a prompt that quotes them, not a coach's note):
    /// what the mirror counts.
    public var isOwnWords: Bool { self != .followUpPrompt && self != .coachNote }

    /// What the full-text index keeps: everything but the prompt that repeats a list item.
    public var isSearchable: Bool { self != .followUpPrompt }
}

extension Entry {
    /// Every text a person typed in this entry, in the order it stands, with its field.
    public var typedTexts: [(field: TypedField, text: String)] {
        var texts: [(field: TypedField, text: String)] = []
        _ = mappingTypedTexts { field, text in
            texts.append((field, text))
            return text
        }
        return texts
    }

    /// The typed texts of `fields`' kind joined by newlines, each distinct text once (a plan's situation
    /// and action stand both in the answer and on the commitment).
    public func typedText(where include: (TypedField) -> Bool) -> String {
        var seen = Set<String>()
        return typedTexts.filter { include($0.field) && seen.insert($0.text).inserted }.map(\.text)
            .joined(separator: "\n")
    }

    /// The enwith every typed text replaced by `transform(field, text)`; everything else (ids, dates,
    /// the exercise's own words, statuses, barrier ids) as it was. The one walk over the model's free text.
    public func mappingTypedTexts(_ transform: (TypedField, String) -> String) -> Entry {
        var copy = self
        func map(_ field: TypedField, _ text: String?) -> String? {
            text.map { transform(field, $0) }
        }
        copy.answers = answers.map { answer in
            var changed = answer
            changed.text = map(.answer, answer.text)
            changed.items = answer.items?.map { transform(.listItem, $0) }
            changed.itemText = map(.followUpItem, answer.itemText)
            // A prompt is the exercise's text, except for follow-ups, which quote the list item typed.
            if answer.itemText != nil { changed.prompt = transform(.followUpPrompt, answer.prompt) }
            changed.situation = map(.situation, answer.situation)
            changed.action = map(.action, answer.action)
            return changed
        }
        copy.commitments = commitments.map { commitment in
            var changed = commitment
            changed.situation = map(.situation, commitment.situation)
            changed.action = transform(.action, commitment.action)
            changed.history = commitment.history.map { event in
                var updated = event
                updated.reflection = map(.reflection, event.reflection)
                if var checkIn = event.checkIn {
                    checkIn.did = map(.checkInDid, checkIn.did)
                    checkIn.reaction = map(.checkInReaction, checkIn.reaction)
                    checkIn.learned = map(.checkInLearned, checkIn.learned)
                    checkIn.next = map(.checkInNext, checkIn.next)
                    checkIn.why = map(.checkInWhy, checkIn.why)
                    updated.checkIn = checkIn
                }
                return updated
            }
            return changed
        }
        copy.coachNotes = coachNotes?.map { note in
            CoachNote(author: note.author, at: note.at, text: transform(.coachNote, note.text))
        }
        return copy
    }
}
