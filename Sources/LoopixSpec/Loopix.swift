/// The Loopix model (Piotrowska et al., USENIX Security 2017). See SPEC.md, chapter 8.
///
/// Where things are:
/// - `Model/`: `LoopixParameters` (with the presets nym, loopix-paper, mixim) and `LoopixError`.
/// - `Random/`: the seeded generator every run draws from (SplitMix64, xoshiro256**).
/// - `Simulation/`: paths, events, the discrete-event `LoopixSimulator`.
/// - `Metrics/`: what a run measures (`SimulationResult`) and the entropy trackers.
/// - `Analysis/`: the closed forms (Lemma 1, Theorems 1 and 2, Danezis, Erlang, M/M/1, (n−1)).
/// - `Experiments/`: the single-mix experiment (Fig. 4) and the Monte Carlo of the theorems.
///
/// The Loopix test vectors (TestVectors/loopix/) and their verifier are in the SpecVectors
/// library (Sources/SpecVectors/Loopix/), with every other vector file.
public enum Loopix {
    /// The paper this model follows.
    public static let paper = "A. M. Piotrowska et al., The Loopix Anonymity System, USENIX Security 2017, arXiv 1703.00536"
}
