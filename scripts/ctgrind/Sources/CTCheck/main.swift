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
    ("replay", replay), ("self-test", selfTest),
    // bolt4 (issue 14): add ("bolt4-create", …), ("bolt4-process", …) here once that profile exists.
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
