/// The Loopix model (Piotrowska et al., USENIX Security 2017). See SPEC.md, chapter 8.
///
/// Where things are:
/// - `Model/`: `LoopixParameters` (with the presets nym, loopix-paper, mixim) and `LoopixError`.
/// - `Random/`: the seeded generator every run draws from (SplitMix64, xoshiro256**).
/// - `Simulation/`: paths, the generic `EventQueue`, the event loop `LoopixSimulator`
///   (Simulator.swift) and its event rules in `Simulation/Rules/` (SPEC.md §8.5); the
///   packet-level run `PacketSimulator` in `Simulation/PacketRun/`, which drives the nodes on the
///   same queue and measures them with the same collector (SPEC.md §8.12).
/// - `Metrics/`: what a run measures (`SimulationResult`), the `MetricCollector` with the
///   measurement window, the result assembly and the entropy trackers.
/// - `Nodes/`: the packet-level nodes (`MixNode`, `GatewayNode`, `ClientNode`) that carry real
///   nym Sphinx packets, sans-I/O, and `PacketNetwork` (SPEC.md §8.11; map in NodeEvents.swift).
/// - `Analysis/`: the closed forms (Lemma 1, Theorems 1 and 2, Danezis, Erlang, M/M/1, (n−1)).
/// - `Experiments/`: the single-mix experiment (Fig. 4) and the Monte Carlo of the theorems.
/// - `Adversary/`: the global observer's view and its files, and the attacks on it (tracing,
///   statistical disclosure) and on the network (dropping mixes, (n − 1)) (SPEC.md §8.13).
///
/// The Loopix test vectors (TestVectors/loopix/) and their verifier are in the SpecVectors
/// library (Sources/SpecVectors/Loopix/), with every other vector file.
public enum Loopix {
    /// The paper this model follows.
    public static let paper =
        "A. M. Piotrowska et al., The Loopix Anonymity System, USENIX Security 2017, arXiv 1703.00536"
}
