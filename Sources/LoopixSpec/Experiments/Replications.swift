import Foundation

/// Independent runs side by side on every core: replications, seeds or curve points that share
/// nothing, so running them in parallel gives exactly what running them one after the other
/// gives (each has its own seed and its own generator; results come back in index order).
///
/// SPEC.md §8.10 ("Parallel runs").
public enum Replications {
    /// `body(0) … body(count − 1)`, spread over the cores by `DispatchQueue.concurrentPerform`;
    /// the results in index order. The first error (lowest index) is thrown.
    public static func map<T: Sendable>(
        count: Int, _ body: @Sendable (Int) throws(LoopixError) -> T
    ) throws(LoopixError) -> [T] {
        let results = ResultSlots<T>(count: count)
        DispatchQueue.concurrentPerform(iterations: count) { i in
            do throws(LoopixError) {
                results.set(i, .success(try body(i)))
            } catch {
                results.set(i, .failure(error))
            }
        }
        var values: [T] = []
        for r in results.all() {
            switch r {
            case .success(let v): values.append(v)
            case .failure(let e): throw e
            case nil: preconditionFailure("BUG: a replication did not run")
            }
        }
        return values
    }
}

/// One result slot per index, written under a lock by the worker that ran it.
private final class ResultSlots<T: Sendable>: @unchecked Sendable {
    private var slots: [Result<T, LoopixError>?]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ i: Int, _ r: Result<T, LoopixError>) {
        lock.lock()
        slots[i] = r
        lock.unlock()
    }

    func all() -> [Result<T, LoopixError>?] {
        lock.lock()
        defer { lock.unlock() }
        return slots
    }
}
