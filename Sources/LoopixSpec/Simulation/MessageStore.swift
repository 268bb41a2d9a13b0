/// The messages in flight, each in a numbered slot that events and queues refer to; a slot is
/// reused once its message is gone, so memory follows the messages alive, not the run's length.
struct MessageStore {
    typealias Slot = Int

    private var messages: [SimMessage?] = []
    private var freeSlots: [Slot] = []

    /// Stores a new message and returns its slot.
    mutating func store(_ message: SimMessage) -> Slot {
        if let slot = freeSlots.popLast() {
            messages[slot] = message
            return slot
        }
        messages.append(message)
        return messages.count - 1
    }

    /// Forgets the message in `slot`; the slot may be handed out again.
    mutating func release(_ slot: Slot) {
        precondition(messages[slot] != nil, "BUG: slot \(slot) released twice")
        messages[slot] = nil
        freeSlots.append(slot)
    }

    /// The message in `slot`. A slot that events or queues still hold always has one; an empty
    /// slot there is a bug of the simulator, not of its input.
    subscript(slot: Slot) -> SimMessage {
        get {
            guard let message = messages[slot] else { preconditionFailure("BUG: empty message slot \(slot)") }
            return message
        }
        set {
            precondition(messages[slot] != nil, "BUG: empty message slot \(slot)")
            messages[slot] = newValue
        }
    }
}
