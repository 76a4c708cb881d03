import Foundation
import SpiegelContent

/// Writes an entries bundle from the journal's files as they are: each entry's JSON is copied, not
/// decoded and encoded again, so big exports stay fast. The result is the same document that encoding
/// an `ExchangeBundle` gives (keys in sorted order); each entry keeps the layout of its file.
public enum BundleWriter {
    public static func entriesBundle(rawEntries: [Data], exercises: [Exercise], exportedAt: String, exporter: String,
                                     journal: String? = nil) -> Data {
        var out = Data()
        writeEntriesBundle(rawEntries, exercises: exercises, exportedAt: exportedAt, exporter: exporter, journal: journal) { out.append($0) }
        return out
    }

    /// The same bundle handed to `append` in pieces (about a megabyte, cut between entries), with the
    /// entries read one by one from `rawEntries`: an export of any size stays small in memory.
    public static func writeEntriesBundle<Entries: Sequence<Data>, Failure: Error>(
        _ rawEntries: Entries, exercises: [Exercise], exportedAt: String, exporter: String, journal: String? = nil,
        redacted: Bool = false,
        to append: (Data) throws(Failure) -> Void) throws(Failure) {
        func indented(_ data: Data, by spaces: Int) -> [UInt8] {
            var out = [UInt8]()
            out.reserveCapacity(data.count + data.count / 8)
            let pad = [UInt8](repeating: 32, count: spaces)
            var first = true
            for byte in data {
                if first { out += pad; first = false }
                out.append(byte)
                if byte == 10 { out += pad }
            }
            while out.last == 10 || out.last == 32 { out.removeLast() }
            return out
        }
        func member(_ key: String, _ value: some Encodable) -> [UInt8] {
            Array("  \"\(key)\" : ".utf8) + Array(indented(JSONOutput.data(value), by: 2).drop { $0 == 32 })
        }
        var out = Array("{\n  \"entries\" : [".utf8)
        out.reserveCapacity(1 << 20 + 65_536)
        var none = true
        for raw in rawEntries {
            out += Array((none ? "\n" : ",\n").utf8)
            none = false
            var end = raw.endIndex
            while end > raw.startIndex && (raw[end - 1] == 10 || raw[end - 1] == 32) { end -= 1 }
            out.append(contentsOf: raw[raw.startIndex..<end])
            if out.count >= 1 << 20 {
                try append(Data(out))
                out.removeAll(keepingCapacity: true)
            }
        }
        out += Array((none ? "\n\n  ],\n" : "\n  ],\n").utf8)
        let members: [[UInt8]] = [
            member("exercises", exercises), member("exportedAt", exportedAt), member("exporter", exporter),
            member("format", ExchangeBundle.format),
        ] + (journal.map { [member("journal", $0)] } ?? []) + [
            member("kind", ExchangeBundle.Kind.entries),
            member("notes", [EntryNote]()), member("redacted", redacted),
            member("schemaVersion", ExchangeBundle.schemaVersion),
        ]
        out += members.joined(separator: Array(",\n".utf8))
        out += Array("\n}\n".utf8)
        try append(Data(out))
    }
}
