import Foundation

extension DisclosureAttack {
    /// The attack on simulator runs: every trial is a run of the timing model with a writing
    /// habit, attacked on its observer's view alone.
    public struct TraceSetting: Codable, Sendable {
        public var parameters: LoopixParameters
        public var habit: WritingHabit
        /// The clients whose providers count as "the friends named" (the habit's friends; for the
        /// negative control, a uniform writer, any m clients).
        public var scoredFriends: [Int]
        public var roundLength: Double
        public var burnIn: Double
        public var rounds: Int

        public init(
            parameters: LoopixParameters, habit: WritingHabit, scoredFriends: [Int]? = nil, roundLength: Double,
            burnIn: Double, rounds: Int
        ) {
            self.parameters = parameters
            self.habit = habit
            self.scoredFriends = scoredFriends ?? habit.friends
            self.roundLength = roundLength
            self.burnIn = burnIn
            self.rounds = rounds
        }
    }

    /// The attack's progress over rounds on simulator runs, beside the rounds model's.
    public struct TraceCurve: Codable, Sendable {
        public var setting: TraceSetting
        public var trials: Int
        /// Rounds at which the guesses are reported, and the share of trials right there.
        public var checkpoints: [Int]
        public var correlationCorrect: [Double]
        public var excessCorrect: [Double]
        /// Each trial's rounds to disclosure (nil: not disclosed by the last round), and their
        /// medians (nil: half the trials or more not disclosed).
        public var roundsCorrelation: [Int?]
        public var roundsExcess: [Int?]
        public var medianRoundsCorrelation: Int?
        public var medianRoundsExcess: Int?
        /// The rounds model with the same rates (LOOPIX-ADV-SDA-2) and Danezis' prediction
        /// (LOOPIX-ADV-SDA-ROUNDS) for l = 1, 2, 3, in rounds.
        public var model: LoopixSetting
        public var predictedRounds: [Double]
        /// The rounds model's medians over max(trials, 40) trials of as many rounds.
        public var modelMedianRoundsCorrelation: Int?
        public var modelMedianRoundsExcess: Int?
        /// The runs attacked: "timing model", or the packet-level run and its behaviour
        /// (LOOPIX-ADV-SDA-PKT).
        public var runs: String
    }

    /// The rounds model that matches a trace setting, and Danezis' prediction for it in rounds.
    ///
    /// Part of SPEC.md LOOPIX-ADV-SDA-5: N = P providers, B = (C − 1)(λ_P + λ_L + λ_D) (every
    /// other client's slots and cover reach a provider, uniformly by symmetry when every provider
    /// serves as many clients), cover = nym or paper as the habit's rule; Danezis' batch
    /// b = 1 + B'/r with B' = B plus Alice's own uniform cover ((λ_P − r) + λ_D for the paper's
    /// rule, λ_D for Nym's), his rounds (Alice's messages) divided by r·W.
    public static func model(of s: TraceSetting) -> (LoopixSetting, [Double]) {
        let p = s.parameters
        let others = Double(p.clients - 1) * (p.lambdaP + p.lambdaL + p.lambdaD)
        let model = LoopixSetting(
            recipients: p.providers, friends: s.scoredFriends.count, roundLength: s.roundLength,
            backgroundRate: others, realRate: p.realMessageRate, cover: s.habit.emptySlotLoops ? .nym : .paper,
            lambdaP: p.lambdaP, lambdaL: p.lambdaL, lambdaD: p.lambdaD)
        let own = s.habit.emptySlotLoops ? p.lambdaD : max(0, p.lambdaP - p.realMessageRate) + p.lambdaD
        let r = p.realMessageRate
        guard r > 0 else { return (model, []) }
        let th = ThresholdSetting(
            recipients: p.providers, friends: max(1, s.scoredFriends.count),
            batch: Int((1 + (others + own) / r).rounded()))
        let perRound = r * s.roundLength
        return (model, [1, 2, 3].map { predictedRounds(th, confidence: $0) / perRound })
    }

    /// Runs the attack on `trials` simulator runs (seeds seed, seed + 1, …).
    ///
    /// SPEC.md [LOOPIX-ADV-SDA-5].
    /// ```text
    /// each trial: run the timing model with the habit (LOOPIX-ADV-SDA-3) for burn-in + rounds·W
    ///             (+ l/µ·10 so the last round's deliveries are in), recording the view
    ///             attack the view alone (LOOPIX-ADV-SDA-4), start = burn-in, first `rounds` rounds
    ///             score: friends = the scored clients' providers; rounds to disclosure as in SDA-1
    /// beside it: the rounds model (`model(of:)`, LOOPIX-ADV-SDA-2) over max(trials, 40) trials
    /// ```
    public static func traceCurve(
        _ s: TraceSetting, trials: Int, seed: UInt64, progress: ((Double) -> Void)? = nil
    ) throws(AdversaryError) -> TraceCurve {
        try curve(s, runs: "timing model", trials: trials, seed: seed, progress: progress) {
            config throws(AdversaryError) in
            let simulator: LoopixSimulator
            do { simulator = try LoopixSimulator(parameters: s.parameters, config: config) } catch {
                throw .unsuitable("the run's settings: \(error)")
            }
            return ObserverRecording.run(simulator).recording.observation
        }
    }

