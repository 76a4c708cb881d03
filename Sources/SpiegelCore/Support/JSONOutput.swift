import Foundation

/// JSON as Spiegel writes it everywhere: pretty-printed, keys sorted (stable diffs), UTF-8, no escaped slashes.
public enum JSONOutput {
    public static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    public static func data<T: Encodable>(_ value: T) -> Data {
        // Encoding our own value types cannot fail; an empty object is the safe answer if it ever did.
        (try? encoder().encode(value)) ?? Data("{}".utf8)
    }

    public static func string<T: Encodable>(_ value: T) -> String {
        String(decoding: data(value), as: UTF8.self) + "\n"
    }

    /// An object whose members keep the given order (each value encoded with sorted keys).
    public static func orderedObject(_ members: [(String, any Encodable)]) -> String {
        let body = members.map { key, value in
            let encoded = String(decoding: data(value), as: UTF8.self).replacingOccurrences(of: "\n", with: "\n  ")
            return "  \"\(key)\" : \(encoded)"
        }
        return "{\n" + body.joined(separator: ",\n") + "\n}\n"
    }
}
