import Foundation

/// Names without a word list: after a title or form of address (`mevrouw Jansen`, `dhr. K. Özdemir`,
/// `Dr Smith`), initials and a surname (`J.P. de Vries`), a known first name and a surname
/// (`Sanne Bakker`, `Pieter de Vries`), any capitalised word before a known surname (`Yasin Brouwer`,
/// `Sude de Graaf`), and surnames that open with a particle written with a capital (`El Amrani`,
/// `Ben Ali`; `Van Dijk` within a sentence), a known first name or surname alone (`Fatima belde`,
/// `Groenewoud belde`; in lower case too when it is not also a word: `fatima`), with its possessive
/// (`Fatima's`, `Jans`), and a pair of capitalised words inside a sentence that no list knows
/// (`Tomasz Kowalczyk`). Places, firms and bodies in `NotPeople` are never names. Titles stay; the name is
/// masked.
struct NameDetector: PersonalDataDetector {
    var kind: PersonalDataKind { .name }

    /// Forms of address, lower case, without a final full stop.
    static let titles: Set<String> = [
        "mevrouw", "mevr", "mw", "mvr", "meneer", "mnr", "mijnheer", "mijnh", "menier", "dhr", "heer", "juffrouw",
        "juf", "meester", "dokter", "monsieur", "mademoiselle", "mme", "mlle", "signora", "señora", "frau", "herr",
        "dr", "prof", "professor", "mr", "mrs", "ms", "mx", "sir", "madam", "madame", "familie", "fam", "zuster",
        "broeder", "ds", "dominee", "pastoor", "ir", "ing", "drs", "tante", "oom", "opa", "oma", "dear", "beste",
        "miss", "collega", "buurman", "buurvrouw", "mister", "missus",
    ]
    /// The people a person is to someone (`haar dochter Shauni`, `his wife Adaeze`, `huurder Okonkwo`): a
    /// capitalised word right after one is a name.
    static let relations: Set<String> = [
        "zoon", "dochter", "vriend", "vriendin", "man", "vrouw", "echtgenoot", "echtgenote", "partner", "broer",
        "zus", "zuster", "moeder", "vader", "mama", "papa", "kleinzoon", "kleindochter", "neef", "nicht", "schoonzoon",
        "schoondochter", "schoonmoeder", "schoonvader", "contactpersoon", "patiënt", "patient", "gast", "klant",
        "huurder", "huurster", "bewoner", "bewoonster", "cliënt", "client", "tenant", "student", "studente", "leerling",
        "kind", "baby", "son", "daughter", "husband", "wife", "brother", "sister", "mother", "father", "friend",
        "colleague", "grandson", "granddaughter", "guest", "customer", "resident", "pupil", "child", "boyfriend",
        "girlfriend", "mum", "mom", "dad", "stepson", "stepdaughter", "nephew", "niece", "cousin", "aunt", "uncle",
        "bezoeker", "bezoekster", "visitor", "aanvrager", "aanvraagster", "applicant", "mevrouwtje", "meisje", "jongen",
        "collega's", "collega", "chauffeur", "begeleider", "begeleidster", "mentor", "tolk", "interpreter",
        "landlord", "landlady", "owner", "eigenaar", "eigenares", "verhuurder", "verhuurster", "gezin", "called",
        "named", "genaamd", "heet", "heette",
    ]
    /// The points of the compass: `Amsterdam West`, `Ophaalroute Noord`.
    static let compass: Set<String> = ["noord", "oost", "zuid", "west", "north", "east", "south", "centrum", "midden"]

    /// A Dutch compound noun (`Studentenbegeleiding`, `Tandartspraktijk`, `Recyclagepark`): long, or ending
    /// in a word that names a service, a place or a thing. Few given names or surnames look like this.
    static func looksLikeCompound(_ lower: String) -> Bool {
        if lower.count > 13 { return true }
        guard lower.count >= 8 else { return false }
        return compoundEnds.contains { lower.hasSuffix($0) }
    }

