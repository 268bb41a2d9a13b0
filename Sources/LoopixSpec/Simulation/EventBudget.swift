/// The bound on the number of events one run handles, shared by the two event loops on
/// virtual time (the timing model, `Simulator.swift`, and the packet-level run,
/// `PacketRun/PacketSimulator.swift`).
///
/// SPEC.md LOOPIX-SIM-2 and LOOPIX-PKT-LOOP: an event is handled only while fewer than the
/// bound have been; the loop that asks `admit()` after finding an event due stops at the first
/// refusal, and the run's stop reason then says so.
struct EventBudget {
    /// The most events the run may handle (`SimulationConfig.maxEvents`).
    let limit: Int
    /// Events admitted so far.
    private(set) var handled = 0
    /// Whether an event was due but refused.
    private(set) var exhausted = false

    init(limit: Int) {
        self.limit = limit
    }

    /// Counts one more event, or refuses it when `limit` have been handled.
    mutating func admit() -> Bool {
        if handled >= limit {
            exhausted = true
            return false
        }
        handled += 1
        return true
    }

    /// Why the loop ended: the bound, or the end of virtual time.
    var stopReason: SimulationResult.StopReason { exhausted ? .eventLimit : .duration }
}

extension MetricCollector {
    /// The end of the measurement window once a run stopped at virtual time `now`: the planned
    /// end, or, when the event bound stopped it, no later than the last event (LOOPIX-SIM-2).
    func windowEnd(stoppedBy reason: SimulationResult.StopReason, at now: Double) -> Double {
        reason == .duration ? windowEnd : min(now, windowEnd)
    }
}
