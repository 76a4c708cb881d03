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

    @Test func aNumberThatFailsItsCheckIsNotCalledAnIbanOrABSNUnlessItsLabelOrShapeSaysSo() {
        #expect(!Redactor().redact("DE89 3704 0044 0532 0130 01").contains("[iban]"), "a German number with a wrong check")
        #expect(!Redactor().redact("nummer 123456789").contains("[bsn]"))
        // A mistyped customer's number is still the customer's number.
        #expect(Redactor().redact("NL92ABNA0417164300") == "[iban]", "the Dutch shape is enough")
        #expect(Redactor().redact("BSN: 312784378") == "BSN: [bsn]", "after its label, whatever the check digit")
        #expect(Redactor().redact("IBAN BE68 5390 0754 7035 en verder") == "IBAN [iban] en verder")
        #expect(Redactor().redact("rijksregisternummer 85.07.30-033.29") == "rijksregisternummer [national number]")
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

/// The Belgian forms and the names a careful reader finds, each as the issue names it.
@Suite struct BelgianAndNameExampleTests {
    @Test(arguments: [
        ("RR-nummer 85.07.30-033.28.", "RR-nummer [national number]."),
        ("Zijn nummer is 85073003328.", "Zijn nummer is [national number]."),
        ("Haar nummer: 03.04.12-245.97.", "Haar nummer: [national number]."),
        ("Ze woont in 2000 Antwerpen.", "Ze woont in [postcode] Antwerpen."),
        ("Leopoldlei 14 bus 3, 2930 Brasschaat", "[address], [postcode] Brasschaat"),
        ("Steenweg op Gent 45/2", "[address]"),
        ("Chaussée de Louvain 200", "[address]"),
        ("Auto 1-ABC-234 en 1ABC234.", "Auto [plate] en [plate]."),
        ("Bel 03 234 56 78 of 03/234.56.78.", "Bel [phone] of [phone]."),
        ("gsm 0470 12 34 56", "gsm [phone]"),
        ("Tel +32 470 12 34 56.", "Tel [phone]."),
        ("Mevrouw ° 3/3/1961.", "Mevrouw ° [date of birth]."),
        ("Geboren 3.3.1961.", "Geboren [date of birth]."),
        ("Ik sprak mijnheer Peeters.", "Ik sprak mijnheer [name]."),
        ("Lieve Peeters belde.", "[name] belde."),
        ("Fatima belde.", "[name] belde."),
        ("fatima belde.", "[name] belde."),
        ("Tomasz Kowalczyk kwam langs.", "[name] kwam langs."),
        ("Ik hielp Fatima's zoon.", "Ik hielp [name]'s zoon."),
        ("Ik kocht brood bij de bakker op de hoek.", "Ik kocht brood bij de bakker op de hoek."),
        ("Er zat een mees in de tuin.", "Er zat een mees in de tuin."),
        ("Ik nam De Lijn naar Albert Heijn.", "Ik nam De Lijn naar Albert Heijn."),
        ("We zaten in Hotel De Wereld bij het Anne Frank Huis.", "We zaten in Hotel De Wereld bij het Anne Frank Huis."),
        ("Artikel TX-400-B is op.", "Artikel TX-400-B is op."),
        ("Ondernemingsnummer 0212.345.678.", "Ondernemingsnummer 0212.345.678."),
    ])
    func issueExample(_ example: (String, String)) {
        #expect(Redactor().redact(example.0) == example.1)
    }

    @Test func onePersonOneNumberInEveryMention() {
        var first = Entry(id: "20260301-090000-abcdef", exercise: KnowledgeGraph.curated().exercises[0], language: .nl,
                          startedAt: "2026-03-01T09:00:00+01:00")
        var answer = Answer(stepId: "a", kind: .text, prompt: "?")
        answer.text = "Mevrouw Bakker belde met Piet de Vries. Bakker was boos; ik belde 06-12345678."
        first.answers = [answer]
        var second = first
        second.id = "20260302-090000-abcdef"
        second.answers[0].text = "De Vries kwam terug, Bakker niet. Nummer 06-12345678 werkte."
        let redaction = ExportRedaction(redactor: Redactor(), entries: [first, second])
        #expect(redaction.redact(first).answers[0].text == "Mevrouw [name 1] belde met [name 2]. [name 1] was boos; ik belde [phone 1].")
        #expect(redaction.redact(second).answers[0].text == "[name 2] kwam terug, [name 1] niet. Nummer [phone 1] werkte.")
    }
}
