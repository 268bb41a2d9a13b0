/// The links between nodes. They take no time (SPEC.md LOOPIX-SIM-2), so a message handed on
/// arrives inside the same event.
extension SimulationState {
    /// Moves a message to the next hop of its path: a mix, a provider, or the mix a loop came
    /// from. Only called while the path goes on.
    mutating func forward(slot: MessageStore.Slot) {
        let next = messages[slot].nextHop
        precondition(next < messages[slot].path.count, "BUG: forwarding a message at the end of its path")
        let hop = messages[slot].path[next]
        if observe != nil { observeLink(of: messages[slot], slot: slot, to: hop) }
        messages[slot].nextHop = next + 1
        switch hop {
        case .mix(let mix, let delay): mixArrival(slot: slot, mix: mix, delay: delay)
        case .provider(let provider): providerArrival(slot: slot, provider: provider)
        case .originMix:
            metrics.mixLoopReturned(at: now)
            messages.release(slot)
        }
    }

    /// Reports the link a message crosses to its next hop to the adversary's hook
    /// (SPEC.md LOOPIX-ADV-VIEW): from the node it is at (the sender's provider or the
    /// creating mix before the first hop), to the hop's node.
    func observeLink(of m: SimMessage, slot: MessageStore.Slot, to hop: Hop) {
        let from: NetworkNode
        if m.nextHop == 0 {
            switch m.sender {
            case .client(let c): from = .provider(PathSampling.provider(ofClient: c, providers: p.providers))
            case .mix(let x): from = .mix(x)
            }
        } else {
            switch m.path[m.nextHop - 1] {
            case .mix(let x, _), .originMix(let x): from = .mix(x)
            case .provider(let q): from = .provider(q)
            }
        }
        let to: NetworkNode
        switch hop {
        case .mix(let x, _), .originMix(let x): to = .mix(x)
        case .provider(let q): to = .provider(q)
        }
        // A mix loop's first link is this one; a client message's was its client's (`send`).
        var first = false
        if m.nextHop == 0, case .mix = m.sender { first = true }
        observe?(LinkEvent(time: now, from: from, to: to), LinkTruth(slot: slot, kind: m.kind, isFirstLink: first))
    }
}
