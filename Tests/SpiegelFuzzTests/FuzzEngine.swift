import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// A small, deterministic mutation fuzzer: no external tools, no coverage feedback. Each target replays its
// seed corpus unchanged, then mutates corpus inputs until its time budget (or iteration bound) is spent,
// checking the target's properties on every input. See README.md in this folder.

// MARK: - configuration

/// Settings from the environment; the defaults keep a normal `swift test` short.
struct FuzzConfig: Sendable {
    /// Wall-clock budget per target for mutated inputs, after the seeds are replayed (`SPIEGEL_FUZZ_SECONDS`, default 5).
    var seconds: Double
    /// Upper bound on executions per target (`SPIEGEL_FUZZ_ITERATIONS`, default 10 million).
    var maxIterations: Int
    /// Base seed (`SPIEGEL_FUZZ_SEED`, decimal or 0x-hex); every input's own seed derives from it.
    var seed: UInt64
    /// CPU time one input may take in one target (`SPIEGEL_FUZZ_INPUT_SECONDS`, default 2).
    var inputCPUSeconds: Double
    /// Wall-clock time after which an input counts as hung: the input is saved and the process aborts
    /// (`SPIEGEL_FUZZ_HANG_SECONDS`, default 60).
    var hangSeconds: Double
    /// Peak resident memory of the test process (`SPIEGEL_FUZZ_MAX_RSS_MB`, default 3072).
    var maxRSSMegabytes: Int
    /// Prints each seed's CPU time (`SPIEGEL_FUZZ_VERBOSE=1`).
    var verbose: Bool
    /// Where failing inputs are saved (`SPIEGEL_FUZZ_OUT`, default `$TMPDIR/spiegel-fuzz`).
    var outputDirectory: String

    static let current = FuzzConfig(environment: ProcessInfo.processInfo.environment)

    init(environment: [String: String]) {
        func number(_ key: String) -> Double? { environment[key].flatMap { Double($0) } }
        seconds = max(0, number("SPIEGEL_FUZZ_SECONDS") ?? 5)
        maxIterations = max(0, environment["SPIEGEL_FUZZ_ITERATIONS"].flatMap { Int($0) } ?? 10_000_000)
        if let text = environment["SPIEGEL_FUZZ_SEED"] {
            seed = text.hasPrefix("0x") ? UInt64(text.dropFirst(2), radix: 16) ?? 0 : UInt64(text) ?? 0
        } else {
            seed = 0x5350_4945_4745_4C21  // "SPIEGEL!"
        }
        inputCPUSeconds = number("SPIEGEL_FUZZ_INPUT_SECONDS") ?? 2
        verbose = environment["SPIEGEL_FUZZ_VERBOSE"].map { $0 != "0" && !$0.isEmpty } ?? false
        hangSeconds = number("SPIEGEL_FUZZ_HANG_SECONDS") ?? 60
        maxRSSMegabytes = environment["SPIEGEL_FUZZ_MAX_RSS_MB"].flatMap { Int($0) } ?? 3072
        let temp = environment["TMPDIR"].map { $0.hasSuffix("/") ? String($0.dropLast()) : $0 } ?? "/tmp"
        outputDirectory = environment["SPIEGEL_FUZZ_OUT"] ?? temp + "/spiegel-fuzz"
        try? FileManager.default.createDirectory(atPath: outputDirectory, withIntermediateDirectories: true)
    }
}

// MARK: - random numbers

/// SplitMix64 (Steele, Lea and Flood): tiny, fast, and the same sequence on every platform and Swift version.
struct SplitMix64: RandomNumberGenerator, Sendable {
    private(set) var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in 0..<n (0 when n <= 1); our own reduction so sequences never depend on the standard library.
    mutating func below(_ n: Int) -> Int {
        n <= 1 ? 0 : Int(next() % UInt64(n))
    }

    mutating func chance(_ oneIn: Int) -> Bool { below(oneIn) == 0 }

    mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }

    /// The seed of input `iteration` of a target: a pure function of the base seed, the target and the iteration.
    static func derive(_ base: UInt64, _ target: String, _ iteration: Int) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in target.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        var rng = SplitMix64(seed: base ^ hash)
        rng.state ^= UInt64(truncatingIfNeeded: iteration) &* 0xD1B5_4A32_D192_ED03
        return rng.next()
    }
}

