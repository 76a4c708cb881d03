/// Where a piece of content was written: used in every diagnostic as `FILE:LINE:COLUMN`.
public struct SourceLocation: Sendable, Hashable, Codable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    public var description: String { "\(file):\(line):\(column)" }
}

/// One problem found in a content file.
public struct ContentDiagnostic: Error, Sendable, Hashable, CustomStringConvertible {
    public var location: SourceLocation
    public var message: String

    /// Messages are clipped (a hostile file could make them huge by echoing its own text).
    public init(_ location: SourceLocation, _ message: String) {
        self.location = location
        self.message = message.count > 400 ? String(message.prefix(400)) + "…" : message
    }

    public var description: String { "\(location): \(message)" }
}

/// Every problem found while loading content; nothing is loaded when there is one.
public struct ContentErrors: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [ContentDiagnostic]

    public init(_ diagnostics: [ContentDiagnostic]) {
        self.diagnostics = diagnostics
    }

    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
