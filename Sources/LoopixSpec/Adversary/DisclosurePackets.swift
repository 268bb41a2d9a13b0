extension DisclosureAttack {
    /// The attack on packet-level runs: every trial is a run of the nodes of §8.11 on real Sphinx
    /// packets with the writing habit, attacked on its observer's view alone, as `traceCurve`
    /// does on the timing model.
    ///
    /// SPEC.md [LOOPIX-ADV-SDA-PKT].
    /// ```text
    /// as LOOPIX-ADV-SDA-5, each trial a packet-level run (PacketSimulator, the behaviour given,
    ///   seed, seed + 1, …) with the habit (LOOPIX-PKT-USER) and its view (LOOPIX-ADV-PKT-VIEW)
    /// the behaviour's empty-slot rule must be the habit's (loop: Nym's client, drop: the paper's)
    /// beside it: the same rounds model and Danezis' prediction (they count no acks)
    /// ```
    /// - Parameters:
    ///   - s: the network, the writing habit, the friends scored, the rounds and their length.
    ///   - behaviour: the nodes' behaviour; its empty-slot rule must be the habit's.
    ///   - trials: packet runs, with seeds seed, seed + 1, …
    ///   - seed: the first run's seed (the rounds model beside it draws from its own).
    ///   - threads: threads doing each run's Sphinx work; the figures do not depend on it.
    ///   - progress: called with the share of trials done (0 … 1).
    /// - Throws: `AdversaryError.unsuitable` for a setting the run refuses (a habit whose rule is
    ///   not the behaviour's, fewer than 1 thread) or the attack cannot score.
    public static func packetCurve(
        _ s: TraceSetting, behaviour: PacketBehaviour, trials: Int, seed: UInt64, threads: Int = 1,
        progress: ((Double) -> Void)? = nil
    ) throws(AdversaryError) -> TraceCurve {
        let runs = "packet-level run (\(PacketRunState.describe(behaviour)))"
        return try curve(s, runs: runs, trials: trials, seed: seed, progress: progress) {
            config throws(AdversaryError) in
            do {
                let simulator = try PacketSimulator(parameters: s.parameters, behaviour: behaviour, config: config)
                return try ObserverRecording.run(simulator, threads: threads).recording.observation
            } catch {
                throw .unsuitable("the packet-level run: \(error)")
            }
        }
    }
}
