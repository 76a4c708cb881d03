import Foundation
import SpiegelCore
import Testing

/// One table of limits for input, import, review and export: what Spiegel saves it can export and import
/// again, and what a bundle brings beyond the limits (or addressed to someone else) is refused before
/// anything is written.
@Suite("Limits that hold both ways")
struct LimitsBothWaysTests {
    static let env = ["NO_COLOR": "1"]

    func entryID(_ sandbox: Sandbox) throws -> String {
        try #require(sandbox.files(in: sandbox.entries).first { $0.hasSuffix(".json") }).replacingOccurrences(of: ".json", with: "")
    }

    @Test func whatIsSavedCanBeExportedAndImportedAgain() throws {
        // Answers up to the limit, in one-byte and two-byte characters, are saved and travel; one byte more is refused.
        let limit = EntryLimits.answerBytes
        for (answer, kept) in [(String(repeating: "x", count: limit), true), (String(repeating: "é", count: limit / 2), true),
                               (String(repeating: "é", count: limit / 2) + "x", false), (String(repeating: "y", count: 200_000), false)] {
            let sandbox = Sandbox("spiegel-limits")
            let run = try spiegel([], input: "start small-gesture-plan\n\(answer)\nchair\n\nthe chair\nskip\n\noffer water\nin 3 days\n4\n",
                                  sandbox: sandbox, environment: Self.env)
            guard kept else {
                #expect(run.status == 65 && run.stderr.contains("longer than 64 KB"), "\(answer.utf8.count) bytes: \(run)")
                #expect(sandbox.files(in: sandbox.entries).filter { $0.hasSuffix(".json") }.isEmpty, "nothing saved")
                continue
            }
            #expect(run.status == 0, "\(answer.utf8.count) bytes: \(run)")
            let export = try spiegel(["export", "--output", "all.json"], sandbox: sandbox, environment: Self.env)
            #expect(export.status == 0, "\(export)")
            let imported = try spiegel(["import", "all.json", "--journal", "again"], sandbox: sandbox, environment: Self.env)
            #expect(imported.status == 0 && imported.stdout.contains("1"), "\(answer.utf8.count) bytes: \(imported)")
            let review = try spiegel(["review", "all.json", "--run", "clients"], sandbox: sandbox, environment: Self.env)
            #expect(review.status == 0, "\(review)")
        }
    }

