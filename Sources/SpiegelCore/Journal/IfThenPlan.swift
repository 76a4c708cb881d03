import Foundation
import SpiegelContent

/// The two halves of an implementation intention, kept as the person typed them: the situation ("zodra
/// iemand wacht") and the action ("dan bied ik water aan"), with the language the plan is written in.
/// `sentence` is the one place the plan becomes a sentence: every screen, export and the mirror use it.
///
/// What people type, and what the grammar does with it:
/// - a leading "when/whenever/if/as soon as…" or "als/zodra/wanneer/telkens als…" is the sentence's
///   opening word (kept, capitalised); without one the sentence opens with "When"/"Als";
/// - a leading or trailing "then"/"dan" (and the comma) is dropped where the sentence supplies it;
/// - an action that already has its subject ("I offer", "I'll ask", "bied ik", "ik bied", "ga ik") is
///   kept; a bare English action gets "I will"; a Dutch one after "dan" keeps verb-second order: an
///   imperative stem becomes "bied ik …", an infinitive phrase "ga ik … aanbieden";
/// - a whole if-then sentence typed at either prompt is split at its link ("…, then", "…, I will",
///   "…, dan", "… dan bied ik"), so nothing is said twice;
/// - after a time or place ("tijdens de briefing", "bij de balie") Dutch puts the verb second without
///   "dan": "Tijdens de briefing vraag ik Maria …".
public struct IfThenPlan: Sendable, Hashable {
    /// The "if" as typed (trimmed); nil for a plain commitment.
    public var situation: String?
    /// The "then" as typed (trimmed).
    public var action: String
    /// The language the plan is written in: told by its own words where they are clear ("when … I",
    /// "als … ik"), else the language it was typed in.
    public var language: Language

    /// The halves from the two prompts. A whole plan typed at the situation prompt is split (an empty
    /// action line, or one that says the same action again, takes the split's action); a whole plan on the
    /// action line is split when the situation line is empty or says the same situation.
    public init(situation: String?, action: String, language: Language) {
        let typedSituation = Self.clean(situation ?? "")
        let typedAction = Self.clean(action)
        var halves: (situation: String, action: String) = (typedSituation, typedAction)
        let loose = Self.split(typedSituation, loosely: true)
            .flatMap { typedAction.isEmpty || Self.core(typedAction) == Self.core($0.action) ? $0 : nil }
        if !typedSituation.isEmpty, let split = Self.split(typedSituation, loosely: false) ?? loose {
            let same = typedAction.isEmpty || Self.core(typedAction) == Self.core(split.action)
            halves = (split.situation, same ? split.action : typedAction)
        } else if let split = Self.split(typedAction, loosely: false) {
            halves = split
        }
        self.situation = halves.situation.isEmpty ? nil : halves.situation
        self.action = halves.action
        self.language = Self.language(situation: self.situation, action: halves.action, otherwise: language)
    }

    /// A plan already split and stored (a commitment of an entry); nothing is split again. `language` is
    /// the one recorded with it or its entry's: the plan's own words decide where they are clear, as they did
    /// when it was recorded.
    public init(stored situation: String?, action: String, language: Language) {
        let trimmed = situation.map(Self.clean) ?? ""
        self.situation = trimmed.isEmpty ? nil : trimmed
        self.action = action
        self.language = Self.language(situation: self.situation, action: action, otherwise: language)
    }

    /// The plan as one sentence in its language; the action alone when there is no situation.
    public var sentence: String {
        guard let situation else { return action }
        let grammar = Grammar.of(language)
        let (lead, rest) = Self.opening(of: Self.withoutTrailingLink(situation), grammar: grammar)
        let opening = lead.map { Self.capitalised($0.typed) } ?? grammar.defaultLead
        let clause = lead == nil ? Self.lowercasedStart(rest) : rest
        let then = grammar.then(Self.withoutLeadingLink(action, grammar: grammar))
        guard !then.isEmpty else { return opening + " " + clause }
        if lead?.adverbial == true && grammar.adverbialVerbSecond {
            return opening + " " + clause + " " + then
        }
        return opening + " " + clause + ", " + grammar.link + then
    }

