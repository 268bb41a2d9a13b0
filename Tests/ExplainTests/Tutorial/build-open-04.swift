import SphinxSpec

/// Step 4: every mix on the route opens its layer; the last one reads the message.
enum BuildAndOpenStep4 {
    static func run() throws -> Bytes? {
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

        let destination = NymDestination(
            address: try NymDestinationAddress(random.bytes(32)), identifier: try NymIdentifier(random.bytes(16)))
        let delays = [NymDelay(nanoseconds: 15_000_000), NymDelay(nanoseconds: 30_000_000), NymDelay(nanoseconds: 0)]
        // x and the final padding, the only random inputs of creation (NYM-CREATE-2), are drawn here.
        let packet = try NymSphinx.createForwardPacket(
            route: route, delays: delays, destination: destination, message: Bytes("hello".utf8), random: &random)

        var bytes = packet.bytes
        for secret in secrets {
            // s = α^x, the γ check, B, the routing command, α' = α^b, δ' (SPHINX-PROCESS).
            let processed = try NymSphinx.processPacket(bytes, nodeSecret: secret)
            switch processed.result {
            case .forward(let nextPacket, _, _):
                bytes = nextPacket
            case .final(_, _, _, let message):
                return message
            }
        }
        return nil
    }
}
