import SphinxSpec

/// Step 3: the trace of creation, in the paper's notation.
enum BuildAndOpenStep3 {
    static func run() throws -> (packet: NymForwardPacket, secrets: [Bytes]) {
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

        let creation = packet.creation.headerCreation
        for hop in creation.hops {
            // α_i, s_i and the keys of hop i (SPHINX-CREATE-2), β_i and γ_i (SPHINX-CREATE-5, -6).
            print("hop \(hop.index): α = \(hop.alpha.hex) s = \(hop.sharedSecret.hex) γ = \(hop.gamma.hex)")
        }
        // φ, the filler: 60 bytes per hop after the first (SPHINX-CREATE-4).
        print("φ = \(creation.filler.hex)")
        return (packet, secrets)
    }
}
