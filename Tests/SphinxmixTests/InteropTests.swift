import Foundation
import Testing
@testable import SphinxSpec

/// One interop configuration: sphinxmix parameters and a path length.
struct InteropCase: CustomStringConvertible, Sendable {
    let headerLength: Int
    let bodyLength: Int
    let associatedLength: Int
    let pathLength: Int

    var parameters: SphinxmixParameters {
        get throws {
            try SphinxmixParameters(
                headerLength: headerLength, bodyLength: bodyLength, associatedLength: associatedLength)
        }
    }
    var description: String { "header \(headerLength), body \(bodyLength), ad \(associatedLength), \(pathLength) hops" }

    /// The parameter sets: sphinxmix's defaults, larger and smaller header and body lengths,
    /// and two with associated data.
    static let parameterSets: [(Int, Int, Int)] = [
        (192, 1024, 0), (256, 2048, 0), (128, 300, 0), (160, 512, 8), (192, 1024, 4),
    ]

    /// Every path length that fits, for each parameter set and final command.
    static func all(surb: Bool) -> [InteropCase] {
        parameterSets.flatMap { set -> [InteropCase] in
            guard let p = try? SphinxmixParameters(headerLength: set.0, bodyLength: set.1, associatedLength: set.2),
                let maxHops = try? maximumPathLength(p, final: surb ? surbFinal : .destination)
            else { return [] }
            return (1...maxHops).map {
                InteropCase(headerLength: set.0, bodyLength: set.1, associatedLength: set.2, pathLength: $0)
            }
        }
    }
}

/// The SURB destination and identifier shape used to size SURB paths.
let surbDestination = Bytes("myself".utf8)
let surbFinal = SphinxmixRouting.surb(destination: surbDestination, surbID: Bytes.zeros(16))

func associatedData(_ c: InteropCase, tag: UInt8) -> [Bytes]? {
    c.associatedLength == 0
        ? nil : (0..<c.pathLength).map { Bytes(repeating: tag &+ UInt8($0), count: c.associatedLength) }
}

func seed(_ label: String, _ c: InteropCase) -> Bytes {
    SHA256.hash(Bytes("\(label) \(c)".utf8))
}

@Suite(.serialized, .enabled(if: PeerLocation.shouldRun, PeerLocation.skipMessage))
struct SphinxmixInteropTests {
    let network: TestNetwork

    init() throws { network = try TestNetwork(size: 12, seed: 7) }

    // Swift creates a forward message; the real package creates one from the same random
    // inputs (byte equality), then processes every hop of Swift's packet, each hop compared
    // byte for byte with Swift's own processing, and decodes it.
    @Test(arguments: InteropCase.all(surb: false))
    func swiftCreatesPackageProcesses(_ c: InteropCase) throws {
        let peer = try SphinxmixPeer()
        let params = try c.parameters
        let ad = associatedData(c, tag: 0x41)
        let destination = Bytes("bob".utf8)
        let message = Bytes("forward from Swift over \(c)".utf8)
        var random = try DeterministicRandom(seed: seed("forward", c))
        let forward = try Sphinxmix.createForwardMessage(
            parameters: params, path: network.path(c.pathLength), destination: destination,
            message: message, associatedData: ad, random: &random)

        // Byte equality: the package, given the same x and padding, builds the same packet.
        let theirs = try peer.call([
            "op": "create_forward", "params": params.json, "path": network.pathJSON(c.pathLength),
            "dest": destination.hex, "message": message.hex, "assoc": ad?.map(\.hex) ?? NSNull(),
            "random": ["x": forward.randomness.initialSecret.hex, "pad": forward.randomness.finalPadding.hex],
        ])
        #expect(try packet(from: theirs, parameters: params) == forward.packet)
        // Intermediate values: each hop's aes_s as sphinxmix's create_header computed it.
        #expect(
            theirs["aes_keys"] as? [String]
                == forward.creation.headerCreation.hops.map { $0.keys.detail("aes_s")?.hex ?? "" })