    private static let compoundEnds = [
        "ing", "heid", "park", "praktijk", "fonds", "route", "dienst", "centrum", "huis", "school", "werk", "zorg",
        "raad", "team", "punt", "plein", "hal", "loket", "afdeling", "kantoor", "bureau", "winkel", "markt", "straat",
        "kamer", "zaal", "plaats", "groep", "bedrijf", "firma", "stelling", "regeling", "vergunning", "kaart", "lijst",
        "formulier", "nummer", "toeslag", "uitkering", "verzekering", "ploeg", "service", "desk", "office", "centre",
        "center", "museum", "theater", "station", "haven", "dienstverlening", "ziekenhuis", "kliniek", "tuin", "bad",
    ]

    /// Titles written short: the word after one is a name even in lower case (`mw. ramautar`).
    static let abbreviatedTitles: Set<String> = ["mw", "mevr", "mvr", "dhr", "mnr", "hr", "mr", "mrs", "ms", "fam", "mme", "mlle"]
    /// Words after a name that make it a firm's (`Fieldstone Legal B.V.`, `Peeters bvba`).
    static let firmSuffixes: Set<String> = ["bv", "nv", "bvba", "vzw", "vof", "cv", "ltd", "inc", "llc", "gmbh", "sa", "sprl", "srl", "plc"]
    /// Titles that are also ordinary words: only a title when written with a capital. Given names that are
    /// also adjectives ("Lieve", "Roos") are names, not titles.
    static let capitalisedTitles: Set<String> = ["miss", "dear", "beste", "collega", "mister"]
    /// Surname particles, lower case.
    static let particles: Set<String> = [
        "van", "de", "der", "den", "het", "ter", "ten", "te", "in", "op", "el", "al", "ben", "bin", "ibn", "abu",
        "abou", "ait", "aït", "bou", "da", "di", "del", "della", "dos", "du", "la", "le", "von", "mac", "mc", "t",
    ]
    /// Particles that open a surname wherever they stand when written with a capital.
    static let openingParticles: Set<String> = ["el", "ben", "bin", "ibn", "abu", "abou", "ait", "aït", "bou"]
    /// Particles that open a surname with a capital, except at the start of a sentence.
    static let innerParticles: Set<String> = ["van", "de", "der", "den", "ter", "ten", "al", "da", "di", "du", "von"]

    /// Places, papers and institutions that open with a capitalised particle: not names.
    static let notNames: Set<String> = [
        "den haag", "den bosch", "den helder", "den burg", "den hoorn", "den dolder", "den ham", "den dungen",
        "de bilt", "de meern", "de lier", "de koog", "de rijp", "de wijk", "de kwakel", "de lutte", "de steeg",
        "ter apel", "ter aar", "ten boer", "de telegraaf", "de volkskrant", "de nederlandsche", "de bijenkorf",
        "de efteling", "de tijd", "de standaard", "de morgen", "de gelderlander", "de limburger", "de stentor",
        "de kuip", "de hoge", "de groene", "de balie", "van gogh",
    ]

    func ranges(in scanned: ScannedText) -> [NSRange] {
        let text = scanned.string
        return scan(text).names.map { NSRange($0, in: text) }
    }

    /// The places, firms and bodies of `text` (`NotPeople`, openers like `Hotel`, firm suffixes): a name
    /// found elsewhere in an export is not masked inside them.
    func protectedRanges(in text: String) -> [Range<String.Index>] {
        scan(text).protected
    }

