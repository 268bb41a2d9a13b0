import Foundation

extension DisclosureAttack {
    /// The continuous setting: Alice is a Loopix client; rounds are windows of the observation.
    public struct LoopixSetting: Codable, Sendable {
        /// N recipients; Alice's friends are recipients 0 … m − 1; recipient N − 1 is Alice's own
        /// inbox (where her loops come back), never a friend and never a candidate.
        public var recipients: Int
        public var friends: Int
        /// Seconds per round (long against the network latency l/µ, so that spill-over between
        /// rounds can be ignored).
        public var roundLength: Double
        /// Deliveries per second to uniformly chosen recipients by everybody else.
        public var backgroundRate: Double
        /// Alice's real-message rate r and her cover: rule, λ_P, λ_L, λ_D.
        public var realRate: Double
        public var cover: Cover
        public var lambdaP: Double
        public var lambdaL: Double
        public var lambdaD: Double

        public init(
            recipients: Int, friends: Int, roundLength: Double, backgroundRate: Double, realRate: Double,
            cover: Cover, lambdaP: Double, lambdaL: Double, lambdaD: Double
        ) {
            self.recipients = recipients
            self.friends = friends
            self.roundLength = roundLength
            self.backgroundRate = backgroundRate
            self.realRate = realRate
            self.cover = cover
            self.lambdaP = lambdaP
            self.lambdaL = lambdaL
            self.lambdaD = lambdaD
        }
    }

    /// The attack's progress over rounds, averaged over trials (the curve of issue 17).
    public struct Curve: Codable, Sendable {
        public var setting: LoopixSetting
        public var trials: Int
        public var maxRounds: Int
        /// Rounds at which the guess was checked.
        public var checkpoints: [Int]
        /// Share of trials whose guess was exactly the friends at each checkpoint: the
        /// correlation estimator (background unknown) and the excess estimator (background known).
        public var correlationCorrect: [Double]
        public var excessCorrect: [Double]
        /// Median over trials of the rounds to disclosure (nil: half the trials or more did not
        /// disclose within maxRounds).
        public var medianRoundsCorrelation: Int?
        public var medianRoundsExcess: Int?
    }

