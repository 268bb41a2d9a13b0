import SphinxSpec

/// One measured operation: its fixtures are built once, outside the timed region, and `run`
/// does exactly the work being measured.
///
/// `run` returns one byte of its result; the runner folds these into a checksum so that an
/// optimiser can never decide the work is unused and drop it.
struct BenchCase {
    /// A stable identifier, used in `--json` output and by `--filter`.
    let id: String
    /// What is measured, for the table.
    let title: String
    let run: () throws -> UInt8
}

/// The operations the benchmark measures, and the baseline they are compared with.
///
/// Every fixture is deterministic (keys and random inputs are hashes of fixed labels), so two
/// runs measure exactly the same computation. Packet creation is timed with the random inputs
/// already drawn: the figures are for the algorithm, not for the random source.
enum BenchCases {
    /// The unit of every ratio: one X25519 scalar multiplication through libsodium, the dominant
    /// cost of a nym Sphinx hop (one to get the shared secret s = x·α, one to blind α).
    static func baseline() throws -> BenchCase {
        let scalar = label("bench baseline scalar", 32)
        let point = try X25519.publicKey(secret: label("bench baseline point", 32))
        return BenchCase(id: "x25519.scalarmult", title: "X25519 scalar multiplication (libsodium)") {
            try X25519.scalarMult(scalar: scalar, point: point)[0]
        }
    }

    /// Every measured case, in table order. The first is the baseline operation measured as a
    /// case: its ratio should be 1.00, and its spread shows how noisy the machine was.
    static func all() throws -> [BenchCase] {
        let unit = try baseline()
        var cases = [
            BenchCase(id: "x25519.scalarmult.control", title: "X25519 scalar mult. (control: ratio ≈ 1)", run: unit.run)
        ]
        cases += try nymCases()
        cases += try sphinxmixCases()
        cases += try primitiveCases()
        cases += try PacketRunBench.cases()
        return cases
    }

    // MARK: Nym

    /// The nym payload size measured: Nym's regular packet, a 2 KiB message area plus the
    /// 17 bytes of payload overhead (NymConstants.regularPayloadLength = 2065).
    static let nymPayloadLength = NymConstants.regularPayloadLength

    /// A nym route of `hops` mixes: addresses [i+1; 32], keys from fixed labels.
    static func nymRoute(_ hops: Int) throws -> (route: [NymRouteNode], secrets: [Bytes]) {
        var route: [NymRouteNode] = []
        var secrets: [Bytes] = []
        for i in 0..<hops {
            let secret = label("bench nym node \(i)", 32)
            secrets.append(secret)
            route.append(
                try NymRouteNode(
                    address: NymNodeAddress(Bytes(repeating: UInt8(i + 1), count: NymConstants.nodeAddressLength)),
                    publicKey: X25519.publicKey(secret: secret)))
        }
        return (route, secrets)
    }

    static func nymDestination() throws -> NymDestination {
        try NymDestination(
            address: NymDestinationAddress(Bytes(repeating: 3, count: NymConstants.destinationAddressLength)),
            identifier: NymIdentifier(Bytes(repeating: 4, count: NymConstants.identifierLength)))
    }

    static func nymDelays(_ hops: Int) -> [NymDelay] {
        (0..<hops).map { NymDelay(nanoseconds: UInt64($0 + 1) * 1_000_000) }
    }

    static func nymRandomness(hops: Int) throws -> NymPacketRandomness {
        var random = try DeterministicRandom(seed: label("bench nym randomness \(hops)", 32))
        return NymPacketRandomness.draw(hops: hops, from: &random)
    }