    private func scan(_ text: String) -> (names: [Range<String.Index>], protected: [Range<String.Index>]) {
        let tokens = Token.words(of: text)
        var names: [Range<String.Index>] = [], protected: [Range<String.Index>] = []
        var index = 0
        while index < tokens.count {
            if let skipped = notPerson(at: index, in: tokens, text: text) {
                protected.append(tokens[index].range.lowerBound..<tokens[skipped].range.upperBound)
                index = skipped + 1
            } else if let (start, end) = name(at: index, in: tokens, text: text) {
                if isFirm(after: tokens[end], in: text) {
                    protected.append(tokens[start].range.lowerBound..<tokens[end + 1].range.upperBound)
                } else {
                    names.append(tokens[start].range.lowerBound..<tokens[end].nameEnd)
                }
                index = end + 1
            } else {
                index += 1
            }
        }
        return (names, protected)
    }

    /// The last token of a place, firm or body from `NotPeople` that starts at `index`, if one does: a
    /// listed name, or an opener (`Hotel`, `Dienst`) with the capitalised words and particles after it.
    private func notPerson(at index: Int, in tokens: [Token], text: String) -> Int? {
        // `zaal De Visser`, `hotel De Wereld`: an opener in lower case before capitalised words.
        if !tokens[index].isCapitalised, NotPeople.openers.contains(tokens[index].lower), index + 1 < tokens.count,
           tokens[index + 1].isCapitalised || Self.particles.contains(tokens[index + 1].lower) {
            var last = index, next = index + 1
            while next < tokens.count, next - index <= 4, adjacent(tokens, next - 1, next, text: text),
                  tokens[next].isCapitalised || Self.particles.contains(tokens[next].lower) {
                if tokens[next].isCapitalised { last = next }
                next += 1
            }
            return last > index ? last : nil
        }
        guard tokens[index].isCapitalised else { return nil }
        if NotPeople.isOpener(tokens[index].lower) {
            var last = index, next = index + 1
            while next < tokens.count, next - index <= 4, adjacent(tokens, next - 1, next, text: text),
                  tokens[next].isCapitalised || Self.particles.contains(tokens[next].lower) {
                if tokens[next].isCapitalised { last = next }
                next += 1
            }
            return last
        }
        if NotPeople.languageNames.contains(tokens[index].lower),
           tokens[max(0, index - 2)..<index].contains(where: {
               ["het", "in", "spreekt", "spreken", "sprak", "praat", "praten", "vertaald", "naar", "enkel", "alleen"].contains($0.lower)
           }) {
            return index
        }
        var words = tokens[index].lower
        var best: Int?
        if NotPeople.all.contains(words) || NotPeople.all.contains(tokens[index].base) { best = index }
        var next = index + 1
        while next < tokens.count, next - index < NotPeople.longest, adjacent(tokens, next - 1, next, text: text) {
            if NotPeople.all.contains(words + " " + tokens[next].base) { best = next }
            words += " " + tokens[next].lower
            if NotPeople.all.contains(words) { best = next }
            next += 1
        }
        return best
    }