// MARK: - clocks and memory

enum Clock {
    static func monotonic() -> Double {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
    }

    /// CPU time of the calling thread (user + system): unaffected by other processes competing for the cores.
    static func threadCPU() -> Double {
        var now = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now)
        return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
    }

    /// Peak resident set size of the process so far, in MB.
    static func peakRSSMegabytes() -> Int {
        var usage = rusage()
        #if canImport(Glibc)
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        #else
        getrusage(RUSAGE_SELF, &usage)
        #endif
        return Int(usage.ru_maxrss) / 1024
    }
}

// MARK: - the corpus

enum Corpus {
    /// The `Corpus` folder: the copy in the test bundle, else the one in the source tree.
    static let root: String = {
        let fromBundle = Bundle.module.resourceURL?.appendingPathComponent("Corpus").path
        if let fromBundle, FileManager.default.fileExists(atPath: fromBundle) { return fromBundle }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Corpus").path
    }()

    /// The files of one corpus folder, sorted by name.
    static func files(_ folder: String) -> [Seed] {
        let directory = root + "/" + folder
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [])
            .filter { !$0.hasPrefix(".") }.sorted()
        return names.compactMap { name in
            FileManager.default.contents(atPath: directory + "/" + name).map { Seed(name: folder + "/" + name, bytes: [UInt8]($0)) }
        }
    }
}

/// One seed input: a corpus file or a synthetic input built in code (too big to keep in the repository).
struct Seed: Sendable {
    var name: String
    var bytes: [UInt8]
}

// MARK: - mutations

/// Byte-level mutations, stacked a few at a time (in the manner of AFL's "havoc" stage).
struct Mutator: Sendable {
    /// Inputs to splice from.
    var corpus: [[UInt8]]
    /// Tokens of the input format (keys, punctuation), inserted whole.
    var dictionary: [[UInt8]]
    /// Inputs are cut to this size.
    var maximumSize: Int
    /// Interesting total sizes (the product's limits) that the rare "huge repeat" aims at.
    var boundarySizes: [Int] = []
    /// One mutation in this many is a huge repeat (expensive inputs, so rare).
    var hugeRepeatOneIn = 200

    static let interestingNumbers: [String] = [
        "0", "-0", "1", "-1", "2", "5", "100", "101", "255", "256", "-129", "65535", "65536", "4294967295",
        "4294967296", "2147483647", "-2147483648", "9223372036854775807", "-9223372036854775808",
        "9223372036854775808", "-9223372036854775809", "18446744073709551615", "18446744073709551616",
        "99999999999999999999999999999999", "1e308", "1e309", "-1e400", "0.5", "1.0", "1e2", "0x10", "0o17",
        "+1", ".inf", "-.inf", ".nan", "NaN", "1_000", "007", "9999", "10000",
    ]

