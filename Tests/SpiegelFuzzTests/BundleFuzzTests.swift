import Foundation
import SpiegelCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The bundle importer: `ExchangeBundle.read`, then `BundleImporter.merge` (twice) into a fresh copy of a
/// small journal in a temporary directory, and `JournalStore.decodeEntry` on the raw input.
enum BundleFuzz {
    static let bundlePath = "fuzz-bundle.json"
    static let entryPath = "fuzz-entry.json"
    /// What a journal directory may hold.
    static let journalNames: Set<String> = ["journal.json", "entries", "drafts", ".lock", ".lock-update", ".index.sqlite", ".index.sqlite-journal"]

    static let dictionary: [[UInt8]] = [
        "{", "}", "[", "]", "\"", ":", ",", "null", "true", "false", "\"\"", "{}", "[]", "\\u0000", "\\ud800",
        "\\udc00", "\\\"", "\\\\", "\\n", "\\r\\n", "1e999", "-0", "0.5", "\"format\": \"spiegel-bundle\"",
        "\"schemaVersion\": 2", "\"schemaVersion\"", "\"kind\": \"feedback\"", "\"kind\": \"entries\"", "\"entries\"",
        "\"notes\"", "\"exercises\"", "\"exportedAt\"", "\"exporter\"", "\"entryId\"", "\"client\"", "\"author\"",
        "\"at\"", "\"text\"", "\"id\"", "\"completedAt\"", "\"startedAt\"", "\"principles\"", "\"practices\"",
        "\"answers\"", "\"commitments\"", "\"coachNotes\"", "\"confidence\"", "\"due\"", "\"status\"", "\"history\"",
        "\"language\"", "\"nl\"", "\"en\"", "\"2026-02-29\"", "\"2024-02-29\"", "\"0000-01-01\"", "\"9999-12-31\"",
        "\"2026-11-23T09:15:02+01:00\"", "\"9999-12-31T23:59:59-14:00\"", "\"0000-01-01T00:00:00+14:00\"",
        "\"../x\"", "\"a/b\"", "\"ABC\"", "\"\\t\"", "\",\"", "\"a,b\"", "\"x\\r\\ny\"",
    ].map { Array($0.utf8) }

    /// The directories one run works in: `template/journal` (made once) and `run/journal` (a fresh copy per input).
    struct Workspace: Sendable {
        var root: String
        var template: String { root + "/template" }
        var run: String { root + "/run" }
        var templateEntries: [String: Data]
    }

    static func makeTarget() -> FuzzTarget {
        let seeds = Corpus.files("bundle")
        let workspace = makeWorkspace(seeds)
        let mutator = Mutator(corpus: seeds.filter(Fuzzer.isParent).map(\.bytes), dictionary: dictionary, maximumSize: 1 << 20,
                              boundarySizes: [256 << 10, 1 << 20], hugeRepeatOneIn: 3_000)
        return FuzzTarget(name: "bundle", fileExtension: "json", seeds: seeds, mutator: mutator,
                          check: { input, context in check(input, workspace, &context) },
                          finish: { try? FileManager.default.removeItem(atPath: workspace.root) })
    }

    /// A small journal holding every other entry of the corpus's valid entries bundles (so that importing
    /// them adds some entries and finds others already there).
    static func makeWorkspace(_ seeds: [Seed]) -> Workspace {
        let root = FuzzConfig.current.outputDirectory + "/work-bundle-\(getpid())"
        try? FileManager.default.removeItem(atPath: root)
        let store = JournalStore(root: root + "/template/journal")
        do {
            try store.prepare(now: Date(timeIntervalSince1970: 1_790_000_000))
            var entries: [Entry] = []
            for seed in seeds {
                guard let bundle = try? ExchangeBundle.read(Data(seed.bytes), path: seed.name), bundle.kind == .entries else { continue }
                entries += bundle.entries.filter { entry in !entries.contains { $0.id == entry.id } }
            }
            _ = try store.saveNew(batch: entries.enumerated().filter { $0.offset % 2 == 0 }.map(\.element))
            _ = try store.summaries()  // the template has its index, as a used journal would
        } catch {
            fatalError("cannot make the template journal: \(error.message)")
        }
        return Workspace(root: root, templateEntries: snapshot(store.entriesDirectory))
    }

    /// Every file of a directory (hidden ones too) with its bytes.
    static func snapshot(_ directory: String) -> [String: Data] {
        var files: [String: Data] = [:]
        for name in (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [] {
            files[name] = FileManager.default.contents(atPath: directory + "/" + name) ?? Data()
        }
        return files
    }

    static func names(_ directory: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).sorted()
    }