    /// The first and last token of a name that starts at (or, after a title, just after) `index`.
    private func name(at index: Int, in tokens: [Token], text: String) -> (Int, Int)? {
        let token = tokens[index]
        if isTitle(token, tokens: tokens, at: index) {
            var start = index + 1
            while start < tokens.count, adjacent(tokens, start - 1, start, text: text),
                  isTitle(tokens[start], tokens: tokens, at: start) {
                start += 1
            }
            guard start < tokens.count, adjacent(tokens, start - 1, start, text: text) else { return nil }
            let first = tokens[start]
            if first.isCapitalised || first.isInitial(in: text) || Self.particles.contains(first.lower),
               let end = nameEnd(from: start, in: tokens, text: text) {
                return (start, end)
            }
            // A hurried `mevrouw jansen`, `mw. hoop`, `dhr. de graaf`: a known name in lower case after a title,
            // particles allowed before it.
            var last = start
            while last < tokens.count - 1, Self.particles.contains(tokens[last].lower), adjacent(tokens, last, last + 1, text: text) {
                last += 1
            }
            let lowerName = tokens[last]
            // After an abbreviated title (`mw.`, `dhr.`) any word that is not a common word is the name.
            let abbreviated = text[token.range.upperBound...].first == "." || Self.abbreviatedTitles.contains(token.lower)
            if !lowerName.isCapitalised, lowerName.isKnownName || abbreviated, !CommonWords.all.contains(lowerName.lower),
               lowerName.text.count >= 2 {
                return (start, last)
            }
            return nil
        }
        if token.isInitial(in: text) {
            var next = index + 1
            while next < tokens.count, tokens[next].isInitial(in: text), adjacent(tokens, next - 1, next, text: text) {
                next += 1
            }
            guard next < tokens.count, adjacent(tokens, next - 1, next, text: text),
                  let end = nameEnd(from: next, in: tokens, text: text) else { return nil }
            return (index, end)
        }
        if !token.isCapitalised, Self.relations.contains(token.lower), index + 1 < tokens.count,
           adjacent(tokens, index, index + 1, text: text) {
            let next = tokens[index + 1]
            if next.isCapitalised, !next.isAcronym, FirstNames.all.contains(next.base) || !CommonWords.all.contains(next.lower)
                || Self.particles.contains(next.lower), !Self.titles.contains(next.lower),
               notPerson(at: index + 1, in: tokens, text: text) == nil, !followedByNumber(index + 1, in: tokens, text: text),
               let end = nameEnd(from: index + 1, in: tokens, text: text) {
                return (index + 1, end)
            }
        }
        guard token.isCapitalised else {
            // A known name typed in lower case, when it is not also an ordinary word: `fatima belde`, with
            // the known surname after it (`fatima el amrani`).
            guard token.text.count >= 3, token.isKnownName, !token.isWord else { return nil }
            var end = index, next = index + 1
            while next < tokens.count, adjacent(tokens, next - 1, next, text: text) {
                if Self.particles.contains(tokens[next].lower) { next += 1; continue }
                if tokens[next].isKnownName, !CommonWords.all.contains(tokens[next].lower) { end = next }
                break
            }
            return (index, end)
        }
        if followedByNumber(index, in: tokens, text: text) || token.isAcronym { return nil }
        let startsSentence = token.startsSentence(in: text)
        let hasNext = index + 1 < tokens.count && adjacent(tokens, index, index + 1, text: text)
        if hasNext, Self.notNames.contains(token.lower + " " + tokens[index + 1].lower) { return nil }
        if CommonWords.all.contains(token.lower) || Self.titles.contains(token.lower) { return nil }
        if FirstNames.all.contains(token.base) || (!token.isWord && Surnames.all.contains(token.base)) {
            let end = hasNext ? nameEnd(from: index + 1, in: tokens, text: text) : nil
            // A name that is also a word (`Roos`, `Lieve`) only inside a sentence or before a surname.
            if token.isWord && startsSentence && end == nil { return nil }
            return (index, end ?? index)
        }
        if hasNext, token.text.count >= 2, !Self.particles.contains(token.lower),
           let end = knownSurname(after: index, in: tokens, text: text) {
            return (index, end)
        }
        if Self.openingParticles.contains(token.lower) || (Self.innerParticles.contains(token.lower) && !startsSentence) {
            return hasNext ? nameEnd(from: index + 1, in: tokens, text: text).map { (index, $0) } : nil
        }
        // A surname that is also a word, with a capital inside a sentence: `met Bakker gebeld`.
        if !startsSentence, Surnames.all.contains(token.base), !token.isAcronym, !Self.compass.contains(token.lower),
           !NotPeople.all.contains(token.lower) {
            return (index, index)
        }
        // Two capitalised words that no list knows and that are no ordinary words: `Tomasz Kowalczyk`,
        // also at the start of a sentence (`Adaeze Nwosu's registration`).
        if hasNext, !token.isAcronym, !token.isWord, token.text.count >= 2, !NotPeople.all.contains(token.lower),
           !Self.looksLikeCompound(token.lower) {
            let second = tokens[index + 1]
            if second.isCapitalised, second.text.count >= 2, !second.isAcronym, !second.isWord, !CommonWords.all.contains(second.lower),
               !Self.looksLikeCompound(second.lower), !Self.compass.contains(second.lower),
               !Self.titles.contains(second.lower), notPerson(at: index + 1, in: tokens, text: text) == nil {
                let end = nameEnd(from: index + 1, in: tokens, text: text) ?? index + 1
                // Three capitals opening a sentence (`Belde Zwanet Quaak terug`): the first is the sentence's word.
                if startsSentence, end > index + 1, !token.isKnownName { return (index + 1, end) }
                return (index, end)
            }
        }
        return nil
    }

