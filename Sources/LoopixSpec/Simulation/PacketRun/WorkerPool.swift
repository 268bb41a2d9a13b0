import DequeModule
import Dispatch
import Foundation
import Synchronization

/// A value computed ahead, on a worker thread or by the thread that needs it first
/// (SPEC.md §8.12, LOOPIX-PKT-AHEAD). Its work is a pure function, so who computes it and when
/// cannot change the value; the run's output is the same with any number of threads.
///
/// Swift 6 strict concurrency, no unchecked escapes: the state sits in a `Mutex`
/// (Synchronization), the work is a `@Sendable` closure returning a `Sendable` value, and the
/// only wait is a `DispatchSemaphore` the worker signals once it has stored the value.
final class AheadJob<Value: Sendable>: Sendable {
    private enum State: Sendable {
        case pending(@Sendable () -> Value)
        case running
        case done(Value)
        case cancelled
    }

    private let state: Mutex<State>
    private let finished = DispatchSemaphore(value: 0)
    private let work: @Sendable () -> Value

    init(_ work: @escaping @Sendable () -> Value) {
        self.work = work
        state = Mutex(.pending(work))
    }

    /// Takes the work if no one has (pending → running).
    private func claim() -> (@Sendable () -> Value)? {
        state.withLock { state in
            guard case .pending(let work) = state else { return nil }
            state = .running
            return work
        }
    }

    /// A worker runs the job unless it was taken or cancelled.
    func runIfPending() {
        guard let work = claim() else { return }
        let value = work()
        state.withLock { $0 = .done(value) }
        finished.signal()
    }

    /// The value: computed here if no worker has started it, else waited for, but not longer
    /// than `patience`: on a machine busier than its cores a worker may not run for a while, and
    /// the loop then computes the value itself (the same value; the worker's copy is discarded).
    func value(patience: DispatchTimeInterval = .milliseconds(2)) -> Value {
        if let work = claim() {
            let value = work()
            state.withLock { $0 = .done(value) }
            return value
        }
        let ready: Value? = state.withLock { state in
            switch state {
            case .done(let value): return value
            case .running: return nil
            case .pending, .cancelled: preconditionFailure("BUG: the value of a cancelled job")
            }
        }
        if let ready { return ready }
        if finished.wait(timeout: .now() + patience) == .timedOut {
            // The work is pure, so computing it again gives the value the worker will store.
            return work()
        }
        return state.withLock { state in
            guard case .done(let value) = state else { preconditionFailure("BUG: a signalled job has no value") }
            return value
        }
    }

    /// The value is no longer wanted: a worker that has not started it skips it.
    func cancel() {
        state.withLock { state in
            if case .pending = state { state = .cancelled }
        }
    }
}

/// A few worker threads that run `AheadJob`s in the order they were submitted.
final class WorkerPool: Sendable {
    private let jobs = Mutex(Deque<@Sendable () -> Void>())
    private let available = DispatchSemaphore(value: 0)
    let workers: Int

    /// Starts `workers` threads (≥ 1); they wait for jobs until `stop()`.
    init(workers: Int) {
        precondition(workers >= 1, "BUG: a pool needs a worker")
        self.workers = workers
        for _ in 0..<workers {
            Thread.detachNewThread { [self] in self.work() }
        }
    }

    /// Submits a job for the workers (in submission order).
    func submit<Value: Sendable>(_ job: AheadJob<Value>) {
        jobs.withLock { $0.append { job.runIfPending() } }
        available.signal()
    }

    /// Drops the jobs not started and ends every worker once its current job is done.
    func stop() {
        jobs.withLock { $0.removeAll() }
        for _ in 0..<workers { available.signal() }
    }

    private func work() {
        while true {
            available.wait()
            guard let job = jobs.withLock({ $0.popFirst() }) else { return }
            job()
        }
    }
}
