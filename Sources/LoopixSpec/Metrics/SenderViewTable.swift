/// One observation the timing model reports to the sender tracking, naming the message by its
/// slot (`MessageStore.Slot`) instead of carrying its vector. SPEC.md LOOPIX-METRIC-THREAD.
struct SenderRecord: Sendable {
    enum Operation: UInt8, Sendable {
        /// The message left its sender (`argument`: the sender's index, a client or C).
        case sent
        /// It entered mix `argument`'s pool.
        case arrived
        /// It left mix `argument`, whose pool held `heldBefore` messages counting it.
        case departed
        /// A client's cover message sent inside the window reached the end of its path
        /// (`argument`: its sender).
        case endOfPathCover
        /// The same for a real message.
        case endOfPathReal
        /// A target message reached its recipient.
        case targetDelivered
    }

    var operation: Operation
    var message: Int32
    var argument: Int32
    var heldBefore: Int32

    init(_ operation: Operation, message: Int, argument: Int = 0, heldBefore: Int = 0) {
        self.operation = operation
        self.message = Int32(truncatingIfNeeded: message)
        self.argument = Int32(truncatingIfNeeded: argument)
        self.heldBefore = Int32(truncatingIfNeeded: heldBefore)
    }
}

/// The sender tracking of the timing model: a `SenderTracker` and, for every message slot, the
/// message's vector. A slot's vector is overwritten when a new message in that slot is sent, so
/// the table's size follows the messages alive, like the `MessageStore`.
///
/// A message just sent has all its mass on its sender; until its first departure the table
/// keeps only that index (`firstSender`), and the slot's stored vector keeps its old storage
/// and length, which the next departure rewrites (vectors of consecutive messages in a slot
/// have similar lengths, so little is reallocated or resized).
struct SenderViewTable: Sendable {
    private(set) var tracker: SenderTracker
    private var views: [SparseMass] = []
    /// The sender index of a message not yet through a mix; −1 once `views` holds its vector.
    private var firstSender: [Int32] = []
    /// A one-entry vector, rewritten for each message not yet through a mix.
    private var single = SparseMass(single: 0)

    init(tracker: SenderTracker) { self.tracker = tracker }

    /// Carries out observations in order.
    mutating func apply(_ records: [SenderRecord]) {
        for r in records { apply(r) }
    }

    /// Carries out one observation (SPEC.md LOOPIX-METRIC-SENDER's rules on the slot's vector).
    mutating func apply(_ r: SenderRecord) {
        let slot = Int(r.message)
        switch r.operation {
        case .sent:
            if slot >= views.count {
                let more = slot + 1 - views.count
                views.append(contentsOf: repeatElement(SparseMass(), count: more))
                firstSender.append(contentsOf: repeatElement(-1, count: more))
            }
            firstSender[slot] = r.argument
        case .arrived:
            if firstSender[slot] >= 0 {
                single.entries[0].index = firstSender[slot]
                tracker.arrival(mix: Int(r.argument), view: single)
            } else {
                tracker.arrival(mix: Int(r.argument), view: views[slot])
            }
        case .departed:
            tracker.departure(mix: Int(r.argument), heldBefore: Int(r.heldBefore), view: &views[slot])
            firstSender[slot] = -1
        case .endOfPathCover, .endOfPathReal:
            tracker.endOfPath(
                isReal: r.operation == .endOfPathReal, senderClient: Int(r.argument), view: view(of: slot))
        case .targetDelivered:
            tracker.targetDelivered(view: view(of: slot))
        }
    }

    /// The vector of the message in `slot`.
    private mutating func view(of slot: Int) -> SparseMass {
        guard firstSender[slot] >= 0 else { return views[slot] }
        single.entries[0].index = firstSender[slot]
        return single
    }
}