    static func check(_ input: [UInt8], _ workspace: Workspace, _ context: inout CheckContext) {
        let data = Data(input)
        checkDecodeEntry(data, &context)

        let manager = FileManager.default
        try? manager.removeItem(atPath: workspace.run)
        do {
            try manager.createDirectory(atPath: workspace.run, withIntermediateDirectories: false)
            try manager.copyItem(atPath: workspace.template + "/journal", toPath: workspace.run + "/journal")
        } catch {
            context.fail("setup", "cannot copy the template journal: \(error)")
            return
        }
        let store = JournalStore(root: workspace.run + "/journal")

        let bundle: ExchangeBundle
        do {
            bundle = try ExchangeBundle.read(data, path: bundlePath)
        } catch {
            context.expect(!error.message.isEmpty, "read: empty message", "ExchangeBundle.read threw \(error) with an empty message")
            context.expect(error.message.contains(bundlePath), "read: message without the path",
                           "the message '\(error.message)' does not name \(bundlePath)")
            context.expect(snapshot(store.entriesDirectory) == workspace.templateEntries, "refused bundle changed entries",
                           "entries/ changed although the bundle was refused: \(error.message)")
            checkNoStrayFiles(workspace, store, &context)
            return
        }
        context.reachedDeep = true

        let first: BundleImporter.Result
        do {
            first = try BundleImporter(store: store).merge(bundle)
        } catch {
            context.fail("import threw", "a bundle that was read could not be imported: \(error.message)")
            return
        }
        let afterFirst = snapshot(store.entriesDirectory)
        let template = workspace.templateEntries
        switch bundle.kind {
        case .entries:
            let changed = template.filter { afterFirst[$0.key] != $0.value }.map(\.key).sorted()
            context.expect(changed.isEmpty, "import changed existing entries", "importing entries changed \(changed)")
            let added = Set(afterFirst.keys).subtracting(template.keys)
            context.expect(added.count == first.added, "import: wrong count",
                           "\(added.count) files appeared but the importer reports \(first.added) added")
            context.expect(first.added + first.alreadyPresent == bundle.entries.count, "import: wrong count",
                           "added \(first.added) + already there \(first.alreadyPresent) != \(bundle.entries.count) entries in the bundle")
        case .feedback:
            context.expect(Set(afterFirst.keys) == Set(template.keys), "feedback changed the entry files",
                           "feedback import left files \(afterFirst.keys.sorted()), before \(template.keys.sorted())")
            context.expect(first.added == 0 && first.notesAttached + first.notesForUnknownEntries <= bundle.notes.count,
                           "import: wrong count", "feedback import reports \(first)")
        }
        let strange = afterFirst.keys.filter { $0.hasPrefix(".") || !$0.hasSuffix(".json") }.sorted()
        context.expect(strange.isEmpty, "temporary files left", "entries/ holds \(strange) after the import")

        guard let contents = try? store.entries() else {
            context.expect(false, "journal unreadable after import", "entries/ cannot be listed after the import")
            return
        }
        context.expect(contents.problems.isEmpty, "imported journal has unreadable entries",
                       "after the import: " + contents.problems.map(\.message).joined(separator: "; "))
        context.expect(contents.entries.count + contents.problems.count == afterFirst.count - strange.count, "entries lost",
                       "\(afterFirst.count) files but \(contents.entries.count) entries and \(contents.problems.count) problems")
        if contents.problems.isEmpty {  // unreadable entries would be reported twice
            checkIndex(store, contents.entries, &context)
        }

        do {
            let second = try BundleImporter(store: store).merge(bundle)
            context.expect(second.added == 0 && second.notesAttached == 0, "second import added something",
                           "importing the same bundle again reports \(second)")
        } catch {
            context.fail("second import threw", "importing the same bundle again failed: \(error.message)")
        }
        context.expect(snapshot(store.entriesDirectory) == afterFirst, "second import changed entries",
                       "importing the same bundle again changed entries/")
        checkNoStrayFiles(workspace, store, &context)
    }

    /// Nothing is written outside the journal, and the journal holds only what a journal holds.
    static func checkNoStrayFiles(_ workspace: Workspace, _ store: JournalStore, _ context: inout CheckContext) {
        let top = names(workspace.root)
        context.expect(top == ["run", "template"], "file written outside the journal", "the work directory holds \(top)")
        let parent = names(workspace.run)
        context.expect(parent == ["journal"], "file written outside the journal", "the journal's parent holds \(parent)")
        let inside = Set(names(store.root)).subtracting(journalNames)
        context.expect(inside.isEmpty, "unexpected file in the journal", "the journal holds \(inside.sorted())")
        let drafts = names(store.draftsDirectory)
        context.expect(drafts.isEmpty, "draft written by an import", "drafts/ holds \(drafts)")
    }

    /// The derived index gives the summaries that the entry files give, read after read.
    static func checkIndex(_ store: JournalStore, _ entries: [Entry], _ context: inout CheckContext) {
        /// The index keeps a commitment's current state, not its history, and its search text in FTS.
        func shape(_ summary: EntrySummary) -> EntrySummary {
            var plain = summary
            plain.searchText = ""
            plain.commitments = plain.commitments.map { Commitment(id: $0.id, stepId: $0.stepId, action: $0.action, due: $0.due, status: $0.status) }
            return plain
        }
        let want = entries.map { shape(EntrySummary($0)) }.sorted { $0.id > $1.id }
        for round in 1...2 {
            let read: JournalSummaries
            do { read = try store.summaries() } catch {
                context.fail("index: error", "read \(round): \(error.message)")
                return
            }
            context.expect(read.problems.isEmpty, "index: problems", "summaries() reports " + read.problems.map(\.message).joined(separator: "; "))
            let got = read.entries.map(shape)
            guard got != want else { continue }
            let difference = zip(got, want).first { $0.0 != $0.1 }.map { "index: \($0.0)\nfiles: \($0.1)" }
                ?? "\(got.count) summaries from the index, \(want.count) entries"
            context.fail("index gives other summaries", "read \(round): \(difference)")
        }
    }

    static func checkDecodeEntry(_ data: Data, _ context: inout CheckContext) {
        let entry: Entry
        do {
            entry = try JournalStore.decodeEntry(data, path: entryPath)
        } catch {
            context.expect(!error.message.isEmpty && error.message.contains(entryPath), "decodeEntry: message",
                           "decodeEntry threw '\(error.message)', which does not name \(entryPath)")
            return
        }
        do {
            let again = try JournalStore.decodeEntry(JSONOutput.data(entry), path: entryPath)
            context.expect(again == entry, "decodeEntry: round trip", "an entry written and read again differs: \(entry.id)")
        } catch {
            context.fail("decodeEntry: round trip", "an entry that was read cannot be read back after writing: \(error.message)")
        }
    }
}
