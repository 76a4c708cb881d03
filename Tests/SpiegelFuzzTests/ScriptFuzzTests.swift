import Foundation
import SpiegelCLI
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The script reader: `PipedLineReader` on a file or on a pipe written in random chunks, then
/// `Tokenizer.split` on every line it returns.
enum ScriptFuzz {
    static let limit = PipedLineReader.maximumLineBytes

    static let dictionary: [[UInt8]] = [
        "start ", "resume", "journal --limit 5", "recommend", "export --format json", "import ", "show ", "skip",
        "help", "quit", "--json", "--journal ", "--lang nl", "in 3 days", "2026-11-23", "#", "# comment", "'", "\"",
        "\\", "\\\n", "'\\''", "\"\\\"\"", "\t", "\r\n", "\n\n", " ", "  ", "$HOME", "`x`", "$(x)", "*", "?", "~",
        "|", ";", "&", ">", "<",
    ].map { Array($0.utf8) }

    static func makeTarget() -> FuzzTarget {
        let seeds = Corpus.files("script") + syntheticSeeds()
        let mutator = Mutator(corpus: seeds.filter(Fuzzer.isParent).map(\.bytes), dictionary: dictionary, maximumSize: limit + (200 << 10),
                              boundarySizes: [limit - 1, limit, limit + 1, limit + 2, limit + 4_096, limit + 65_537],
                              hugeRepeatOneIn: 3_000)
        let scratch = FuzzConfig.current.outputDirectory + "/work-script-\(getpid()).txt"
        return FuzzTarget(name: "script", fileExtension: "txt", seeds: seeds, mutator: mutator,
                          check: { input, context in check(input, scratch: scratch, &context) },
                          finish: { unlink(scratch) })
    }

    /// Lines at the reader's length limit (too big for the repository), with and without CR, last or not.
    static func syntheticSeeds() -> [Seed] {
        func line(_ length: Int, _ end: String) -> [UInt8] {
            Array("help\n".utf8) + repeatElement(UInt8(ascii: "a"), count: length) + Array(end.utf8) + Array("journal\n".utf8)
        }
        return [
            Seed(name: "synthetic/line-of-exactly-the-limit.txt", bytes: line(limit, "\n")),
            Seed(name: "synthetic/line-one-byte-over-the-limit.txt", bytes: line(limit + 1, "\n")),
            Seed(name: "synthetic/line-4-KB-over-the-limit.txt", bytes: line(limit + 4_096, "\n")),
            Seed(name: "synthetic/line-of-the-limit-with-crlf.txt", bytes: line(limit, "\r\n")),
            Seed(name: "synthetic/line-over-the-limit-at-the-end.txt", bytes: Array("help\n".utf8) + repeatElement(UInt8(ascii: "b"), count: limit + 10)),
        ]
    }

    /// What the reader should return for `input`: its documented behaviour, written plainly.
    enum Expected: Equatable {
        case line(String)
        case invalid
        /// A line whose length is at the limit only because of its CR: either answer is fine.
        case lineOrInvalid(String?)
    }

    static func model(_ input: [UInt8]) -> [Expected] {
        var expected: [Expected] = []
        var lines = input.split(separator: 10, omittingEmptySubsequences: false)
        if lines.last?.isEmpty == true { lines.removeLast() }  // input ending in a newline: no extra line
        for raw in lines {
            var bytes = raw
            if bytes.last == 13 { bytes = bytes.dropLast() }
            let text: String? = bytes.contains(0) ? nil : String(validating: bytes, as: UTF8.self)
            if bytes.count > limit {
                expected.append(.invalid)
            } else if raw.count > limit {
                expected.append(.lineOrInvalid(text))
            } else {
                expected.append(text.map(Expected.line) ?? .invalid)
            }
        }
        return expected
    }

