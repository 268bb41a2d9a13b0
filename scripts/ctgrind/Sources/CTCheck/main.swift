// The ct-check harness (see ../../README.md): runs one library operation with its secrets marked
// undefined for valgrind's memcheck, so that every branch or memory index depending on a secret
// is reported. `CTCheck <op>`; scripts/ct-check runs each op under valgrind and counts reports.
// Only the values the protocol publishes are declassified, inside the library (Declassify, the
// CT-DECLASSIFY-… IDs of SPEC.md §2.9); the harness declassifies nothing itself.
import CTGrind
import Glibc
import SphinxSpec

enum CheckError: Error { case setUp(String) }

/// Marks a secret: from here on memcheck tracks everything computed from it.
func secret(_ bytes: inout Bytes) {
    bytes.withUnsafeMutableBytes { ctgrind_secret($0.baseAddress, $0.count) }
}

func bytes(_ value: UInt8, _ count: Int) -> Bytes { Bytes(repeating: value, count: count) }

// MARK: nym

let nymSecrets: [Bytes] = (1...5).map { bytes(UInt8(0x10 + $0), 32) }

func nymPacket(message: Bytes, initialSecret: Bytes, hops: Int = 3) throws -> NymForwardPacket {
    var route: [NymRouteNode] = []
    for i in 0..<hops {
        route.append(
            try NymRouteNode(
                address: NymNodeAddress(bytes(UInt8(0xa0 + i), 32)),
                publicKey: X25519.publicKey(secret: nymSecrets[i])))
    }
    let destination = NymDestination(
        address: try NymDestinationAddress(bytes(0xd0, 32)), identifier: try NymIdentifier(bytes(0x1d, 16)))
    return try NymSphinx.createForwardPacket(
        route: route, delays: (0..<hops).map { NymDelay(nanoseconds: UInt64($0) * 1000) },
        destination: destination, message: message,
        randomness: NymPacketRandomness(
            initialSecret: initialSecret, finalPadding: bytes(0x5a, NymProfile.finalPaddingLength(hops: hops))))
}

/// Sender side: x and the message are secret.
func nymCreate() throws {
    var x = bytes(0x77, 32)
    var message = Array("a secret message".utf8)
    secret(&x)
    secret(&message)
    _ = try nymPacket(message: message, initialSecret: x)
}

/// Mix side: every hop's node secret is secret; the packet is processed hop by hop to the end,
/// with a replay cache whose hash key is secret too.
func nymProcess() throws {
    var packet = try nymPacket(message: Array("hello".utf8), initialSecret: bytes(0x77, 32)).bytes
    var hashKey = bytes(0x99, 32)
    secret(&hashKey)
    var cache = try ReplayCache(capacityPerEpoch: 1000, hashKey: hashKey)
    for hop in 0..<3 {
        var x = nymSecrets[hop]
        secret(&x)
        let processed = try NymSphinx.processPacket(packet, nodeSecret: x, replayCache: &cache)
        switch processed.result {
        case .forward(let next, _, _): packet = next
        case .final: if hop != 2 { throw CheckError.setUp("final too early") }
        }
    }
}

// MARK: sphinxmix

let smxParameters = SphinxmixParameters.defaults
func smxKey(_ i: Int) throws -> SphinxmixNodeKey {
    try SphinxmixNodeKey(privateKey: [0x01] + bytes(UInt8(0x20 + i), 27))
}

func smxMessage(message: Bytes, initialSecret: Bytes) throws -> SphinxmixForwardMessage {
    var path: [SphinxmixPathHop] = []
    for i in 0..<3 { path.append(SphinxmixPathHop(nodeID: [UInt8(i)], publicKey: try smxKey(i).publicKey)) }
    let padding = try Sphinxmix.finalPaddingLength(parameters: smxParameters, path: path, final: .destination)
    return try Sphinxmix.createForwardMessage(
        parameters: smxParameters, path: path, destination: Array("dest".utf8), message: message,
        randomness: SphinxmixPacketRandomness(initialSecret: initialSecret, finalPadding: bytes(0x5a, padding)))
}

func sphinxmixCreate() throws {
    var x = [0x01] + bytes(0x77, 27)
    var message = Array("a secret message".utf8)
    secret(&x)
    secret(&message)
    _ = try smxMessage(message: message, initialSecret: x)
}

func sphinxmixProcess() throws {
    var packet = try smxMessage(message: Array("hello".utf8), initialSecret: [0x01] + bytes(0x77, 27)).packet
    for hop in 0..<3 {
        var x = try smxKey(hop).privateKey.bytes
        secret(&x)
        let key = try P224.Scalar(canonical: x)
        let processed = try Sphinxmix.process(parameters: smxParameters, privateKey: key, packet: packet)
        if case .relay(_, let next) = processed.result { packet = next }
    }
}

// MARK: LIONESS and the replay check

func lionessNym() throws {
    var key = bytes(0x42, LionessChaCha20BLAKE2b.keyLength)
    var block = bytes(0x17, 1024)
    secret(&key)
    secret(&block)
    let c = try LionessChaCha20BLAKE2b.encrypt(key: key, block: block)
    _ = try LionessChaCha20BLAKE2b.decrypt(key: key, block: c)
}

func lionessSphinxmix() throws {
    var key = bytes(0x42, LionessAES128SHA256.keyLength)
    var block = bytes(0x17, 1024)
    secret(&key)
    secret(&block)
    let c = try LionessAES128SHA256.encrypt(key: key, block: block)
    _ = try LionessAES128SHA256.decrypt(key: key, block: c)
}

