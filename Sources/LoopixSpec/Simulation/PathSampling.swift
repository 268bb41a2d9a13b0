/// Path and delay sampling, the sender's side of Loopix routing.
///
/// Paper: Loopix §3.2, "Path selection" (stratified topology; a path is the sender's provider,
/// one mix per layer, the recipient's provider; the sender draws each hop's delay from Exp(µ)).
public enum PathSampling {
    /// The global index of mix `j` of layer `layer` (both from 0).
    public static func mixIndex(layer: Int, position: Int, mixesPerLayer: Int) -> Int {
        layer * mixesPerLayer + position
    }

    /// The provider of client `c`.
    ///
    /// SPEC.md [LOOPIX-TOPO-1]: client c belongs to provider c mod P.
    public static func provider(ofClient c: Int, providers: Int) -> Int { c % providers }

    /// Draws the mixes and their delays of a client message.
    ///
    /// SPEC.md [LOOPIX-PATH-1].
    /// ```text
    /// for layer j = 0 … l−1:  m_j = j · M + floor(u · M)       (one uniform each)
    /// for layer j = 0 … l−1:  d_j = −ln(1 − u) / µ             (one uniform each)
    /// path = (m_0, d_0), …, (m_{l−1}, d_{l−1}), then the destination provider
    /// ```
    public static func clientPath(
        parameters p: LoopixParameters, destinationProvider: Int, random: inout SimulationRandom
    ) -> [Hop] {
        // Step 1: one mix per layer, uniformly within the layer.
        var mixes: [Int] = []
        mixes.reserveCapacity(p.layers)
        for layer in 0..<p.layers {
            mixes.append(
                mixIndex(
                    layer: layer, position: random.index(below: p.mixesPerLayer),
                    mixesPerLayer: p.mixesPerLayer))
        }
        // Step 2: one Exp(µ) delay per mix, in path order.
        var hops: [Hop] = []
        hops.reserveCapacity(p.layers + 1)
        for m in mixes { hops.append(.mix(m, delay: random.exponential(rate: p.mu))) }
        // Step 3: the destination provider ends the path.
        hops.append(.provider(destinationProvider))
        return hops
    }

    /// Draws the path of a mix loop started by mix `origin` in layer `originLayer`.
    ///
    /// SPEC.md [LOOPIX-PATH-2].
    /// ```text
    /// layers after the origin's (j = originLayer+1 … l−1): one mix each, uniformly
    /// a provider, uniformly:                                 floor(u · P)
    /// layers before the origin's (j = 0 … originLayer−1):    one mix each, uniformly
    /// then one Exp(µ) delay per mix drawn, in path order; the loop ends back at the origin
    /// ```
    public static func mixLoopPath(
        parameters p: LoopixParameters, origin: Int, random: inout SimulationRandom
    ) -> [Hop] {
        let originLayer = origin / p.mixesPerLayer
        // Step 1: the mixes of the later layers.
        var before: [Int] = [], after: [Int] = []
        for layer in (originLayer + 1)..<max(originLayer + 1, p.layers) {
            after.append(
                mixIndex(
                    layer: layer, position: random.index(below: p.mixesPerLayer),
                    mixesPerLayer: p.mixesPerLayer))
        }
        // Step 2: a provider.
        let provider = random.index(below: p.providers)
        // Step 3: the mixes of the earlier layers.
        for layer in 0..<originLayer {
            before.append(
                mixIndex(
                    layer: layer, position: random.index(below: p.mixesPerLayer),
                    mixesPerLayer: p.mixesPerLayer))
        }
        // Step 4: delays in path order, and the origin at the end.
        var hops: [Hop] = []
        for m in after { hops.append(.mix(m, delay: random.exponential(rate: p.mu))) }
        hops.append(.provider(provider))
        for m in before { hops.append(.mix(m, delay: random.exponential(rate: p.mu))) }
        hops.append(.originMix(origin))
        return hops
    }
}
