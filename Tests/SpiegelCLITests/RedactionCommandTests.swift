import Foundation
import Testing

/// `export --redact`, `--redact-words` and `--preview` through the real binary, in every format.
@Suite("Redaction: every format, the word list, the preview")
struct RedactionCommandTests {
    static let answer = "Ik sprak mevrouw Jansen (06–12345678) op Keizersgracht 123, 1015 CJ; Groenewoud belde, "
        + "rekening nl91-abna-0417-1643-00"
    static let leaks = ["Jansen", "12345678", "Keizersgracht", "1015 CJ", "abna"]

    @Test func everyFormatIsRedactedAndTheNameOfTheClientToo() throws {
        let sandbox = Sandbox()
        try CoachWorkflowTests.client(sandbox, text: Self.answer)
        for format in ["md", "html", "csv", "json"] {
            let result = try spiegel(["export", "--format", format, "--redact"], sandbox: sandbox,
                                     environment: ["USER": "annavisser"])
            #expect(result.status == 0, "\(result.stderr)")
            // Markdown escapes punctuation (`\[name\]`): compare the text as it reads.
            let text = format == "md" ? result.stdout.replacingOccurrences(of: "\\", with: "") : result.stdout
            let leaked = Self.leaks.filter { text.contains($0) }
            #expect(leaked.isEmpty, "\(format) leaks \(leaked)")
            let labels = ["[name]", "[phone]", "[address]", "[postcode]", "[iban]"]
            let missing = labels.filter { !text.contains($0) }
            #expect(missing.isEmpty, "\(format) lacks the labels \(missing)")
            #expect(!text.contains("annavisser"), "\(format): the user name is not in a redacted export")
            #expect(text.contains("Groenewoud"), "an unlisted lone surname is left (the preview lists it)")
        }
        let named = try spiegel(["export", "--format", "md", "--redact", "--as", "Anna"], sandbox: sandbox)
        #expect(named.stdout.contains("Anna"), "--as names the export")
    }

    @Test func aWordListWithAByteOrderMarkMasksItsFirstName() throws {
        let sandbox = Sandbox()
        try CoachWorkflowTests.client(sandbox, text: Self.answer)
        let words = try sandbox.write(Data([0xEF, 0xBB, 0xBF]) + Data("Groenewoud\r\n# klanten\n".utf8), to: "words.txt")
        let result = try spiegel(["export", "--format", "md", "--redact-words", words], sandbox: sandbox)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!result.stdout.contains("Groenewoud"))

        let utf16 = try sandbox.write(Data([0xFF, 0xFE, 0x47, 0x00]), to: "utf16.txt")
        let refused = try spiegel(["export", "--redact-words", utf16], sandbox: sandbox)
        #expect(refused.status == 65 && refused.stderr.contains("UTF-16"), "\(refused)")
    }

    @Test func thePreviewShowsMaskedSpansAndPossibleNamesInBothLanguages() throws {
        let sandbox = Sandbox()
        try CoachWorkflowTests.client(sandbox, text: Self.answer)
        let english = try spiegel(["export", "--redact", "--preview", "--lang", "en"], sandbox: sandbox,
                                  environment: ["NO_COLOR": "1"])
        #expect(english.status == 0, "\(english.stderr)")
        let shown = english.stdout.contains("[phone]") && english.stdout.contains("«06–12345678»")
            && english.stdout.contains("«Keizersgracht 123»")
        #expect(shown, "each masked span in context: \(english.stdout)")
        #expect(english.stdout.contains("Possibly names, not masked") && english.stdout.contains("«Groenewoud»"))
        #expect(!english.stdout.contains("spiegel-bundle"), "a preview is not the export")

        let dutch = try spiegel(["export", "--redact", "--preview", "--lang", "nl"], sandbox: sandbox,
                                environment: ["NO_COLOR": "1"])
        #expect(dutch.stdout.contains("Gemaskeerd") && dutch.stdout.contains("Mogelijk namen"), "\(dutch.stdout)")

        let json = try spiegel(["export", "--redact", "--preview", "--json"], sandbox: sandbox)
        let object = try jsonObject(json.stdoutData)
        let names = (object["possibleNames"] as? [[String: Any]] ?? []).compactMap { $0["word"] as? String }
        #expect(names.contains("Groenewoud"), "\(names)")

        let alone = try spiegel(["export", "--preview"], sandbox: sandbox)
        #expect(alone.status == 64, "--preview needs --redact: \(alone)")
    }
}
