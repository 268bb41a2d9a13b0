/// The links between nodes. They take no time (SPEC.md LOOPIX-SIM-2), so a message handed on
/// arrives inside the same event.
extension SimulationState {
    /// Moves a message to the next hop of its path: a mix, a provider, or the mix a loop came
    /// from. Only called while the path goes on.
    mutating func forward(slot: MessageStore.Slot) {
        let next = messages[slot].nextHop
        precondition(next < messages[slot].path.count, "BUG: forwarding a message at the end of its path")
        let hop = messages[slot].path[next]
        messages[slot].nextHop = next + 1
        switch hop {
        case .mix(let mix, let delay): mixArrival(slot: slot, mix: mix, delay: delay)
        case .provider(let provider): providerArrival(slot: slot, provider: provider)
        case .originMix:
            metrics.mixLoopReturned(at: now)
            messages.release(slot)
        }
    }
}
