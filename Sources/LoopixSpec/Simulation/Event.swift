/// One scheduled event of the discrete-event simulator.
///
/// Events are ordered by virtual time, then by the order in which they were scheduled, so the
/// run is the same on every machine (SPEC.md [LOOPIX-SIM-2]).
struct Event: Comparable {
    enum Action {
        /// A client's payload-stream slot (λ_P).
        case payloadSlot(client: Int)
        /// A client's loop cover slot (λ_L).
        case loopSlot(client: Int)
        /// A client's drop cover slot (λ_D).
        case dropSlot(client: Int)
        /// The client's user puts a real message into the buffer (rate r).
        case realMessage(client: Int)
        /// The client pulls its inbox from its provider.
        case pull(client: Int)
        /// A mix's loop cover slot (λ_M).
        case mixLoopSlot(mix: Int)
        /// A message's delay at a mix is over.
        case mixDeparture(message: Int, mix: Int)
    }

    var time: Double
    var sequence: UInt64
    var action: Action

    static func < (a: Event, b: Event) -> Bool {
        a.time < b.time || (a.time == b.time && a.sequence < b.sequence)
    }

    static func == (a: Event, b: Event) -> Bool {
        a.time == b.time && a.sequence == b.sequence
    }
}
