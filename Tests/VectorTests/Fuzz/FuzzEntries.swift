import Foundation
import LoopixSpec
import SphinxSpec
import Synchronization

@testable import SpecVectors

// The fuzzed entry points, one function per libFuzzer harness (SPEC.md §7.5, PROP-ROBUST-2).
// This one file is compiled twice: here, where FuzzCorpusReplayTests feeds every committed
// corpus input through it, and in scripts/fuzz (a symbolic link, Sources/FuzzEntries), where
// libFuzzer drives it. Each function returns the outcome of every call it made ("ok" or the
// typed error's name), so the replay can check that each input ends in a typed outcome; a
// crash is the only finding. Inputs select a mode with their first byte.

enum FuzzEntry {
    /// The harnesses and their entry functions, by the name of the corpus folder.
    static let all: [(name: String, run: @Sendable (Bytes) -> [String])] = [
        ("FuzzNym", nym), ("FuzzSphinxmix", sphinxmix), ("FuzzOracle", oracleLine),
        ("FuzzVectorFile", vectorFile), ("FuzzMixNode", mixNode), ("FuzzBOLT4", bolt4),
    ]

    static func outcome<T, E: Error>(_ body: () throws(E) -> T) -> String {
        do {
            _ = try body()
            return "ok"
        } catch let error as SphinxError {
            return error.name
        } catch {
            if let error = error as? BOLT4ReturnError { return error.name }
            return String(describing: type(of: error))
        }
    }

    // MARK: nym

    static let nymSecret = Bytes(repeating: 0x42, count: 32)
    static let nymAlpha = (try? X25519.publicKey(secret: Bytes(repeating: 0x17, count: 32))) ?? X25519.basePoint

    /// A header whose γ is the correct MAC over β = block ⊕ ρ, so that chosen routing blocks
    /// reach the routing parser from inside processing.
    static func nymCraft(block: Bytes, payload: Bytes) -> Bytes? {
        let profile = NymProfile()
        guard let s = try? profile.exponentiate(nymAlpha, by: [nymSecret]),
            let keys = try? profile.deriveHopKeys(alpha: nymAlpha, sharedSecret: s),
            let stream = try? profile.rho(key: keys.streamCipherKey, length: block.count)
        else { return nil }
        let beta = ByteOps.xor(block, stream)
        guard let gamma = try? profile.mu(key: keys.macKey, data: beta) else { return nil }
        return nymAlpha + gamma + beta + payload
    }

    /// Even first byte: packet bytes to processing (with and without a replay cache), payload
    /// decoding, routing-entry parsing, SURB parsing and use. Odd: a routing block in a MAC-valid
    /// header.
    static func nym(_ input: Bytes) -> [String] {
        guard let mode = input.first else { return [] }
        let rest = Bytes(input.dropFirst())
        var outcomes: [String] = []
        if mode & 1 == 0 {
            outcomes.append(
                outcome { () throws(SphinxError) in try NymSphinx.processPacket(rest, nodeSecret: nymSecret) })
            if var cache = try? ReplayCache(capacityPerEpoch: 64, hashKey: Bytes(repeating: 0, count: 32)) {
                for _ in 0..<2 {
                    outcomes.append(
                        outcome { () throws(SphinxError) in
                            try NymSphinx.processPacket(rest, nodeSecret: nymSecret, replayCache: &cache)
                        })
                }
            }
            outcomes.append(outcome { () throws(SphinxError) in try NymSphinx.recoverMessage(finalPayload: rest) })
            outcomes.append(outcome { () throws(SphinxError) in try NymProfile().decodeRoutingEntry(rest) })
            do {
                let surb = try NymSURB(bytes: rest)
                outcomes.append(
                    outcome { () throws(SphinxError) in
                        try NymSphinx.useSURB(
                            surb, message: Array(rest.prefix(Int(mode))), payloadLength: 33 + Int(mode) * 4)
                    })
            } catch {
                outcomes.append(error.name)
            }
        } else {
            var block = Array(rest.prefix(NymConstants.routingInfoLength))
            block += Bytes(repeating: 0, count: NymConstants.routingInfoLength - block.count)
            var payload = Array(rest.dropFirst(NymConstants.routingInfoLength))
            if payload.count < NymConstants.minimumPayloadLength { payload += Bytes(repeating: 0, count: 33) }
            if let packet = nymCraft(block: block, payload: payload) {
                outcomes.append(
                    outcome { () throws(SphinxError) in try NymSphinx.processPacket(packet, nodeSecret: nymSecret) })
            }
        }
        return outcomes
    }

