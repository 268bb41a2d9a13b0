import Foundation

/// Where the timing model's sender tracking runs: on the run's own thread, each observation
/// carried out at once, or on a second thread that takes the observations in batches, in order
/// (a two-stage pipeline). SPEC.md [LOOPIX-METRIC-THREAD].
///
/// The tracker is a pure function of the sequence of observations and the model never reads it
/// back, so both give the same result bit for bit; the second thread only lets the run use a
/// second core (`SenderThreadTests` compares the two).
final class SenderTracking {
    @exclusivity(unchecked) private var inline: SenderViewTable?
    private let worker: SenderTrackingWorker?
    /// Touched by the run's thread only (no dynamic exclusivity check at every observation).
    @exclusivity(unchecked) private var batch: [SenderRecord] = []
    private let batchSize: Int

    /// - Parameters:
    ///   - table: the tracking's state at the start.
    ///   - secondThread: whether a second thread carries out the observations.
    ///   - batchSize: observations per batch handed to the second thread (16 bytes each).
    ///   - queuedBatches: batches waiting at most; the run waits for the worker beyond that, so
    ///     memory stays bounded.
    init(table: SenderViewTable, secondThread: Bool, batchSize: Int = 8192, queuedBatches: Int = 16) {
        precondition(batchSize >= 1 && queuedBatches >= 1, "BUG: an empty batch or queue")
        self.batchSize = batchSize
        if secondThread {
            inline = nil
            worker = SenderTrackingWorker(table: table, queuedBatches: queuedBatches)
            batch.reserveCapacity(batchSize)
        } else {
            inline = table
            worker = nil
        }
    }

    /// Reports one observation.
    func record(_ r: SenderRecord) {
        guard let worker else {
            inline?.apply(r)
            return
        }
        batch.append(r)
        if batch.count == batchSize { worker.submit(&batch) }
    }

    /// Waits for every observation to be carried out and returns what was measured.
    func finish() -> SenderTally {
        guard let worker else { return inline?.tracker.tally ?? SenderTally() }
        if !batch.isEmpty { worker.submit(&batch) }
        return worker.finish().tracker.tally
    }
}

/// The second thread of `SenderTracking`: a queue of batches, taken in order. Until `finish`
/// returns, the table belongs to the worker thread alone; the lock guards only the queue.
final class SenderTrackingWorker: @unchecked Sendable {
    private let condition = NSCondition()
    private var queue: [[SenderRecord]] = []
    private var spare: [[SenderRecord]] = []
    private var closed = false
    private var table: SenderViewTable
    private let queuedBatches: Int
    private let done = DispatchSemaphore(value: 0)

    init(table: SenderViewTable, queuedBatches: Int) {
        self.table = table
        self.queuedBatches = queuedBatches
        let thread = Thread { [self] in work() }
        thread.name = "sender tracking"
        thread.start()
    }

    /// Hands `batch` over and gives back an empty one; waits while the queue is full.
    func submit(_ batch: inout [SenderRecord]) {
        condition.lock()
        while queue.count >= queuedBatches { condition.wait() }
        let capacity = batch.count
        queue.append(batch)
        batch = spare.popLast() ?? []
        condition.broadcast()
        condition.unlock()
        batch.reserveCapacity(capacity)
    }

    /// Closes the queue, waits until the worker has carried out everything, returns the table.
    func finish() -> SenderViewTable {
        condition.lock()
        closed = true
        condition.broadcast()
        condition.unlock()
        done.wait()
        return table
    }

    private func work() {
        while true {
            condition.lock()
            while queue.isEmpty && !closed { condition.wait() }
            if queue.isEmpty {
                condition.unlock()
                done.signal()
                return
            }
            var batch = queue.removeFirst()
            condition.broadcast()
            condition.unlock()
            table.apply(batch)
            batch.removeAll(keepingCapacity: true)
            condition.lock()
            if spare.count < 2 { spare.append(batch) }
            condition.unlock()
        }
    }
}
