import Foundation
import Testing
@testable import SpiegelCore

/// The `--redact-words` list: encodings, normalisation, parts of names, possessives, comments.
@Suite struct WordListTests {
    @Test func aByteOrderMarkCommentsAndEmptyLinesAreNotEntries() throws {
        let list = try WordList(data: Data("\u{FEFF}Groenewoud\r\n# klanten\n\n  Anne   Peeters \n".utf8))
        #expect(list.entries == ["Groenewoud", "Anne Peeters"])
        #expect(Redactor(words: list).redact("Groenewoud en Anne  Peeters") == "[name] en [name]")
    }

    @Test func utf16AndBrokenBytesAreRefused() {
        #expect(throws: WordListError.utf16) { try WordList(data: Data([0xFF, 0xFE, 0x41, 0x00])) }
        #expect(throws: WordListError.notUTF8) { try WordList(data: Data([0x41, 0xC3, 0x28])) }
    }

    @Test(arguments: [
        "Pieter de Vries kwam", "pieter kwam", "de Vries kwam", "Vries kwam", "Jansens kwam", "Jansen's kwam",
        "Jansen’s kwam", "JANSEN kwam", "Pieter   de  Vries kwam", "O\u{0308}zdemir kwam", "Özdemirs kwam",
    ])
    func everyFormOfAListedNameIsMasked(_ text: String) {
        let redactor = Redactor(words: WordList(lines: ["Pieter de Vries", "Jansen", "O\u{0308}zdemir"]))
        #expect(redactor.redact(text) == "[name] kwam")
    }

    @Test func particlesAloneAndLongerWordsStay() {
        let redactor = Redactor(words: WordList(lines: ["Pieter de Vries", "Jan"]))
        #expect(redactor.redact("de klant van Janneke") == "de klant van Janneke")
    }
}
