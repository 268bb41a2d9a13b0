// The properties of SPEC.md §7 for the third profile, bolt4 (Lightning's onion, §4.3). bolt4
// has no SURBs and no payload δ, so it does not fit the MixWorld interface of the other two
// profiles; these tests run the same statistics (UnlinkabilityTests' helpers, StatisticsSupport)
// on bolt4 onions, each with its negative control built from the same real onions.
import Foundation
import SphinxSpec
import StatisticsSupport
import Testing

@Suite("bolt4 properties")
struct BOLT4PropertyTests {
    /// Twenty nodes, Lightning's usual longest route; node i's secret is SHA-256("bolt4 prop i").
    static let secrets: [Bytes] = (0..<20).map { SHA256.hash(Bytes("bolt4 prop \($0)".utf8)) }
    static let publicKeys: [Bytes] = secrets.map { (try? Secp256k1.Scalar(canonical: $0).publicKey().compressed) ?? [] }

    /// A payload of `length` bytes shaped like a Lightning TLV hop payload: a few records,
    /// then 0x2a filler, so that plaintext has structure a broken encryption would show.
    static func payload(_ length: Int, _ random: inout DeterministicRandom) -> Bytes {
        let head: Bytes = [0x02, 0x08] + Bytes.zeros(5) + random.bytes(3) + [0x04, 0x04, 0x00, 0x0b]
        return Array((head + Bytes(repeating: 0x2a, count: Swift.max(0, length))).prefix(length))
    }

    /// Payload lengths for ν hops that fit in 1300 bytes.
    static func lengths(_ nu: Int, _ random: inout DeterministicRandom, upTo wanted: Int = 400) -> [Int] {
        var used = 0
        return (0..<nu).map { i in
            let room = 1300 - used - (nu - i - 1) * 35 - 3 - 32
            let length = 2 + random.int(Swift.max(1, Swift.min(wanted, room) - 1))
            used += BigSize.encode(UInt64(length)).count + length + 32
            return length
        }
    }

    struct Hop {
        let input: Bytes
        let processed: BOLT4ProcessedOnion
        var output: Bytes? {
            if case .forward(_, let next) = processed.outcome { return next.bytes }
            return nil
        }
    }

    static func walk(_ onion: Bytes, route: [Int], ad: Bytes) throws -> [Hop] {
        var packet = onion
        var hops: [Hop] = []
        for node in route {
            let processed = try BOLT4.processOnion(packet, nodeSecret: secrets[node], associatedData: ad)
            hops.append(Hop(input: packet, processed: processed))
            guard case .forward(_, let next) = processed.outcome else { break }
            packet = next.bytes
        }
        return hops
    }

    static func fields(_ onion: Bytes) throws -> Fields {
        Fields(header: try BOLT4Packet(bytes: onion).header, delta: [])
    }