    // MARK: sphinxmix

    static let smxParameters = SphinxmixParameters.defaults
    static let smxKey = try? SphinxmixNodeKey(privateKey: [0x01] + Bytes(repeating: 0x5a, count: 27))

    /// 0 mod 3: α ‖ γ ‖ β ‖ δ to packet construction, processing (checked and unchecked),
    /// receive_forward and receive_surb; 1 mod 3: msgpack, routing commands, SMX-WIRE unpack
    /// and P-224 point decoding; 2 mod 3: a routing block in a MAC-valid header.
    static func sphinxmix(_ input: Bytes) -> [String] {
        guard let mode = input.first, let key = smxKey else { return [] }
        let rest = Bytes(input.dropFirst())
        let p = smxParameters
        var outcomes: [String] = []
        switch mode % 3 {
        case 0:
            let a = min(rest.count, 57)
            let g = min(rest.count, a + 16)
            let b = min(rest.count, g + p.betaLength)
            let (alpha, gamma, beta, delta) = (
                Array(rest[0..<a]), Array(rest[a..<g]), Array(rest[g..<b]), Array(rest[b...])
            )
            do {
                let packet = try SphinxmixPacket(alpha: alpha, beta: beta, gamma: gamma, delta: delta, parameters: p)
                outcomes.append(
                    outcome { () throws(SphinxError) in
                        try Sphinxmix.process(parameters: p, privateKey: key.privateKey, packet: packet)
                    })
            } catch {
                outcomes.append(error.name)
            }
            let unchecked = SphinxmixPacket(header: SphinxHeader(alpha: alpha, beta: beta, gamma: gamma), delta: delta)
            outcomes.append(
                outcome { () throws(SphinxError) in
                    try Sphinxmix.process(parameters: p, privateKey: key.privateKey, packet: unchecked)
                })
            outcomes.append(
                outcome { () throws(SphinxError) in
                    try Sphinxmix.receiveForward(parameters: p, macKey: gamma, body: delta)
                })
            outcomes.append(
                outcome { () throws(SphinxError) in
                    try Sphinxmix.receiveSURB(parameters: p, keys: [gamma, Array(beta.prefix(16))], body: delta)
                })
        case 1:
            outcomes.append(outcome { try MsgPack.decode(rest) })
            outcomes.append(outcome { try SphinxmixRouting(decoding: rest) })
            outcomes.append(outcome { try SphinxmixWire.unpack(rest, parameters: p) })
            outcomes.append(outcome { try P224.Point(encoded: rest) })
        default:
            let profile = SphinxmixProfile(parameters: p)
            var block = Array(rest.prefix(p.betaLength))
            block += Bytes(repeating: 0, count: p.betaLength - block.count)
            let alpha = key.publicKey.encoded
            guard let s = try? profile.exponentiate(alpha, by: [key.privateKey.bytes]),
                let keys = try? profile.deriveHopKeys(alpha: alpha, sharedSecret: s),
                let stream = try? profile.rho(key: keys.streamCipherKey, length: block.count),
                case let beta = ByteOps.xor(block, stream),
                let gamma = try? profile.mu(key: keys.macKey, data: beta)
            else { return outcomes }
            let packet = SphinxmixPacket(
                header: SphinxHeader(alpha: alpha, beta: beta, gamma: gamma),
                delta: Bytes(repeating: 0x33, count: p.bodyLength))
            outcomes.append(
                outcome { () throws(SphinxError) in
                    try Sphinxmix.process(parameters: p, privateKey: key.privateKey, packet: packet)
                })
        }
        return outcomes
    }

    // MARK: bolt4

    static let boltSecret = Bytes(repeating: 0x41, count: 32)
    static let boltAlpha =
        (try? BOLT4Profile().exponentiate(BOLT4Profile().generator, by: [Bytes(repeating: 0x17, count: 32)])) ?? []

    /// An onion whose HMAC is correct over a chosen block of hop_payloads and the associated
    /// data, so that chosen bytes reach the BigSize and payload parser (BOLT4-PARSE).
    static func boltCraft(block: Bytes, associatedData: Bytes) -> Bytes? {
        let profile = BOLT4Profile()
        guard let s = try? profile.exponentiate(boltAlpha, by: [boltSecret]),
            let keys = try? profile.deriveHopKeys(alpha: boltAlpha, sharedSecret: s),
            let stream = try? profile.rho(key: keys.streamCipherKey, length: block.count)
        else { return nil }
        let beta = ByteOps.xor(block, stream)
        guard let hmac = try? profile.headerMAC(key: keys.macKey, beta: beta, associatedData: associatedData)
        else { return nil }
        return [BOLT4Constants.version] + boltAlpha + beta + hmac
    }

