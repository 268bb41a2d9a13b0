import Foundation

/// The active dropping attack and what an honest client's loops reveal of it.
///
/// Source: Loopix §3.2 and §4.2.1 (loops "detect active attacks"; a client that sees its loops
/// lost learns that some mix on their routes misbehaves); Nym's mixnet page (loops mitigate
/// "packet-dropping attacks by malicious nodes"). The measurement is ours. SPEC.md §8.13.
public enum DroppingAttack {
    /// Which mixes drop and how much (SPEC.md LOOPIX-ADV-DROP-1).
    public struct Setting: Codable, Sendable {
        /// The layers the adversary attacks (from 0); in each, the first ⌈f·M⌉ mixes are its own.
        public var layers: [Int]
        public var fraction: Double
        /// Each packet through a malicious mix is dropped with this probability.
        public var dropProbability: Double

        public init(layers: [Int], fraction: Double, dropProbability: Double) {
            self.layers = layers
            self.fraction = fraction
            self.dropProbability = dropProbability
        }

        /// The malicious mixes (global indices).
        public func culprits(_ p: LoopixParameters) -> Set<Int> {
            let perLayer = Int((fraction * Double(p.mixesPerLayer)).rounded(.up))
            return Set(
                layers.flatMap { layer in
                    (0..<min(perLayer, p.mixesPerLayer)).map {
                        PathSampling.mixIndex(layer: layer, position: $0, mixesPerLayer: p.mixesPerLayer)
                    }
                })
        }
    }

    public struct Report: Codable, Sendable {
        public var setting: Setting
        public var culprits: [Int]
        /// Loops sent by the one honest client, and the share that came back.
        public var loopsSent: Int
        public var delivered: Double
        public var deliveredStandardError: Double
        /// The closed form Π over layers of (1 − f_j·q) (LOOPIX-ADV-DROP-1).
        public var deliveredPredicted: Double
        /// Each mix's loss rate among the client's loops that crossed it, as the client sees it.
        public var lossRatePerMix: [Double]
        /// Seconds of loops (at λ_L) until the client's named set was the culprits and stayed so
        /// (nil: not within the run).
        public var detectionTime: Double?
        /// The mixes the client named at the end.
        public var named: [Int]
    }

    /// The closed form of end-to-end delivery: a path takes one uniform mix per layer, so it
    /// meets a malicious mix of layer j with chance f_j = (malicious in j)/M.
    ///
    /// SPEC.md [LOOPIX-ADV-DROP-1]: delivered = Π_j (1 − f_j · q).
    public static func predictedDelivery(_ s: Setting, parameters p: LoopixParameters) -> Double {
        let bad = s.culprits(p)
        var d = 1.0
        for layer in 0..<p.layers {
            let inLayer = (0..<p.mixesPerLayer).filter {
                bad.contains(PathSampling.mixIndex(layer: layer, position: $0, mixesPerLayer: p.mixesPerLayer))
            }.count
            d *= 1 - Double(inLayer) / Double(p.mixesPerLayer) * s.dropProbability
        }
        return d
    }

    /// One honest client sends `loops` loop messages (paths by LOOPIX-PATH-1); the malicious mixes
    /// drop them; the client counts, per mix, loops through it and loops lost, and names culprits.
    ///
    /// SPEC.md [LOOPIX-ADV-DROP-2].
    /// ```text
    /// for each loop: path = one uniform mix per layer; lost if some malicious mix on it drops it
    ///                (each independently with probability q)
    ///                every mix on the path: sent += 1; if lost: lost += 1
    /// naming, after each loop: mix x of layer j is named when its loss rate L_x exceeds the
    ///   loss rate of the other mixes of its layer, L_rest, by z standard errors:
    ///   (L_x − L_rest) / √(L̄(1 − L̄)(1/n_x + 1/n_rest)) > z,  L̄ the layer's pooled rate,
    ///   and n_x ≥ 10
    /// detection time: (index of the first loop from which the named set is the culprits to the
    ///   end) / λ_L
    /// ```
    public static func run(
        _ s: Setting, parameters p: LoopixParameters, loops: Int, z: Double = 4, seed: UInt64
    ) throws(AdversaryError) -> Report {
        guard s.fraction >= 0, s.fraction <= 1 else {
            throw .parameterOutOfRange(parameter: "fraction", value: s.fraction)
        }
        guard s.dropProbability >= 0, s.dropProbability <= 1 else {
            throw .parameterOutOfRange(parameter: "dropProbability", value: s.dropProbability)
        }
        for l in s.layers where l < 0 || l >= p.layers {
            throw .parameterOutOfRange(parameter: "layer", value: Double(l))
        }
        guard loops >= 1, p.lambdaL > 0 else { throw .unsuitable("need loops ≥ 1 and λ_L > 0 (the client's loops)") }
        let bad = s.culprits(p)
        let mixes = p.layers * p.mixesPerLayer
        var random = SimulationRandom(seed: seed)
        var sent = [Int](repeating: 0, count: mixes), lost = sent
        var delivered = 0
        var lastWrong = 0
        var named: Set<Int> = []
        for i in 1...loops {
            // Step 1: the loop's path and fate.
            let path = PathSampling.clientPath(parameters: p, destinationProvider: 0, random: &random)
            var dropped = false
            for case .mix(let x, _) in path where bad.contains(x) {
                if random.uniform() < s.dropProbability { dropped = true }
            }
            // Step 2: the client's counts.
            for case .mix(let x, _) in path {
                sent[x] += 1
                if dropped { lost[x] += 1 }
            }
            if !dropped { delivered += 1 }
            // Step 3: the client's naming.
            named = name(sent: sent, lost: lost, parameters: p, z: z)
            if named != bad { lastWrong = i }
        }
        let d = Double(delivered) / Double(loops)
        return Report(
            setting: s, culprits: bad.sorted(), loopsSent: loops, delivered: d,
            deliveredStandardError: (d * (1 - d) / Double(loops)).squareRoot(),
            deliveredPredicted: predictedDelivery(s, parameters: p),
            lossRatePerMix: (0..<mixes).map { sent[$0] > 0 ? Double(lost[$0]) / Double(sent[$0]) : 0 },
            detectionTime: lastWrong < loops ? Double(lastWrong + 1) / p.lambdaL : nil,
            named: named.sorted())
    }

    /// The naming rule of LOOPIX-ADV-DROP-2 applied to the counts so far.
    static func name(sent: [Int], lost: [Int], parameters p: LoopixParameters, z: Double) -> Set<Int> {
        var named: Set<Int> = []
        for layer in 0..<p.layers {
            let members = (0..<p.mixesPerLayer).map {
                PathSampling.mixIndex(layer: layer, position: $0, mixesPerLayer: p.mixesPerLayer)
            }
            let layerSent = members.reduce(0) { $0 + sent[$1] }, layerLost = members.reduce(0) { $0 + lost[$1] }
            guard layerSent > 0 else { continue }
            let pooled = Double(layerLost) / Double(layerSent)
            for x in members where sent[x] >= 10 && layerSent - sent[x] > 0 {
                let nx = Double(sent[x]), nRest = Double(layerSent - sent[x])
                let lx = Double(lost[x]) / nx, lRest = Double(layerLost - lost[x]) / nRest
                let se = (pooled * (1 - pooled) * (1 / nx + 1 / nRest)).squareRoot()
                if se > 0 && (lx - lRest) / se > z { named.insert(x) }
            }
        }
        return named
    }
}
