import HeapModule

/// The virtual-time event queue of a discrete-event run: events come out ordered by time, then
/// by the order in which they were scheduled, so a run is the same on every machine.
///
/// SPEC.md LOOPIX-SIM-2. Generic over what an event does, so that any run on virtual time
/// (the Loopix model here, a run of node state machines carrying real packets) can share it.
struct EventQueue<Action> {
    /// One scheduled event. Two events are compared by (time, sequence) only; the sequence is
    /// unique, so no two events are equal and the order never depends on the heap's layout.
    struct Entry: Comparable {
        var time: Double
        var sequence: UInt64
        var action: Action

        static func < (a: Entry, b: Entry) -> Bool {
            a.time < b.time || (a.time == b.time && a.sequence < b.sequence)
        }

        static func == (a: Entry, b: Entry) -> Bool {
            a.time == b.time && a.sequence == b.sequence
        }
    }

    private var heap = Heap<Entry>()
    /// How many events were ever scheduled; the next event's sequence number.
    private var scheduled: UInt64 = 0

    init() {}

    /// Events waiting.
    var count: Int { heap.count }

    /// The time of the earliest event, or nil when the queue is empty.
    var nextTime: Double? { heap.min?.time }

    /// Adds an event that happens at `time`, after every event already scheduled for that time.
    mutating func schedule(_ action: Action, at time: Double) {
        scheduled += 1
        heap.insert(Entry(time: time, sequence: scheduled, action: action))
    }

    /// Removes and returns the earliest event. The queue must not be empty (check `nextTime`).
    mutating func removeNext() -> (time: Double, action: Action) {
        precondition(!heap.isEmpty, "BUG: removeNext on an empty event queue")
        let entry = heap.removeMin()
        return (entry.time, entry.action)
    }
}