    @Test func checkInFieldsKeepTheLimitToo() throws {
        let sandbox = Sandbox("spiegel-limits")
        try completeExercise("small-gesture-plan", text: "een klein gebaar", sandbox: sandbox)
        let list = try spiegel(["commitments", "--json"], sandbox: sandbox, environment: Self.env)
        let id = try #require((try json(list.stdout) as? [[String: Any]])?.first?["id"] as? String)
        let before = try Data(contentsOf: URL(fileURLWithPath: sandbox.entries + "/" + (try entryID(sandbox)) + ".json"))
        let long = String(repeating: "z", count: 100_000)
        for arguments in [["done", id, "--did", long], ["dropped", id, long]] {
            let run = try spiegel(arguments, sandbox: sandbox, environment: Self.env)
            #expect(run.status == 65 && run.stderr.contains("64 KB"), "\(run.stderr)")
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: sandbox.entries + "/" + (try entryID(sandbox)) + ".json")) == before)
    }

    /// A feedback bundle as a coach's spiegel writes it, with `notes` for this journal.
    func feedback(_ notes: [[String: Any]], journal: String?) throws -> Data {
        var bundle: [String: Any] = ["format": "spiegel-bundle", "schemaVersion": 1, "kind": "feedback",
                                     "exportedAt": "2026-12-01T10:00:00+00:00", "exporter": "coach", "exercises": [],
                                     "entries": [], "notes": notes]
        if let journal { bundle["journal"] = journal }
        return try JSONSerialization.data(withJSONObject: bundle)
    }

    func note(_ entry: String, _ text: String, client: String = "Anna", journal: String? = nil) -> [String: Any] {
        var note: [String: Any] = ["entryId": entry, "client": client, "author": "coach", "at": "2026-12-01T10:00:00+00:00", "text": text]
        if let journal { note["journal"] = journal }
        return note
    }

    @Test func feedbackNotesAreBoundedAndAddressed() throws {
        let sandbox = Sandbox("spiegel-limits")
        try completeExercise("small-gesture-plan", text: "een klein gebaar", sandbox: sandbox)
        let id = try entryID(sandbox)
        let entryPath = sandbox.entries + "/" + id + ".json"
        let before = try Data(contentsOf: URL(fileURLWithPath: entryPath))
        let manifest = try jsonObject(Data(contentsOf: URL(fileURLWithPath: sandbox.journal + "/journal.json")))
        let journal = try #require(manifest["id"] as? String, "a new journal has an id")

        // The coach's round trip: the export names the journal, the feedback is addressed to it.
        #expect(try spiegel(["export", "--as", "Anna", "--output", "anna.json"], sandbox: sandbox).status == 0)
        let exported = try jsonObject(Data(contentsOf: URL(fileURLWithPath: sandbox.root + "/anna.json")))
        #expect(exported["journal"] as? String == journal)
        let coach = try spiegel(["review", "anna.json", "--run", "note \(id) goed gedaan", "--run", "feedback Anna --output fb.json"],
                                sandbox: sandbox, environment: Self.env)
        #expect(coach.status == 0, "\(coach)")
        let written = try jsonObject(Data(contentsOf: URL(fileURLWithPath: sandbox.root + "/fb.json")))
        #expect(written["journal"] as? String == journal && (written["notes"] as? [[String: Any]])?.first?["journal"] as? String == journal)

        // Refused before anything is written: too many notes in a bundle, too many for one entry, another journal's notes.
        let refused: [(String, Data, String)] = [
            ("10,001 notes", try feedback((0...EntryLimits.notesPerBundle).map { note(id, "n\($0)") }, journal: journal), "more than 10000 notes"),
            ("1,001 notes on one entry", try feedback((0...EntryLimits.notesPerEntry).map { note(id, "n\($0)") }, journal: journal),
             "more than 1000 coach notes"),
            ("a bundle for another journal", try feedback([note(id, "hallo", client: "Bob")], journal: "0123456789abcdef"), "Bob"),
            ("a note for another journal", try feedback([note(id, "hallo"), note(id, "psst", client: "Bob", journal: "0123456789abcdef")],
                                                       journal: nil), "Bob"),
            ("a note of 17 KB", try feedback([note(id, String(repeating: "n", count: 17_000))], journal: journal), "longer than 16 KB"),
        ]
        for (what, data, says) in refused {
            let path = try sandbox.write(data, to: "bad.json")
            let run = try spiegel(["import", path], sandbox: sandbox, environment: Self.env)
            #expect(run.status == 65 && run.stderr.contains(says), "\(what): \(run)")
            #expect(try Data(contentsOf: URL(fileURLWithPath: entryPath)) == before, "\(what): the entry is unchanged")
        }

        // The coach's own bundle is attached, and so are 1,000 notes; the entry can still be read.
        let attached = try spiegel(["import", "fb.json"], sandbox: sandbox, environment: Self.env)
        #expect(attached.status == 0, "\(attached)")
        let many = try sandbox.write(try feedback((1..<EntryLimits.notesPerEntry).map { note(id, "n\($0)", journal: journal) }, journal: journal),
                                     to: "many.json")
        #expect(try spiegel(["import", many], sandbox: sandbox, environment: Self.env).status == 0)
        let shown = try spiegel(["entry", id, "--json"], sandbox: sandbox, environment: Self.env)
        let notes = (try json(shown.stdout) as? [String: Any])?["coachNotes"] as? [Any]
        #expect(shown.status == 0 && notes?.count == 1_000, "\(shown.stderr)")
        let doctor = try spiegel(["doctor"], sandbox: sandbox, environment: Self.env)
        #expect(doctor.status == 0, "\(doctor)")
    }

    @Test func oneIDTwiceInABundleIsRefusedByImportAndReview() throws {
        let sandbox = Sandbox("spiegel-limits")
        try completeExercise("small-gesture-plan", text: "een klein gebaar", sandbox: sandbox)
        #expect(try spiegel(["export", "--output", "all.json"], sandbox: sandbox).status == 0)
        var bundle = try jsonObject(Data(contentsOf: URL(fileURLWithPath: sandbox.root + "/all.json")))
        var entries = try #require(bundle["entries"] as? [[String: Any]])
        var copy = entries[0]
        copy["answers"] = []
        entries.append(copy)
        bundle["entries"] = entries
        let path = try sandbox.write(try JSONSerialization.data(withJSONObject: bundle), to: "twice.json")
        let id = try #require(copy["id"] as? String)
        for arguments in [["import", path, "--journal", "other"], ["review", path, "--run", "clients"]] {
            let run = try spiegel(arguments, sandbox: sandbox, environment: Self.env)
            #expect(run.status == 65 && run.stderr.contains("entry \(id) appears twice"), "\(arguments): \(run)")
        }
        #expect(!FileManager.default.fileExists(atPath: sandbox.root + "/other/entries/\(id).json"), "nothing imported")
    }
}
