import Foundation

/// A value computed on another thread; `value()` waits for it. Bulk work uses it to prepare the next batch
/// (entry files read and decoded, entries encoded) while the current one is written, on a second core.
final class Background<Value: Sendable>: @unchecked Sendable {
    private let done = DispatchGroup()
    /// Set once by the working thread before it leaves `done`; read only after waiting for `done`.
    private var result: Value?

    init(_ work: @escaping @Sendable () -> Value) {
        done.enter()
        DispatchQueue.global(qos: .userInitiated).async { [self] in
            result = work()
            done.leave()
        }
    }

    func value() -> Value {
        done.wait()
        return result!
    }
}