    /// Mode (first byte) 0 mod 4: onion bytes to processing, without and with associated data,
    /// and as a replay; 1 mod 4: a hop_payloads block in an HMAC-valid onion (bit 2 of the mode
    /// adds associated data); 2 mod 4: the failure return, decoded with shared secrets taken
    /// from the input and, wrapped behind a correct um HMAC, the failure_len/pad_len parser;
    /// 3 mod 4: point decoding (with a multiplication), BigSize and the routing-entry parser.
    static func bolt4(_ input: Bytes) -> [String] {
        guard let mode = input.first else { return [] }
        let rest = Bytes(input.dropFirst())
        let profile = BOLT4Profile()
        let paymentHash = Bytes(repeating: 0x42, count: 32)
        var outcomes: [String] = []
        switch mode % 4 {
        case 0:
            for ad in [[], paymentHash] {
                outcomes.append(
                    outcome { () throws(SphinxError) in
                        try BOLT4.processOnion(rest, nodeSecret: boltSecret, associatedData: ad)
                    })
            }
            outcomes.append(
                outcome { () throws(SphinxError) in
                    try BOLT4.processOnion(rest, nodeSecret: boltSecret, associatedData: [], isReplay: { _ in true })
                })
        case 1:
            var block = Array(rest.prefix(BOLT4Constants.hopPayloadsLength))
            block += Bytes(repeating: 0, count: BOLT4Constants.hopPayloadsLength - block.count)
            let ad = mode & 4 == 0 ? [] : paymentHash
            guard let onion = boltCraft(block: block, associatedData: ad) else { return outcomes }
            outcomes.append(
                outcome { () throws(SphinxError) in
                    try BOLT4.processOnion(onion, nodeSecret: boltSecret, associatedData: ad)
                })
        case 2:
            // The first byte after the mode: how many secrets (0 to 3) and how long each is.
            let count = Int(rest.first ?? 0) % 4
            let length = (rest.first ?? 0) & 0x80 == 0 ? 32 : Int(rest.first ?? 0) % 40
            var secrets: [Bytes] = []
            var offset = 1
            for _ in 0..<count {
                secrets.append(Array(rest[min(offset, rest.count)..<min(offset + length, rest.count)]))
                offset += length
            }
            let packet = Array(rest[min(offset, rest.count)...])
            outcomes.append(
                outcome { () throws(BOLT4ReturnError) in
                    try BOLT4.decodeFailure(sharedSecrets: secrets, packet: packet)
                })
            // The same bytes as a body behind a correct HMAC, from the route's second hop.
            let ss = Bytes(repeating: 0x5c, count: 32)
            let um = BOLT4HopKeys.generateKey(BOLT4Constants.KeyType.um, ss)
            outcomes.append(
                outcome { () throws(BOLT4ReturnError) in
                    let wrapped = try BOLT4.wrapFailure(
                        sharedSecret: ss, packet: HMACSHA256.mac(key: um, message: rest) + rest)
                    let onTheWayBack = try BOLT4.wrapFailure(sharedSecret: boltSecret, packet: wrapped)
                    return try BOLT4.decodeFailure(sharedSecrets: [boltSecret, ss], packet: onTheWayBack)
                })
            outcomes.append(
                outcome { () throws(BOLT4ReturnError) in
                    try BOLT4.createFailure(sharedSecret: ss, failureMessage: rest)
                })
        default:
            outcomes.append(outcome { () throws(SphinxError) in try profile.exponentiate(rest, by: [boltSecret]) })
            outcomes.append(BigSize.decode(rest) == nil ? "malformedBigSize" : "ok")
            outcomes.append(outcome { () throws(SphinxError) in try profile.decodeRoutingEntry(rest) })
            outcomes.append(outcome { () throws(SphinxError) in try BOLT4Packet(bytes: rest) })
        }
        return outcomes
    }

    // MARK: the oracle and the vector files

    /// One oracle request line (ORACLE-LOOP-1): the answer must be one JSON object.
    static func oracleLine(_ input: Bytes) -> [String] {
        let response = Oracle().respond(to: String(decoding: input, as: UTF8.self))
        guard case .object(let object) = response else { return ["notAnObject"] }
        if case .string(let name)? = object["error"] { return [name] }
        return ["ok"]
    }