        // The package processes every hop of Swift's packet.
        var current = forward.packet
        for hop in 0..<c.pathLength {
            let hopAD = ad?[hop] ?? []
            let r = try peer.call(
                [
                    "op": "process", "params": params.json, "secret": network.keys[hop].privateKey.bytes.hex,
                    "assoc": hopAD.hex,
                ].merging(current.json) { a, _ in a })
            let mine = try Sphinxmix.process(
                parameters: params, privateKey: network.keys[hop].privateKey,
                packet: current, associatedData: hopAD)
            #expect(try hexField(r, "tag") == mine.replayTag, "hop \(hop): replay tag")
            #expect(try hexField(r, "mac_key") == mine.macKey, "hop \(hop): h_pi")
            #expect(try hexField(r, "delta") == mine.payloadOut, "hop \(hop): delta'")
            let routing = try #require(r["routing"] as? [String: Any])
            #expect(try hexField(routing, "raw") == mine.routingBytes, "hop \(hop): routing")
            if hop < c.pathLength - 1 {
                #expect(routing["flag"] as? String == "relay")
                #expect(routing["fields"] as? [String] == [network.ids[hop + 1].hex])
                let next = try packet(from: r, parameters: params)
                #expect(
                    mine.result == .relay(nextNode: network.ids[hop + 1], nextPacket: next), "hop \(hop): next packet")
                current = next
            } else {
                #expect(routing["flag"] as? String == "dest")
                #expect(mine.result == .destination(body: mine.payloadOut))
                let received = try peer.call([
                    "op": "receive_forward", "params": params.json, "mac_key": mine.macKey.hex,
                    "delta": mine.payloadOut.hex,
                ])
                #expect(try hexField(received, "dest") == destination)
                #expect(try hexField(received, "message") == message)
            }
        }
    }

    // The real package creates a forward message from its own (given) random inputs; Swift
    // processes every hop and decodes it.
    @Test(arguments: InteropCase.all(surb: false))
    func packageCreatesSwiftProcesses(_ c: InteropCase) throws {
        let peer = try SphinxmixPeer()
        let params = try c.parameters
        let ad = associatedData(c, tag: 0x61)
        let destination = Bytes("alice@example".utf8)
        let message = Bytes("forward from sphinxmix over \(c)".utf8)
        let x = Bytes([0x00]) + SHA256.hash(seed("x", c)).prefix(27)
        let pad = Bytes(
            repeating: 0x5a, count: try paddingLength(params, pathLength: c.pathLength, final: .destination))
        let theirs = try peer.call([
            "op": "create_forward", "params": params.json, "path": network.pathJSON(c.pathLength),
            "dest": destination.hex, "message": message.hex, "assoc": ad?.map(\.hex) ?? NSNull(),
            "random": ["x": x.hex, "pad": pad.hex],
        ])
        var current = try packet(from: theirs, parameters: params)
        var replayCache = try ReplayCache(capacityPerEpoch: 1000, hashKey: Bytes(repeating: 0x33, count: 32))
        var delivered = false
        for hop in 0..<c.pathLength {
            let r = try Sphinxmix.process(
                parameters: params, privateKey: network.keys[hop].privateKey,
                packet: current, associatedData: ad?[hop] ?? [], replayCache: &replayCache)
            switch r.result {
            case .relay(let next, let nextPacket):
                #expect(hop < c.pathLength - 1)
                #expect(next == network.ids[hop + 1])
                current = nextPacket
            case .destination(let body):
                #expect(hop == c.pathLength - 1)
                let (d, m) = try Sphinxmix.receiveForward(parameters: params, macKey: r.macKey, body: body)
                #expect(d == destination)
                #expect(m == message)
                delivered = true
            case .surbReply:
                Issue.record("a forward message ended as a SURB reply")
            }
        }
        #expect(delivered)
    }

    // Swift creates a SURB (the package builds the same one from the same random inputs); the
    // package packages a reply with it and processes every hop; Swift opens the reply.
    @Test(arguments: InteropCase.all(surb: true))
    func swiftSURBPackageReplies(_ c: InteropCase) throws {
        let peer = try SphinxmixPeer()
        let params = try c.parameters
        let ad = associatedData(c, tag: 0x30)
        var random = try DeterministicRandom(seed: seed("surb", c))
        let creation = try Sphinxmix.createSURB(
            parameters: params, path: network.path(c.pathLength),
            destination: surbDestination, associatedData: ad, random: &random)
        let rnd = creation.randomness
        let theirs = try peer.call([
            "op": "create_surb", "params": params.json, "path": network.pathJSON(c.pathLength),
            "dest": surbDestination.hex, "assoc": ad?.map(\.hex) ?? NSNull(),
            "random": [
                "surb_id": rnd.surbID.hex, "x": rnd.initialSecret.hex, "pad": rnd.finalPadding.hex,
                "k_tilde": rnd.kTilde.hex,
            ],
        ])
        #expect(try header(from: theirs) == creation.surb.header)
        #expect((theirs["keys"] as? [String]) == creation.keys.map(\.hex))
        #expect(try hexField(theirs, "first_node") == creation.surb.firstNode)
        #expect(try hexField(theirs, "surb_id") == rnd.surbID)
        #expect(theirs["aes_keys"] as? [String] == creation.creation.hops.map { $0.keys.detail("aes_s")?.hex ?? "" })

        let reply = Bytes("reply via Swift's SURB, \(c)".utf8)
        let packaged = try peer.call(
            [
                "op": "package_surb", "params": params.json, "first_node": creation.surb.firstNode.hex,
                "k_tilde": creation.surb.kTilde.hex, "message": reply.hex,
            ].merging(creation.surb.header.json) { a, _ in a })
        var current = try packet(from: packaged, parameters: params)
        #expect(current == (try Sphinxmix.packageSURB(parameters: params, surb: creation.surb, message: reply)))

        for hop in 0..<c.pathLength {
            let r = try peer.call(
                [
                    "op": "process", "params": params.json, "secret": network.keys[hop].privateKey.bytes.hex,
                    "assoc": (ad?[hop] ?? []).hex,
                ].merging(current.json) { a, _ in a })
            let routing = try #require(r["routing"] as? [String: Any])
            if hop == c.pathLength - 1 {
                #expect(routing["flag"] as? String == "surb")
                #expect(routing["fields"] as? [String] == [surbDestination.hex, rnd.surbID.hex])
            } else {
                #expect(routing["flag"] as? String == "relay")
            }
            current = try packet(from: r, parameters: params)
        }
        #expect(try Sphinxmix.receiveSURB(parameters: params, keys: creation.keys, body: current.delta) == reply)
    }

    // The package creates a SURB; Swift packages a reply and processes every hop; the package
    // opens the reply.
    @Test(arguments: InteropCase.all(surb: true))
    func packageSURBSwiftReplies(_ c: InteropCase) throws {
        let peer = try SphinxmixPeer()
        let params = try c.parameters
        let ad = associatedData(c, tag: 0x70)
        let x = Bytes([0x00]) + SHA256.hash(seed("surb x", c)).prefix(27)
        let surbID = Bytes(SHA256.hash(seed("surb id", c)).prefix(16))
        let kTilde = Bytes(SHA256.hash(seed("k tilde", c)).prefix(16))
        let finalCommand = SphinxmixRouting.surb(destination: surbDestination, surbID: surbID)
        let pad = Bytes(
            repeating: 0xa5, count: try paddingLength(params, pathLength: c.pathLength, final: finalCommand))
        let theirs = try peer.call([
            "op": "create_surb", "params": params.json, "path": network.pathJSON(c.pathLength),
            "dest": surbDestination.hex, "assoc": ad?.map(\.hex) ?? NSNull(),
            "random": ["surb_id": surbID.hex, "x": x.hex, "pad": pad.hex, "k_tilde": kTilde.hex],
        ])
        let surb = SphinxmixSURB(
            firstNode: try hexField(theirs, "first_node"), header: try header(from: theirs), kTilde: kTilde)
        let reply = Bytes("reply from Swift, \(c)".utf8)
        var current = try Sphinxmix.packageSURB(parameters: params, surb: surb, message: reply)
        var body: Bytes?
        for hop in 0..<c.pathLength {
            let r = try Sphinxmix.process(
                parameters: params, privateKey: network.keys[hop].privateKey,
                packet: current, associatedData: ad?[hop] ?? [])
            switch r.result {
            case .relay(let next, let nextPacket):
                #expect(next == network.ids[hop + 1])
                current = nextPacket
            case .surbReply(let destination, let id, let b):
                #expect(hop == c.pathLength - 1)
                #expect(destination == surbDestination)
                #expect(id == surbID)
                body = b
            case .destination:
                Issue.record("a SURB reply ended as a forward message")
            }
        }
        let finalBody = try #require(body)
        let opened = try peer.call([
            "op": "receive_surb", "params": params.json,
            "keys": theirs["keys"] ?? [], "delta": finalBody.hex,
        ])
        #expect(try hexField(opened, "message") == reply)
    }
}
