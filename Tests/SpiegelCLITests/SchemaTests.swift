import Foundation
import Testing

/// Real outputs (a journal's manifest and entries, export bundles, a feedback bundle) against docs/schema/.
@Suite("File formats match their JSON Schemas")
struct SchemaTests {
    static let validator = PackageRoot.path + "/Scripts/validate-schemas.py"
    static let schemas = PackageRoot.path + "/docs/schema"

    static func requireValidator() throws {
        guard Python.available else { try Test.cancel("python3 is not available: the schemas cannot be checked") }
        guard Python.hasJSONSchema else { try Test.cancel("python3 has no jsonschema module: the schemas cannot be checked") }
    }

    @Test func journalBundlesAndFeedbackAreValid() throws {
        try Self.requireValidator()
        let client = Sandbox("spiegel-schema-client"), coach = Sandbox("spiegel-schema-coach")
        try completeExercise("most-satisfied-customer", text: CoachWorkflowTests.answer, sandbox: client)
        try completeExercise("small-gesture-plan", text: "een klein gebaar", sandbox: client)
        let listed = try spiegel(["commitments", "--json"], sandbox: client)
        let commitment = try #require((try json(listed.stdout) as? [[String: Any]])?.first?["id"] as? String, "\(listed)")
        let done = try spiegel(["done", commitment, "it", "went", "well"], sandbox: client)
        #expect(done.status == 0, "\(done)")
        let entries = client.snapshot(client.entries).values.map { String(decoding: $0, as: UTF8.self) }
        #expect(entries.contains { $0.contains("\"done\"") && $0.contains("it went well") }, "the done commitment is in an entry file")

        let bundle = try CoachWorkflowTests.exportBundle(client, as: "Anna", file: "anna.json")
        let redacted = try spiegel(["export", "--format", "json", "--redact", "--as", "Anna", "--output", "anna-redacted.json"], sandbox: client)
        #expect(redacted.status == 0, "\(redacted)")
        let ids = try journalIDs(sandbox: client)
        let review = try spiegel(["review", bundle, "--run", "note \(ids[0]) Goed gedaan", "--run", "feedback Anna --output fb.json"], sandbox: coach)
        #expect(review.status == 0, "\(review)")
        let feedback = coach.root + "/fb.json"
        #expect(FileManager.default.fileExists(atPath: feedback), "\(review)")

        let result = try runTool(["python3", Self.validator, Self.schemas, client.journal, bundle,
                                  client.root + "/anna-redacted.json", feedback], in: PackageRoot.path)
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.split(separator: "\n").last == "valid", "\(result)")
    }

    @Test func aBrokenBundleFailsValidation() throws {
        try Self.requireValidator()
        let sandbox = Sandbox()
        try completeExercise("small-gesture-plan", text: "een klein gebaar", sandbox: sandbox)
        let bundle = try CoachWorkflowTests.exportBundle(sandbox, as: "Anna", file: "anna.json")
        var object = try jsonObject(try Data(contentsOf: URL(fileURLWithPath: bundle)))
        object["kind"] = "oops"
        let broken = try sandbox.write(try JSONSerialization.data(withJSONObject: object), to: "broken.json")

        let good = try runTool(["python3", Self.validator, Self.schemas, sandbox.journal, bundle], in: PackageRoot.path)
        #expect(good.status == 0, "the unbroken bundle is valid: \(good)")
        let bad = try runTool(["python3", Self.validator, Self.schemas, sandbox.journal, broken], in: PackageRoot.path)
        #expect(bad.status != 0, "\"kind\": \"oops\" must not validate: \(bad)")
        #expect(bad.stdout.contains("INVALID") && bad.stdout.contains("oops"), "\(bad)")

        // A broken entry file fails too.
        let entry = try #require(sandbox.files(in: sandbox.entries).first)
        var entryObject = try jsonObject(try Data(contentsOf: URL(fileURLWithPath: sandbox.entries + "/" + entry)))
        entryObject["schemaVersion"] = "one"
        let elsewhere = Sandbox()
        try FileManager.default.createDirectory(atPath: elsewhere.entries, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: sandbox.journal + "/journal.json", toPath: elsewhere.journal + "/journal.json")
        try elsewhere.write(try JSONSerialization.data(withJSONObject: entryObject), to: elsewhere.entries + "/" + entry)
        let badEntry = try runTool(["python3", Self.validator, Self.schemas, elsewhere.journal], in: PackageRoot.path)
        #expect(badEntry.status != 0, "an entry with a text schemaVersion must not validate: \(badEntry)")
    }
}
