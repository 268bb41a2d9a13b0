import Foundation
import SphinxSpec
import StatisticsSupport
import Testing
@testable import LoopixSpec

/// Packet properties measured inside a run, on what the links carry (`Runs.nym`: Nym's
/// behaviour, so real, loop and drop packets, and acks of real and of loop packets, all cross
/// the mixes). SPEC.md §8.12, with the statistics of §7.2 and §7.3. Each test has a negative
/// control: a broken variant built from the same observed packets, which the test must catch.
@Suite struct PacketPropertyTests {
    static let observations = Runs.nym.observations

    /// The link an observation was on, by the roles at its two ends.
    static func link(_ o: PacketObservation) -> String {
        func role(_ a: NodeAddress) -> String {
            switch a {
            case .mix(let layer, _): return "mix\(layer)"
            case .gateway: return "gateway"
            case .client: return "client"
            }
        }
        return "\(role(o.from))→\(role(o.to))"
    }

    /// The distinct lengths on each (link, size class).
    static func lengths(_ observations: [PacketObservation], splitAcks: Bool) -> [String: Set<Int>] {
        var out: [String: Set<Int>] = [:]
        for o in observations {
            let key = link(o) + (splitAcks && o.truth.isAck ? " ack" : "")
            out[key, default: []].insert(o.bytes.count)
        }
        return out
    }

    /// Every packet on every link has one length per size class: regular packets are
    /// 348 + 2065 bytes (client entry frames 32 more: the first hop), Nym's ack packets
    /// (PacketSize::AckPacket) 386 bytes, a separate, smaller class.
    /// Negative controls: pooled without the size-class split, a link carrying acks shows two
    /// lengths; loop packets one byte short (a sender padding cover differently) are caught.
    @Test func oneLengthPerSizeClass() {
        let regular = NymConstants.headerLength + NymNodeConstants.regularPayloadLength
        let split = Self.lengths(Self.observations, splitAcks: true)
        for (key, lengths) in split.sorted(by: { $0.key < $1.key }) { print("length \(key): \(lengths.sorted())") }
        #expect(split.count >= 6)
        for (key, lengths) in split {
            let expected =
                key.hasSuffix(" ack")
                ? NymNodeConstants.ackPacketLength
                : regular + (key.hasPrefix("client") ? NymConstants.nodeAddressLength : 0)
            #expect(lengths == [expected], "\(key)")
        }
        let pooled = Self.lengths(Self.observations, splitAcks: false)
        #expect(pooled.values.contains { $0.count == 2 })
        let shortLoops = Self.observations.map { o in
            o.truth == .message(.loop)
                ? PacketObservation(
                    time: o.time, from: o.from, to: o.to, bytes: Array(o.bytes.dropLast()),
                    truth: o.truth, packetID: o.packetID)
                : o
        }
        #expect(Self.lengths(shortLoops, splitAcks: true).values.contains { $0.count > 1 })
    }

    /// α, γ, β, δ of every packet a mix received, by kind (nym layout: α [0, 32), γ [32, 48),
    /// β [48, 348), δ from 348; α's last byte is left out, X25519 fixes its top bit).
    struct Fields {
        var alpha: [[UInt8]] = [], gamma: [[UInt8]] = [], beta: [[UInt8]] = [], delta: [[UInt8]] = []

        init(_ packets: [Bytes]) {
            for b in packets {
                alpha.append(Array(b[0..<31]))
                gamma.append(Array(b[32..<48]))
                beta.append(Array(b[48..<348]))
                delta.append(Array(b[348...]))
            }
        }
    }

    static func atMixInputs(_ truth: PacketTruth) -> [Bytes] {
        observations.filter { if case .mix = $0.to { return $0.truth == truth } else { return false } }.map(\.bytes)
    }

    /// Two-sample χ² homogeneity of α bytes, γ nibbles, β bytes and δ bytes.
    static func homogeneity(_ name: String, _ a: Fields, _ b: Fields) -> [TestStatistic] {
        [
            Verdict.homogeneous("\(name) α bytes", Stats.byteHistogram(a.alpha), Stats.byteHistogram(b.alpha)),
            Verdict.homogeneous("\(name) γ nibbles", Stats.nibbleHistogram(a.gamma), Stats.nibbleHistogram(b.gamma)),
            Verdict.homogeneous("\(name) β bytes", Stats.byteHistogram(a.beta), Stats.byteHistogram(b.beta)),
            Verdict.homogeneous("\(name) δ bytes", Stats.byteHistogram(a.delta), Stats.byteHistogram(b.delta)),
        ]
    }

