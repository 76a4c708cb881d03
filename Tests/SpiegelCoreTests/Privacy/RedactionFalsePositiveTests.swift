import Foundation
import SpiegelContent
import Testing
@testable import SpiegelCore

/// What must stay: the shipped knowledge texts and exercise prompts (no customer data in them), ordinary
/// capitalised words at the start of a sentence, dates of appointments and due dates.
@Suite struct RedactionFalsePositiveTests {
    @Test func atMostOneWordInAHundredOfTheShippedContentIsMasked() {
        let texts = KnownWords.texts(of: KnowledgeGraph.curated())
        let redactor = Redactor()
        var words = 0, maskedWords = 0
        var masked: [String] = []
        for text in texts {
            for language in Language.allCases {
                guard let string = text[language] else { continue }
                let (normalised, spans) = redactor.spans(in: string)
                words += normalised.split(whereSeparator: \.isWhitespace).count
                for span in spans {
                    let part = normalised[span.range]
                    maskedWords += part.split(whereSeparator: \.isWhitespace).count
                    masked.append("\(span.kind.label) \(part)")
                }
            }
        }
        let share = Double(maskedWords) / Double(words)
        print("false positives on the shipped content: \(maskedWords) of \(words) words masked ("
              + String(format: "%.2f%%", share * 100) + "): " + masked.joined(separator: "; "))
        #expect(words > 5_000, "the content is all there: \(words) words")
        #expect(share <= 0.01, "\(maskedWords) of \(words) words masked: \(masked)")
    }

    @Test(arguments: [
        "Daarna belde ik de klant terug.", "Vandaag ging het gesprek beter dan verwacht.", "Morgen bel ik haar op.",
        "Gisteren had ik een lastig gesprek.", "Then I asked what she needed.", "Next time I will listen first.",
        "Tomorrow I call him back.", "Mark the calendar for the review.", "Will you call her back?",
        "Afspraak op 12-03-2025 om 10.30 uur.", "We zien elkaar op 4 juli 2025.", "Meeting on 14 February 2025 at 10:00.",
        "Klaar voor 2025-03-14.", "Due 2025-03-14, then evaluate.", "Bel haar terug (2025-03-14).",
        "Het team van 12 mensen handelde 1500 klachten af in 2024.", "Stap 1, 2 en 3 gaan over luisteren.",
        "De Klant Centraal-aanpak werkt.", "Ik stelde drie vragen: Wat? Waarom? Hoe?", "Op 3 maart komt de monteur.",
        "Between 2019 and 2024 complaints fell by 40%.", "Het kost € 1.250,00 per jaar.",
        "Ik woon in Den Haag en lees De Telegraaf.", "Ticket 1234567890 staat open.", "Versie 1.2.3 van de app.",
        "We gebruiken Microsoft Teams en Google Drive.", "In Amsterdam Noord is het rustig.",
    ])
    func ordinaryTextStays(_ text: String) {
        #expect(Redactor().redact(text) == text)
    }
}
