import Foundation
import Testing

/// `mirror` through the binary: its JSON validates against docs/schema/mirror.schema.json (Python's
/// jsonschema) and the screen speaks the session's language.
@Suite struct MirrorCommandTests {
    @Test func theMirrorsJSONFollowsItsSchemaAndTheScreenItsLanguage() throws {
        let sandbox = Sandbox("spiegel-mirror")
        try completeExercise("small-gesture-plan", times: 3, text: "wachten bij de balie", sandbox: sandbox)
        let run = try spiegel(["mirror", "--json"], sandbox: sandbox)
        #expect(run.status == 0, "\(run)")
        let object = try #require(try json(run.stdout) as? [String: Any])
        let themes = object["themes"] as? [[String: Any]] ?? []
        #expect(themes.contains { $0["term"] as? String == "balie" && $0["count"] as? Int == 3 }, "\(themes)")
        if Python.hasJSONSchema {
            let file = try sandbox.write(run.stdout, to: "mirror.json")
            let check = """
                import json, sys, jsonschema
                jsonschema.validate(json.load(open(sys.argv[1])), json.load(open(sys.argv[2])))
                print("valid")
                """
            let result = try runTool(["python3", "-c", check, file, PackageRoot.path + "/docs/schema/mirror.schema.json"])
            #expect(result.stdout.contains("valid"), "\(result)")
        }
        let dutch = try spiegel(["--lang", "nl", "mirror", "--period", "week"], sandbox: sandbox, environment: ["NO_COLOR": "1"])
        #expect(dutch.status == 0 && dutch.stdout.contains("Oefening per principe") && dutch.stdout.contains("In je eigen woorden"), "\(dutch)")
        let bad = try spiegel(["mirror", "--period", "decade"], sandbox: sandbox)
        #expect(bad.status == 64)
    }

    @Test func coachesSeeTheTeamAndEachClientsMirror() throws {
        let anna = Sandbox("spiegel-mirror"), bert = Sandbox("spiegel-mirror")
        try completeExercise("small-gesture-plan", times: 2, text: "koffie bij de balie", sandbox: anna)
        try completeExercise("most-satisfied-customer", text: "een tevreden gast", sandbox: bert)
        let a = try CoachWorkflowTests.exportBundle(anna, as: "Anna", file: "anna.json")
        let b = try CoachWorkflowTests.exportBundle(bert, as: "Bert", file: "bert.json")
        let team = try spiegel(["review", a, b, "--run", "team"], sandbox: anna, environment: ["NO_COLOR": "1"])
        #expect(team.status == 0, "\(team)")
        let lines = team.stdout.split(separator: "\n")
        #expect(lines.count == 2 && lines[0].hasPrefix("Anna") && lines[0].contains("2 entries") && lines[1].contains("1 entry"), "\(team.stdout)")
        let mirror = try spiegel(["review", a, "--run", "mirror Anna", "--json"], sandbox: anna)
        let object = try #require(try json(mirror.stdout) as? [String: Any], "\(mirror)")
        #expect((object["themes"] as? [[String: Any]])?.contains { $0["term"] as? String == "koffie" } == true)
    }
}
