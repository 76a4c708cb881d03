import SpiegelContent
extension Messages {
    /// A command's one-line description for `help`; nil for a command without one in the catalog.
    func abstract(of command: String, inReview: Bool) -> String? {
        if inReview && command == "entry" { return abstractReviewEntry() }
        if inReview && command == "mirror" { return abstractReviewMirror() }
        return switch command {
        case "spiegel": abstractSpiegel()
        case "clear": abstractClear()
        case "doctor": abstractDoctor()
        case "recommend": abstractRecommend()
        case "commitments": abstractCommitments()
        case "done": abstractDone()
        case "mirror": abstractMirror()
        case "team": abstractTeam()
        case "due": abstractDue()
        case "moved": abstractMoved()
        case "dropped": abstractDropped()
        case "exercises": abstractExercises()
        case "start": abstractStart()
        case "resume": abstractResume()
        case "drafts": abstractDrafts()
        case "discard": abstractDiscard()
        case "principles": abstractPrinciples()
        case "show": abstractShow()
        case "related": abstractRelated()
        case "search": abstractSearch()
        case "graph": abstractGraph()
        case "export": abstractExport()
        case "import": abstractImport()
        case "review": abstractReview()
        case "clients": abstractClients()
        case "summary": abstractSummary()
        case "entries": abstractEntries()
        case "compare": abstractCompare()
        case "note": abstractNote()
        case "feedback": abstractFeedback()
        case "init": abstractInit()
        case "encrypt": abstractEncrypt()
        case "decrypt": abstractDecrypt()
        case "rekey": abstractRekey()
        case "help": abstractHelp()
        case "quit": abstractQuit()
        case "journal": abstractJournal()
        case "entry": abstractEntry()
        case "stats": abstractStats()
        default: nil
        }
    }
}

extension Messages {
    /// A language's name, as a sentence in this language uses it ("Dutch", "het Nederlands").
    func languageName(_ language: Language) -> String {
        switch language {
        case .en: languageNameEn()
        case .nl: languageNameNl()
        }
    }
}