    /// Creation costs 2ν X25519 multiplications plus symmetric work with the default key
    /// schedule (blinded scalars first, NYM-FAST-1) and ν(ν+3)/2 with the readable one
    /// (SPHINX-CREATE-2: α_{i+1} from α_i, s_i by i + 1 clamped multiplications); both are
    /// measured. scripts/bench adds up each operation's floor from the primitive rows.
    static func nymCases() throws -> [BenchCase] {
        let destination = try nymDestination()
        let message = label("bench nym message", 32) + Bytes(repeating: 0x6d, count: 224)
        var cases: [BenchCase] = []

        // Creation: 1, 3 and 5 hops (the maximum), both versions.
        for version in [NymVersion.explicitPayloadKeys, .payloadKeySeeds] {
            for hops in [1, 3, 5] {
                let route = try nymRoute(hops).route
                let delays = nymDelays(hops)
                let randomness = try nymRandomness(hops: hops)
                cases.append(
                    BenchCase(
                        id: "nym.create.\(hops)hop.v\(version.rawValue)",
                        title: "nym create, \(hops) hop\(hops == 1 ? "" : "s"), v\(version.rawValue)"
                    ) {
                        try NymSphinx.createForwardPacket(
                            route: route, delays: delays, destination: destination, message: message,
                            payloadLength: nymPayloadLength, version: version, randomness: randomness
                        ).bytes[0]
                    })
            }
        }

        // The readable key schedule (SPHINX-CREATE-2), for comparison with the default
        // blinded-scalars one (NYM-FAST-1): the generic algorithm with the readable profile.
        let readable = NymProfile(keySchedule: .readable)
        for hops in [3, 5] {
            let route = try nymRoute(hops).route
            let commands = try NymSphinx.commands(
                route: route, delays: nymDelays(hops), destination: destination, version: .current)
            let randomness = try nymRandomness(hops: hops)
            cases.append(
                BenchCase(
                    id: "nym.create.\(hops)hop.v259.readable",
                    title: "nym create, \(hops) hops, v259, readable key schedule"
                ) {
                    var padding = FixedRandom(randomness.finalPadding)
                    return try Sphinx.createPacket(
                        profile: readable, initialSecret: randomness.initialSecret,
                        publicKeys: route.map(\.publicKey), forwardCommands: commands.forward,
                        finalCommand: commands.final, message: message, payloadLength: nymPayloadLength,
                        random: &padding
                    ).delta[0]
                })
        }

        // Processing: the first hop (forward) and the last hop (final) of a 3-hop packet.
        let (route, secrets) = try nymRoute(3)
        let packet = try NymSphinx.createForwardPacket(
            route: route, delays: nymDelays(3), destination: destination, message: message,
            payloadLength: nymPayloadLength, version: .current, randomness: nymRandomness(hops: 3))
        let atEachHop = packet.packetsAtEachHop
        let firstPacket = atEachHop[0]
        let lastPacket = atEachHop[atEachHop.count - 1]
        let firstSecret = secrets[0]
        let lastSecret = secrets[secrets.count - 1]
        cases.append(
            BenchCase(id: "nym.process.forward.v259", title: "nym process, forward hop, v259") {
                try NymSphinx.processPacket(firstPacket, nodeSecret: firstSecret).replayTag[0]
            })
        cases.append(
            BenchCase(id: "nym.process.final.v259", title: "nym process, final hop, v259") {
                try NymSphinx.processPacket(lastPacket, nodeSecret: lastSecret).replayTag[0]
            })

        // SURBs: creation for a 3-hop route back, and the replier's side (use_surb).
        let surbRandomness = try nymRandomness(hops: 3)
        let delays = nymDelays(3)
        cases.append(
            BenchCase(id: "nym.surb.create.3hop.v259", title: "nym SURB create, 3 hops, v259") {
                try NymSphinx.createSURB(
                    route: route, delays: delays, destination: destination, version: .current,
                    randomness: surbRandomness
                ).surb.header.alpha[0]
            })
        let surb = try NymSphinx.createSURB(
            route: route, delays: delays, destination: destination, version: .current,
            randomness: surbRandomness
        ).surb
        cases.append(
            BenchCase(id: "nym.surb.reply.3hop.v259", title: "nym SURB reply (use_surb), 3 hops, v259") {
                try NymSphinx.useSURB(surb, message: message, payloadLength: nymPayloadLength).bytes[0]
            })
        return cases
    }

    // MARK: sphinxmix

    /// A sphinxmix path of `hops` nodes with ids [i] and P-224 keys from fixed labels.
    static func sphinxmixPath(_ hops: Int) throws -> (path: [SphinxmixPathHop], keys: [SphinxmixNodeKey]) {
        var path: [SphinxmixPathHop] = []
        var keys: [SphinxmixNodeKey] = []
        for i in 0..<hops {
            // The leading 0x01 keeps the 28-byte key below the group order n.
            let key = try SphinxmixNodeKey(privateKey: [0x01] + label("bench sphinxmix node \(i)", 27))
            keys.append(key)
            path.append(SphinxmixPathHop(nodeID: [UInt8(i)], publicKey: key.publicKey))
        }
        return (path, keys)
    }

    static func sphinxmixCases() throws -> [BenchCase] {
        // sphinxmix's defaults: header 192 bytes, body 1024 bytes, k = 16. Five hops fit:
        // 4 relay entries of 7 + 16 bytes and the final entry use well under |β| = 160.
        let parameters = SphinxmixParameters.defaults
        let destination = Bytes("bench-destination".utf8)
        let message = label("bench sphinxmix message", 32) + Bytes(repeating: 0x6d, count: 96)
        var cases: [BenchCase] = []

        for hops in [1, 3, 5] {
            let path = try sphinxmixPath(hops).path
            var random = try DeterministicRandom(seed: label("bench sphinxmix randomness \(hops)", 32))
            let randomness = try Sphinxmix.createForwardMessage(
                parameters: parameters, path: path, destination: destination, message: message, random: &random
            ).randomness
            cases.append(
                BenchCase(
                    id: "sphinxmix.create.\(hops)hop",
                    title: "sphinxmix create forward, \(hops) hop\(hops == 1 ? "" : "s")"
                ) {
                    try Sphinxmix.createForwardMessage(
                        parameters: parameters, path: path, destination: destination, message: message,
                        randomness: randomness
                    ).packet.delta[0]
                })
        }

        // Processing: the first hop (relay) of a 3-hop packet.
        let (path, keys) = try sphinxmixPath(3)
        var random = try DeterministicRandom(seed: label("bench sphinxmix process", 32))
        let packet = try Sphinxmix.createForwardMessage(
            parameters: parameters, path: path, destination: destination, message: message, random: &random
        ).packet
        let privateKey = keys[0].privateKey
        cases.append(
            BenchCase(id: "sphinxmix.process.relay", title: "sphinxmix process, relay hop") {
                try Sphinxmix.process(parameters: parameters, privateKey: privateKey, packet: packet).replayTag[0]
            })
        return cases
    }

