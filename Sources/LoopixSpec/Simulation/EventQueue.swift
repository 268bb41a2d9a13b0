import HeapModule

/// The virtual-time event queue of a discrete-event run: events come out ordered by time, then
/// by the order in which they were scheduled, so a run is the same on every machine.
///
/// SPEC.md LOOPIX-SIM-2. The one queue of the project: generic over the time type and over what
/// an event does, so every run on virtual time shares it: the timing model (`Double` seconds),
/// the packet-level run and the node vectors' driver (`UInt64` nanoseconds, the unit of the
/// nodes, SPEC.md §8.12 and §9.6).
public struct EventQueue<Time: Comparable, Action> {
    /// One scheduled event. Two events are compared by (time, sequence) only; the sequence is
    /// unique, so no two events are equal and the order never depends on the heap's layout.
    struct Entry: Comparable {
        var time: Time
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

    public init() {}

    /// Events waiting.
    public var count: Int { heap.count }

    /// The time of the earliest event, or nil when the queue is empty.
    public var nextTime: Time? { heap.min?.time }

    /// Adds an event that happens at `time`, after every event already scheduled for that time.
    public mutating func schedule(_ action: Action, at time: Time) {
        scheduled += 1
        heap.insert(Entry(time: time, sequence: scheduled, action: action))
    }

    /// Removes and returns the earliest event. The queue must not be empty (check `nextTime`).
    public mutating func removeNext() -> (time: Time, action: Action) {
        precondition(!heap.isEmpty, "BUG: removeNext on an empty event queue")
        let entry = heap.removeMin()
        return (entry.time, entry.action)
    }

    /// Removes and returns the earliest event if it is due at or before `end`, else nil.
    public mutating func removeNext(until end: Time) -> (time: Time, action: Action)? {
        guard let time = nextTime, time <= end else { return nil }
        return removeNext()
    }
}

extension EventQueue.Entry: Sendable where Time: Sendable, Action: Sendable {}
extension EventQueue: Sendable where Time: Sendable, Action: Sendable {}