    /// [PROP-SIZE-BOLT4] bolt4: every onion is 1366 bytes when created and at every hop, for
    /// routes of 1 to 20 hops, payloads of 2 to 1265 bytes and associated data of 0 or 32
    /// bytes; the final hop gets its payload back. 40 cases.
    @Test func everyOnionIs1366BytesAtEveryHop() throws {
        var random = try DeterministicRandom(seed: RunSettings.randomSeed("size.bolt4"))
        var hopsSeen = 0
        for _ in 0..<RunSettings.count(40) {
            let nu = 1 + random.int(20)
            let route = (0..<nu).map { _ in random.int(20) }
            let lengths = Self.lengths(nu, &random, upTo: nu == 1 ? 1265 : 400)
            let payloads = lengths.map { Self.payload($0, &random) }
            let ad = random.bytes(random.int(2) * 32)
            let onion = try BOLT4.createOnion(
                route: zip(route, payloads).map { BOLT4RouteHop(publicKey: Self.publicKeys[$0.0], payload: $0.1) },
                associatedData: ad, sessionKey: try BOLT4Profile().randomExponent(using: &random)
            ).packet.bytes
            #expect(onion.count == BOLT4Constants.onionLength)
            let hops = try Self.walk(onion, route: route, ad: ad)
            #expect(hops.count == nu)
            for hop in hops {
                if let output = hop.output { #expect(output.count == BOLT4Constants.onionLength) }
            }
            if case .final(let payload) = hops.last?.processed.outcome { #expect(payload == payloads.last) }
            hopsSeen += hops.count
        }
        print("[PROP] bolt4 PROP-SIZE-BOLT4 — hops walked: \(hopsSeen)")
    }

    /// Onions of `nu` hops with structured payloads, and the hops they pass.
    static func sample(label: String, count: Int, nu: Int, zeroFill: Bool = false) throws -> [(HeaderCreation, [Hop])] {
        var random = try DeterministicRandom(seed: RunSettings.randomSeed(label))
        var out: [(HeaderCreation, [Hop])] = []
        for _ in 0..<count {
            let route = (0..<nu).map { _ in random.int(20) }
            let payloads = Self.lengths(nu, &random, upTo: 60).map { Self.payload($0, &random) }
            let hops = zip(route, payloads).map { BOLT4RouteHop(publicKey: Self.publicKeys[$0.0], payload: $0.1) }
            let session = try BOLT4Profile().randomExponent(using: &random)
            let creation: HeaderCreation
            if zeroFill {
                // [PROP-CTRL-BOLT4-FILL] Flaw: hop_payloads started from zeros instead of the pad
                // stream, so the last hop finds zeros after its entry (Kuhn, Beck, Strufe 2020).
                var zeros = FixedRandom(Bytes.zeros(BOLT4Constants.hopPayloadsLength))
                creation = try Sphinx.createHeader(
                    profile: BOLT4Profile(), initialSecret: session, publicKeys: hops.map(\.publicKey),
                    forwardCommands: hops.dropLast().map(\.payload), finalCommand: hops[nu - 1].payload,
                    associatedData: Array(repeating: [], count: nu), random: &zeros)
            } else {
                creation = try BOLT4.createOnion(route: hops, associatedData: [], sessionKey: session).creation
            }
            let onion = [BOLT4Constants.version] + creation.header.alpha + creation.header.beta + creation.header.gamma
            out.append((creation, try Self.walk(onion, route: route, ad: [])))
        }
        return out
    }

    /// [PROP-UNLINK-BOLT4-1] Input/output independence at a bolt4 hop: the Hamming distance
    /// between the onion a hop receives and the one it sends, over the x-coordinate of α, γ
    /// and β, behaves like Binomial(n, 1/2) (the statistics of PROP-UNLINK-1). 64 pairs.
    /// Negative control: the output with α not re-blinded (PROP-CTRL-ALPHA) must be rejected.
    @Test func inputOutputIndependence() throws {
        let sample = try Self.sample(label: "unlink1.bolt4", count: RunSettings.count(64), nu: 3)
        var pairs: [(Fields, Fields)] = []
        for (_, hops) in sample {
            if let output = hops[0].output { pairs.append((try Self.fields(hops[0].input), try Self.fields(output))) }
        }
        #expect(pairs.count == sample.count)
        let real = UnlinkabilityTests.hammingStatistics(pairs, alphaRange: 1..<33)
        report("bolt4 PROP-UNLINK-BOLT4-1 real", real)
        for s in real { #expect(!s.rejects, "\(s)") }
        let control = UnlinkabilityTests.hammingStatistics(
            pairs.map { ($0.0, BrokenVariants.alphaNotReblinded(input: $0.0, output: $0.1)) }, alphaRange: 1..<33)
        report("bolt4 PROP-UNLINK-BOLT4-1 control α not re-blinded", control)
        #expect(control[0].rejects, "\(control[0])")
    }

    /// [PROP-UNLINK-BOLT4-2] Uniformity: at every hop of 5-hop routes, the bytes of β
    /// (hop_payloads) and the nibbles of γ the hop receives, and the x-coordinate bytes of α
    /// (pooled), pass the chi-square test against uniform. 32 onions. Negative control:
    /// hop_payloads with ρ removed (PROP-CTRL-BETA, the structured payloads in the clear) must
    /// fail at some hop.
    @Test func uniformity() throws {
        let nu = 5
        let sample = try Self.sample(label: "unlink2.bolt4", count: RunSettings.count(32), nu: nu)
        var alpha: [[UInt8]] = []
        var beta = Array(repeating: [[UInt8]](), count: nu), gamma = beta, clear = beta
        let profile = BOLT4Profile()
        for (creation, hops) in sample {
            #expect(hops.count == nu)
            for (j, hop) in hops.enumerated() {
                let f = try Self.fields(hop.input)
                alpha.append(Array(f.alpha[1..<33]))
                beta[j].append(f.beta)
                gamma[j].append(f.gamma)
                clear[j].append(ByteOps.xor(f.beta, try profile.rho(key: creation.hops[j].keys.hRho, length: 1300)))
            }
        }
        let real =
            [Verdict.uniform("α x bytes (all hops)", Stats.byteHistogram(alpha))]
            + beta.enumerated().map { Verdict.uniform("hop \($0.offset) β bytes", Stats.byteHistogram($0.element)) }
            + gamma.enumerated().map {
                Verdict.uniform("hop \($0.offset) γ nibbles", Stats.nibbleHistogram($0.element))
            }
        report("bolt4 PROP-UNLINK-BOLT4-2 real", real)
        for s in real { #expect(!s.rejects, "\(s)") }
        let control = clear.enumerated().map {
            Verdict.uniform("hop \($0.offset) β in the clear", Stats.byteHistogram($0.element))
        }
        report("bolt4 PROP-UNLINK-BOLT4-2 control β in the clear", control)
        #expect(control.contains { $0.rejects })
    }

    /// [PROP-UNLINK-BOLT4-3] Path-length hiding: what the last hop finds in hop_payloads after
    /// its own entry (B[|e|, 1300)) has the same byte distribution for 1-hop and 20-hop routes
    /// (chi-square homogeneity, 32 onions each, about 1000 bytes from each). Negative control:
    /// the same onions built from a zero fill instead of the pad stream (PROP-CTRL-BOLT4-FILL)
    /// must be told apart.
    @Test func pathLengthHiding() throws {
        let n = RunSettings.count(32)
        func tails(_ nu: Int, zero: Bool) throws -> [[UInt8]] {
            try Self.sample(label: "unlink3.bolt4.\(nu)", count: n, nu: nu, zeroFill: zero).map { item in
                let trace = item.1[nu - 1].processed.trace
                return Array(trace.decryptedBlock[trace.routingEntryLength..<BOLT4Constants.hopPayloadsLength])
            }
        }
        let real = Verdict.homogeneous(
            "last-hop tail, 1 vs 20 hops", Stats.byteHistogram(try tails(1, zero: false)),
            Stats.byteHistogram(try tails(20, zero: false)))
        report("bolt4 PROP-UNLINK-BOLT4-3 real", [real])
        #expect(!real.rejects, "\(real)")
        let control = Verdict.homogeneous(
            "zero fill: last-hop tail, 1 vs 20 hops", Stats.byteHistogram(try tails(1, zero: true)),
            Stats.byteHistogram(try tails(20, zero: true)))
        report("bolt4 PROP-UNLINK-BOLT4-3 control zero fill", [control])
        #expect(control.rejects, "\(control)")
    }
}
