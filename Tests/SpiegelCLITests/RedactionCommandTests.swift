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
            // Each person and number has its own numbered mask, the same in every format.
            let labels = ["[name 1]", "[phone 1]", "[address 1]", "[postcode 1]", "[iban 1]"]
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
        let shown = english.stdout.contains("[phone 1]") && english.stdout.contains("«06–12345678»")
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

/// What people type after an exercise is redacted too: the if-then plan's situation and every check-in
/// field, in every format and in the preview, with one number per person across them; a redacted bundle
/// is not imported as someone's own entries without a word.
@Suite("Redaction of plans and check-ins, and redacted bundles", .serialized)
struct CheckInRedactionTests {
    static let secrets = ["Zwanet", "Quaak", "23456789", "quaak@example.org", "Kerkstraat", "NL91ABNA0417164300"]

    static func journal(_ sandbox: Sandbox) throws {
        let now = ["--now", "2026-12-10"]
        let plan = CommitmentCheckInCommandTests.gesture("als mevrouw Zwanet Quaak weer belt, dan bel ik haar terug", "2026-12-20")
        let other = CommitmentCheckInCommandTests.gesture("een stoel aanbieden", "2026-12-21")
        let script = try spiegel(now, input: plan + other, sandbox: sandbox)
        #expect(script.status == 0, "\(script)")
        let listed = try spiegel(["commitments", "--json", "--all"], sandbox: sandbox)
        let commitments = try #require(try json(listed.stdout) as? [[String: Any]])
        let ids = commitments.compactMap { $0["id"] as? String }
        #expect(ids.count == 2, "\(listed.stdout)")
        let planned = try #require(commitments.first { ($0["situation"] as? String)?.contains("Quaak") == true }?["id"] as? String)
        let chair = try #require(ids.first { $0 != planned })
        let moved = try spiegel(now + ["moved", planned, "2026-12-24", "Quaak", "was", "er", "niet"], sandbox: sandbox)
        #expect(moved.status == 0, "\(moved)")
        let done = try spiegel(now + ["done", planned, "--did", "Belde Zwanet Quaak terug op 06-23456789",
                                      "--reaction", "Quaak mailde daarna vanaf quaak@example.org",
                                      "--learned", "Quaak wil gebeld worden", "--next", "Rekening NL91ABNA0417164300 nakijken"],
                               sandbox: sandbox)
        #expect(done.status == 0, "\(done)")
        let dropped = try spiegel(now + ["dropped", chair, "--why", "Quaak verhuisde naar Kerkstraat 12"], sandbox: sandbox)
        #expect(dropped.status == 0, "\(dropped)")
    }

    @Test func plansAndCheckInsAreRedactedInEveryFormat() throws {
        let sandbox = Sandbox()
        try Self.journal(sandbox)
        for format in ["json", "md", "html", "csv", "ics"] {
            let plain = try spiegel(["export", "--format", format], sandbox: sandbox)
            #expect(plain.stdout.contains("Quaak"), "\(format): the check-ins are in the export at all")
            let redacted = try spiegel(["export", "--format", format, "--redact", "--lang", "nl"], sandbox: sandbox)
            #expect(redacted.status == 0, "\(redacted.stderr)")
            let text = format == "md" ? redacted.stdout.replacingOccurrences(of: "\\", with: "") : redacted.stdout
            let leaked = Self.secrets.filter { text.contains($0) }
            #expect(leaked.isEmpty, "\(format) leaks \(leaked)")
            #expect(text.contains("[naam 1]"), "\(format): Dutch numbered masks")
            #expect(!text.contains("[naam 2]"), "\(format): Zwanet Quaak is one person in every mention")
        }
    }

    @Test func thePreviewScansPlansAndCheckIns() throws {
        let sandbox = Sandbox()
        try Self.journal(sandbox)
        let preview = try spiegel(["export", "--redact", "--preview", "--json"], sandbox: sandbox)
        #expect(preview.status == 0, "\(preview)")
        let object = try jsonObject(preview.stdoutData)
        let masked = object["masked"] as? [[String: Any]] ?? []
        let fields = Set(masked.flatMap { $0["fields"] as? [String] ?? [] })
        for field in ["situation", "reflection", "checkInDid", "checkInReaction", "checkInLearned", "checkInNext", "checkInWhy"] {
            #expect(fields.contains(field), "the preview names \(field): \(fields)")
        }
        let names = masked.filter { $0["kind"] as? String == "name" }
        #expect(names.count == 1 && names.first?["mask"] as? String == "[name 1]", "one person, one mask: \(names)")
        let screen = try spiegel(["export", "--redact", "--preview", "--lang", "nl"], sandbox: sandbox, environment: ["NO_COLOR": "1"])
        #expect(screen.stdout.contains("[naam 1]") && screen.stdout.contains("check-ins (wat je deed)"), "\(screen.stdout)")
        #expect(!screen.stdout.contains("Niets gevonden"), "\(screen.stdout)")
    }

    @Test func aRedactedBundleIsNotImportedAsOnesOwnWithoutForce() throws {
        let client = Sandbox()
        try Self.journal(client)
        let export = try spiegel(["export", "--format", "json", "--redact", "--output", "redacted.json"], sandbox: client)
        #expect(export.status == 0, "\(export)")
        let bundle = try jsonObject(try Data(contentsOf: URL(fileURLWithPath: client.root + "/redacted.json")))
        #expect(bundle["redacted"] as? Bool == true, "the bundle says it is redacted")
        let other = Sandbox()
        let refused = try spiegel(["import", client.root + "/redacted.json"], sandbox: other)
        #expect(refused.status == 65 && refused.stderr.contains("--force"), "\(refused)")
        #expect(try journalIDs(sandbox: other).isEmpty, "nothing was imported")
        let forced = try spiegel(["import", "--force", client.root + "/redacted.json"], sandbox: other)
        #expect(forced.status == 0, "\(forced)")
        #expect(try journalIDs(sandbox: other).count == 2)
    }
}
