#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads lines from a file descriptor with a large buffer (not byte by byte); for scripts and pipes.
public final class PipedLineReader: LineReader {
    /// Lines longer than this are refused.
    public static let maximumLineBytes = 1 << 20

    private let descriptor: Int32
    private var buffer: [UInt8] = []
    private var start = 0
    private var finished = false
    public private(set) var lineNumber = 0
    public let name: String
    /// Piped input is a script: no prompts, and answers that do not fit are errors.
    public let isInteractive = false

    public init(descriptor: Int32 = 0, name: String = "stdin") {
        self.descriptor = descriptor
        self.name = name
    }

    public var location: String { "\(name):\(lineNumber)" }

    public func read(prompt: String, remember: Bool) -> LineEvent {
        while true {
            if let newline = buffer[start...].firstIndex(of: 10) {
                let bytes = buffer[start..<newline]
                start = newline + 1
                compact()
                if bytes.count > Self.maximumLineBytes {
                    lineNumber += 1
                    return .invalid("line is longer than \(Self.maximumLineBytes >> 20) MB")
                }
                return decode(bytes)
            }
            if buffer.count - start > Self.maximumLineBytes {
                lineNumber += 1
                skipRestOfLine()
                return .invalid("line is longer than \(Self.maximumLineBytes >> 20) MB")
            }
            if finished {
                guard start < buffer.count else { return .end }
                let bytes = buffer[start...]
                start = buffer.count
                if bytes.count > Self.maximumLineBytes {
                    lineNumber += 1
                    return .invalid("line is longer than \(Self.maximumLineBytes >> 20) MB")
                }
                return decode(bytes)
            }
            fill()
        }
    }

    private func decode(_ bytes: ArraySlice<UInt8>) -> LineEvent {
        lineNumber += 1
        var slice = bytes
        if slice.last == 13 { slice = slice.dropLast() }
        if slice.contains(0) { return .invalid("line contains a NUL byte") }
        guard let text = String(validating: slice, as: UTF8.self) else {
            return .invalid("line is not valid UTF-8")
        }
        return .line(text)
    }

    private func compact() {
        if start > 65_536 && start * 2 > buffer.count {
            buffer.removeFirst(start)
            start = 0
        }
    }

    private func fill() {
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            if count <= 0 { finished = true; return }
            buffer.append(contentsOf: chunk[0..<count])
            return
        }
    }

    private func skipRestOfLine() {
        while true {
            if let newline = buffer[start...].firstIndex(of: 10) {
                start = newline + 1
                compact()
                return
            }
            buffer.removeAll(keepingCapacity: true)
            start = 0
            if finished { return }
            fill()
        }
    }
}