    /// Runs the SDA against a Loopix client.
    ///
    /// SPEC.md [LOOPIX-ADV-SDA-2].
    /// ```text
    /// each round of length W:
    ///   Alice's user writes Poisson(r·W) messages, each to a friend chosen uniformly, into the buffer
    ///   cover none:  every buffered message leaves now;            a = their number
    ///   otherwise:   slots = Poisson(λ_P·W); min(buffer, slots) real messages leave;
    ///                each empty slot: paper → a drop to a uniform recipient's provider,
    ///                                 nym   → a loop to Alice;
    ///                loops Poisson(λ_L·W) → Alice; drops Poisson(λ_D·W) → uniform
    ///                a = slots + loops + drops   (the observer cannot tell them apart)
    ///   everybody else: Poisson(B·W) deliveries to uniform recipients
    ///   the observer records a_t and the round's deliveries O_t[r]
    /// correlation estimate (Mathewson–Dingledine): v[r] = cov(a, O[r]) / var(a)
    /// excess estimate (Danezis, background known to be uniform): v[r] = Σ_t O_t[r]
    /// disclosed at t: the m largest v[r] (r ≠ Alice) are the friends and stay so up to maxRounds
    /// ```
    public static func loopixCurve(
        _ s: LoopixSetting, maxRounds: Int, trials: Int, seed: UInt64,
        progress: ((Double) -> Void)? = nil
    ) throws(AdversaryError) -> Curve {
        guard s.friends >= 1, s.recipients >= s.friends + 2 else {
            throw .unsuitable("need friends ≥ 1 and recipients ≥ friends + 2 (Alice's own inbox is one)")
        }
        for (name, v) in [
            ("roundLength", s.roundLength), ("backgroundRate", s.backgroundRate), ("realRate", s.realRate),
            ("lambdaP", s.lambdaP), ("lambdaL", s.lambdaL), ("lambdaD", s.lambdaD),
        ] where !(v.isFinite && v >= 0) {
            throw .parameterOutOfRange(parameter: name, value: v)
        }
        guard maxRounds >= 1, trials >= 1 else { throw .unsuitable("need maxRounds ≥ 1 and trials ≥ 1") }
        var checkpoints: [Int] = []
        var c = 1
        while c < maxRounds {
            checkpoints.append(c)
            c = c < 10 ? c + 1 : Int((Double(c) * 1.25).rounded(.up))
        }
        checkpoints.append(maxRounds)
        var random = SimulationRandom(seed: seed)
        var correlationHits = [Int](repeating: 0, count: checkpoints.count)
        var excessHits = correlationHits
        var roundsCorrelation: [Int] = [], roundsExcess: [Int] = []
        let n = s.recipients, alice = s.recipients - 1, w = s.roundLength
        for trial in 0..<trials {
            var buffer = 0
            var sumA = 0.0, sumA2 = 0.0
            var sumO = [Double](repeating: 0, count: n), sumAO = sumO
            var lastWrongCorrelation = 0, lastWrongExcess = 0
            var next = 0
            for t in 1...maxRounds {
                // Step 1: Alice's user, her client, and everybody else.
                var o = [Double](repeating: 0, count: n)
                buffer += random.poissonCount(rate: s.realRate, length: w)
                var a = 0
                if s.cover == .none {
                    for _ in 0..<buffer { o[random.index(below: s.friends)] += 1 }
                    a = buffer
                    buffer = 0
                } else {
                    let slots = random.poissonCount(rate: s.lambdaP, length: w)
                    let real = min(buffer, slots)
                    buffer -= real
                    for _ in 0..<real { o[random.index(below: s.friends)] += 1 }
                    for _ in 0..<(slots - real) {
                        if s.cover == .paper { o[random.index(below: n)] += 1 } else { o[alice] += 1 }
                    }
                    let loops = random.poissonCount(rate: s.lambdaL, length: w)
                    let drops = random.poissonCount(rate: s.lambdaD, length: w)
                    o[alice] += Double(loops)
                    for _ in 0..<drops { o[random.index(below: n)] += 1 }
                    a = slots + loops + drops
                }
                for _ in 0..<random.poissonCount(rate: s.backgroundRate, length: w) { o[random.index(below: n)] += 1 }
                // Step 2: the observer's sums.
                let ad = Double(a)
                sumA += ad
                sumA2 += ad * ad
                for r in 0..<n {
                    sumO[r] += o[r]
                    sumAO[r] += ad * o[r]
                }
                // Step 3: the two estimates and their guesses.
                let td = Double(t)
                let varA = sumA2 - sumA * sumA / td
                let corr = (0..<n).map { r in varA > 0 ? (sumAO[r] - sumA * sumO[r] / td) / varA : 0 }
                let okCorrelation = topIsFriends(corr, friends: s.friends, exclude: alice)
                let okExcess = topIsFriends(sumO, friends: s.friends, exclude: alice)
                if !okCorrelation { lastWrongCorrelation = t }
                if !okExcess { lastWrongExcess = t }
                if next < checkpoints.count, checkpoints[next] == t {
                    if okCorrelation { correlationHits[next] += 1 }
                    if okExcess { excessHits[next] += 1 }
                    next += 1
                }
            }
            roundsCorrelation.append(lastWrongCorrelation < maxRounds ? lastWrongCorrelation + 1 : Int.max)
            roundsExcess.append(lastWrongExcess < maxRounds ? lastWrongExcess + 1 : Int.max)
            progress?(Double(trial + 1) / Double(trials))
        }
        func median(_ xs: [Int]) -> Int? {
            let m = xs.sorted()[(xs.count - 1) / 2]
            return m == Int.max ? nil : m
        }
        return Curve(
            setting: s, trials: trials, maxRounds: maxRounds, checkpoints: checkpoints,
            correlationCorrect: correlationHits.map { Double($0) / Double(trials) },
            excessCorrect: excessHits.map { Double($0) / Double(trials) },
            medianRoundsCorrelation: median(roundsCorrelation), medianRoundsExcess: median(roundsExcess))
    }
}
