/// The event rules of a mix, in SPEC.md order (§8.5, LOOPIX-MIX-1 … 3).
///
/// Paper: Loopix §3.3, "The Poisson Mix Strategy", and Appendix A.2.
extension SimulationState {
    /// A message enters mix `mix`.
    ///
    /// Paper: Loopix §3.3, "The Poisson Mix Strategy". SPEC.md [LOOPIX-MIX-1].
    /// ```text
    /// hold the message until now + d (+ the processing delay, if any), d the delay its sender
    /// drew for this hop (every message is delayed independently of all others: no batches,
    /// no rounds)
    /// ```
    mutating func mixArrival(slot: MessageStore.Slot, mix: Int, delay: Double) {
        // Step 1: the message joins the pool.
        metrics.senderArrived(slot: slot, mix: mix)
        metrics.mixArrival(mix: mix, targetMass: messages[slot].targetMass, at: now)
        // Step 2: it leaves when its own delay is over.
        let wait = p.processingDelay.map { delay + $0 } ?? delay
        schedule(.mixDeparture(message: slot, mix: mix), at: now + wait)
    }

    /// A message's delay at mix `mix` is over: it leaves the pool and goes on.
    ///
    /// SPEC.md [LOOPIX-MIX-2].
    /// ```text
    /// remove it from the pool; forward it to its next hop
    /// (adversary's view, MiXiM: its sender distribution becomes the pool's average)
    /// ```
    mutating func mixDeparture(slot: MessageStore.Slot, mix: Int) {
        // Step 1: the message leaves the pool.
        mixHops += 1
        if messages[slot].targetMass != nil { messages[slot].targetMass = metrics.targetDeparture(mix: mix, at: now) }
        metrics.senderDeparted(slot: slot, mix: mix)
        metrics.mixDeparture(mix: mix, kind: messages[slot].kind, at: now)
        // Step 2: on to the next hop.
        forward(slot: slot)
    }

    /// A slot of mix `mix`'s loop cover stream.
    ///
    /// Paper: Loopix §3.2 (mix loop cover traffic) and Appendix A.2 (a loop leaves on its own
    /// Exp(λ_M) clock, racing the pool). SPEC.md [LOOPIX-MIX-3]: schedule the next slot at
    /// now + Exp(λ_M); draw a mix-loop path (LOOPIX-PATH-2) and send the loop at once (it is
    /// not held in the mix's own pool).
    mutating func mixLoopSlot(mix: Int) {
        // Step 1: schedule the successor.
        schedule(.mixLoopSlot(mix: mix), at: now + random.exponential(rate: p.lambdaM))
        // Step 2: the loop leaves the mix now.
        let path = PathSampling.mixLoopPath(parameters: p, origin: mix, random: &random)
        var m = SimMessage(kind: .mixLoop, sender: .mix(mix), recipient: nil, path: path, createdAt: now)
        m.sentAt = now
        let slot = messages.store(m)
        metrics.senderSent(slot: slot, sender: m.sender)
        metrics.messageSent(.mixLoop, at: now)
        forward(slot: slot)
    }
}
