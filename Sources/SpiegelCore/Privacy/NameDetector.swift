import Foundation

/// Names without a word list: after a title or form of address (`mevrouw Jansen`, `dhr. K. Özdemir`,
/// `Dr Smith`), initials and a surname (`J.P. de Vries`), a known first name and a surname
/// (`Sanne Bakker`, `Pieter de Vries`), any capitalised word before a known surname (`Yasin Brouwer`,
/// `Sude de Graaf`), and surnames that open with a particle written with a capital (`El Amrani`,
/// `Ben Ali`; `Van Dijk` within a sentence). Titles stay; the name is masked.
struct NameDetector: PersonalDataDetector {
    var kind: PersonalDataKind { .name }

    /// Forms of address, lower case, without a final full stop.
    static let titles: Set<String> = [
        "mevrouw", "mevr", "mw", "mvr", "meneer", "mnr", "dhr", "heer", "juffrouw", "juf", "meester", "dokter",
        "dr", "prof", "professor", "mr", "mrs", "ms", "mx", "sir", "madam", "madame", "familie", "fam", "zuster",
        "broeder", "ds", "dominee", "pastoor", "ir", "ing", "drs", "tante", "oom", "opa", "oma", "dear", "beste",
        "lieve", "miss", "collega", "buurman", "buurvrouw",
    ]
    /// Titles that are also ordinary words: only a title when written with a capital.
    static let capitalisedTitles: Set<String> = ["miss", "dear", "beste", "lieve", "collega"]
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
        guard text.contains(where: \.isUppercase) else { return [] }
        let tokens = Token.words(of: text)
        var found: [NSRange] = []
        var index = 0
        while index < tokens.count {
            if let (start, end) = name(at: index, in: tokens, text: text) {
                found.append(NSRange(tokens[start].range.lowerBound..<tokens[end].range.upperBound, in: text))
                index = end + 1
            } else {
                index += 1
            }
        }
        return found
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
            guard start < tokens.count, adjacent(tokens, start - 1, start, text: text),
                  tokens[start].isCapitalised || tokens[start].isInitial(in: text)
                    || Self.particles.contains(tokens[start].lower),
                  let end = nameEnd(from: start, in: tokens, text: text) else { return nil }
            return (start, end)
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
        guard token.isCapitalised, index + 1 < tokens.count, adjacent(tokens, index, index + 1, text: text) else {
            return nil
        }
        if FirstNames.all.contains(token.lower) && !CommonWords.all.contains(token.lower) {
            return nameEnd(from: index + 1, in: tokens, text: text).map { (index, $0) }
        }
        if !CommonWords.all.contains(token.lower), !Self.titles.contains(token.lower),
           !Self.particles.contains(token.lower), token.text.count >= 2,
           let end = knownSurname(after: index, in: tokens, text: text) {
            return (index, end)
        }
        if Self.notNames.contains(token.lower + " " + tokens[index + 1].lower) { return nil }
        if Self.openingParticles.contains(token.lower)
            || (Self.innerParticles.contains(token.lower) && !token.startsSentence(in: text)) {
            return nameEnd(from: index + 1, in: tokens, text: text).map { (index, $0) }
        }
        return nil
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
            } else if token.isCapitalised && !Self.titles.contains(token.lower)
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
            let known = token.isCapitalised && Surnames.all.contains(token.lower)
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
        guard gap.first == ".", gap.dropFirst().allSatisfy({ $0 == " " || $0 == "\u{00A0}" }) else { return false }
        let before = tokens[first]
        return before.isInitialShape || (Self.titles.contains(before.lower) && before.text.count <= 5)
    }
}

/// A word of the text with its range and lower-case form.
private struct Token {
    let text: Substring
    let lower: String
    let range: Range<String.Index>

    init(_ text: Substring) {
        self.text = text
        lower = text.lowercased()
        range = text.startIndex..<text.endIndex
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
