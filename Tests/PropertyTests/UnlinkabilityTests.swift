// Sphinx's second promise: a mix's input and output cannot be linked by their bytes.
// SPEC.md chapter properties, §7.2–7.4. Each test runs on both profiles, on samples drawn from
// fixed seeds (RunSettings), states its statistic, null distribution and threshold, and runs
// the same statistic on broken variants built from the same real packets (BrokenVariants) to
// show it would catch them. Sample sizes scale with SPHINX_PROPERTY_RUNS.
//
// Every observed statistic is printed as a "[PROP]" line.
import Foundation
import SphinxSpec
import StatisticsSupport
import Testing

@Suite("Unlinkability")
struct UnlinkabilityTests {
    // MARK: Samples

    /// One mix's view of `count` packets at a random non-final hop of random routes (2 to the
    /// maximum hops), with short random messages.
    static func intermediateHops(_ world: any MixWorld, label: String, count: Int, reply: Bool = false) throws
        -> [HopView]
    {
        var random = try DeterministicRandom(seed: RunSettings.randomSeed(label))
        var out: [HopView] = []
        let maxHops = reply ? world.replyMaxHops : world.forwardMaxHops
        for _ in 0..<count {
            let hops = 2 + random.int(maxHops - 1)
            let route = world.randomRoute(hops, &random)
            let message = random.bytes(random.int(64))
            let created =
                reply
                ? try world.reply(route: route, message: message, random: &random)
                : try world.forward(route: route, message: message, random: &random)
            let j = random.int(hops - 1)
            out.append(try world.walk(created, upTo: j + 1)[j])
        }
        return out
    }

    // MARK: 1. Input/output independence

    /// The Hamming-distance statistics of (input, output) pairs.
    /// ```text
    /// z_k = (D_k − n/2) / (√n / 2),  D_k = Hamming(in_k, out_k) over the n uniform bits
    /// Z = Σ z_k / √N ~ N(0, 1)                 reject if |Z| > z_crit
    /// Q = Σ z_k²    ~ χ²(N)                    reject outside [χ²_{α/2}, χ²_{1−α/2}]
    /// ```
    static func hammingStatistics(_ pairs: [(Fields, Fields)], alphaRange: Range<Int>) -> [TestStatistic] {
        let zs = pairs.map { pair -> Double in
            let a = pair.0.uniformBytes(alphaRange: alphaRange), b = pair.1.uniformBytes(alphaRange: alphaRange)
            return Stats.binomialZ(Stats.hammingDistance(a, b), bits: 8 * a.count)
        }
        let n = zs.count
        let q = zs.reduce(0) { $0 + $1 * $1 }
        let half = Significance.perAssertion / 2
        return [
            Verdict.normal("Hamming mean Z (N=\(n))", zs.reduce(0, +) / Double(n).squareRoot()),
            TestStatistic(
                name: "Hamming dispersion Q χ²(\(n))", value: q,
                threshold: Stats.chiSquareCritical(df: n, alpha: half),
                lowerThreshold: Stats.chiSquareLowerCritical(df: n, alpha: half)),
        ]
    }