    /// A stored commitment's plan: the language it was written in when recorded, else its entry's.
    public init(_ commitment: Commitment, entryLanguage: Language) {
        self.init(stored: commitment.situation, action: commitment.action, language: commitment.language ?? entryLanguage)
    }

    // MARK: - Splitting a whole sentence

    /// The action of a whole plan typed at the situation prompt, to offer at the action prompt.
    public static func action(offeredBy situation: String) -> String? {
        split(clean(situation), loosely: true)?.action
    }

    /// "when X, I will Y" / "als X, dan Y" / "als X dan bied ik Y": the situation (with its opening word)
    /// and the action (with its link word), or nil when the line is not a whole plan. `loosely` also takes
    /// a plan that only has a comma after its opening ("when the shop opens, greet them").
    static func split(_ text: String, loosely: Bool) -> (situation: String, action: String)? {
        let all = Grammar.english.leads + Grammar.dutch.leads
        guard let lead = all.filter({ !$0.adverbial }).first(where: { Self.starts(text, with: $0.words) }),
              let opening = text.range(of: #"^\s*"# + lead.words.joined(separator: #"\s+"#) + #"\s"#,
                                       options: [.regularExpression, .caseInsensitive])
        else { return nil }
        let body = opening.upperBound
        var best: Range<String.Index>?
        for pattern in Self.links {
            guard let found = text.range(of: pattern, options: [.regularExpression, .caseInsensitive], range: body..<text.endIndex)
            else { continue }
            if best == nil || found.lowerBound < best!.lowerBound { best = found }
        }
        if best == nil, loosely, let comma = text.range(of: ",", range: body..<text.endIndex) { best = comma }
        guard let link = best else { return nil }
        let situation = clean(String(text[..<link.lowerBound]))
        var action = String(text[link.lowerBound...]).trimmingCharacters(in: .whitespaces)
        if action.hasPrefix(",") { action.removeFirst() }
        action = clean(action)
        guard words(of: situation).count > lead.words.count, !core(action).isEmpty else { return nil }
        return (situation, action)
    }

    /// Where the "then" half starts: a comma before "then"/"dan", before the speaker ("I", "ik", "we"),
    /// or before a Dutch verb and "ik"; without a comma, "then I" or "dan <verb> ik".
    static let links = [
        #",\s*(then|dan)\b"#, #",\s*(i|i'll|i’ll|i'm|i’m|we|ik|wij|we)\b"#, #",\s*\S+\s+(ik|we|wij)\b"#,
        #"\s(then)\s+(i|i'll|i’ll|we)\b"#, #"\s(dan)\s+\S+\s+(ik|we|wij)\b"#,
    ]

    // MARK: - The halves

    /// Whitespace trimmed, a trailing comma or full stop dropped.
    static func clean(_ text: String) -> String {
        var result = text.trimmingCharacters(in: .whitespacesAndNewlines)
        while let last = result.last, ",;:.".contains(last), !result.hasSuffix("...") {
            result.removeLast()
            result = result.trimmingCharacters(in: .whitespaces)
        }
        return result
    }

    /// A half without its joining words, in lower case: to tell whether two lines say the same.
    static func core(_ text: String) -> String {
        var words = words(of: clean(text).lowercased())
        let joining: Set<String> = ["then", "dan", "i", "will", "i'll", "i’ll", "ik", "ga", "zal"]
        while let first = words.first, joining.contains(first) { words.removeFirst() }
        return words.joined(separator: " ")
    }

    /// A situation without a trailing "dan"/"then" (typed at the prompt as "als X dan").
    static func withoutTrailingLink(_ text: String) -> String {
        var result = clean(text)
        for link in [" dan", " then"] where result.lowercased().hasSuffix(link) {
            result = clean(String(result.dropLast(link.count)))
        }
        return result
    }

