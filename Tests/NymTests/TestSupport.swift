import Testing
@testable import SphinxSpec

/// Shared fixtures for the nym tests. Every random input comes from `DeterministicRandom`
/// (the ChaCha20 keystream of a fixed seed, equal to Rust's ChaCha20Rng::from_seed).
enum Fixture {
    static func hex(_ s: String) -> Bytes { Bytes(hex: s) ?? [] }

    struct Node {
        let secret: Bytes
        let route: NymRouteNode
    }

    /// `count` nodes with addresses [i+1; 32] and keys drawn from a seeded source.
    static func nodes(_ count: Int, seed: UInt8 = 7) throws -> [Node] {
        var random = try DeterministicRandom(seed: Bytes(repeating: seed, count: 32))
        var out: [Node] = []
        for i in 0..<count {
            let secret = random.bytes(32)
            let pub = try X25519.publicKey(secret: secret)
            out.append(
                Node(
                    secret: secret,
                    route: try NymRouteNode(
                        address: NymNodeAddress(Bytes(repeating: UInt8(i + 1), count: 32)), publicKey: pub)))
        }
        return out
    }

    /// The crate's destination_fixture(): address [3; 32], identifier [4; 16].
    static func destination() throws(SphinxError) -> NymDestination {
        try NymDestination(
            address: NymDestinationAddress(Bytes(repeating: 3, count: 32)),
            identifier: NymIdentifier(Bytes(repeating: 4, count: 16)))
    }

    static func delays(_ count: Int) -> [NymDelay] {
        (0..<count).map { NymDelay(nanoseconds: UInt64(($0 + 1) * 1_000_000)) }
    }

    static func random(_ seed: UInt8 = 9) throws -> DeterministicRandom {
        try DeterministicRandom(seed: Bytes(repeating: seed, count: 32))
    }
}
