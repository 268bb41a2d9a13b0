import Foundation

extension DisclosureAttack {
    /// What the attack on an observation is told: whom to watch, how many friends to name, and
    /// how to cut the observation into rounds. Everything else it reads from the view.
    public struct ViewSetting: Codable, Sendable, Equatable {
        /// Alice: the client whose link the observer watches.
        public var writer: Int
        /// m, the number of recipients to name.
        public var friends: Int
        /// Seconds per round W (long against the network latency l/µ).
        public var roundLength: Double
        /// Where the first round starts (after the network has filled up).
        public var start: Double

        public init(writer: Int, friends: Int, roundLength: Double, start: Double) {
            self.writer = writer
            self.friends = friends
            self.roundLength = roundLength
            self.start = start
        }
    }

    /// The attack's guesses round after round on one observation.
    public struct ViewRun: Codable, Sendable, Equatable {
        public var setting: ViewSetting
        /// Complete rounds in the observation.
        public var rounds: Int
        /// Alice's provider (her packets' first link ends there): never a candidate.
        public var writerProvider: Int
        /// Alice's packets per round, a_t (she cannot be told apart from her cover).
        public var writerPackets: [Int]
        /// After each round t (index t − 1), the m providers named, smallest index first, by the
        /// correlation and by the excess estimate; empty when the m-th largest score ties with a
        /// provider outside (no guess).
        public var correlationGuesses: [[Int]]
        public var excessGuesses: [[Int]]
    }

    /// Runs the statistical disclosure attack on an observation (a simulator's view or a file's).
    ///
    /// SPEC.md [LOOPIX-ADV-SDA-4].
    /// ```text
    /// Alice's provider = the destination of her first link c_writer → p
    /// round t = floor((time − start) / W) + 1, for the complete rounds up to the last event
    /// a_t    = links c_writer → any provider in round t                (all her packets)
    /// O_t[r] = links last-layer mix → p_r in round t                    (deliveries, any sender)
    /// after each round: the two estimates of LOOPIX-ADV-SDA-2 over providers r ≠ Alice's,
    ///   correlation v[r] = cov(a, O[r]) / var(a),  excess v[r] = Σ_t O_t[r];
    ///   guess = the m largest v[r] (none when the m-th ties with an outsider)
    /// ```
    public static func onView(
        _ events: [LinkEvent], providers: Int, layers: Int, mixesPerLayer: Int, setting s: ViewSetting
    ) throws(AdversaryError) -> ViewRun {
        guard s.friends >= 1, providers >= s.friends + 2 else {
            throw .unsuitable("need friends ≥ 1 and providers ≥ friends + 2 (Alice's own provider is one)")
        }
        guard s.roundLength.isFinite, s.roundLength > 0 else {
            throw .parameterOutOfRange(parameter: "roundLength", value: s.roundLength)
        }
        guard s.start.isFinite, s.start >= 0 else { throw .parameterOutOfRange(parameter: "start", value: s.start) }
        // Step 1: Alice's provider.
        var own: Int?
        for e in events {
            if case .client(let c) = e.from, c == s.writer, case .provider(let q) = e.to {
                own = q
                break
            }
        }
        guard let writerProvider = own, writerProvider < providers else {
            throw .unsuitable("client \(s.writer) sends nothing in the observation")
        }
        let lastLayer = layers - 1
        let end = events.last?.time ?? 0
        let rounds = max(0, Int(((end - s.start) / s.roundLength).rounded(.down)))
        guard rounds >= 1 else { throw .unsuitable("the observation holds no complete round after start") }
        // Step 2: a_t and O_t[r].
        var a = [Int](repeating: 0, count: rounds)
        var o = [[Double]](repeating: [Double](repeating: 0, count: providers), count: rounds)
        for e in events where e.time >= s.start {
            let t = Int(((e.time - s.start) / s.roundLength).rounded(.down))
            guard t < rounds else { break }
            switch (e.from, e.to) {
            case (.client(let c), .provider) where c == s.writer:
                a[t] += 1
            case (.mix(let m), .provider(let r)) where m / mixesPerLayer == lastLayer && r < providers:
                o[t][r] += 1
            default:
                break
            }
        }
        // Step 3: the estimates and the guesses after each round.
        var sumA = 0.0, sumA2 = 0.0
        var sumO = [Double](repeating: 0, count: providers), sumAO = sumO
        var correlationGuesses: [[Int]] = [], excessGuesses: [[Int]] = []
        for t in 0..<rounds {
            let ad = Double(a[t])
            sumA += ad
            sumA2 += ad * ad
            for r in 0..<providers {
                sumO[r] += o[t][r]
                sumAO[r] += ad * o[t][r]
            }
            let td = Double(t + 1)
            let varA = sumA2 - sumA * sumA / td
            let corr = (0..<providers).map { r in varA > 0 ? (sumAO[r] - sumA * sumO[r] / td) / varA : 0 }
            correlationGuesses.append(topM(corr, m: s.friends, exclude: writerProvider))
            excessGuesses.append(topM(sumO, m: s.friends, exclude: writerProvider))
        }
        return ViewRun(
            setting: s, rounds: rounds, writerProvider: writerProvider, writerPackets: a,
            correlationGuesses: correlationGuesses, excessGuesses: excessGuesses)
    }

    /// The m largest scores (indices, ascending), `exclude` left out; empty when the m-th
    /// largest ties with one outside.
    static func topM(_ score: [Double], m: Int, exclude: Int) -> [Int] {
        let order = score.indices.filter { $0 != exclude }.sorted {
            score[$0] > score[$1] || (score[$0] == score[$1] && $0 < $1)
        }
        guard order.count >= m else { return [] }
        if order.count > m, score[order[m]] == score[order[m - 1]] { return [] }
        return order.prefix(m).sorted()
    }

    /// Rounds until the guesses are `friends` and stay so to the last round (nil: the last
    /// guess is wrong). The scoring of LOOPIX-ADV-SDA-4; `friends` come from the ground truth.
    public static func roundsToDisclosure(_ guesses: [[Int]], friends: Set<Int>) -> Int? {
        guard let last = guesses.lastIndex(where: { Set($0) != friends || $0.count != friends.count }) else {
            return guesses.isEmpty ? nil : 1
        }
        return last + 1 < guesses.count ? last + 2 : nil
    }

    /// The providers that Alice's real messages reach, from the ground truth (scoring only): the
    /// friends as the observer can name them.
    public static func friendProviders(
        _ events: [LinkEvent], truth: [ObserverRecording.TruthEntry], writer: Int, layers: Int, mixesPerLayer: Int
    ) -> Set<Int> {
        var hers = Set<Int>()
        var out = Set<Int>()
        for (i, e) in events.enumerated() where i < truth.count {
            guard let message = truth[i].message, truth[i].kind == .real else { continue }
            switch (e.from, e.to) {
            case (.client(let c), .provider) where c == writer:
                hers.insert(message)
            case (.mix(let m), .provider(let r)) where m / mixesPerLayer == layers - 1 && hers.contains(message):
                out.insert(r)
            default:
                break
            }
        }
        return out
    }
}
