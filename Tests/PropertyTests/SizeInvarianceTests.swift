// Sphinx's first promise: a packet's size says nothing. SPEC.md chapter properties, §7.1.
//
// Property checks with PropertyBased generators (shrinking included), seeded by `fixedSeeds`
// (Support/RunSettings.swift) so every run draws the same cases; counts scale with
// SPHINX_PROPERTY_RUNS. Each case covers a random route of an allowed length, a random message
// up to the capacity, a version or parameter set, and a payload size, both as a forward packet
// and as a SURB reply, and walks both through every hop.
import Foundation
import PropertyBased
import SphinxSpec
import Testing

@Suite("Size invariance")
struct SizeInvarianceTests {
    // MARK: nym

    /// Payload sizes: LIONESS's minimum, a small odd size, the crate's default, Nym's regular
    /// 2 KiB packet and its 8 KiB extended packet.
    static let nymPayloadLengths = [
        NymConstants.minimumPayloadLength, 100, NymConstants.defaultPayloadLength,
        NymConstants.regularPayloadLength, NymConstants.extended8PayloadLength,
    ]

    struct NymCase: Sendable, CustomStringConvertible {
        let hops: Int
        let version: NymVersion
        let payloadLength: Int
        /// The message fills `fill`‰ of the capacity. The generator draws 0 … 1100 and clamps
        /// at 1000, so about one case in eleven sits exactly at the capacity.
        let fill: Int
        let seed: UInt64
        var capacity: Int { payloadLength - NymConstants.payloadOverhead }
        var messageLength: Int { capacity * fill / 1000 }
        var description: String {
            "\(hops) hops, version \(version.rawValue), payload \(payloadLength), message \(messageLength)/\(capacity), seed \(seed)"
        }
    }

    static let nymCases = zip(
        Gen.int(in: 1...NymConstants.maxPathLength), Gen<NymVersion>.case,
        Gen.int(in: 0...(nymPayloadLengths.count - 1)), Gen.int(in: 0...1100), Gen.uint64()
    ).map {
        NymCase(
            hops: $0.0, version: $0.1, payloadLength: nymPayloadLengths[$0.2], fill: Swift.min($0.3, 1000), seed: $0.4)
    }

    static func random(_ seed: UInt64) throws -> DeterministicRandom {
        try DeterministicRandom(seed: ByteOps.bigEndian(seed, width: 8) + Bytes.zeros(24))
    }

    /// Walks nym packet bytes through `route`, checking that every hop's output has the input's
    /// length; returns the final hop's payload and message.
    static func walkNym(_ bytes: Bytes, route: [Int], world: NymWorld) throws -> (payload: Bytes, message: Bytes?) {
        var packet = bytes
        for (i, node) in route.enumerated() {
            let processed = try NymSphinx.processPacket(packet, nodeSecret: world.secrets[node])
            switch processed.result {
            case let .forward(next, _, _):
                #expect(next.count == packet.count, "hop \(i): \(next.count) bytes out, \(packet.count) in")
                packet = next
            case let .final(_, _, payload, message):
                #expect(i == route.count - 1)
                return (payload, message)
            }
        }
        throw SphinxError.malformedRoutingEntry
    }