    /// An action without a leading comma or "then"/"dan" (which the sentence supplies).
    static func withoutLeadingLink(_ text: String, grammar: Grammar) -> String {
        var result = clean(text)
        if result.hasPrefix(",") { result = clean(String(result.dropFirst())) }
        for link in ["then", "dan"] where starts(result, with: [link]) {
            result = clean(String(result.dropFirst(link.count)))
            if result.hasPrefix(",") { result = clean(String(result.dropFirst())) }
        }
        return result
    }

    /// The opening word(s) of a situation, when it has one of the known ones, and the rest.
    static func opening(of situation: String, grammar: Grammar) -> (lead: (typed: String, adverbial: Bool)?, rest: String) {
        let candidates = grammar.leads + Grammar.of(grammar.language == .en ? .nl : .en).leads.filter { !$0.adverbial }
        for lead in candidates.sorted(by: { $0.words.count > $1.words.count }) where starts(situation, with: lead.words) {
            let words = situation.split(separator: " ", omittingEmptySubsequences: true)
            let typed = words.prefix(lead.words.count).joined(separator: " ")
            let rest = words.dropFirst(lead.words.count).joined(separator: " ")
            guard !rest.isEmpty else { break }
            return ((typed, lead.adverbial), rest)
        }
        return (nil, situation)
    }

    /// Whether `text` starts with these words (case-insensitive, whole words).
    static func starts(_ text: String, with lead: [String]) -> Bool {
        let words = words(of: text.lowercased())
        return words.count >= lead.count && Array(words.prefix(lead.count)) == lead
    }

    /// The words of a text, split at spaces, with a comma at a word's end dropped.
    static func words(of text: String) -> [String] {
        text.split(whereSeparator: \.isWhitespace).map { word in
            var word = String(word)
            while let last = word.last, ",;:".contains(last) { word.removeLast() }
            return word
        }
    }

    static func capitalised(_ text: String) -> String {
        guard let first = text.first else { return text }
        return first.uppercased() + text.dropFirst().lowercased()
    }

    /// The first letter in lower case, unless the first word is "I", a first name or an abbreviation.
    static func lowercasedStart(_ text: String) -> String {
        guard let firstWord = text.split(separator: " ").first, let first = firstWord.first, first.isUppercase else { return text }
        let word = String(firstWord).trimmingCharacters(in: .punctuationCharacters)
        let rest = word.dropFirst()
        if word == "I" || word.hasPrefix("I'") || word.hasPrefix("I’") || rest.contains(where: \.isUppercase)
            || titles.contains(word.lowercased()) || FirstNames.all.contains(word.lowercased()) {
            return text
        }
        return first.lowercased() + text.dropFirst()
    }

    /// English titles keep their capital ("Mrs Jansen"); Dutch ones do not ("mevrouw Jansen").
    static let titles: Set<String> = ["mr", "mrs", "ms", "dr", "miss", "mr.", "mrs.", "ms.", "dr."]

    // MARK: - Language

    /// The plan's language from its own words, when they are clear; else `otherwise`.
    static func language(situation: String?, action: String, otherwise: Language) -> Language {
        var score = 0
        if let situation {
            if Grammar.english.leads.contains(where: { !$0.adverbial && starts(situation, with: $0.words) }) { score += 3 }
            if Grammar.dutch.leads.contains(where: { !$0.adverbial && starts(situation, with: $0.words) }) { score -= 3 }
        }
        for word in words(of: ((situation ?? "") + " " + action).lowercased()) {
            if Self.englishWords.contains(word) { score += 1 }
            if Self.dutchWords.contains(word) { score -= 1 }
        }
        if score >= 2 { return .en }
        if score <= -2 { return .nl }
        return otherwise
    }

    static let englishWords: Set<String> = ["i", "i'll", "i’ll", "i'm", "i’m", "will", "the", "a", "an", "and", "to", "of", "with",
                                            "my", "her", "him", "them", "they", "is", "are", "at", "for", "then", "when", "if"]
    static let dutchWords: Set<String> = ["ik", "de", "het", "een", "en", "van", "met", "mijn", "haar", "hem", "hen", "ze", "zij",
                                          "is", "zijn", "bij", "voor", "dan", "als", "zodra", "wanneer", "naar", "om", "te", "niet"]
}

