import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Unbuffered writes to stdout and stderr by file descriptor (no shared C `FILE *` state).
public enum Console {
    public enum Stream: Int32, Sendable {
        case standardOutput = 1
        case standardError = 2
    }

    /// Writes text; on a terminal, control characters from data are made visible first (`TerminalSafe`).
    public static func write(_ text: String, to stream: Stream) {
        let safe = isTerminal(stream.rawValue) ? TerminalSafe.forTerminal(text) : text
        writeRaw(Data(safe.utf8), to: stream)
    }

    /// Writes bytes as they are to a pipe or file; on a terminal, as text made safe.
    public static func write(_ data: Data, to stream: Stream) {
        if isTerminal(stream.rawValue) {
            write(String(decoding: data, as: UTF8.self), to: stream)
        } else {
            writeRaw(data, to: stream)
        }
    }

    /// Moves the cursor home and erases the screen (the one escape sequence written outside `write`).
    public static func clearScreen() {
        writeRaw(Data("\u{1B}[H\u{1B}[2J".utf8), to: .standardOutput)
    }

    private static func writeRaw(_ data: Data, to stream: Stream) {
        var offset = 0
        data.withUnsafeBytes { buffer in
            guard buffer.count > 0 else { return }
            while offset < buffer.count {
                let n = Glibc.write(stream.rawValue, buffer.baseAddress! + offset, buffer.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    return
                }
                offset += n
            }
        }
    }

    public static func isTerminal(_ descriptor: Int32) -> Bool { isatty(descriptor) == 1 }

    /// The terminal's width in columns (80 when unknown).
    public static func width(_ descriptor: Int32 = 1) -> Int {
        var size = winsize()
        if ioctl(descriptor, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        return 80
    }

    /// The terminal's height in rows (24 when unknown).
    public static func height(_ descriptor: Int32 = 1) -> Int {
        var size = winsize()
        if ioctl(descriptor, UInt(TIOCGWINSZ), &size) == 0, size.ws_row > 0 { return Int(size.ws_row) }
        return 24
    }
}
