import SphinxSpec

/// Every node of a network, made from the parameters, a behaviour and one seed: what a
/// packet-level run, a whole-network vector or a test starts from. SPEC.md [LOOPIX-NODE-SETUP].
/// ```text
/// master = DeterministicRandom(seed = SHA-256("loopix-nodes" ‖ u64be(seed)))
/// for each mix (layer 0 … l−1, then index 0 … M−1): x (32) ‖ byte seed (32) ‖ draw seed (8, BE)
/// for each gateway g = 0 … P−1:                      x (32) ‖ byte seed (32) ‖ draw seed (8, BE)
/// for each client c = 0 … C−1:                       ack key (16) ‖ byte seed (32) ‖ draw seed (8, BE)
/// client c belongs to gateway c mod P (as the timing model's providers)
/// ```
/// The nodes are not started: the driver sends each one `.start`.
public struct PacketNetwork: Sendable {
    public let topology: Topology
    /// `mixes[l][i]`: mix i of layer l.
    public var mixes: [[MixNode]]
    public var gateways: [GatewayNode]
    public var clients: [ClientNode]

    /// - Parameters:
    ///   - parameters: the network's sizes and rates (validated).
    ///   - behaviour: where Nym and the paper differ at packet level, for every node.
    ///   - seed: the one seed all keys and randomness are drawn from, as above.
    ///   - replayCapacity: tags per key epoch of each mix's and gateway's replay cache.
    /// - Throws: `NodeError.parameters` for invalid parameters; `invalidTopology` for more than
    ///   4 layers (a route must fit in 5 Sphinx hops).
    public init(
        parameters: LoopixParameters, behaviour: PacketBehaviour, seed: UInt64, replayCapacity: Int = 100_000
    ) throws(NodeError) {
        do { try parameters.validate() } catch { throw .parameters(error) }
        let masterSeed = SHA256.hash(Bytes("loopix-nodes".utf8) + ByteOps.bigEndian(seed, width: 8))
        guard var master = try? DeterministicRandom(seed: masterSeed) else { preconditionFailure("32-byte seed") }
        func nextRandomness() throws(NodeError) -> NodeRandomness {
            let byteSeed = master.bytes(32)
            return try NodeRandomness(byteSeed: byteSeed, drawSeed: ByteOps.readBigEndian(master.bytes(8)[...]))
        }
        // Keys and randomness, in the order above.
        var mixKeys: [[(secret: Bytes, random: NodeRandomness)]] = []
        for _ in 0..<parameters.layers {
            var layer: [(Bytes, NodeRandomness)] = []
            for _ in 0..<parameters.mixesPerLayer { layer.append((master.bytes(32), try nextRandomness())) }
            mixKeys.append(layer)
        }
        var gatewayKeys: [(secret: Bytes, random: NodeRandomness)] = []
        for _ in 0..<parameters.providers { gatewayKeys.append((master.bytes(32), try nextRandomness())) }
        var clientKeys: [(ackKey: Bytes, random: NodeRandomness)] = []
        for _ in 0..<parameters.clients { clientKeys.append((master.bytes(16), try nextRandomness())) }
        // The topology lists the public keys.
        func publicKey(_ secret: Bytes) -> Bytes {
            guard let key = try? X25519.publicKey(secret: secret) else {
                preconditionFailure("a clamped random scalar gives a non-zero public key")
            }
            return key
        }
        let topology = try Topology(
            mixPublicKeys: mixKeys.map { $0.map { publicKey($0.secret) } },
            gatewayPublicKeys: gatewayKeys.map { publicKey($0.secret) })
        var mixes: [[MixNode]] = []
        for (l, layer) in mixKeys.enumerated() {
            var nodes: [MixNode] = []
            for (i, keys) in layer.enumerated() {
                nodes.append(
                    try MixNode(
                        layer: l, index: i, nodeSecret: keys.secret, topology: topology, mu: parameters.mu,
                        lambdaM: parameters.lambdaM, behaviour: behaviour, random: keys.random,
                        replayCapacity: replayCapacity))
            }
            mixes.append(nodes)
        }
        var gateways: [GatewayNode] = []
        for (g, keys) in gatewayKeys.enumerated() {
            gateways.append(
                try GatewayNode(
                    index: g, nodeSecret: keys.secret, behaviour: behaviour, pullSize: parameters.pullSize,
                    random: keys.random, replayCapacity: replayCapacity))
        }
        var clients: [ClientNode] = []
        for (c, keys) in clientKeys.enumerated() {
            clients.append(
                try ClientNode(
                    index: c, gateway: c % parameters.providers, topology: topology, parameters: parameters,
                    behaviour: behaviour, ackKey: keys.ackKey, random: keys.random))
        }
        self.topology = topology
        self.mixes = mixes
        self.gateways = gateways
        self.clients = clients
    }

    /// Every node, mixes (layer by layer) first, then gateways, then clients.
    public var allNodes: [any LoopixNode] { mixes.flatMap { $0 } + gateways + clients }
}
