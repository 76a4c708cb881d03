/// Where the parts of a bundle lie in its bytes: the value of each top-level member, and each element of
/// the `entries` array. Found by `BundleScanner`, so that a bundle of any size is decoded piece by piece.
struct BundleLayout: Sendable, Equatable {
    var members: [String: Range<Int>] = [:]
    var entries: [Range<Int>] = []
}

/// Follows a JSON document's structure (strings, escapes, brackets, the grammar of the top-level object)
/// without decoding it, over bytes fed in pieces of any size. Values below the top level are checked
/// only for balance, and the inside of strings not at all: each piece is decoded, and so checked in
/// full, by whoever reads it.
struct BundleScanner {
    /// Why the bytes are not a JSON object this scanner can lay out.
    enum Failure: Error, Equatable {
        /// The document is not an object (it may still be JSON: an array, a string).
        case notObject
        /// Broken JSON at this byte offset.
        case malformed(Int)
        /// A top-level member named twice.
        case duplicate(String)
    }

    /// Deeper than this is refused (no bundle nests more than a few levels; decoders recurse).
    static let maximumDepth = 64
    static let maximumKeyBytes = 256

    private enum Expect { case document, key, colon, value, commaOrEnd, trailing }

    private(set) var layout = BundleLayout()
    private var offset = 0
    private var expect = Expect.document
    /// Open containers below the top-level object: true for an array.
    private var nested: [Bool] = []
    private var inString = false, escaped = false, inScalar = false
    private var key: [UInt8] = [], readingKey = false, currentKey = ""
    private var valueStart = 0, elementStart = 0
    private var inEntries = false, expectElement = false

    /// Feeds the next bytes of the document.
    mutating func feed(_ bytes: UnsafeRawBufferPointer) throws(Failure) {
        let count = bytes.count
        guard let base = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return }
        var index = 0
        while index < count {
            if inString && !escaped && !readingKey {
                // Most of a bundle is the inside of strings: skip to the next quote or backslash.
                while index < count && base[index] != 0x22 && base[index] != 0x5C { index += 1 }
            } else if !inString && !inScalar {
                // And most of the rest is indentation.
                while index < count && Self.isSpace(base[index]) { index += 1 }
            }
            guard index < count else { break }
            try step(base[index], at: offset + index)
            index += 1
        }
        offset += count
    }

    /// Ends the document: throws when it was cut short.
    mutating func finish() throws(Failure) {
        if inScalar { try endScalar(at: offset) }
        guard expect == .trailing else {
            if expect == .document { throw .notObject }
            throw .malformed(offset)
        }
    }

    private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 }

    private mutating func step(_ byte: UInt8, at position: Int) throws(Failure) {
        if inString {
            if escaped {
                escaped = false
            } else if byte == UInt8(ascii: "\\") {
                escaped = true
            } else if byte == UInt8(ascii: "\"") {
                inString = false
                if readingKey {
                    readingKey = false
                    currentKey = String(decoding: key, as: UTF8.self)
                    guard layout.members[currentKey] == nil else { throw .duplicate(currentKey) }
                    expect = .colon
                    return
                }
                if nested.isEmpty { endValue(at: position + 1) } else if nested.count == 1 && inEntries { endElement(at: position + 1) }
            }
            if readingKey {
                key.append(byte)
                guard key.count <= Self.maximumKeyBytes else { throw .malformed(position) }
            }
            return
        }
        if inScalar {
            if Self.isSpace(byte) || byte == UInt8(ascii: ",") || byte == UInt8(ascii: "]") || byte == UInt8(ascii: "}") {
                try endScalar(at: position)
            } else {
                return
            }
        }
        if Self.isSpace(byte) { return }
        switch expect {
        case .document:
            // A byte-order mark is tolerated before the document.
            if position < 3 && (byte == 0xEF || byte == 0xBB || byte == 0xBF) { return }
            guard byte == UInt8(ascii: "{") else { throw .notObject }
            expect = .key
        case .key:
            if byte == UInt8(ascii: "}") && layout.members.isEmpty {
                expect = .trailing
                return
            }
            guard byte == UInt8(ascii: "\"") else { throw .malformed(position) }
            inString = true
            readingKey = true
            key.removeAll(keepingCapacity: true)
        case .colon:
            guard byte == UInt8(ascii: ":") else { throw .malformed(position) }
            expect = .value
        case .value:
            try value(byte, at: position)
        case .commaOrEnd:
            if byte == UInt8(ascii: ",") {
                expect = .key
            } else if byte == UInt8(ascii: "}") {
                expect = .trailing
            } else {
                throw .malformed(position)
            }
        case .trailing:
            throw .malformed(position)
        }
    }

    /// A byte where a value (of a member, or nested in one) goes on or starts.
    private mutating func value(_ byte: UInt8, at position: Int) throws(Failure) {
        if nested.isEmpty { valueStart = position }
        let element = inEntries && nested.count == 1
        if element && expectElement && byte != UInt8(ascii: "]") {
            guard byte != UInt8(ascii: ",") else { throw .malformed(position) }
            elementStart = position
            expectElement = false
        } else if element && !expectElement && byte != UInt8(ascii: ",") && byte != UInt8(ascii: "]") {
            // Two elements without a comma between them.
            throw .malformed(position)
        }
        switch byte {
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            guard nested.count < Self.maximumDepth else { throw .malformed(position) }
            if nested.isEmpty && byte == UInt8(ascii: "[") && currentKey == "entries" {
                inEntries = true
                expectElement = true
            }
            nested.append(byte == UInt8(ascii: "["))
        case UInt8(ascii: "}"), UInt8(ascii: "]"):
            guard let isArray = nested.last, isArray == (byte == UInt8(ascii: "]")) else { throw .malformed(position) }
            if element && byte == UInt8(ascii: "]") && expectElement && !layout.entries.isEmpty {
                // A comma before the closing bracket.
                throw .malformed(position)
            }
            nested.removeLast()
            if nested.isEmpty {
                inEntries = false
                endValue(at: position + 1)
            } else if nested.count == 1 && inEntries {
                endElement(at: position + 1)
            }
        case UInt8(ascii: "\""):
            inString = true
        case UInt8(ascii: ","):
            if element { expectElement = true }
            guard !nested.isEmpty else { throw .malformed(position) }
        case UInt8(ascii: ":"):
            guard !nested.isEmpty else { throw .malformed(position) }
        default:
            inScalar = true
        }
    }

    private mutating func endScalar(at position: Int) throws(Failure) {
        inScalar = false
        if nested.isEmpty { endValue(at: position) } else if nested.count == 1 && inEntries { endElement(at: position) }
    }

    private mutating func endValue(at end: Int) {
        layout.members[currentKey] = valueStart..<end
        expect = .commaOrEnd
    }

    private mutating func endElement(at end: Int) {
        layout.entries.append(elementStart..<end)
    }
}