    static let interestingText: [[UInt8]] = [
        Array("é".utf8), Array("ë".utf8), Array("€".utf8), Array("😀".utf8), Array("\u{FEFF}".utf8),
        Array("\u{2028}".utf8), Array("\u{2029}".utf8), Array("\u{85}".utf8), Array("\u{200B}".utf8),
        Array("\u{0301}".utf8), Array("\u{1F1F3}\u{1F1F1}".utf8), Array("\u{202E}".utf8), Array("\u{10FFFF}".utf8),
        [0x80], [0xBF], [0xC0, 0x80], [0xC3], [0xE2, 0x82], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80],
        [0xF8, 0x88, 0x80, 0x80, 0x80], [0xFE], [0xFF], [0xEF, 0xBB, 0xBF],
    ]

    static let controlBytes: [UInt8] = [0, 1, 7, 8, 9, 10, 11, 12, 13, 27, 31, 127]

    /// Mutates `input`; `applied` receives the names of the mutations, for failure messages.
    func mutate(_ input: [UInt8], _ rng: inout SplitMix64, applied: inout [String]) -> [UInt8] {
        var data = input
        let rounds = 1 << rng.below(4)
        for _ in 0..<rounds {
            applied.append(mutateOnce(&data, &rng))
            if data.count > maximumSize { data.removeLast(data.count - maximumSize) }
        }
        return data
    }

    private func position(_ data: [UInt8], _ rng: inout SplitMix64) -> Int { rng.below(data.count + 1) }

    /// A random range of `data` of at most `limit` bytes.
    private func range(_ data: [UInt8], _ rng: inout SplitMix64, limit: Int = 64) -> Range<Int> {
        guard !data.isEmpty else { return 0..<0 }
        let start = rng.below(data.count)
        let length = 1 + rng.below(min(limit, data.count - start))
        return start..<start + length
    }

    private func mutateOnce(_ data: inout [UInt8], _ rng: inout SplitMix64) -> String {
        switch rng.below(18) {
        case 0:
            guard !data.isEmpty else { fallthrough }
            data[rng.below(data.count)] ^= UInt8(1) << UInt8(rng.below(8))
            return "bit-flip"
        case 1:
            guard !data.isEmpty else { fallthrough }
            data[rng.below(data.count)] = UInt8(truncatingIfNeeded: rng.next())
            return "random-byte"
        case 2:
            let count = 1 + rng.below(8)
            data.insert(contentsOf: (0..<count).map { _ in UInt8(truncatingIfNeeded: rng.next()) }, at: position(data, &rng))
            return "insert-bytes"
        case 3:
            let cut = range(data, &rng, limit: 1 << rng.below(10))
            data.removeSubrange(cut)
            return "delete"
        case 4:
            let chunk = Array(data[range(data, &rng)])
            data.insert(contentsOf: chunk, at: position(data, &rng))
            return "duplicate"
        case 5:
            let source = range(data, &rng)
            guard !source.isEmpty else { return "copy-over" }
            let chunk = Array(data[source])
            let at = rng.below(data.count)
            let end = min(data.count, at + chunk.count)
            data.replaceSubrange(at..<end, with: chunk[0..<(end - at)])
            return "copy-over"
        case 6:
            let count = 1 + rng.below(16)
            data.insert(contentsOf: (0..<count).map { _ in UInt8(32 + rng.below(95)) }, at: position(data, &rng))
            return "insert-ascii"
        case 7:
            data.insert(contentsOf: rng.pick(Self.interestingText), at: position(data, &rng))
            return "insert-utf8"
        case 8:
            data.insert(rng.pick(Self.controlBytes), at: position(data, &rng))
            return "insert-control"
        case 9:
            let other = rng.pick(corpus)
            guard !other.isEmpty else { return "splice" }
            let cutA = position(data, &rng), cutB = rng.below(other.count)
            if rng.chance(2) {
                data = Array(data[..<cutA]) + other[cutB...]
            } else {
                let piece = other[cutB..<min(other.count, cutB + 1 + rng.below(256))]
                data.insert(contentsOf: piece, at: cutA)
            }
            return "splice"
        case 10, 11:
            replaceNumber(&data, &rng)
            return "number"
        case 12:
            repeatChunk(&data, &rng)
            return "repeat"
        case 13:
            guard !data.isEmpty else { return "truncate" }
            data.removeLast(1 + rng.below(data.count))
            return "truncate"
        case 14, 15:
            guard !dictionary.isEmpty else { fallthrough }
            data.insert(contentsOf: rng.pick(dictionary), at: position(data, &rng))
            return "dictionary"
        case 16:
            lineMutation(&data, &rng)
            return "line"
        default:
            if rng.chance(2) {
                var out: [UInt8] = []
                out.reserveCapacity(data.count + data.count / 16)
                for byte in data {
                    if byte == 10 { out.append(13) }
                    out.append(byte)
                }
                data = out
                return "crlf"
            }
            data.removeAll { $0 == 13 }
            return "strip-cr"
        }
    }

    /// Replaces a run of digits (with its sign) by an interesting number, or inserts one.
    private func replaceNumber(_ data: inout [UInt8], _ rng: inout SplitMix64) {
        var runs: [Range<Int>] = []
        var index = 0
        while index < data.count {
            if (48...57).contains(data[index]) {
                var start = index
                if start > 0, data[start - 1] == 45 { start -= 1 }
                while index < data.count, (48...57).contains(data[index]) { index += 1 }
                runs.append(start..<index)
                if runs.count >= 4096 { break }
            } else {
                index += 1
            }
        }
        let extremes = ["9223372036854775807", "-9223372036854775808", "9223372036854775808", "-1"]
        let number = Array((rng.chance(3) ? rng.pick(extremes) : rng.pick(Self.interestingNumbers)).utf8)
        if runs.isEmpty || rng.chance(8) {
            data.insert(contentsOf: number, at: position(data, &rng))
        } else {
            data.replaceSubrange(rng.pick(runs), with: number)
        }
    }

    /// Repeats a chunk a few times, or (rarely) until the input reaches one of the product's size limits.
    private func repeatChunk(_ data: inout [UInt8], _ rng: inout SplitMix64) {
        let at = position(data, &rng)
        if rng.chance(hugeRepeatOneIn) {
            let target = boundarySizes.isEmpty || rng.chance(4) ? rng.below(maximumSize + 1) : rng.pick(boundarySizes)
            let filler = rng.chance(2) ? UInt8(ascii: "a") : UInt8(32 + rng.below(95))
            let count = max(0, target - data.count)
            data.insert(contentsOf: repeatElement(filler, count: count), at: at)
            return
        }
        var chunk = Array(data[range(data, &rng, limit: 32)])
        if chunk.isEmpty { chunk = [UInt8(32 + rng.below(95))] }
        let times = 2 + rng.below(rng.chance(8) ? 4096 : 64)
        var piece: [UInt8] = []
        piece.reserveCapacity(chunk.count * times)
        for _ in 0..<times { piece += chunk }
        data.insert(contentsOf: piece, at: at)
    }

    /// Duplicates, deletes, swaps or re-indents whole lines (keeps YAML and scripts roughly in shape).
    private func lineMutation(_ data: inout [UInt8], _ rng: inout SplitMix64) {
        var lines = data.split(separator: 10, omittingEmptySubsequences: false).map(Array.init)
        guard !lines.isEmpty else { return }
        let a = rng.below(lines.count), b = rng.below(lines.count)
        switch rng.below(5) {
        case 0: lines.insert(lines[a], at: b)
        case 1: if lines.count > 1 { lines.remove(at: a) }
        case 2: lines.swapAt(a, b)
        case 3: lines[a].insert(contentsOf: repeatElement(UInt8(32), count: 1 + rng.below(4)), at: 0)
        default: while lines[a].first == 32 { lines[a].removeFirst() }
        }
        data = Array(lines.joined(separator: [10]))
    }
}