/// The replay check alone: a secret hash key and secret tags (h_τ(s) is derived from s).
func replay() throws {
    var hashKey = bytes(0x99, 32)
    secret(&hashKey)
    var cache = try ReplayCache(capacityPerEpoch: 1000, hashKey: hashKey)
    for i in 0..<4 {
        var tag = bytes(UInt8(i), 32)
        secret(&tag)
        if !cache.contains(tag) { cache.insert(tag) }
    }
}

// MARK: bolt4

/// Node secrets of a 3-hop bolt4 route (0x41…, 0x42…, 0x43…: onion-test.json's first keys).
let bolt4Secrets: [Bytes] = (0..<3).map { bytes(UInt8(0x41 + $0), 32) }
let bolt4AssociatedData = bytes(0x42, 32)

func bolt4Onion(sessionKey: Bytes, payloads: [Bytes]) throws -> BOLT4OnionCreation {
    var route: [BOLT4RouteHop] = []
    for i in 0..<3 {
        let publicKey = try Secp256k1.Scalar(canonical: bolt4Secrets[i]).publicKey().compressed
        route.append(BOLT4RouteHop(publicKey: publicKey, payload: payloads[i]))
    }
    return try BOLT4.createOnion(route: route, associatedData: bolt4AssociatedData, sessionKey: sessionKey)
}

let bolt4Payloads: [Bytes] = (0..<3).map { bytes(UInt8(0xb0 + $0), 20 + 5 * $0) }

/// Origin side: the session key and the hop payloads' contents are secret (their lengths are
/// the route's public shape).
func bolt4Create() throws {
    var sessionKey = bytes(0x77, 32)
    secret(&sessionKey)
    var payloads = bolt4Payloads
    for i in payloads.indices { secret(&payloads[i]) }
    _ = try bolt4Onion(sessionKey: sessionKey, payloads: payloads)
}

/// Hop side: each node secret is secret; the onion is processed hop by hop to the end, with a
/// replay cache whose hash key is secret too.
func bolt4Process() throws {
    var onion = try bolt4Onion(sessionKey: bytes(0x77, 32), payloads: bolt4Payloads).packet.bytes
    var hashKey = bytes(0x99, 32)
    secret(&hashKey)
    var cache = try ReplayCache(capacityPerEpoch: 1000, hashKey: hashKey)
    for hop in 0..<3 {
        var x = bolt4Secrets[hop]
        secret(&x)
        let processed = try BOLT4.processOnion(
            onion, nodeSecret: x, associatedData: bolt4AssociatedData, isReplay: { cache.contains($0) })
        cache.insert(processed.replayTag)
        switch processed.outcome {
        case .forward(_, let next): onion = next.bytes
        case .final: if hop != 2 { throw CheckError.setUp("final too early") }
        }
    }
}

/// The error return: the erring hop (the last) builds the packet from its secret ss and a
/// secret failure message, the earlier hops wrap it with their secret ss, and the origin
/// decodes it with every ss secret.
func bolt4Error() throws {
    let creation = try bolt4Onion(sessionKey: bytes(0x77, 32), payloads: bolt4Payloads)
    let sharedSecrets = creation.creation.hops.map { $0.keys.detail("hop_shared_secret") ?? [] }
    var marked = sharedSecrets
    for i in marked.indices { secret(&marked[i]) }
    var message = [0x40, 0x0f] + bytes(0x33, 40)
    secret(&message)
    var packet = try BOLT4.createFailure(sharedSecret: marked[2], failureMessage: message).packet
    for hop in stride(from: 1, through: 0, by: -1) {
        packet = try BOLT4.wrapFailure(sharedSecret: marked[hop], packet: packet)
    }
    let decoded = try BOLT4.decodeFailure(sharedSecrets: marked, packet: packet)
    if decoded.hopIndex != 2 { throw CheckError.setUp("wrong erring hop \(decoded.hopIndex)") }
}

/// The negative control: a branch on a secret byte planted here must be reported.
@inline(never)
func selfTest() throws {
    var key = bytes(0x42, 32)
    secret(&key)
    var total = 0
    if key[3] & 1 == 0 { total += 1 }  // planted: branches on a secret
    print("self-test total \(total)")
}

let ops: [(name: String, run: () throws -> Void)] = [
    ("nym-create", nymCreate), ("nym-process", nymProcess),
    ("sphinxmix-create", sphinxmixCreate), ("sphinxmix-process", sphinxmixProcess),
    ("lioness-nym", lionessNym), ("lioness-sphinxmix", lionessSphinxmix),
    ("replay", replay), ("bolt4-create", bolt4Create), ("bolt4-process", bolt4Process),
    ("bolt4-error", bolt4Error), ("self-test", selfTest),
]

let arguments = CommandLine.arguments.dropFirst()
guard let name = arguments.first else {
    print("usage: CTCheck <op>; ops: " + ops.map(\.name).joined(separator: " "))
    exit(2)
}
guard let op = ops.first(where: { $0.name == name }) else {
    print("unknown op \(name)")
    exit(2)
}
Declassify.hook = { address, length in ctgrind_public(address, length) }
do {
    try op.run()
    print("\(name): done (under valgrind: \(ctgrind_running_on_valgrind() == 1))")
} catch {
    print("\(name): failed to run: \(error)")
    exit(3)
}
