/// What the runs report to the sender tracking (SPEC.md LOOPIX-METRIC-SENDER, -EPSILON,
/// -THREAD), in two forms that carry out the same rules: the timing model names each message by
/// its slot and the collector keeps the vectors (`slotSenders`); the packet-level run carries
/// each packet's vector on its tag and hands it over (`carriedSenders`). Each call does nothing
/// when sender distributions are not tracked.
extension MetricCollector {
    // MARK: The timing model: messages named by slot

    /// The message in `slot` leaves its sender now (LOOPIX-CLIENT-5: all mass on that client,
    /// or on "a mix", index C).
    func senderSent(slot: Int, sender: Sender) {
        slotSenders?.record(
            SenderRecord(.sent, message: slot, argument: SenderTracker.index(of: sender, clients: clients)))
    }

    /// The message in `slot` enters mix `mix`'s pool: S = S + v.
    func senderArrived(slot: Int, mix: Int) {
        slotSenders?.record(SenderRecord(.arrived, message: slot, argument: mix))
    }

    /// The message in `slot` leaves mix `mix`: v = S/n. Call before `mixDeparture`, while the
    /// pool still counts it.
    func senderDeparted(slot: Int, mix: Int) {
        slotSenders?.record(SenderRecord(.departed, message: slot, argument: mix, heldBefore: mixes[mix].held))
    }

    /// A client's message in `slot`, sent at `sentAt`, reaches the end of its path (its
    /// destination provider): counted when sent inside the window.
    func senderEndOfPath(slot: Int, kind: MessageKind, senderClient: Int, sentAt: Double) {
        guard let slotSenders, inWindow(sentAt) else { return }
        slotSenders.record(
            SenderRecord(kind == .real ? .endOfPathReal : .endOfPathCover, message: slot, argument: senderClient))
    }

    /// The target message in `slot` reaches its recipient (MiXiM's ε and δ).
    func senderTargetDelivered(slot: Int) {
        slotSenders?.record(SenderRecord(.targetDelivered, message: slot))
    }

    // MARK: The packet-level run: vectors carried by the caller

    /// The vector of a packet just seen leaving its sender; nil when not tracked.
    func senderView(of sender: Sender) -> SenderDistribution? {
        carriedSenders?.view(of: sender)
    }

    /// A packet with vector `view` enters mix `mix`'s pool.
    mutating func senderArrived(view: SenderDistribution?, mix: Int) {
        guard let view else { return }
        carriedSenders?.arrival(mix: mix, view: view)
    }

    /// A packet leaves mix `mix`: its new vector, the pool's average (nil when not tracked).
    /// Call before `mixDeparture`, while the pool still counts it.
    mutating func senderDeparted(mix: Int) -> SenderDistribution? {
        guard carriedSenders != nil else { return nil }
        var v = SparseMass()
        carriedSenders?.departure(mix: mix, heldBefore: mixes[mix].held, view: &v)
        return v
    }

    /// A client's packet, sent at `sentAt`, reaches the end of its path with vector `view`.
    mutating func senderEndOfPath(view: SenderDistribution?, kind: MessageKind, senderClient: Int, sentAt: Double) {
        guard let view, inWindow(sentAt) else { return }
        carriedSenders?.endOfPath(isReal: kind == .real, senderClient: senderClient, view: view)
    }

    // MARK: The end of a run

    /// Waits for the sender tracking to finish (a second thread, if it has one) and keeps what
    /// it measured in `senderTally`. Call once, when the run's last event is done.
    mutating func finishSenderTracking() {
        if let slotSenders {
            senderTally = slotSenders.finish()
        } else if let carriedSenders {
            senderTally = carriedSenders.tally
        }
    }
}