// MARK: - running a target

/// What a target's check learnt about one input.
struct CheckContext {
    /// For choices the check makes (which reader, file or pipe): derived from the input's seed.
    var rng: SplitMix64
    /// Property violations: a short label (used to group them) and a message.
    var problems: [(label: String, message: String)] = []
    /// Whether the input got deep into the target (kept to mutate further).
    var reachedDeep = false

    mutating func fail(_ label: String, _ message: String) {
        problems.append((label, message))
    }

    mutating func expect(_ condition: Bool, _ label: String, _ message: @autoclosure () -> String) {
        if !condition { fail(label, message()) }
    }
}

/// One fuzz target: its seeds, how to mutate them and the properties to check on each input.
struct FuzzTarget {
    var name: String
    var fileExtension: String
    var seeds: [Seed]
    var mutator: Mutator
    var check: (_ input: [UInt8], _ context: inout CheckContext) -> Void
    /// Runs once after the last input (removes work files).
    var finish: () -> Void = {}
}

struct FuzzFailure: Sendable, CustomStringConvertible {
    var target: String
    var label: String
    var message: String
    var iteration: Int
    var seed: UInt64
    var origin: String
    var savedAt: String
    var repeats: Int

    var description: String {
        "fuzz \(target): \(label): \(message)\n  input: \(origin), iteration \(iteration), seed 0x\(String(seed, radix: 16))"
            + " (base SPIEGEL_FUZZ_SEED=0x\(String(FuzzConfig.current.seed, radix: 16)))\n  saved to \(savedAt)"
            + (repeats > 0 ? "\n  (\(repeats) more inputs failed the same way)" : "")
    }
}

struct FuzzReport: Sendable {
    var target: String
    var executions: Int
    var seconds: Double
    var seedCount: Int
    var failures: [FuzzFailure]