    /// [PROP-SIZE-1] nym: the wire length is 348 + payload length whatever the route length,
    /// version and message; at every hop the processed packet has the arriving packet's
    /// length; a SURB reply of the same payload size has the same length and header layout
    /// (α 32 ‖ γ 16 ‖ β 300) and goes through the same hops the same way. 60 cases.
    @Test func nymSizeDependsOnlyOnPayloadSize() async throws {
        let world = try NymWorld()
        var atCapacity = 0, atMaximumRoute = 0
        await propertyCheck(count: RunSettings.count(60), input: fixedSeeds("size.nym"), Self.nymCases) { _, c in
            if c.fill == 1000 { atCapacity += 1 }
            if c.hops == NymConstants.maxPathLength { atMaximumRoute += 1 }
            var random = try Self.random(c.seed)
            let route = world.randomRoute(c.hops, &random)
            let message = random.bytes(c.messageLength)
            let path = route.map { world.nodes[$0] }
            let delays = route.map { _ in NymDelay(nanoseconds: UInt64(random.int(1 << 40))) }
            let expected = NymConstants.headerLength + c.payloadLength

            let forward = try NymSphinx.createForwardPacket(
                route: path, delays: delays, destination: world.destination, message: message,
                payloadLength: c.payloadLength, version: c.version, random: &random)
            #expect(forward.bytes.count == expected)
            let (payload, received) = try Self.walkNym(forward.bytes, route: route, world: world)
            #expect(payload.count == c.payloadLength)
            #expect(received == message)

            let surb = try NymSphinx.createSURB(
                route: path, delays: delays, destination: world.destination,
                version: c.version, random: &random)
            let reply = try NymSphinx.useSURB(surb.surb, message: message, payloadLength: c.payloadLength)
            #expect(reply.bytes.count == expected)
            let f = try NymSphinx.decodePacket(forward.bytes), r = try NymSphinx.decodePacket(reply.bytes)
            let forwardLayout: [Int] = [
                f.header.alpha.count, f.header.gamma.count, f.header.beta.count, f.payload.count,
            ]
            let replyLayout: [Int] = [r.header.alpha.count, r.header.gamma.count, r.header.beta.count, r.payload.count]
            #expect(forwardLayout == replyLayout)
            let (replyPayload, replyMessage) = try Self.walkNym(reply.bytes, route: route, world: world)
            #expect(replyPayload.count == c.payloadLength)
            #expect(replyMessage == message)
        }
        // The boundaries the property is about were among the cases.
        print("[PROP] nym PROP-SIZE-1 — cases at the capacity: \(atCapacity), on a 5-hop route: \(atMaximumRoute)")
        #expect(atCapacity > 0 && atMaximumRoute > 0)
    }

