import SphinxSpec

/// Step 1: a route of three mixes, each with an address and an X25519 key pair.
enum BuildAndOpenStep1 {
    static func run() throws -> (route: [NymRouteNode], secrets: [Bytes]) {
        // Every random byte comes from a seeded source, so each run gives the same packet.
        var random = try DeterministicRandom(seed: Bytes(repeating: 7, count: 32))
        var route: [NymRouteNode] = []
        var secrets: [Bytes] = []
        for _ in 0..<3 {
            let address = try NymNodeAddress(random.bytes(32))
            let secret = random.bytes(32)
            let publicKey = try X25519.publicKey(secret: secret)
            route.append(try NymRouteNode(address: address, publicKey: publicKey))
            secrets.append(secret)
        }
        return (route, secrets)
    }
}