extension IfThenPlan {
    /// The words one language joins a plan with, and how it puts the "then" half in order.
    struct Grammar: Sendable {
        struct Lead: Sendable {
            var words: [String]
            /// A time or place ("tijdens", "bij", "after"), not a conjunction: Dutch puts the verb second
            /// straight after it, without a comma and "dan".
            var adverbial: Bool
        }

        var language: Language
        var defaultLead: String
        /// The word between the halves ("dan "), or nothing.
        var link: String
        var leads: [Lead]
        var adverbialVerbSecond: Bool
        var then: @Sendable (String) -> String

        static func of(_ language: Language) -> Grammar { language == .nl ? dutch : english }

        static func leads(_ conjunctions: [String], adverbial: [String]) -> [Lead] {
            conjunctions.map { Lead(words: $0.split(separator: " ").map(String.init), adverbial: false) }
                + adverbial.map { Lead(words: $0.split(separator: " ").map(String.init), adverbial: true) }
        }

        static let english = Grammar(
            language: .en, defaultLead: "When", link: "",
            leads: leads(["whenever", "when", "if", "as soon as", "every time", "each time", "the moment", "the next time",
                          "next time", "once", "after", "before", "while", "until", "unless", "as"],
                         adverbial: ["at", "on", "in", "during", "every", "each", "tomorrow", "today", "tonight", "this"]),
            adverbialVerbSecond: false, then: EnglishAction.render)

        static let dutch = Grammar(
            language: .nl, defaultLead: "Als", link: "dan ",
            leads: leads(["als", "zodra", "wanneer", "telkens als", "telkens wanneer", "telkens dat", "iedere keer als",
                          "iedere keer dat", "iedere keer wanneer", "elke keer als", "elke keer dat", "elke keer wanneer",
                          "steeds als", "steeds wanneer", "de volgende keer dat", "de volgende keer als", "nadat", "voordat",
                          "terwijl", "totdat", "indien", "mocht", "zo gauw", "zodra als"],
                         adverbial: ["tijdens", "bij", "na", "voor", "op", "in", "om", "na afloop van", "morgen", "vandaag",
                                     "vanavond", "straks", "elke", "iedere", "volgende", "deze"]),
            adverbialVerbSecond: true, then: DutchAction.render)
    }

    /// "I will ask", "I offer", "we'll call": the English "then" half always has its speaker.
    enum EnglishAction {
        static let subjects: Set<String> = ["i", "i'll", "i’ll", "i'm", "i’m", "i'd", "i’d", "i've", "i’ve", "we", "we'll",
                                            "we’ll", "we're", "we’re", "my", "our", "you", "he", "she", "they", "it", "the",
                                            "someone", "everyone", "there", "this", "that"]
        static let modals: Set<String> = ["will", "shall", "would", "can", "could", "should", "must", "may", "might", "am", "'ll", "’ll"]

        static func render(_ action: String) -> String {
            guard let first = IfThenPlan.words(of: action).first?.lowercased() else { return action }
            if subjects.contains(first) {
                return first.hasPrefix("i") && first != "it" ? "I" + action.dropFirst() : IfThenPlan.lowercasedStart(action)
            }
            if modals.contains(first) { return "I " + IfThenPlan.lowercasedStart(action) }
            if first == "going" { return "I am " + IfThenPlan.lowercasedStart(action) }
            return "I will " + IfThenPlan.lowercasedStart(action)
        }
    }

