/// The messages in flight, each in a numbered slot that events and queues refer to; a slot is
/// reused once its message is gone, so memory follows the messages alive, not the run's length.
struct MessageStore {
    typealias Slot = Int

    /// A free slot holds this (empty arrays allocate nothing).
    private static let vacant = SimMessage(kind: .drop, sender: .mix(0), recipient: nil, path: [], createdAt: 0)

    private var messages: [SimMessage] = []
    private var occupied: [Bool] = []
    private var freeSlots: [Slot] = []

    /// Stores a new message and returns its slot.
    mutating func store(_ message: SimMessage) -> Slot {
        if let slot = freeSlots.popLast() {
            messages[slot] = message
            occupied[slot] = true
            return slot
        }
        messages.append(message)
        occupied.append(true)
        return messages.count - 1
    }

    /// Forgets the message in `slot`; the slot may be handed out again.
    mutating func release(_ slot: Slot) {
        precondition(occupied[slot], "BUG: slot \(slot) released twice")
        messages[slot] = Self.vacant
        occupied[slot] = false
        freeSlots.append(slot)
    }

    /// The message in `slot`. A slot that events or queues still hold always has one; an empty
    /// slot there is a bug of the simulator, not of its input. Read and changed in place (a copy
    /// would retain and release the message's arrays at every hop).
    subscript(slot: Slot) -> SimMessage {
        _read {
            precondition(occupied[slot], "BUG: empty message slot \(slot)")
            yield messages[slot]
        }
        _modify {
            precondition(occupied[slot], "BUG: empty message slot \(slot)")
            yield &messages[slot]
        }
    }
}