    /// The trials of a trace curve on the runs `record` makes: it runs one trial's configuration
    /// and returns the observer's view of it.
    static func curve(
        _ s: TraceSetting, runs: String, trials: Int, seed: UInt64, progress: ((Double) -> Void)?,
        record: (SimulationConfig) throws(AdversaryError) -> [LinkEvent]
    ) throws(AdversaryError) -> TraceCurve {
        let p = s.parameters
        guard trials >= 1, s.rounds >= 1 else { throw .unsuitable("need trials ≥ 1 and rounds ≥ 1") }
        let friends = Set(s.scoredFriends.map { PathSampling.provider(ofClient: $0, providers: p.providers) })
        let own = PathSampling.provider(ofClient: s.habit.writer, providers: p.providers)
        guard friends.count == s.scoredFriends.count, !friends.contains(own) else {
            throw .unsuitable("the scored friends need providers of their own, none of them the writer's")
        }
        let checkpoints = Self.checkpoints(upTo: s.rounds)
        var correlationHits = [Int](repeating: 0, count: checkpoints.count), excessHits = correlationHits
        var roundsCorrelation: [Int?] = [], roundsExcess: [Int?] = []
        for trial in 0..<trials {
            // Step 1: the run and its view.
            let duration = s.burnIn + Double(s.rounds) * s.roundLength + 10 * Double(p.layers) / p.mu
            let config = SimulationConfig(
                seed: seed &+ UInt64(trial), duration: duration, burnIn: s.burnIn, trackSenderEntropy: false,
                habit: s.habit)
            let observation = try record(config)
            // Step 2: the attack on the view alone.
            var view = try onView(
                observation, providers: p.providers, layers: p.layers, mixesPerLayer: p.mixesPerLayer,
                setting: ViewSetting(
                    writer: s.habit.writer, friends: friends.count, roundLength: s.roundLength, start: s.burnIn))
            view.correlationGuesses = Array(view.correlationGuesses.prefix(s.rounds))
            view.excessGuesses = Array(view.excessGuesses.prefix(s.rounds))
            // Step 3: the score.
            roundsCorrelation.append(roundsToDisclosure(view.correlationGuesses, friends: friends))
            roundsExcess.append(roundsToDisclosure(view.excessGuesses, friends: friends))
            for (i, c) in checkpoints.enumerated() where c <= view.excessGuesses.count {
                if Set(view.correlationGuesses[c - 1]) == friends { correlationHits[i] += 1 }
                if Set(view.excessGuesses[c - 1]) == friends { excessHits[i] += 1 }
            }
            progress?(Double(trial + 1) / Double(trials))
        }
        // Step 4: the rounds model beside it.
        let (model, predicted) = Self.model(of: s)
        let modelCurve = try loopixCurve(model, maxRounds: s.rounds, trials: max(trials, 40), seed: seed ^ 0x5DA)
        return TraceCurve(
            setting: s, trials: trials, checkpoints: checkpoints,
            correlationCorrect: correlationHits.map { Double($0) / Double(trials) },
            excessCorrect: excessHits.map { Double($0) / Double(trials) },
            roundsCorrelation: roundsCorrelation, roundsExcess: roundsExcess,
            medianRoundsCorrelation: median(roundsCorrelation), medianRoundsExcess: median(roundsExcess),
            model: model, predictedRounds: predicted,
            modelMedianRoundsCorrelation: modelCurve.medianRoundsCorrelation,
            modelMedianRoundsExcess: modelCurve.medianRoundsExcess, runs: runs)
    }

    /// 1 … 10, then growing by a quarter, and the last round.
    static func checkpoints(upTo last: Int) -> [Int] {
        var out: [Int] = []
        var c = 1
        while c < last {
            out.append(c)
            c = c < 10 ? c + 1 : Int((Double(c) * 1.25).rounded(.up))
        }
        out.append(last)
        return out
    }

    /// The lower median, nil counted as larger than any round; nil when it is nil.
    static func median(_ xs: [Int?]) -> Int? {
        guard !xs.isEmpty else { return nil }
        return xs.sorted { ($0 ?? Int.max) < ($1 ?? Int.max) }[(xs.count - 1) / 2]
    }
}