    /// A firm's legal form right after a name (`Fieldstone Legal B.V.`, `Peeters bvba`).
    private func isFirm(after token: Token, in text: String) -> Bool {
        let rest = text[token.range.upperBound...].drop { $0 == " " || $0 == "," }
        let word = rest.prefix { $0.isLetter || $0 == "." }.filter { $0 != "." }.lowercased()
        return Self.firmSuffixes.contains(word)
    }

    /// A number right after the token (`Zaal 3`, `Kamer 2.14`): a room, a hall or a code, not a name.
    private func followedByNumber(_ index: Int, in tokens: [Token], text: String) -> Bool {
        let rest = text[tokens[index].range.upperBound...].drop { $0 == " " }
        return rest.first?.isNumber == true
    }

    /// The last token of a surname from `start` on: initials and particles, then up to three capitalised
    /// words that are not common words (after a particle any capitalised word: `Van der Meer`); nil when no
    /// such word follows.
    private func nameEnd(from start: Int, in tokens: [Token], text: String) -> Int? {
        var last: Int?
        var words = 0
        var index = start
        var afterParticle = start > 0 && Self.particles.contains(tokens[start - 1].lower)
        while index < tokens.count, words < 3 {
            if index > start, !adjacent(tokens, index - 1, index, text: text) { break }
            let token = tokens[index]
            if token.isInitial(in: text) && last == nil {
                index += 1
            } else if Self.particles.contains(token.lower) && (last == nil || !token.isCapitalised) {
                afterParticle = true
                index += 1
            } else if token.isCapitalised && !Self.titles.contains(token.lower) && !token.isAcronym
                        && !NotPeople.isOpener(token.lower)
                        && (afterParticle || !CommonWords.all.contains(token.lower)) {
                afterParticle = false
                last = index
                words += 1
                index += 1
            } else {
                break
            }
        }
        return last
    }

    /// The last token of a known surname right after `index`, particles allowed between (`de Graaf`), or of
    /// a surname opening with a capitalised particle (`El Amrani`).
    private func knownSurname(after index: Int, in tokens: [Token], text: String) -> Int? {
        var next = index + 1
        while next < tokens.count, adjacent(tokens, next - 1, next, text: text) {
            let token = tokens[next]
            if Self.particles.contains(token.lower) && !token.isCapitalised {
                next += 1
                continue
            }
            if token.isCapitalised && Self.openingParticles.contains(token.lower) {
                return nameEnd(from: next + 1, in: tokens, text: text)
            }
            let known = token.isCapitalised && Surnames.all.contains(token.lower) && !NotPeople.all.contains(token.lower)
                && (next > index + 1 || !CommonWords.all.contains(token.lower))
            return known ? next : nil
        }
        return nil
    }

    private func isTitle(_ token: Token, tokens: [Token], at index: Int) -> Bool {
        guard Self.titles.contains(token.lower) else { return false }
        if Self.capitalisedTitles.contains(token.lower) && !token.isCapitalised { return false }
        if token.lower == "heer" { return index > 0 && tokens[index - 1].lower == "de" }
        return true
    }

