import Foundation
import SpiegelContent
import Testing
@testable import SpiegelCore

/// The spellings the issue names, each with the label it must get.
@Suite struct RedactionExampleTests {
    @Test(arguments: [
        ("Bel 020 - 555 12 34 terug.", "Bel [phone] terug."),
        ("Bel (020) 123 4567 terug.", "Bel [phone] terug."),
        ("Bel 06–12345678 terug.", "Bel [phone] terug."),
        ("Bel +31 (0)6 1234 5678 terug.", "Bel [phone] terug."),
        ("Rekening NL91-ABNA-0417-1643-00.", "Rekening [iban]."),
        ("Rekening nl91 abna 0417 1643 00.", "Rekening [iban]."),
        ("Rekening NL91ABNA0417164300 en verder.", "Rekening [iban] en verder."),
        ("BSN 123456782.", "BSN [bsn]."),
        ("Postcode 1015 CJ en 3581AB.", "Postcode [postcode] en [postcode]."),
        ("Ze woont op Keizersgracht 123.", "Ze woont op [address]."),
        ("Ze woont op Dorpsstraat 4a.", "Ze woont op [address]."),
        ("She lives at 10 Downing Street.", "She lives at [address]."),
        ("Mevrouw is geboren 04-07-1949.", "Mevrouw is geboren [date of birth]."),
        ("He was born 14 Feb 1961.", "He was born [date of birth]."),
        ("Kenteken XT-123-B.", "Kenteken [plate]."),
        ("Ik sprak mevrouw Jansen.", "Ik sprak mevrouw [name]."),
        ("Ik sprak dhr. K. Özdemir.", "Ik sprak dhr. [name]."),
        ("Ik sprak Pieter de Vries.", "Ik sprak [name]."),
        ("Ik sprak Sanne Bakker.", "Ik sprak [name]."),
        ("Ik sprak El Amrani.", "Ik sprak [name]."),
        ("Mail jan at example dot nl.", "Mail [email]."),
        ("Mail jan.jansen@example.nl.", "Mail [email]."),
    ])
    func issueExample(_ example: (String, String)) {
        #expect(Redactor().redact(example.0) == example.1)
    }

    @Test func aNumberThatFailsItsCheckIsNotCalledAnIbanOrABSN() {
        #expect(!Redactor().redact("NL92ABNA0417164300").contains("[iban]"))
        #expect(!Redactor().redact("nummer 123456789").contains("[bsn]"))
        #expect(BSNDetector.passesElfproef("111222333") && !BSNDetector.passesElfproef("111222334"))
        #expect(IBANDetector.isValid("GB82WEST12345698765432") && !IBANDetector.isValid("GB82WEST12345698765433"))
    }

    @Test func everyDutchSideCodeIsAPlate() {
        let plates = ["AB-12-34", "12-34-AB", "12-AB-34", "AB-12-CD", "AB-CD-12", "12-AB-CD", "12-ABC-3", "1-ABC-23",
                      "AB-123-C", "A-123-BC", "ABC-12-D", "A-12-BCD", "1-AB-234", "123-AB-4"]
        for plate in plates {
            #expect(Redactor().redact("auto \(plate) weg") == "auto [plate] weg", "\(plate)")
        }
    }

    @Test func theWholeEntryIsRedacted() {
        var entry = Entry(id: "e1", exercise: Exercise(id: "x", version: 1, title: .init(en: "X", nl: "X"),
                                                       intro: .init(en: "", nl: ""), minutes: 1, principles: [],
                                                       practices: [], sources: [], steps: []),
                          language: .nl, startedAt: "2025-01-01T10:00:00+01:00")
        var answer = Answer(stepId: "who", kind: .list, prompt: "Over Sanne Bakker:", item: 0, itemText: "Sanne Bakker")
        answer.items = ["Sanne Bakker", "06-12345678"]
        answer.text = "mevrouw Jansen"
        answer.action = "bel 020 - 555 12 34"
        entry.answers = [answer]
        entry.commitments = [Commitment(id: "c", stepId: "do", action: "mail jan at example dot nl",
                                        due: CalendarDay("2025-02-01")!,
                                        history: [CommitmentEvent(at: "now", status: .done, reflection: "Pieter de Vries blij")])]
        entry.coachNotes = [CoachNote(author: "Coach", at: "now", text: "Vraag K. Özdemir")]
        let json = JSONOutput.string(Redactor().redact(entry))
        for leak in ["Sanne", "Bakker", "Jansen", "12345678", "555", "example", "Pieter", "Vries", "Özdemir"] {
            #expect(!json.contains(leak), "\(leak) leaks: \(json)")
        }
        #expect(json.contains("2025-02-01"), "the due date stays")
    }
}