    /// [PROP-UNLINK-1] Input/output independence at a mix: the Hamming distance between a
    /// packet and its processed form behaves like Binomial(n, 1/2) over the n bits whose
    /// encoding is uniform. 64 pairs per profile at the default count.
    ///
    /// Negative controls, from the same pairs: the output with α not re-blinded
    /// (PROP-CTRL-ALPHA) and with the payload not re-encrypted (PROP-CTRL-PAYLOAD); the mean Z
    /// must reject for both.
    @Test(arguments: ProfileUnderTest.allCases)
    func inputOutputIndependence(_ profile: ProfileUnderTest) throws {
        let world = try profile.world
        let views = try Self.intermediateHops(world, label: "unlink1.\(profile)", count: RunSettings.count(64))
        let pairs = views.compactMap { v in v.output.map { (v.input, $0) } }
        #expect(pairs.count == views.count)
        let range = world.alphaUniformRange

        let real = Self.hammingStatistics(pairs, alphaRange: range)
        report("\(profile) PROP-UNLINK-1 real", real)
        for s in real { #expect(!s.rejects, "\(s)") }

        let noReblind = Self.hammingStatistics(
            pairs.map { ($0.0, BrokenVariants.alphaNotReblinded(input: $0.0, output: $0.1)) }, alphaRange: range)
        report("\(profile) PROP-UNLINK-1 control α not re-blinded", noReblind)
        #expect(noReblind[0].rejects, "\(noReblind[0])")

        let noPayloadLayer = Self.hammingStatistics(
            pairs.map { ($0.0, BrokenVariants.payloadNotReencrypted(input: $0.0, output: $0.1)) }, alphaRange: range)
        report("\(profile) PROP-UNLINK-1 control payload not re-encrypted", noPayloadLayer)
        #expect(noPayloadLayer[0].rejects, "\(noPayloadLayer[0])")
    }

    // MARK: 2. Uniformity

    /// Per-hop chi-square statistics of α (pooled over hops), β, γ (4-bit halves) and δ.
    static func uniformityStatistics(alpha: [[UInt8]], beta: [[[UInt8]]], gamma: [[[UInt8]]], delta: [[[UInt8]]]) -> (
        alpha: TestStatistic, beta: [TestStatistic], gamma: [TestStatistic], delta: [TestStatistic]
    ) {
        (
            Verdict.uniform("α bytes (all hops)", Stats.byteHistogram(alpha)),
            beta.enumerated().map { Verdict.uniform("hop \($0.offset) β bytes", Stats.byteHistogram($0.element)) },
            gamma.enumerated().map { Verdict.uniform("hop \($0.offset) γ nibbles", Stats.nibbleHistogram($0.element)) },
            delta.enumerated().map { Verdict.uniform("hop \($0.offset) δ bytes", Stats.byteHistogram($0.element)) }
        )
    }

    /// [PROP-UNLINK-2] Uniformity: at every hop of a maximum-length route, the bytes of β, γ and
    /// δ the hop receives, and α's uniform bytes (pooled over the hops), pass Pearson's
    /// chi-square test against the uniform distribution (256 byte values; γ in 16 nibble
    /// values, since 32 packets give only 512 γ bytes per hop).
    ///
    /// Negative controls: δ without its π layers (the encoded plaintext, PROP-CTRL-PLAINTEXT)
    /// must fail at every hop; β with ρ removed (PROP-CTRL-BETA) must fail at some hop.
    @Test(arguments: ProfileUnderTest.allCases)
    func uniformity(_ profile: ProfileUnderTest) throws {
        let world = try profile.world
        let hops = world.forwardMaxHops
        var random = try DeterministicRandom(seed: RunSettings.randomSeed("unlink2.\(profile)"))
        var alpha: [[UInt8]] = []
        var beta = Array(repeating: [[UInt8]](), count: hops), clearBeta = beta
        var gamma = beta, delta = beta, plainDelta = beta
        for _ in 0..<RunSettings.count(32) {
            let created = try world.forward(
                route: world.randomRoute(hops, &random), message: random.bytes(random.int(64)), random: &random)
            let views = try world.walk(created)
            #expect(views.count == hops)
            for (j, v) in views.enumerated() {
                alpha.append(Array(v.input.alpha[world.alphaUniformRange]))
                beta[j].append(v.input.beta)
                gamma[j].append(v.input.gamma)
                delta[j].append(v.input.delta)
                clearBeta[j].append(
                    try BrokenVariants.betaInTheClear(
                        v.input.beta, hopKeys: created.creation.hops[j].keys, world: world))
                plainDelta[j].append(created.plaintextPayload)
            }
        }
        let real = Self.uniformityStatistics(alpha: alpha, beta: beta, gamma: gamma, delta: delta)
        let all = [real.alpha] + real.beta + real.gamma + real.delta
        report("\(profile) PROP-UNLINK-2 real", all)
        for s in all { #expect(!s.rejects, "\(s)") }

        let plain = Self.uniformityStatistics(alpha: alpha, beta: beta, gamma: gamma, delta: plainDelta)
        report("\(profile) PROP-UNLINK-2 control δ without payload layers", plain.delta)
        #expect(plain.delta.allSatisfy { $0.rejects })

        let clear = Self.uniformityStatistics(alpha: alpha, beta: clearBeta, gamma: gamma, delta: delta)
        report("\(profile) PROP-UNLINK-2 control β in the clear", clear.beta)
        #expect(clear.beta.contains { $0.rejects })
    }

    // MARK: 3. Path-length hiding

    /// What the last hop sees in B beyond its own routing entry, for `count` packets of `hops` hops.
    static func lastHopTails(_ world: any MixWorld, hops: Int, count: Int, padding: FinalPadding, label: String) throws
        -> [[UInt8]]
    {
        var random = try DeterministicRandom(seed: RunSettings.randomSeed(label))
        var tails: [[UInt8]] = []
        for _ in 0..<count {
            let created = try world.forward(
                route: world.randomRoute(hops, &random), message: random.bytes(random.int(64)),
                padding: padding, initialSecret: nil, random: &random)
            guard let last = try world.walk(created).last, last.output == nil else {
                throw SphinxError.malformedRoutingEntry
            }
            tails.append(Array(last.decryptedBlock[last.entryLength...]))
        }
        return tails
    }

    /// [PROP-UNLINK-3] Path-length hiding: the bytes the last hop finds in its decrypted routing
    /// block B after its own entry have the same distribution for a route of 1 hop and of the
    /// maximum length: two-sample chi-square test of homogeneity of the byte histograms
    /// (2 × 256 table), 64 packets per length.
    ///
    /// Negative control: the same packets with zero final padding (PROP-CTRL-PADDING, the flaw
    /// of Kuhn, Beck, Strufe 2020) must be told apart.
    @Test(arguments: ProfileUnderTest.allCases)
    func pathLengthHiding(_ profile: ProfileUnderTest) throws {
        let world = try profile.world
        let n = RunSettings.count(64)
        let label = "unlink3.\(profile)"
        let short = try Self.lastHopTails(world, hops: 1, count: n, padding: .random, label: label + ".1")
        let long = try Self.lastHopTails(
            world, hops: world.forwardMaxHops, count: n, padding: .random, label: label + ".max")
        let real = Verdict.homogeneous(
            "last-hop B tail, 1 vs \(world.forwardMaxHops) hops", Stats.byteHistogram(short), Stats.byteHistogram(long))
        report("\(profile) PROP-UNLINK-3 real", [real])
        #expect(!real.rejects, "\(real)")

        let zeroShort = try Self.lastHopTails(world, hops: 1, count: n, padding: .zero, label: label + ".1")
        let zeroLong = try Self.lastHopTails(
            world, hops: world.forwardMaxHops, count: n, padding: .zero, label: label + ".max")
        let control = Verdict.homogeneous(
            "zero padding: last-hop B tail, 1 vs \(world.forwardMaxHops) hops",
            Stats.byteHistogram(zeroShort), Stats.byteHistogram(zeroLong))
        report("\(profile) PROP-UNLINK-3 control zero final padding", [control])
        #expect(control.rejects, "\(control)")
    }

    // MARK: 4. Two packets through one mix

    /// A similarity between an input and an output; higher means "more likely the same packet".
    struct Distinguisher: Sendable {
        let name: String
        let similarity: @Sendable (_ input: HopView, _ output: Fields) -> Double
    }

    /// The panel: simple byte relations an observer of the mix's links could try.
    static let panel: [Distinguisher] = [
        Distinguisher(name: "equal bytes (whole packet)") { Double(Stats.equalBytes($0.input.wire, $1.wire)) },
        Distinguisher(name: "Hamming distance (whole packet)") {
            -Double(Stats.hammingDistance($0.input.wire, $1.wire))
        },
        Distinguisher(name: "length") { $0.input.wire.count == $1.wire.count ? 1 : 0 },
        Distinguisher(name: "α equal bytes") { Double(Stats.equalBytes($0.input.alpha, $1.alpha)) },
        Distinguisher(name: "δ equal bytes") { Double(Stats.equalBytes($0.input.delta, $1.delta)) },
        Distinguisher(name: "β shifted by one entry") { v, out in
            Double(Stats.equalBytes(Array(v.input.beta.dropFirst(v.entryLength + v.input.gamma.count)), out.beta))
        },
    ]

    /// Scores each distinguisher on trials (A, B, o0, o1, c): o_c is A's output. The guess is
    /// "o0 is A's" when sim(A, o0) + sim(B, o1) > sim(A, o1) + sim(B, o0), the opposite when
    /// smaller; a tie scores ½. Under the null the score is Binomial(N, ½) (ties only lower
    /// the variance), so z = (score − N/2) / (√N / 2) is at most standard normal in spread.
    static func panelStatistics(_ trials: [(a: HopView, b: HopView, o0: Fields, o1: Fields, c: Int)]) -> [TestStatistic]
    {
        panel.map { d in
            var score = 0.0
            for t in trials {
                let straight = d.similarity(t.a, t.o0) + d.similarity(t.b, t.o1)
                let crossed = d.similarity(t.a, t.o1) + d.similarity(t.b, t.o0)
                if straight == crossed { score += 0.5 } else if (straight > crossed) == (t.c == 0) { score += 1 }
            }
            let n = Double(trials.count)
            return Verdict.normal("linking by \(d.name) (N=\(trials.count))", (score - n / 2) / (n.squareRoot() / 2))
        }
    }

    /// [PROP-UNLINK-4] Two packets through one mix: given both inputs and both outputs in random
    /// order, each distinguisher of the panel links them no better than chance: |z| ≤ z_crit
    /// for each. 100 trials per profile; each packet has a random route on which mix 0 is at a
    /// random non-final position.
    ///
    /// Negative controls: outputs with α not re-blinded (PROP-CTRL-ALPHA) and with the payload
    /// not re-encrypted (PROP-CTRL-PAYLOAD) must each be linked by some distinguisher.
    @Test(arguments: ProfileUnderTest.allCases)
    func twoPacketsThroughOneMix(_ profile: ProfileUnderTest) throws {
        let world = try profile.world
        var random = try DeterministicRandom(seed: RunSettings.randomSeed("unlink4.\(profile)"))
        func viewAtMixZero() throws -> HopView {
            let hops = 2 + random.int(world.forwardMaxHops - 1)
            var route = world.randomRoute(hops, &random)
            let j = random.int(hops - 1)
            route[j] = 0
            let created = try world.forward(route: route, message: random.bytes(random.int(64)), random: &random)
            return try world.walk(created, upTo: j + 1)[j]
        }
        var trials: [(a: HopView, b: HopView, o0: Fields, o1: Fields, c: Int)] = []
        var noReblind = trials, noPayloadLayer = trials
        for _ in 0..<RunSettings.count(100) {
            let a = try viewAtMixZero(), b = try viewAtMixZero()
            guard let oa = a.output, let ob = b.output else { throw SphinxError.malformedRoutingEntry }
            let c = random.int(2)
            func ordered(_ x: Fields, _ y: Fields) -> (Fields, Fields) { c == 0 ? (x, y) : (y, x) }
            let real = ordered(oa, ob)
            trials.append((a, b, real.0, real.1, c))
            let r1 = ordered(
                BrokenVariants.alphaNotReblinded(input: a.input, output: oa),
                BrokenVariants.alphaNotReblinded(input: b.input, output: ob))
            noReblind.append((a, b, r1.0, r1.1, c))
            let r2 = ordered(
                BrokenVariants.payloadNotReencrypted(input: a.input, output: oa),
                BrokenVariants.payloadNotReencrypted(input: b.input, output: ob))
            noPayloadLayer.append((a, b, r2.0, r2.1, c))
        }
        let real = Self.panelStatistics(trials)
        report("\(profile) PROP-UNLINK-4 real", real)
        for s in real { #expect(!s.rejects, "\(s)") }

        let c1 = Self.panelStatistics(noReblind)
        report("\(profile) PROP-UNLINK-4 control α not re-blinded", c1)
        #expect(c1.contains { $0.rejects })
        let c2 = Self.panelStatistics(noPayloadLayer)
        report("\(profile) PROP-UNLINK-4 control payload not re-encrypted", c2)
        #expect(c2.contains { $0.rejects })
    }

    /// [PROP-UNLINK-TAG] Tagging: a packet with one bit of α, β (in the half the hop passes on)
    /// or γ flipped is rejected by the mix (45 packets per profile, the fields in turn); the accepted count must be 0 (under a
    /// working 16-byte MAC its expectation is 45 · 2^-128).
    ///
    /// Negative control: the same packets rebuilt with a header MAC that ignores β
    /// (PROP-CTRL-MAC), processed by a mix with the same flaw, accept every β flip, so a tagger
    /// could follow them; the untampered variants are accepted too (the variant works).
    @Test(arguments: ProfileUnderTest.allCases)
    func taggedPacketsAreRejected(_ profile: ProfileUnderTest) throws {
        let world = try profile.world
        var random = try DeterministicRandom(seed: RunSettings.randomSeed("unlinktag.\(profile)"))
        let n = RunSettings.count(45)
        var accepted = 0, brokenAcceptedBeta = 0, betaFlips = 0, brokenAcceptedClean = 0
        for i in 0..<n {
            let hops = 2 + random.int(world.forwardMaxHops - 1)
            let created = try world.forward(
                route: world.randomRoute(hops, &random), message: random.bytes(8), random: &random)
            func flipped(_ f: Fields) -> Fields {
                var h = f.header
                switch i % 3 {
                case 0:
                    // In β's second half: bytes the hop passes on in β', not its own entry
                    // (a flip there could make the entry unparsable, which is not tagging).
                    h.beta[h.beta.count / 2 + random.int(h.beta.count / 2)] ^= UInt8(1) << UInt8(random.int(8))
                case 1: h.gamma[random.int(h.gamma.count)] ^= UInt8(1) << UInt8(random.int(8))
                default:
                    let k = world.alphaUniformRange.lowerBound + random.int(world.alphaUniformRange.count)
                    h.alpha[k] ^= UInt8(1) << UInt8(random.int(8))
                }
                return Fields(header: h, delta: f.delta)
            }
            let node = created.route[0]
            do {
                _ = try world.process(flipped(created.packet), at: node)
                accepted += 1
            } catch let error as SphinxError {
                // β and γ flips must fail the MAC; an α flip changes s (so the MAC fails) or is
                // not a group element at all (P-224).
                let expected: [SphinxError] =
                    i % 3 == 2
                    ? [.headerMACMismatch, .invalidGroupElement, .smallOrderGroupElement] : [.headerMACMismatch]
                #expect(expected.contains(error), "field \(i % 3): \(error)")
            }

            let variant = try world.withMACIgnoringBeta(created)
            if (try? world.processWithMACIgnoringBeta(variant, at: node)) != nil { brokenAcceptedClean += 1 }
            if i % 3 == 0 {
                betaFlips += 1
                if (try? world.processWithMACIgnoringBeta(flipped(variant), at: node)) != nil {
                    brokenAcceptedBeta += 1
                }
            }
        }
        print("[PROP] \(profile) PROP-UNLINK-TAG real — tampered packets accepted: \(accepted) of \(n) (accept only 0)")
        print(
            "[PROP] \(profile) PROP-UNLINK-TAG control MAC ignores β — β-tampered accepted: \(brokenAcceptedBeta) of \(betaFlips); untampered accepted \(brokenAcceptedClean) of \(n)"
        )
        #expect(accepted == 0)
        #expect(brokenAcceptedClean == n)
        #expect(brokenAcceptedBeta == betaFlips && betaFlips > 0)
    }

    // MARK: 5. Forward packets and SURB replies

    /// Byte histograms and Hamming z-scores of one kind of packet at hops 0 and 1 of 3-hop routes.
    struct KindSample {
        var alpha: [[UInt8]] = [], gamma: [[UInt8]] = []
        var beta: [[[UInt8]]] = [[], []], delta: [[[UInt8]]] = [[], []]
        var hammingZ: [Double] = []
        /// Mix 0's view of each packet (every route starts at mix 0), for the panel.
        var firstHop: [HopView] = []
    }

    static func kindSample(
        _ world: any MixWorld, reply: Bool, plaintextReplyPayload: Bool = false, count: Int, label: String
    ) throws -> KindSample {
        var random = try DeterministicRandom(seed: RunSettings.randomSeed(label))
        var sample = KindSample()
        for _ in 0..<count {
            var route = world.randomRoute(3, &random)
            route[0] = 0
            let message = random.bytes(random.int(64))
            var created =
                reply
                ? try world.reply(route: route, message: message, random: &random)
                : try world.forward(route: route, message: message, random: &random)
            if plaintextReplyPayload {
                created = Created(
                    packet: Fields(header: created.packet.header, delta: created.plaintextPayload),
                    route: created.route, creation: created.creation, plaintextPayload: created.plaintextPayload)
            }
            let views = try world.walk(created, upTo: 2)
            sample.firstHop.append(views[0])
            for (j, v) in views.enumerated() {
                sample.alpha.append(Array(v.input.alpha[world.alphaUniformRange]))
                sample.gamma.append(v.input.gamma)
                sample.beta[j].append(v.input.beta)
                sample.delta[j].append(v.input.delta)
                if let out = v.output {
                    let a = v.input.uniformBytes(alphaRange: world.alphaUniformRange),
                        b = out.uniformBytes(alphaRange: world.alphaUniformRange)
                    sample.hammingZ.append(Stats.binomialZ(Stats.hammingDistance(a, b), bits: 8 * a.count))
                }
            }
        }
        return sample
    }

    static func kindStatistics(_ f: KindSample, _ r: KindSample, coins: [Int]) -> [TestStatistic] {
        let trials = zip(zip(f.firstHop, r.firstHop), coins).compactMap {
            pair, c -> (a: HopView, b: HopView, o0: Fields, o1: Fields, c: Int)? in
            guard let oa = pair.0.output, let ob = pair.1.output else { return nil }
            return c == 0 ? (pair.0, pair.1, oa, ob, c) : (pair.0, pair.1, ob, oa, c)
        }
        return [
            Verdict.homogeneous("α bytes", Stats.byteHistogram(f.alpha), Stats.byteHistogram(r.alpha)),
            Verdict.homogeneous("γ nibbles", Stats.nibbleHistogram(f.gamma), Stats.nibbleHistogram(r.gamma)),
        ]
            + (0..<2).flatMap { j in
                [
                    Verdict.homogeneous(
                        "hop \(j) β bytes", Stats.byteHistogram(f.beta[j]), Stats.byteHistogram(r.beta[j])),
                    Verdict.homogeneous(
                        "hop \(j) δ bytes", Stats.byteHistogram(f.delta[j]), Stats.byteHistogram(r.delta[j])),
                ]
            }
            + [Verdict.normal("Hamming in/out, forward − reply (Welch)", Stats.twoSampleZ(f.hammingZ, r.hammingZ))]
            + panelStatistics(trials).map {
                TestStatistic(
                    name: "forward + reply through mix 0, \($0.name)", value: $0.value, threshold: $0.threshold)
            }
    }

    /// [PROP-UNLINK-5] Forward packets and SURB replies at intermediate hops are
    /// indistinguishable: two-sample chi-square homogeneity tests of the α, γ, β and δ bytes
    /// the first two hops of 3-hop routes receive, a Welch z-test on the input/output Hamming
    /// z-scores, and the panel of PROP-UNLINK-4 on one forward packet and one reply passing
    /// mix 0 (the first hop of every route here); 40 packets of each kind per profile.
    ///
    /// Negative control: replies whose payload the replier left unencrypted
    /// (PROP-CTRL-PLAINTEXT) must be told apart.
    @Test(arguments: ProfileUnderTest.allCases)
    func forwardAndReplyLookAlike(_ profile: ProfileUnderTest) throws {
        let world = try profile.world
        let n = RunSettings.count(40)
        let forward = try Self.kindSample(world, reply: false, count: n, label: "unlink5.\(profile).forward")
        let reply = try Self.kindSample(world, reply: true, count: n, label: "unlink5.\(profile).reply")
        var random = try DeterministicRandom(seed: RunSettings.randomSeed("unlink5.\(profile).coins"))
        let coins = (0..<n).map { _ in random.int(2) }
        let real = Self.kindStatistics(forward, reply, coins: coins)
        report("\(profile) PROP-UNLINK-5 real", real)
        for s in real { #expect(!s.rejects, "\(s)") }

        let plainReply = try Self.kindSample(
            world, reply: true, plaintextReplyPayload: true, count: n, label: "unlink5.\(profile).reply")
        let control = Self.kindStatistics(forward, plainReply, coins: coins)
        report("\(profile) PROP-UNLINK-5 control reply payload not encrypted", control)
        #expect(control.contains { $0.rejects })
    }

    // MARK: 6. Replays

    /// [PROP-UNLINK-6] Replays: every packet sent twice through a mix with a replay cache is
    /// rejected the second time with `replayedTag`; 24 packets on the same route have 24
    /// distinct tags at every hop.
    ///
    /// [PROP-CTRL-SECRET] Negative control: packets made with a reused initial secret x carry
    /// the same tag, which the distinct-tags check reports.
    @Test(arguments: ProfileUnderTest.allCases)
    func replaysAreRejected(_ profile: ProfileUnderTest) throws {
        let world = try profile.world
        var random = try DeterministicRandom(seed: RunSettings.randomSeed("unlink6.\(profile)"))
        let route = world.randomRoute(3, &random)
        var caches = try route.map { _ in try ReplayCache(capacityPerEpoch: 1000, random: &random) }
        var tags = Array(repeating: Set<Bytes>(), count: route.count)
        let n = RunSettings.count(24)
        var rejectedReplays = 0
        for _ in 0..<n {
            var packet = try world.forward(route: route, message: random.bytes(8), random: &random).packet
            for (j, node) in route.enumerated() {
                let view = try world.process(packet, at: node, cache: &caches[j])
                tags[j].insert(view.replayTag)
                do {
                    _ = try world.process(packet, at: node, cache: &caches[j])
                } catch let error as SphinxError {
                    if error == .replayedTag { rejectedReplays += 1 }
                }
                guard let next = view.output else { break }
                packet = next
            }
        }
        print(
            "[PROP] \(profile) PROP-UNLINK-6 real — replays rejected \(rejectedReplays) of \(n * route.count); distinct tags per hop \(tags.map(\.count)) of \(n)"
        )
        #expect(rejectedReplays == n * route.count)
        #expect(tags.allSatisfy { $0.count == n })

        let x = try world.forward(route: route, message: [], random: &random).creation.initialSecret
        var reusedTags = Set<Bytes>()
        for _ in 0..<n {
            let packet = try world.forward(
                route: route, message: random.bytes(8), padding: .random, initialSecret: x, random: &random
            ).packet
            reusedTags.insert(try world.process(packet, at: route[0]).replayTag)
        }
        print("[PROP] \(profile) PROP-UNLINK-6 control reused x — distinct tags \(reusedTags.count) of \(n)")
        #expect(reusedTags.count == 1)
    }
}