    /// Puts `marker` in clear at the start of δ (a cover packet whose payload a broken sender
    /// did not encrypt, or an ack whose fragment id shows).
    static func marked(_ packets: [Bytes], _ marker: Bytes) -> [Bytes] {
        packets.map { b in
            var b = b
            b.replaceSubrange(348..<(348 + marker.count), with: marker)
            return b
        }
    }

    /// Real, loop and drop packets at mix inputs are indistinguishable by the byte tests of
    /// §7.3 (two-sample homogeneity of α, γ, β, δ); so are the acks of real packets and of loop
    /// packets, among acks. Level 1e-8 per statistic (PROP-LEVEL).
    /// Negative controls: loop and drop packets carrying Nym's loop marker "The cake is a lie!"
    /// in clear at the start of δ, and acks of loops whose first 5 δ bytes are the cover id
    /// 0 @ 0 in clear, must each be rejected.
    @Test func kindsLookAlikeAtMixInputs() {
        let real = Self.atMixInputs(.message(.real)), loop = Self.atMixInputs(.message(.loop))
        let drop = Self.atMixInputs(.message(.drop))
        let ackOfReal = Self.atMixInputs(.ack(of: .real)), ackOfLoop = Self.atMixInputs(.ack(of: .loop))
        print("at mix inputs: real \(real.count), loop \(loop.count), drop \(drop.count)")
        print("acks of real \(ackOfReal.count), acks of loops \(ackOfLoop.count)")
        #expect(real.count >= 300 && loop.count >= 300 && drop.count >= 150)
        #expect(ackOfReal.count >= 300 && ackOfLoop.count >= 300)
        let realFields = Fields(real)
        let statistics =
            Self.homogeneity("real/loop", realFields, Fields(loop))
            + Self.homogeneity("real/drop", realFields, Fields(drop))
            + Self.homogeneity("ack of real/ack of loop", Fields(ackOfReal), Fields(ackOfLoop))
        report("PKT real", statistics)
        for s in statistics { #expect(!s.rejects, "\(s)") }

        let marker = Bytes("The cake is a lie!".utf8) + [0x01]
        let controls = [
            Self.homogeneity("real/loop marked", realFields, Fields(Self.marked(loop, marker))),
            Self.homogeneity("real/drop marked", realFields, Fields(Self.marked(drop, marker))),
            Self.homogeneity(
                "ack of real/ack of loop, id in clear", Fields(ackOfReal),
                Fields(Self.marked(ackOfLoop, FragmentID.cover.bytes))),
        ]
        for control in controls {
            report("PKT control", control)
            #expect(control.contains { $0.rejects })
        }
    }

    /// The delay each mix held each packet, by kind: arrival (a send to the mix) to departure
    /// (the same packet's send from it).
    static func delays(_ observations: [PacketObservation]) -> [PacketTruth: [Double]] {
        var arrivals: [NodeAddress: [Int: UInt64]] = [:]
        var out: [PacketTruth: [Double]] = [:]
        for o in observations {
            if case .mix = o.from, let arrived = arrivals[o.from]?[o.packetID] {
                out[o.truth, default: []].append(Double(o.time - arrived) / 1e9)
            }
            if case .mix = o.to { arrivals[o.to, default: [:]][o.packetID] = o.time }
        }
        return out
    }

    /// What a mix's timing shows is the same for every kind: the delays real, loop, drop and ack
    /// packets spend in a mix have the same mean (Welch z, level 1e-8), and that mean is 1/µ
    /// (Exp(µ): SE (1/µ)/√n, within 5.73 SE).
    /// Negative control: cover packets sent with zero delays (a sender skipping cover delays)
    /// are told apart from real ones.
    @Test func delaysLookAlikeAtMixes() {
        let delays = Self.delays(Self.observations)
        let mu = Runs.nymParameters.mu
        let real = delays[.message(.real), default: []]
        var statistics: [TestStatistic] = []
        for truth in [PacketTruth.message(.loop), .message(.drop), .ack(of: .real), .ack(of: .loop)] {
            let other = delays[truth, default: []]
            statistics.append(Verdict.normal("delay real − \(truth) (Welch)", Stats.twoSampleZ(real, other)))
        }
        for (truth, sample) in delays where sample.count > 100 {
            let z = (Stats.mean(sample) - 1 / mu) / ((1 / mu) / Double(sample.count).squareRoot())
            statistics.append(Verdict.normal("mean delay \(truth) − 1/µ", z))
        }
        report("PKT delays", statistics)
        #expect(real.count >= 300)
        for s in statistics { #expect(!s.rejects, "\(s)") }
        let zeroCover = delays[.message(.loop), default: []].map { _ in 0.0 }
        let control = Verdict.normal("delay real − loop sent with zero delays", Stats.twoSampleZ(real, zeroCover))
        report("PKT control", [control])
        #expect(control.rejects)
    }

    // MARK: The distinguisher panel

    /// One packet's passage through a mix: the bytes it arrived with and left with.
    struct Passage {
        let input: Bytes
        let output: Bytes
    }

    /// The passages through `mix` of packets of one kind, in arrival order.
    static func passages(_ truth: PacketTruth, through mix: NodeAddress) -> [Passage] {
        var inputs: [Int: Bytes] = [:], order: [Int] = [], outputs: [Int: Bytes] = [:]
        for o in observations where o.truth == truth {
            if o.to == mix {
                inputs[o.packetID] = o.bytes
                order.append(o.packetID)
            }
            if o.from == mix { outputs[o.packetID] = o.bytes }
        }
        return order.compactMap { id in outputs[id].map { Passage(input: inputs[id] ?? [], output: $0) } }
    }

    static func equalBytes(_ a: ArraySlice<UInt8>, _ b: ArraySlice<UInt8>) -> Double {
        Double(zip(a, b).reduce(0) { $0 + ($1.0 == $1.1 ? 1 : 0) })
    }

    /// PROP-UNLINK-4's panel: each distinguisher scores how alike an input and an output are.
    static let distinguishers: [(name: String, similarity: @Sendable (Bytes, Bytes) -> Double)] = [
        ("equal bytes", { equalBytes($0[...], $1[...]) }),
        ("Hamming", { a, b in -Double(zip(a, b).reduce(0) { $0 + ($1.0 ^ $1.1).nonzeroBitCount }) }),
        ("length", { Double($0.count == $1.count ? 1 : 0) }),
        ("α equal bytes", { equalBytes($0[0..<32], $1[0..<32]) }),
        ("δ equal bytes", { equalBytes($0[348...], $1[348...]) }),
        ("β′ against β shifted by one routing entry", { equalBytes($0[108..<348], $1[48..<288]) }),
    ]

    /// For each trial, a real packet A and a cover packet B pass the mix; the observer sees both
    /// inputs and both outputs, the outputs in an order set by a fair coin, and guesses the
    /// order (a tie counts ½). z = (score − N/2)/(√N/2) per distinguisher.
    static func panel(_ trials: [(a: Passage, b: Passage)], coins: [Int]) -> [TestStatistic] {
        distinguishers.map { d in
            var score = 0.0
            for (trial, c) in zip(trials, coins) {
                let (o0, o1) = c == 0 ? (trial.a.output, trial.b.output) : (trial.b.output, trial.a.output)
                let straight = d.similarity(trial.a.input, o0) + d.similarity(trial.b.input, o1)
                let crossed = d.similarity(trial.a.input, o1) + d.similarity(trial.b.input, o0)
                if straight == crossed { score += 0.5 } else if (straight > crossed) == (c == 0) { score += 1 }
            }
            let n = Double(trials.count)
            return Verdict.normal("panel, \(d.name)", (score - n / 2) / (n.squareRoot() / 2))
        }
    }

    /// The distinguisher panel (PROP-UNLINK-4) inside the run: 100 trials of one real and one
    /// loop packet passing mix (0, 0), the real packet's i-th passage paired with the loop's.
    /// No distinguisher beats a fair coin (|z| ≤ 5.73).
    /// Negative control: outputs whose δ was not re-encrypted (δ′ = δ, PROP-CTRL-PAYLOAD) are
    /// linked by the δ and whole-packet distinguishers.
    @Test func panelCannotLinkRealAndCover() {
        let mix = NodeAddress.mix(layer: 0, index: 0)
        let real = Self.passages(.message(.real), through: mix), loop = Self.passages(.message(.loop), through: mix)
        let trials = Array(zip(real, loop).prefix(100)).map { (a: $0.0, b: $0.1) }
        var random = SimulationRandom(seed: 81)
        let coins = trials.map { _ in random.index(below: 2) }
        #expect(trials.count == 100)
        let statistics = Self.panel(trials, coins: coins)
        report("PKT panel", statistics)
        for s in statistics { #expect(!s.rejects, "\(s)") }
        func unencrypted(_ p: Passage) -> Passage {
            Passage(input: p.input, output: Array(p.output[0..<348]) + Array(p.input[348...]))
        }
        let control = Self.panel(trials.map { (unencrypted($0.a), unencrypted($0.b)) }, coins: coins)
        report("PKT control δ not re-encrypted", control)
        #expect(control.contains { $0.rejects })
    }
}