    /// Two tokens belong to one name when only spaces stand between them, or a full stop after an initial
    /// or an abbreviated title (`K. Özdemir`, `dhr. Jansen`, `J.P.`).
    private func adjacent(_ tokens: [Token], _ first: Int, _ second: Int, text: String) -> Bool {
        let gap = text[tokens[first].range.upperBound..<tokens[second].range.lowerBound]
        if !gap.isEmpty && gap.allSatisfy({ $0 == " " || $0 == "\u{00A0}" || $0 == "\t" }) { return true }
        // `van 't Hof`, `Ter Haar`: an apostrophe before a particle.
        if gap.count == 2, gap.first == " ", gap.last == "'" || gap.last == "’" { return true }
        guard gap.first == ".", gap.dropFirst().allSatisfy({ $0 == " " || $0 == "\u{00A0}" }) else { return false }
        let before = tokens[first]
        return before.isInitialShape || (Self.titles.contains(before.lower) && before.text.count <= 5)
    }
}

/// A word of the text with its range and lower-case form.
struct Token {
    let text: Substring
    let lower: String
    let range: Range<String.Index>

    /// The lower-case word without a possessive ending (see `base(of:)`).
    let base: String
    /// A first name or surname of the shipped lists.
    let isKnownName: Bool
    /// An ordinary Dutch or English word (one of the names that are also words, or a common word).
    let isWord: Bool

    init(_ text: Substring) {
        self.text = text
        lower = text.lowercased()
        range = text.startIndex..<text.endIndex
        base = Self.base(of: lower)
        isKnownName = FirstNames.all.contains(base) || Surnames.all.contains(base)
        isWord = NameWords.all.contains(base) || CommonWords.all.contains(base)
    }

    /// The words of `text`: a letter, then letters, apostrophes and hyphens.
    static func words(of text: String) -> [Token] {
        var tokens: [Token] = []
        var start: String.Index?
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            if let open = start {
                if !(character.isLetter || character == "'" || character == "’" || character == "-") {
                    tokens.append(Token(text[open..<index]))
                    start = nil
                }
            } else if character.isLetter {
                start = index
            }
            index = text.index(after: index)
        }
        if let open = start { tokens.append(Token(text[open...])) }
        return tokens
    }

    var isCapitalised: Bool { text.first?.isUppercase == true }

    /// All capitals (`OCMW`, `NS`): an abbreviation, not a name, unless a title stands before it.
    var isAcronym: Bool { text.count >= 2 && text.allSatisfy { !$0.isLowercase } }

    /// The lower-case word without a possessive ending: `fatima` for `Fatima's`, `jan` for `Jans` when
    /// `jan` is a known name and `jans` is not.
    static func base(of lower: String) -> String {
        for suffix in ["'s", "’s", "'", "’"] where lower.hasSuffix(suffix) {
            return String(lower.dropLast(suffix.count))
        }
        if lower.count > 3, lower.hasSuffix("s"), !FirstNames.all.contains(lower), !Surnames.all.contains(lower) {
            let stem = String(lower.dropLast())
            if FirstNames.all.contains(stem) { return stem }
        }
        return lower
    }

    /// Where the name itself ends: before an apostrophe's possessive (`Fatima` of `Fatima's`).
    var nameEnd: String.Index {
        for suffix in ["'s", "’s", "'", "’"] where lower.hasSuffix(suffix) {
            return text.index(text.endIndex, offsetBy: -suffix.count)
        }
        return range.upperBound
    }

    /// One capital letter.
    var isInitialShape: Bool { text.count == 1 && isCapitalised }

    /// One capital letter followed by a full stop: `K.`.
    func isInitial(in whole: String) -> Bool {
        isInitialShape && range.upperBound < whole.endIndex && whole[range.upperBound] == "."
    }

    /// Nothing but spaces, opening quotes or brackets, list marks and sentence ends before it.
    func startsSentence(in whole: String) -> Bool {
        for character in whole[..<range.lowerBound].reversed() {
            if character == " " || character == "\t" || "\"“‘'(*•".contains(character) { continue }
            return ".!?:-–".contains(character) || character.isNewline
        }
        return true
    }
}