    /// A vector file's bytes, read and verified as `vectors-gen verify` does.
    static func vectorFile(_ input: Bytes) -> [String] {
        let report = Catalog.verify(name: "fuzz.json", contents: Data(input))
        return ["\(report.passed) passed, \(report.failed) failed"]
    }

    // MARK: the mix node

    /// A mix (layer 0 of a 1-layer network) and packets that reach it: valid ones made from the
    /// input's bytes, replays, tampered copies and raw bytes, with its timers and key rotations.
    static let mixNetwork: (topology: Topology, secret: Bytes)? = {
        let secret = Bytes(repeating: 0x21, count: 32)
        guard let mixKey = try? X25519.publicKey(secret: secret),
            let gatewayKey = try? X25519.publicKey(secret: Bytes(repeating: 0x22, count: 32)),
            let topology = try? Topology(mixPublicKeys: [[mixKey]], gatewayPublicKeys: [gatewayKey])
        else { return nil }
        return (topology, secret)
    }()

    /// Packets already made, by seed and delay byte: making one runs the nym sender (about 10 ms
    /// an input under the sanitizers), which would otherwise be nearly all of the harness's time.
    static let madePackets = Mutex<[UInt16: Bytes]>([:])

    static func mixPacket(_ topology: Topology, seed: UInt8, delayByte: UInt8) -> Bytes? {
        let key = UInt16(seed) << 8 | UInt16(delayByte)
        if let made = madePackets.withLock({ $0[key] }) { return made }
        guard let packet = makeMixPacket(topology, seed: seed, delay: UInt64(delayByte) * 1_000_000) else { return nil }
        madePackets.withLock { $0[key] = packet }
        return packet
    }

    static func makeMixPacket(_ topology: Topology, seed: UInt8, delay: UInt64) -> Bytes? {
        let route = [topology.layers[0][0], topology.gateways[0]]
        let destination = NodeAddress.gateway(index: 0).nymDestination
        var random = FixedRandom(Bytes(repeating: seed, count: 32) + Bytes(repeating: 0, count: 400))
        return try? NymSphinx.createForwardPacket(
            route: route, delays: [NymDelay(nanoseconds: delay), NymDelay(nanoseconds: 0)],
            destination: destination, message: [seed], payloadLength: 1024, random: &random
        ).bytes
    }

    /// Ops, one byte each then their operands: 0 a valid packet (seed, delay byte), 1 a replay of
    /// the last packet, 2 the last packet with one byte changed (position, value), 3 raw bytes
    /// (a length byte, then bytes), 4 a release timer, 5 a key rotation, 6 a mix-loop slot.
    static func mixNode(_ input: Bytes) -> [String] {
        guard let network = mixNetwork,
            let random = try? NodeRandomness(byteSeed: Bytes(repeating: 3, count: 32), drawSeed: 3),
            var node = try? MixNode(
                layer: 0, index: 0, nodeSecret: network.secret, topology: network.topology, mu: 100,
                lambdaM: 0, behaviour: .nym, random: random, replayCapacity: 256)
        else { return [] }
        var outcomes: [String] = []
        var last: Bytes = []
        var time: UInt64 = 0
        var i = 0
        func next() -> UInt8 {
            defer { i += 1 }
            return i < input.count ? input[i] : 0
        }
        while i < input.count, outcomes.count < 64 {
            time += 1_000_000
            var actions: [NodeAction] = []
            switch next() % 7 {
            case 0:
                let seed = next()
                last = mixPacket(network.topology, seed: seed, delayByte: next()) ?? []
                actions = node.handle(.packetArrived(last, from: .gateway(index: 0)), at: time)
            case 1:
                actions = node.handle(.packetArrived(last, from: .gateway(index: 0)), at: time)
            case 2:
                let position = Int(next()) * 4 + Int(next())
                if !last.isEmpty { last[position % last.count] ^= next() | 1 }
                actions = node.handle(.packetArrived(last, from: .gateway(index: 0)), at: time)
            case 3:
                let length = Int(next()) * 8
                let raw = Array(input[min(i, input.count)..<min(i + length, input.count)])
                i += length
                actions = node.handle(.packetArrived(raw, from: .gateway(index: 0)), at: time)
            case 4:
                time += UInt64(next()) * 10_000_000
                actions = node.handle(.timerFired(.release(0)), at: time)
            case 5:
                actions = node.handle(.keyEpochRotated, at: time)
            default:
                actions = node.handle(.timerFired(.mixLoopSlot), at: time)
            }
            for action in actions {
                switch action {
                case .drop(let reason): outcomes.append(reason.name)
                case .send: outcomes.append("send")
                default: break
                }
            }
        }
        return outcomes
    }
}