    var summary: String {
        let rate = seconds > 0 ? Double(executions) / seconds : 0
        let failed = failures.reduce(0) { $0 + 1 + $1.repeats }
        return "fuzz \(target): \(executions) executions in \(String(format: "%.1f", seconds)) s"
            + " (\(Int(rate))/s, \(seedCount) seeds), 0 crashes, \(failed) property failures"
    }

    /// Prints the figures and turns every distinct failure into a test issue.
    func record(sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        print(summary)
        for failure in failures {
            Issue.record(Comment(rawValue: failure.description), sourceLocation: sourceLocation)
        }
    }
}

enum Fuzzer {
    /// Runs a target on its own thread with an 8 MB stack (the size of the CLI's main thread), so that
    /// deep recursion behaves as in the product and the test's cooperative threads stay free.
    static func run(_ makeTarget: @escaping @Sendable () -> FuzzTarget) async -> FuzzReport {
        await withCheckedContinuation { continuation in
            let thread = Thread {
                continuation.resume(returning: loop(makeTarget()))
            }
            thread.stackSize = 8 << 20
            thread.start()
        }
    }

    static let largestParent = 256 << 10

    /// Whether a seed is mutated (and spliced from): not too big, not a reproducer.
    static func isParent(_ seed: Seed) -> Bool {
        seed.bytes.count <= largestParent && !(seed.name.split(separator: "/").last ?? "").hasPrefix("repro-")
    }

    private static func loop(_ target: FuzzTarget) -> FuzzReport {
        let config = FuzzConfig.current
        let guardSlot = CrashGuard.claim(target: target.name, fileExtension: target.fileExtension)
        // C strings for the crash message, made before any input runs.
        let seedNames = target.seeds.map { UnsafePointer(strdup($0.name)!) }
        let mutantName = UnsafePointer(strdup("a mutant")!)
        defer {
            CrashGuard.release(guardSlot)
            seedNames.forEach { free(UnsafeMutablePointer(mutating: $0)) }
            free(UnsafeMutablePointer(mutating: mutantName))
        }
        let start = Clock.monotonic()
        var pool: [[UInt8]] = []  // mutated inputs that got deep, mutated further
        // Big seeds (the synthetic inputs at the size limits) are replayed but not mutated: mutating
        // megabytes is slow, and the rare "huge repeat" mutation reaches those sizes anyway.
        // Reproducers (repro-*) are replayed but not mutated either: their mutants mostly find the same bug
        // again and would hide new ones under the same property.
        var parents = target.seeds.indices.filter { Self.isParent(target.seeds[$0]) }
        if parents.isEmpty { parents = Array(target.seeds.indices) }
        var failures: [String: FuzzFailure] = [:]
        var order: [String] = []
        var executions = 0
        var mutationStart = start
        while executions < config.maxIterations {
            let seeded = executions < target.seeds.count
            // The budget is for mutated inputs: the seeds are always replayed first, however long they take.
            if executions == target.seeds.count { mutationStart = Clock.monotonic() }
            if !seeded && Clock.monotonic() - mutationStart >= config.seconds { break }
            let seed = SplitMix64.derive(config.seed, target.name, executions)
            var rng = SplitMix64(seed: seed)
            let input: [UInt8]
            let origin: String
            if seeded {
                input = target.seeds[executions].bytes
                origin = target.seeds[executions].name
            } else {
                var applied: [String] = []
                let fromPool = !pool.isEmpty && rng.chance(3)
                let parentIndex = fromPool ? rng.below(pool.count) : parents[rng.below(parents.count)]
                let parent = fromPool ? pool[parentIndex] : target.seeds[parentIndex].bytes
                input = target.mutator.mutate(parent, &rng, applied: &applied)
                origin = (fromPool ? "mutant of a mutant" : "mutant of \(target.seeds[parentIndex].name)")
                    + " (\(applied.joined(separator: ", ")))"
            }
            var context = CheckContext(rng: SplitMix64(seed: seed ^ 0xA5A5_A5A5_A5A5_A5A5))
            CrashGuard.begin(guardSlot, input: input, seed: seed, iteration: executions,
                             origin: seeded ? seedNames[executions] : mutantName)
            let cpuStart = Clock.threadCPU()
            target.check(input, &context)
            let cpu = Clock.threadCPU() - cpuStart
            CrashGuard.end(guardSlot)
            if config.verbose && seeded {
                print(String(format: "fuzz %@: seed %@: %d bytes, %.3f s CPU", target.name, origin, input.count, cpu))
            }
            if cpu > config.inputCPUSeconds {
                context.fail("too slow", String(format: "one input took %.2f s of CPU (bound %.1f s; %d bytes)",
                                                cpu, config.inputCPUSeconds, input.count))
            }
            let rss = Clock.peakRSSMegabytes()
            if rss > config.maxRSSMegabytes {
                context.fail("memory", "peak resident memory reached \(rss) MB (bound \(config.maxRSSMegabytes) MB; \(input.count) bytes)")
            }
            for (label, message) in context.problems {
                // Each seed's failures are reported on their own (a reproducer per bug); mutants by label.
                let key = seeded ? label + " @ " + origin : label
                if failures[key] != nil {
                    failures[key]!.repeats += 1
                    continue
                }
                let slug = label.map { $0.isLetter || $0.isNumber ? $0 : "-" }
                let path = "\(config.outputDirectory)/\(target.name)-\(String(slug).prefix(60))-\(String(seed, radix: 16)).\(target.fileExtension)"
                _ = FileManager.default.createFile(atPath: path, contents: Data(input))
                let failure = FuzzFailure(target: target.name, label: label, message: message, iteration: executions,
                                          seed: seed, origin: origin, savedAt: path, repeats: 0)
                failures[key] = failure
                order.append(key)
                // Printed at once as well: a later crash would otherwise take it along.
                print("FAILED " + failure.description)
            }
            if context.reachedDeep && !seeded && input.count <= Self.largestParent {
                if pool.count < 256 { pool.append(input) } else { pool[rng.below(pool.count)] = input }
            }
            executions += 1
        }
        target.finish()
        return FuzzReport(target: target.name, executions: executions, seconds: Clock.monotonic() - start,
                          seedCount: target.seeds.count, failures: order.map { failures[$0]! })
    }
}