    /// The Dutch "then" half, verb second after "dan": "bied ik water aan", "ga ik water aanbieden".
    enum DutchAction {
        static let subjects: Set<String> = ["ik", "we", "wij", "jij", "je", "u", "hij", "zij", "ze", "men"]
        /// Verbs people start an action with, in the form that follows "ik" (ga, bied, vraag).
        static let stems: Set<String> = [
            "ga", "zal", "wil", "kan", "moet", "mag", "probeer", "neem", "stel", "vraag", "bied", "kijk", "zeg", "geef",
            "noem", "luister", "groet", "begroet", "bel", "help", "maak", "leg", "laat", "zet", "houd", "hou", "blijf",
            "wacht", "doe", "schrijf", "toon", "sta", "knik", "lach", "glimlach", "begin", "benoem", "bedank", "herhaal",
            "controleer", "check", "deel", "spreek", "reageer", "erken", "vat", "vertel", "stop", "adem", "tel", "let",
            "denk", "zorg", "breng", "haal", "pak", "noteer", "loop", "informeer", "nodig", "open", "kom", "onthoud",
            "gebruik", "schenk", "complimenteer", "verwelkom", "stuur", "mail", "plan", "zoek", "volg", "herinner",
            "betrek", "accepteer", "wens", "antwoord", "beantwoord", "beloof", "leid", "ontvang", "sluit", "pauzeer",
            "rond", "oefen", "start", "schud", "reik", "wijs", "geef", "app", "vul", "bespreek", "regel", "laat",
            "toon", "erken", "benader", "spreek", "bied", "draai", "steek", "zit", "ga", "koop", "lees", "ruim",
        ]
        /// Words an infinitive phrase starts with ("de klant groeten", "even wachten").
        static let phraseStarts: Set<String> = [
            "de", "het", "een", "mijn", "haar", "hem", "hen", "hun", "zijn", "die", "dat", "deze", "dit", "elke", "iedere",
            "alle", "wat", "iets", "eerst", "altijd", "even", "rustig", "direct", "meteen", "gewoon", "niet", "nooit",
            "samen", "ook", "nog", "vriendelijk", "zelf", "actief", "bewust", "duidelijk", "kort", "echt", "opnieuw",
            "er", "daar", "hier", "mevrouw", "meneer", "iemand", "ieder", "koffie", "water", "thee",
        ]
        /// The particles a separable verb leaves at the end ("bied water aan").
        static let particles: Set<String> = ["aan", "op", "uit", "mee", "af", "in", "toe", "terug", "door", "over", "na",
                                             "bij", "weg", "rond", "binnen", "buiten", "neer", "samen", "vast", "los", "dicht"]
        static let shortInfinitives: Set<String> = ["gaan", "doen", "staan", "zien", "slaan", "zijn", "gaan"]

        static func render(_ action: String) -> String {
            let words = IfThenPlan.words(of: action)
            let lower = words.map { $0.lowercased() }
            guard let first = lower.first else { return action }
            let raw = action.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
            if lower.count >= 2 && subjects.contains(first) {
                // "ik bied water aan" -> "bied ik water aan".
                return ([raw[1].lowercased(), lower[0]] + raw.dropFirst(2)).joined(separator: " ")
            }
            if lower.count >= 2 && subjects.contains(lower[1]) { return IfThenPlan.lowercasedStart(action) }
            let imperative = ([raw[0].lowercased(), "ik"] + raw.dropFirst()).joined(separator: " ")
            if stems.contains(first) { return imperative }
            if isInfinitive(first) || phraseStarts.contains(first) { return going(raw) }
            if let last = lower.last, particles.contains(last) { return imperative }
            // An infinitive phrase ends in its verb ("Maria vragen om mee te kijken": the verb before "om … te").
            let main = lower.enumerated().filter { $0.offset == 0 || lower[$0.offset - 1] != "te" }.map(\.element)
            if main.dropFirst().contains(where: isInfinitive) { return going(raw) }
            return imperative
        }

        /// "ga ik" before an infinitive phrase; one that ends in "gaan" loses it ("naar huis gaan": "ga ik naar huis").
        static func going(_ words: [String]) -> String {
            let phrase = words.count > 1 && words.last?.lowercased() == "gaan" ? Array(words.dropLast()) : words
            return "ga ik " + IfThenPlan.lowercasedStart(phrase.joined(separator: " "))
        }

        static func isInfinitive(_ word: String) -> Bool {
            (word.hasSuffix("en") && word.count > 3) || shortInfinitives.contains(word)
        }
    }
}