    /// [PROP-SIZE-2] nym: a message over the capacity (payload − 17 bytes) is rejected with
    /// `messageTooLong(maximum:actual:)` by forward creation and by SURB use, and a payload
    /// below LIONESS's 33 bytes with `payloadSizeTooSmall`; nothing is truncated or padded.
    /// 30 cases.
    @Test func nymOversizedMessagesAreRejected() async throws {
        let world = try NymWorld()
        let cases = zip(
            Gen.int(in: 0...(Self.nymPayloadLengths.count - 1)), Gen.int(in: 1...4096),
            Gen.int(in: 0...(NymConstants.minimumPayloadLength - 1)), Gen.uint64())
        await propertyCheck(count: RunSettings.count(30), input: fixedSeeds("size.nym.over"), cases) { _, c in
            let (index, excess, tooSmall, seed) = c
            var random = try Self.random(seed)
            let payloadLength = Self.nymPayloadLengths[index]
            let capacity = payloadLength - NymConstants.payloadOverhead
            let path = world.randomRoute(1 + random.int(NymConstants.maxPathLength), &random).map { world.nodes[$0] }
            let delays = path.map { _ in NymDelay(nanoseconds: 0) }
            let message = random.bytes(capacity + excess)
            #expect(throws: SphinxError.messageTooLong(maximum: capacity, actual: capacity + excess)) {
                try NymSphinx.createForwardPacket(
                    route: path, delays: delays, destination: world.destination,
                    message: message, payloadLength: payloadLength, random: &random)
            }
            let surb = try NymSphinx.createSURB(
                route: path, delays: delays, destination: world.destination, random: &random)
            #expect(throws: SphinxError.messageTooLong(maximum: capacity, actual: capacity + excess)) {
                try NymSphinx.useSURB(surb.surb, message: message, payloadLength: payloadLength)
            }
            #expect(
                throws: SphinxError.payloadSizeTooSmall(minimum: NymConstants.minimumPayloadLength, actual: tooSmall)
            ) {
                try NymSphinx.createForwardPacket(
                    route: path, delays: delays, destination: world.destination,
                    message: [], payloadLength: tooSmall, random: &random)
            }
        }
    }

    // MARK: sphinxmix

    /// Parameter sets: sphinxmix's defaults and larger or smaller headers and bodies.
    static let sphinxmixHeaderLengths = [192, 256, 512]
    static let sphinxmixBodyLengths = [64, 1024, 4096]

    struct SphinxmixCase: Sendable, CustomStringConvertible {
        let headerLength: Int
        let bodyLength: Int
        /// Route length and message length as ‰ of their ranges (1 … maximum hops, 0 …
        /// capacity), clamped from 0 … 1100 so that the maxima come up often.
        let hopsFill: Int
        let fill: Int
        let seed: UInt64
        var description: String {
            "header_len \(headerLength), body_len \(bodyLength), hops fill \(hopsFill)‰, message fill \(fill)‰, seed \(seed)"
        }
    }

    static let sphinxmixCases = zip(
        Gen.int(in: 0...(sphinxmixHeaderLengths.count - 1)), Gen.int(in: 0...(sphinxmixBodyLengths.count - 1)),
        Gen.int(in: 0...1100), Gen.int(in: 0...1100), Gen.uint64()
    ).map {
        SphinxmixCase(
            headerLength: sphinxmixHeaderLengths[$0.0], bodyLength: sphinxmixBodyLengths[$0.1],
            hopsFill: Swift.min($0.2, 1000), fill: Swift.min($0.3, 1000), seed: $0.4)
    }

    /// msgpack's bin header for n bytes (bin8, bin16, bin32).
    static func binHeader(_ n: Int) -> Int { n < 256 ? 2 : (n < 65536 ? 3 : 5) }

    /// The largest forward message: msgpack([destination, message]) plus the 0x7f marker must fit
    /// in body_len − k bytes, and sphinxmix's own assertion |destination| + |message| ≤ body_len − k − 2.
    static func sphinxmixForwardCapacity(_ p: SphinxmixParameters, destination: Int) -> Int {
        var m = p.bodyLength
        while m >= 0 {
            let encoded = 1 + binHeader(destination) + destination + binHeader(m) + m
            if encoded + 1 <= p.bodyLength - p.k && destination + m <= p.bodyLength - p.k - 2 { return m }
            m -= 1
        }
        return -1
    }

    /// The largest SURB reply: the message plus the 0x7f marker in body_len − k bytes.
    static func sphinxmixReplyCapacity(_ p: SphinxmixParameters) -> Int { p.bodyLength - p.k - 1 }

    static func fieldLengths(_ p: SphinxmixPacket) -> [Int] {
        [p.header.alpha.count, p.header.beta.count, p.header.gamma.count, p.delta.count]
    }

    /// Walks a sphinxmix packet, checking each hop's output field lengths; returns the last result.
    static func walkSphinxmix(
        _ packet: SphinxmixPacket, route: [Int], world: SphinxmixWorld, parameters: SphinxmixParameters
    ) throws -> SphinxmixProcessedPacket {
        var current = packet
        for (i, node) in route.enumerated() {
            let processed = try Sphinxmix.process(
                parameters: parameters, privateKey: world.keys[node].privateKey, packet: current)
            guard case let .relay(_, next) = processed.result else {
                #expect(i == route.count - 1)
                return processed
            }
            #expect(fieldLengths(next) == fieldLengths(current), "hop \(i)")
            current = next
        }
        throw SphinxError.malformedRoutingEntry
    }

    /// [PROP-SIZE-3] sphinxmix: for header_len ∈ {192, 256, 512} and body_len ∈ {64, 1024,
    /// 4096}, routes of 1 to the maximum length that fits, and messages up to the capacity:
    /// α is 57 bytes, β header_len − 32, γ 16 and δ body_len, at creation and after every
    /// hop, for forward packets and SURB replies alike. 40 cases.
    @Test func sphinxmixSizeDependsOnlyOnParameters() async throws {
        let world = try SphinxmixWorld()
        var atCapacity = 0, atMaximumRoute = 0
        await propertyCheck(count: RunSettings.count(40), input: fixedSeeds("size.sphinxmix"), Self.sphinxmixCases) {
            _, c in
            if c.fill == 1000 { atCapacity += 1 }
            if c.hopsFill == 1000 { atMaximumRoute += 1 }
            var random = try Self.random(c.seed)
            let p = try SphinxmixParameters(headerLength: c.headerLength, bodyLength: c.bodyLength)
            let pool = world.path(Array(0..<world.nodeCount))
            let surbDestination = Bytes("bob".utf8)
            let maxHops = Swift.min(
                SphinxmixWorld.maxHops(p, pool, final: .destination),
                SphinxmixWorld.maxHops(p, pool, final: .surb(destination: surbDestination, surbID: Bytes.zeros(16))))
            let hops = 1 + (maxHops - 1) * c.hopsFill / 1000
            let route = world.randomRoute(hops, &random)
            let expected = [P224.pointLength, c.headerLength - 32, p.k, c.bodyLength]

            let forwardMessage = random.bytes(
                Self.sphinxmixForwardCapacity(p, destination: world.destination.count) * c.fill / 1000)
            let forward = try Sphinxmix.createForwardMessage(
                parameters: p, path: world.path(route), destination: world.destination,
                message: forwardMessage, random: &random)
            #expect(Self.fieldLengths(forward.packet) == expected)
            let last = try Self.walkSphinxmix(forward.packet, route: route, world: world, parameters: p)
            guard case let .destination(body) = last.result else {
                Issue.record("forward packet did not end at its destination"); return
            }
            #expect(body.count == c.bodyLength)
            #expect(
                try Sphinxmix.receiveForward(parameters: p, macKey: last.macKey, body: body).message == forwardMessage)

            let replyMessage = random.bytes(Self.sphinxmixReplyCapacity(p) * c.fill / 1000)
            let surb = try Sphinxmix.createSURB(
                parameters: p, path: world.path(route), destination: surbDestination, random: &random)
            let reply = try Sphinxmix.packageSURB(parameters: p, surb: surb.surb, message: replyMessage)
            #expect(Self.fieldLengths(reply) == Self.fieldLengths(forward.packet))
            let replyLast = try Self.walkSphinxmix(reply, route: route, world: world, parameters: p)
            guard case let .surbReply(_, _, replyBody) = replyLast.result else {
                Issue.record("reply did not end as a SURB reply"); return
            }
            #expect(replyBody.count == c.bodyLength)
            #expect(try Sphinxmix.receiveSURB(parameters: p, keys: surb.keys, body: replyBody) == replyMessage)
        }
        print(
            "[PROP] sphinxmix PROP-SIZE-3 — cases at the capacity: \(atCapacity), on a maximum-length route: \(atMaximumRoute)"
        )
        #expect(atCapacity > 0 && atMaximumRoute > 0)
    }

    /// [PROP-SIZE-4] sphinxmix: a forward message or a reply one byte or more over its capacity
    /// is rejected with `messageTooLong`; exactly the capacity is accepted (so the capacity the
    /// test computes is the profile's). 30 cases.
    @Test func sphinxmixOversizedMessagesAreRejected() async throws {
        let world = try SphinxmixWorld()
        let cases = zip(
            Gen.int(in: 0...(Self.sphinxmixHeaderLengths.count - 1)),
            Gen.int(in: 0...(Self.sphinxmixBodyLengths.count - 1)),
            Gen.int(in: 1...2048), Gen.uint64())
        await propertyCheck(count: RunSettings.count(30), input: fixedSeeds("size.sphinxmix.over"), cases) { _, c in
            let (h, b, excess, seed) = c
            var random = try Self.random(seed)
            let p = try SphinxmixParameters(
                headerLength: Self.sphinxmixHeaderLengths[h], bodyLength: Self.sphinxmixBodyLengths[b])
            let path = world.path(world.randomRoute(1 + random.int(2), &random))
            let forwardCapacity = Self.sphinxmixForwardCapacity(p, destination: world.destination.count)
            _ = try Sphinxmix.createForwardMessage(
                parameters: p, path: path, destination: world.destination,
                message: random.bytes(forwardCapacity), random: &random)
            // The maximum the error names depends on which of sphinxmix's two checks fires (the
            // assertion on |destination| + |message| or the padding), so only the case is fixed.
            let oversized = random.bytes(forwardCapacity + excess)
            do {
                _ = try Sphinxmix.createForwardMessage(
                    parameters: p, path: path, destination: world.destination,
                    message: oversized, random: &random)
                Issue.record("a forward message \(excess) bytes over the capacity \(forwardCapacity) was accepted")
            } catch let error as SphinxError {
                if case .messageTooLong = error {} else { Issue.record("forward: \(error), expected messageTooLong") }
            }
            let surb = try Sphinxmix.createSURB(
                parameters: p, path: path, destination: world.destination, random: &random)
            let replyCapacity = Self.sphinxmixReplyCapacity(p)
            _ = try Sphinxmix.packageSURB(parameters: p, surb: surb.surb, message: random.bytes(replyCapacity))
            #expect(throws: SphinxError.messageTooLong(maximum: replyCapacity, actual: replyCapacity + excess)) {
                try Sphinxmix.packageSURB(parameters: p, surb: surb.surb, message: random.bytes(replyCapacity + excess))
            }
        }
    }
}