// MARK: - crashes and hangs

/// Saves the input being checked when the process crashes (a Swift trap, a bad access) or an input hangs:
/// the signal handler writes each active target's input to `crash-TARGET.EXT` in the output directory and
/// names it on stderr, then lets the previous handler (the Swift backtracer) report the crash.
enum CrashGuard {
    struct Slot {
        var active = 0
        var seed: UInt64 = 0
        var iteration = 0
        var started = 0.0
        var count = 0
        var capacity = 0
        var data: UnsafeMutablePointer<UInt8>? = nil
        var path: UnsafeMutablePointer<CChar>? = nil
        var name: UnsafeMutablePointer<CChar>? = nil
        var origin: UnsafePointer<CChar>? = nil
    }

    static let slotCount = 8
    nonisolated(unsafe) static let slots: UnsafeMutablePointer<Slot> = {
        let slots = UnsafeMutablePointer<Slot>.allocate(capacity: slotCount)
        slots.initialize(repeating: Slot(), count: slotCount)
        return slots
    }()
    nonisolated(unsafe) static let previous: UnsafeMutablePointer<sigaction> = {
        let actions = UnsafeMutablePointer<sigaction>.allocate(capacity: 65)
        actions.initialize(repeating: sigaction(), count: 65)
        return actions
    }()
    nonisolated(unsafe) static var dumped = false
    nonisolated(unsafe) static let scratch = UnsafeMutablePointer<CChar>.allocate(capacity: 64)
    static let lock = NSLock()
    static let signals: [Int32] = [SIGILL, SIGTRAP, SIGABRT, SIGBUS, SIGFPE, SIGSEGV]

    private static let installed: Bool = {
        _ = slots; _ = previous
        signal(SIGPIPE, SIG_IGN)  // a reader that stops early must not kill the pipe's writer
        for number in signals {
            var action = sigaction()
            #if canImport(Glibc)
            action.__sigaction_handler.sa_handler = crashHandler
            #else
            action.__sigaction_u.__sa_handler = crashHandler
            #endif
            sigemptyset(&action.sa_mask)
            action.sa_flags = Int32(SA_ONSTACK)  // a stack overflow leaves no stack to run the handler on
            sigaction(number, &action, previous + Int(number))
        }
        let watchdog = Thread { watch() }
        watchdog.name = "spiegel-fuzz-watchdog"
        watchdog.start()
        return true
    }()