    static func check(_ input: [UInt8], scratch: String, _ context: inout CheckContext) {
        let expected = model(input)
        let descriptor: Int32
        var writer: Thread?
        let writerDone = DispatchSemaphore(value: 0)
        let viaPipe = context.rng.chance(2)
        if viaPipe {
            var ends: [Int32] = [0, 0]
            guard pipe(&ends) == 0 else { context.fail("setup", "pipe() failed: errno \(errno)"); return }
            descriptor = ends[0]
            let writeEnd = ends[1]
            let chunkSeed = context.rng.next()
            let thread = Thread {
                var rng = SplitMix64(seed: chunkSeed)
                input.withUnsafeBytes { buffer in
                    var offset = 0
                    while offset < buffer.count {
                        let size = min(buffer.count - offset, 1 + rng.below(rng.chance(4) ? 70_000 : 300))
                        let written = write(writeEnd, buffer.baseAddress! + offset, size)
                        if written < 0 { if errno == EINTR { continue }; break }
                        offset += written
                    }
                }
                close(writeEnd)
                writerDone.signal()
            }
            thread.stackSize = 1 << 20
            thread.start()
            writer = thread
        } else {
            guard FileManager.default.createFile(atPath: scratch, contents: Data(input)) else {
                context.fail("setup", "cannot write \(scratch)")
                return
            }
            descriptor = open(scratch, O_RDONLY | O_CLOEXEC)
            guard descriptor >= 0 else { context.fail("setup", "cannot open \(scratch)"); return }
        }
        defer {
            close(descriptor)
            if writer != nil { writerDone.wait() }
        }
        let source = viaPipe ? "a pipe" : "a file"
        let reader = PipedLineReader(descriptor: descriptor, name: "fuzz.txt")
        var index = 0
        while true {
            let event = reader.read(prompt: "> ", remember: false)
            if event == .end { break }
            guard index < expected.count else {
                context.fail("extra event", "from \(source): event \(index + 1) (\(describe(event))) after the \(expected.count) lines of the input")
                return
            }
            let want = expected[index]
            index += 1
            context.expect(reader.lineNumber == index, "line number",
                           "from \(source): after event \(index) lineNumber is \(reader.lineNumber)")
            context.expect(reader.location == "fuzz.txt:\(index)", "location", "location is '\(reader.location)' at line \(index)")
            switch event {
            case .line(let text):
                context.expect(!text.utf8.contains(0), "line with NUL", "line \(index) contains a NUL byte")
                context.expect(!text.utf8.contains(10), "line with newline", "line \(index) contains a newline")
                context.expect(text.utf8.count <= limit, "overlong line accepted",
                               "from \(source): line \(index) of \(text.utf8.count) bytes was returned; lines over \(limit) bytes must be refused")
                switch want {
                case .line(let wanted), .lineOrInvalid(let wanted?):
                    context.expect(text == wanted, "wrong line",
                                   "from \(source): line \(index) is \(quote(text)), expected \(quote(wanted))")
                case .invalid, .lineOrInvalid(nil):
                    if text.utf8.count <= limit {
                        context.fail("bad line accepted", "from \(source): line \(index) \(quote(text)) should have been refused")
                    }
                }
                checkTokenizer(text, line: index, &context)
            case .invalid(let message):
                context.expect(!message.isEmpty, "empty message", "line \(index) was refused with an empty message")
                if case .line(let wanted) = want {
                    context.fail("good line refused", "from \(source): line \(index) \(quote(wanted)) was refused: \(message)")
                }
            case .interrupted:
                context.fail("interrupted", "from \(source): a piped reader returned .interrupted at line \(index)")
            case .end:
                break
            }
        }
        context.expect(index == expected.count, "lines lost",
                       "from \(source): the reader ended after \(index) of \(expected.count) lines")
        context.expect(reader.read(prompt: "", remember: false) == .end, "not at end", "read after .end did not return .end")
        context.reachedDeep = expected.count > 1
    }

    /// Split, quote every word again and split once more: the same words must come back.
    static func checkTokenizer(_ line: String, line number: Int, _ context: inout CheckContext) {
        let words: [String]
        do {
            words = try Tokenizer.split(line)
        } catch {
            return  // an unbalanced quote is reported to the user; nothing else to check
        }
        context.expect(words.allSatisfy { !$0.utf8.contains(0) }, "tokenizer: word with NUL", "line \(number) gave a word with a NUL byte")
        context.expect(words.reduce(0) { $0 + $1.utf8.count } <= line.utf8.count, "tokenizer: words longer than the line",
                       "the words of line \(number) hold more bytes than the line")
        // Quote scalar by scalar: a quote followed by a combining mark is one Character, which
        // String.replacingOccurrences(of: "'", ...) would not find.
        func quoted(_ word: String) -> String {
            var scalars = String.UnicodeScalarView()
            scalars.append("'")
            for scalar in word.unicodeScalars {
                if scalar == "'" { scalars.append(contentsOf: "'\\''".unicodeScalars) } else { scalars.append(scalar) }
            }
            scalars.append("'")
            return String(scalars)
        }
        let requoted = words.map(quoted).joined(separator: " ")
        do {
            let again = try Tokenizer.split(requoted)
            context.expect(again == words, "tokenizer: quoting round trip",
                           "line \(number): \(quote(line)) gives \(words.map(quote)); quoted again it gives \(again.map(quote))")
        } catch {
            context.fail("tokenizer: quoting round trip", "line \(number): quoting \(words.map(quote)) again gives an unbalanced quote")
        }
    }

    static func describe(_ event: LineEvent) -> String {
        switch event {
        case .line(let text): "line \(quote(text))"
        case .invalid(let message): "invalid: \(message)"
        case .interrupted: "interrupted"
        case .end: "end"
        }
    }

    static func quote(_ text: String) -> String {
        let short = text.count > 120 ? String(text.prefix(120)) + "… (\(text.utf8.count) bytes)" : text
        return "\"" + short.unicodeScalars.map { $0.isASCII && $0.value >= 32 && $0.value != 127 ? String($0) : $0.escaped(asASCII: true) }.joined() + "\""
    }
}