    // MARK: Primitives

    static func primitiveCases() throws -> [BenchCase] {
        var cases: [BenchCase] = []

        // LIONESS as nym uses it: ChaCha20 / BLAKE2b, 192-byte key, a 2048-byte block.
        let lionessKey =
            label("bench lioness chacha key", 32)
            + Bytes(repeating: 0x4b, count: LionessChaCha20BLAKE2b.keyLength - 32)
        let lionessBlock = Bytes(repeating: 0x42, count: 2048)
        cases.append(
            BenchCase(id: "lioness.chacha20-blake2b.2048", title: "LIONESS ChaCha20/BLAKE2b, 2048 B") {
                try LionessChaCha20BLAKE2b.encrypt(key: lionessKey, block: lionessBlock)[0]
            })

        // The other primitives a nym hop calls, at the sizes it calls them with: together with
        // two X25519s they are the floor of nym processing (scripts/bench adds them up).
        let header = Bytes(repeating: 0x48, count: NymConstants.routingInfoLength)
        let macKey = label("bench nym mac key", NymConstants.macKeyLength)
        let streamKey = label("bench nym stream key", NymConstants.streamCipherKeyLength)
        let sharedSecret = label("bench nym shared secret", 32)
        let seed = label("bench nym seed", NymConstants.payloadKeySeedLength)
        let payloadKey = try NymHopKeys.payloadKey(fromSeed: seed)
        let payload = Bytes(repeating: 0x50, count: nymPayloadLength)
        // X25519(k, 9) by the fixed-base route (PRIM-X25519-BASE): α_0, and every α_i of the
        // blinded-scalars method.
        let baseScalar = label("bench x25519 base scalar", 32)
        cases += [
            BenchCase(id: "x25519.base", title: "X25519 public key, fixed-base route") {
                try X25519.publicKey(secret: baseScalar)[0]
            },
            BenchCase(id: "aes128ctr.360", title: "AES-128-CTR keystream, 360 B (β ‖ 0^60)") {
                try AES128CTR.keystream(key: streamKey, iv: NymConstants.streamCipherIV, length: 360)[0]
            },
            BenchCase(id: "hmac-sha256.300", title: "HMAC-SHA256 over β, 300 B") {
                HMACSHA256.mac(key: macKey, message: header)[0]
            },
            BenchCase(id: "hkdf.nym-keys.288", title: "HKDF-SHA256, nym hop keys, 288 B") {
                try NymHopKeys(sharedSecret: sharedSecret).expandedSharedSecret[0]
            },
            BenchCase(id: "hkdf.nym-payload-key.192", title: "HKDF-SHA256, nym v259 payload key, 192 B") {
                try NymHopKeys.payloadKey(fromSeed: seed)[0]
            },
            BenchCase(id: "lioness.chacha20-blake2b.2065.decrypt", title: "LIONESS ChaCha20/BLAKE2b decrypt, 2065 B") {
                try LionessChaCha20BLAKE2b.decrypt(key: payloadKey, block: payload)[0]
            },
        ]

        // One P-224 scalar multiplication (sphinxmix's group; our GMP implementation).
        let keys = try sphinxmixPath(2).keys
        let scalar = keys[0].privateKey
        let point = keys[1].publicKey
        cases.append(
            BenchCase(id: "p224.scalarmult", title: "P-224 scalar multiplication (constant-time, 64-bit limbs)") {
                try point.multiplied(by: scalar).encoded[1]
            })

        // LIONESS as sphinxmix uses it: AES-128-CTR / SHA-256, 16-byte key, a 1024-byte block.
        let aesKey = label("bench lioness aes key", LionessAES128SHA256.keyLength)
        let aesBlock = Bytes(repeating: 0x42, count: 1024)
        cases.append(
            BenchCase(id: "lioness.aes128-sha256.1024", title: "LIONESS AES-128/SHA-256, 1024 B") {
                try LionessAES128SHA256.encrypt(key: aesKey, block: aesBlock)[0]
            })
        return cases
    }

    /// The first `count` (≤ 32) bytes of SHA-256(text): fixed, documented fixture bytes.
    static func label(_ text: String, _ count: Int) -> Bytes {
        Bytes(SHA256.hash(Bytes(text.utf8)).prefix(count))
    }
}
