import SphinxSpec

/// Everything a node knows about the network: the mixes by layer and the gateways, each with
/// its X25519 public key. Addresses follow from positions (LOOPIX-NODE-ADDR).
public struct Topology: Sendable, Equatable {
    /// `layers[i][j]`: mix j of layer i.
    public let layers: [[NymRouteNode]]
    /// `gateways[g]`: gateway g.
    public let gateways: [NymRouteNode]

    /// - Parameters:
    ///   - mixPublicKeys: one array per layer, 32-byte keys.
    ///   - gatewayPublicKeys: 32-byte keys.
    /// - Throws: `NodeError.invalidTopology` without layers or gateways, with an empty layer, or
    ///   with more than 4 layers (a route is l mixes + 1 gateway ≤ 5 Sphinx hops);
    ///   `invalidKeyLength` for a key that is not 32 bytes.
    public init(mixPublicKeys: [[Bytes]], gatewayPublicKeys: [Bytes]) throws(NodeError) {
        guard !mixPublicKeys.isEmpty, mixPublicKeys.allSatisfy({ !$0.isEmpty }) else {
            throw .invalidTopology("every layer needs at least one mix")
        }
        guard mixPublicKeys.count < NymConstants.maxPathLength else {
            throw .invalidTopology("at most \(NymConstants.maxPathLength - 1) layers")
        }
        guard !gatewayPublicKeys.isEmpty else { throw .invalidTopology("no gateway") }
        func node(_ address: NodeAddress, _ key: Bytes) throws(NodeError) -> NymRouteNode {
            guard let node = try? NymRouteNode(address: address.nymNodeAddress, publicKey: key) else {
                throw .invalidKeyLength(what: "public key of \(address)", expected: 32, actual: key.count)
            }
            return node
        }
        var layers: [[NymRouteNode]] = []
        for (i, keys) in mixPublicKeys.enumerated() {
            var layer: [NymRouteNode] = []
            for (j, key) in keys.enumerated() { layer.append(try node(.mix(layer: i, index: j), key)) }
            layers.append(layer)
        }
        var gateways: [NymRouteNode] = []
        for (g, key) in gatewayPublicKeys.enumerated() { gateways.append(try node(.gateway(index: g), key)) }
        self.layers = layers
        self.gateways = gateways
    }

    /// Whether `address` names a node of this topology.
    public func contains(_ address: NodeAddress) -> Bool {
        switch address {
        case let .mix(l, i): return layers.indices.contains(l) && layers[l].indices.contains(i)
        case let .gateway(g): return gateways.indices.contains(g)
        case let .client(_, g): return gateways.indices.contains(g)
        }
    }

    /// A route to an exit gateway with its delays. SPEC.md [LOOPIX-NODE-ROUTE-1].
    /// ```text
    /// for each layer i = 0 … l−1: mix (i, floor(u·M_i))              (one uniform each)
    /// then the exit gateway                                          (the last Sphinx hop)
    /// delays: one Exp(µ) ns per mix in route order, then 0 for the gateway (not written)
    /// ```
    /// The sender's own gateway is the entry and is not a Sphinx hop (Nym's
    /// `random_route_to_egress`, common/nymsphinx/src/preparer/mod.rs).
    func route(
        toExit exit: Int, mu: Double, random: inout NodeRandomness
    ) -> (route: [NymRouteNode], delays: [NymDelay]) {
        // Step 1: one mix per layer, uniformly.
        var route = layers.map { $0[random.index(below: $0.count)] }
        // Step 2: the exit gateway ends the route.
        route.append(gateways[exit])
        // Step 3: one delay per mix, in route order.
        var delays = layers.map { _ in NymDelay(nanoseconds: random.exponentialNanoseconds(rate: mu)) }
        delays.append(NymDelay(nanoseconds: 0))
        return (route, delays)
    }

    /// A mix loop's route from mix (layer, index). SPEC.md [LOOPIX-NODE-ROUTE-2].
    /// ```text
    /// mixes of layers layer+1 … l−1, one each, uniformly ; gateway floor(u·G) ;
    /// mixes of layers 0 … layer−1, one each, uniformly ; the origin mix (the last Sphinx hop)
    /// delays: Exp(µ) ns for each mix on the way, 0 for the gateway, 0 for the origin
    /// ```
    /// The same path as the timing model's LOOPIX-PATH-2, draws in the same order.
    func mixLoopRoute(
        layer: Int, index: Int, mu: Double, random: inout NodeRandomness
    ) -> (route: [NymRouteNode], delays: [NymDelay]) {
        // Step 1: the later layers.
        var route = layers[(layer + 1)...].map { $0[random.index(below: $0.count)] }
        // Step 2: a gateway, uniformly.
        let gatewayPosition = route.count
        route.append(gateways[random.index(below: gateways.count)])
        // Step 3: the earlier layers.
        route += layers[..<layer].map { $0[random.index(below: $0.count)] }
        // Step 4: delays for the mixes, 0 at the gateway; the origin ends the route.
        var delays: [NymDelay] = []
        for position in route.indices {
            let ns = position == gatewayPosition ? 0 : random.exponentialNanoseconds(rate: mu)
            delays.append(NymDelay(nanoseconds: ns))
        }
        route.append(layers[layer][index])
        delays.append(NymDelay(nanoseconds: 0))
        return (route, delays)
    }

    /// The sum of the delays the mixes of a route will apply (all but the final hop's), as
    /// Nym's `expected_total_delay` (acknowledgements/src/surb_ack.rs:89-90).
    static func totalMixDelay(_ delays: [NymDelay]) -> UInt64 {
        delays.dropLast().reduce(0) { $0.saturatingAdd($1.nanoseconds) }
    }
}
