#if os(Linux) || os(macOS)
import Foundation
import Testing

/// Lists show ids shortened to their shortest unique start (at least the day), and that start works
/// wherever an id is asked for.
@Suite struct ShortIDListTests {
    /// The shortest start of `id` of at least 8 characters that no other id shares.
    static func expected(_ id: String, among ids: [String]) -> String {
        for length in 8...id.count where !ids.contains(where: { $0 != id && $0.hasPrefix(String(id.prefix(length))) }) {
            return String(id.prefix(length))
        }
        return id
    }

    @Test func journalAndCommitmentsShowShortIDsThatCommandsTake() throws {
        let sandbox = Sandbox()
        // Three entries on one day (their ids share the day) and one on another.
        try completeExercise("small-gesture-plan", times: 3, text: "a word at the desk", options: ["--now", "2026-11-20T10:00:00Z"], sandbox: sandbox)
        try completeExercise("small-gesture-plan", text: "a word at the desk", options: ["--now", "2026-11-24T10:00:00Z"], sandbox: sandbox)
        let ids = try journalIDs(sandbox: sandbox)
        #expect(ids.count == 4)
        let listing = try spiegel(["journal", "--now", "2026-11-25"], sandbox: sandbox, environment: ["NO_COLOR": "1"]).stdout
        for id in ids {
            let short = Self.expected(id, among: ids)
            #expect(listing.contains("  \(short)  small-gesture-plan"), "\(short) in\n\(listing)")
            #expect(!listing.contains(id) || short == id, "the whole id \(id) is not shown")
            let entry = try spiegel(["entry", short, "--json"], sandbox: sandbox)
            #expect(entry.status == 0 && entry.stdout.contains(id), "entry \(short): \(entry.stderr)")
        }
        #expect(ids.contains { Self.expected($0, among: ids).count > 8 }, "entries of one day need more than the day")
        #expect(ids.contains { Self.expected($0, among: ids).count == 8 }, "a lone day is enough")

        let commitments = try spiegel(["commitments", "--now", "2026-11-25"], sandbox: sandbox, environment: ["NO_COLOR": "1"]).stdout
        let lone = try #require(ids.first { Self.expected($0, among: ids).count == 8 })
        let short = Self.expected(lone, among: ids)
        #expect(commitments.contains(short + "  [open]"), "\(commitments)")
        #expect(!commitments.contains(lone + ".1"), "\(commitments)")
        let done = try spiegel(["done", short, "--now", "2026-11-25"], sandbox: sandbox)
        #expect(done.status == 0, "done \(short): \(done.stderr)")
        #expect(done.stdout.contains("[done]"), "\(done.stdout)")
    }
}
#endif
