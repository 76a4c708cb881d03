import Foundation
import SpiegelContent

/// Writes an entries bundle from the journal's files as they are: each entry's JSON is copied, not
/// decoded and encoded again, so big exports stay fast. The result is the same document that encoding
/// an `ExchangeBundle` gives (keys in sorted order); each entry keeps the layout of its file.
public enum BundleWriter {
    public static func entriesBundle(rawEntries: [Data], exercises: [Exercise], exportedAt: String, exporter: String) -> Data {
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
        out.reserveCapacity(rawEntries.reduce(0) { $0 + $1.count + 2 } + 65_536)
        for (index, raw) in rawEntries.enumerated() {
            out += Array((index == 0 ? "\n" : ",\n").utf8)
            var end = raw.endIndex
            while end > raw.startIndex && (raw[end - 1] == 10 || raw[end - 1] == 32) { end -= 1 }
            out.append(contentsOf: raw[raw.startIndex..<end])
        }
        out += Array((rawEntries.isEmpty ? "\n\n  ],\n" : "\n  ],\n").utf8)
        let members: [[UInt8]] = [
            member("exercises", exercises), member("exportedAt", exportedAt), member("exporter", exporter),
            member("format", ExchangeBundle.format), member("kind", ExchangeBundle.Kind.entries),
            member("notes", [EntryNote]()), member("schemaVersion", ExchangeBundle.schemaVersion),
        ]
        out += members.joined(separator: Array(",\n".utf8))
        out += Array("\n}\n".utf8)
        return Data(out)
    }
}
