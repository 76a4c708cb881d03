import SpiegelContent
import SpiegelCore

extension Messages {
    /// A failure's message in this language.
    func failure(_ failure: any SpiegelFailure) -> String {
        switch failure {
        case let error as JournalError: journalError(error)
        case let error as AnswerError: answerError(error)
        default: failure.message
        }
    }

    /// What went wrong with a journal, in this language.
    func journalError(_ error: JournalError) -> String {
        switch error {
        case .cannotCreate(let path, let reason): journalerrorCannotCreate(path: path, reason: self.reason(reason))
        case .cannotWrite(let path, let reason): journalerrorCannotWrite(path: path, reason: self.reason(reason))
        case .cannotRead(let path, let reason): journalerrorCannotRead(path: path, reason: self.reason(reason))
        case .corrupt(let path, let reason): journalerrorCorrupt(path: path, reason: self.reason(reason))
        case .newerSchema(let path, let found, let supported):
            journalerrorNewerSchema(path: path, found: found, supported: supported)
        case .notFound(let what, let id): journalerrorNotFound(what: thing(what, plural: false), id: id)
        case .ambiguous(let what, let prefix, let matches):
            journalerrorAmbiguous(prefix: prefix, count: matches.count, what: thing(what, plural: true),
                                  matches: matches.prefix(5).joined(separator: ", ") + (matches.count > 5 ? ", ..." : ""))
        case .unsafePath(let id): journalerrorUnsafePath(id)
        case .needsPassphrase(let path): journalerrorNeedsPassphrase(path)
        case .alreadyEncrypted(let path): journalerrorAlreadyEncrypted(path)
        case .notEncrypted(let path): journalerrorNotEncrypted(path)
        case .cipher(let failure): cipherFailure(failure)
        case .damagedKey: error.message
        case .busy(let operation): journalerrorBusy(operation.map { " (\($0))" } ?? "")
        case .changedMeanwhile(let path): journalerrorChangedMeanwhile(path)
        case .notesForAnotherJournal(let client): journalerrorNotesForAnotherJournal(TerminalSafe.visible(client, keepNewlines: false))
        case .tooManyNotes(let entry, let limit): journalerrorTooManyNotes(entry: entry, limit: limit)
        case .incomplete(let operation, let done, let total, let cause):
            journalerrorIncomplete(operation: operation, done: done, total: total, cause: journalError(cause))
        }
    }

    /// Why a file is not a bundle this version can use, in this language.
    func bundleError(_ error: ExchangeBundle.ReadError) -> String {
        switch error {
        case .notJSON(let path): bundleerrorNotJson(path)
        case .foreign(let path): bundleerrorForeign(path)
        case .newer(let path, let version): bundleerrorNewer(path: path, found: version, supported: ExchangeBundle.schemaVersion)
        case .invalid(let path, let reason): bundleerrorInvalid(path: path, reason: self.reason(reason))
        case .unreadable(let path, let reason): bundleerrorUnreadable(path: path, reason: self.reason(reason))
        }
    }

    /// What review could not use, in this language.
    func reviewProblem(_ problem: ReviewProblem) -> String {
        switch problem {
        case .missing(let path): reviewproblemMissing(path)
        case .bundle(let error): bundleError(error)
        case .journal(let error): journalError(error)
        case .entryFile(let problem): problem.message
        case .feedbackBundle(let path): reviewproblemFeedbackBundle(path)
        case .index(let path, let reason): reviewproblemIndex(path: path, reason: reason)
        }
    }

    /// Why a passphrase or a sealed file could not be used, in this language.
    func cipherFailure(_ failure: JournalCipher.Failure) -> String {
        switch failure {
        case .wrongPassphrase: journalerrorWrongPassphrase()
        case .damaged(let what): journalerrorDamaged(what)
        case .unsupported(let what): journalerrorUnsupported(what)
        }
    }

    /// A reason the journal gives, in this language when it is one of the known ones (system errors stay
    /// as the system words them).
    func reason(_ english: String) -> String { phrase(matching: english, in: "reason") ?? english }

    /// The phrase of catalog `section` whose English text is `english`, in this language; nil when the
    /// section has no such phrase.
    func phrase(matching english: String, in section: String) -> String? {
        Messages(.en).phrases(in: section).firstIndex(of: english).map { phrases(in: section)[$0] }
    }

    /// "entry", "commitments": the journal's things by name.
    func thing(_ english: String, plural: Bool) -> String {
        switch english {
        case "entry": plural ? journalerrorWhatEntries() : journalerrorWhatEntry()
        case "commitment": plural ? journalerrorWhatCommitments() : journalerrorWhatCommitment()
        case "draft": plural ? journalerrorWhatDrafts() : journalerrorWhatDraft()
        case "journal": plural ? journalerrorWhatJournals() : journalerrorWhatJournal()
        default: plural ? english + "s" : english
        }
    }

    /// "unknown command 'strat' — did you mean 'start'?"
    func unknownCommand(_ word: String, among names: [String]) -> String {
        let hint = Suggestion.closest(to: word, among: names).map { errorDidYouMean($0) } ?? shellTypeHelp()
        return shellUnknownCommand(word: TerminalSafe.visible(word, keepNewlines: false), hint: hint)
    }
}