    /// Claims a slot for the calling thread's target and gives the thread an alternate signal stack.
    static func claim(target: String, fileExtension: String) -> Int {
        _ = installed
        var alternate = stack_t()
        alternate.ss_size = 1 << 18
        alternate.ss_sp = UnsafeMutableRawPointer.allocate(byteCount: alternate.ss_size, alignment: 16)  // kept for the process's life
        alternate.ss_flags = 0
        sigaltstack(&alternate, nil)
        lock.lock()
        defer { lock.unlock() }
        for index in 0..<slotCount where slots[index].name == nil {
            slots[index].name = strdup(target)
            slots[index].path = strdup("\(FuzzConfig.current.outputDirectory)/crash-\(target).\(fileExtension)")
            return index
        }
        fatalError("more than \(slotCount) fuzz targets at once")
    }

    static func release(_ index: Int) {
        lock.lock()
        defer { lock.unlock() }
        slots[index].active = 0
        free(slots[index].name)
        free(slots[index].path)
        slots[index].name = nil
        slots[index].path = nil
    }

    static func begin(_ index: Int, input: [UInt8], seed: UInt64, iteration: Int, origin: UnsafePointer<CChar>) {
        let slot = slots + index
        if slot.pointee.capacity < input.count {
            slot.pointee.active = 0
            slot.pointee.data?.deallocate()
            let capacity = max(input.count, 1 << 16)
            slot.pointee.data = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
            slot.pointee.capacity = capacity
        }
        input.withUnsafeBufferPointer { buffer in
            if let base = buffer.baseAddress { slot.pointee.data!.update(from: base, count: buffer.count) }
        }
        slot.pointee.count = input.count
        slot.pointee.seed = seed
        slot.pointee.iteration = iteration
        slot.pointee.origin = origin
        slot.pointee.started = Clock.monotonic()
        slot.pointee.active = 1
    }

    static func end(_ index: Int) {
        slots[index].active = 0
    }

    private static let crashHandler: @convention(c) (Int32) -> Void = { number in
        CrashGuard.dump(reason: "crashed with signal ", signal: number)
        sigaction(number, CrashGuard.previous + Int(number), nil)
        raise(number)
    }

    /// Writes every active slot's input and a line on stderr; only plain memory and write(2) are used.
    static func dump(reason: StaticString, signal: Int32 = -1) {
        if dumped { return }
        dumped = true
        for index in 0..<slotCount {
            let slot = slots[index]
            guard slot.active == 1, let path = slot.path, let name = slot.name, let data = slot.data else { continue }
            let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
            if fd >= 0 {
                _ = write(fd, data, slot.count)
                close(fd)
            }
            put("\nfuzz "); put(name); put(": "); put(reason)
            if signal >= 0 { putNumber(UInt64(signal), 10) }
            put(" on iteration "); putNumber(UInt64(slot.iteration), 10)
            put(" ("); if let origin = slot.origin { put(origin) }
            put("), seed 0x"); putNumber(slot.seed, 16); put("; the input is saved at "); put(path); put("\n")
        }
    }

    private static func put(_ text: UnsafePointer<CChar>) { _ = write(2, text, strlen(text)) }
    private static func put(_ text: StaticString) { _ = write(2, text.utf8Start, text.utf8CodeUnitCount) }

    private static func putNumber(_ value: UInt64, _ radix: UInt64) {
        var value = value
        var index = 63
        scratch[index] = 0
        repeat {
            index -= 1
            let digit = Int8(value % radix)
            scratch[index] = digit < 10 ? 48 + digit : 87 + digit
            value /= radix
        } while value > 0 && index > 0
        put(scratch + index)
    }

    /// Aborts the process (after saving the inputs) when one input runs longer than the hang bound.
    private static func watch() {
        let bound = FuzzConfig.current.hangSeconds
        while true {
            usleep(200_000)
            let now = Clock.monotonic()
            for index in 0..<slotCount where slots[index].active == 1 && now - slots[index].started > bound {
                dump(reason: "hung (no result within SPIEGEL_FUZZ_HANG_SECONDS)")
                abort()
            }
        }
    }
}
