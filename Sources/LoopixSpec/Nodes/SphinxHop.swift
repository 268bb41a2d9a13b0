import SphinxSpec

/// The Sphinx side of a mix or a gateway: its secret x and its replay cache (one Bloom filter per
/// key epoch, REPLAY-CACHE-1), and the one place where a node processes a packet (MixNode's
/// LOOPIX-NODE-MIX-3 steps 2–4, GatewayNode's LOOPIX-NODE-GW-3 steps 1–2 use it).
struct SphinxHop: Sendable {
    /// What processing one packet gave the node.
    enum Outcome {
        /// Send `packet` to `next` after `delay` (a mix) or at once (a gateway).
        case forward(packet: Bytes, next: NodeAddress, delay: NymDelay)
        /// The packet ends here: its destination, and its message when the payload is intact
        /// (else the payload's error).
        case final(destination: NymDestinationAddress, message: Bytes?, payloadError: SphinxError?)
        /// Dropped with this error; `processed` when the header processed but named a next hop
        /// that is not a node address (`malformedRoutingEntry`).
        case dropped(SphinxError, processed: Bool)
    }

    let key: NodeHopKey
    private var replayCache: ReplayCache

    /// Checks the secret and draws the replay cache's hash key from `random`.
    ///
    /// - Throws: `NodeError.invalidKeyLength` for a secret that is not 32 bytes.
    init(nodeSecret: Bytes, replayCapacity: Int, random: inout NodeRandomness) throws(NodeError) {
        guard nodeSecret.count == X25519.scalarLength else {
            throw .invalidKeyLength(what: "node secret", expected: X25519.scalarLength, actual: nodeSecret.count)
        }
        guard let cache = try? ReplayCache(capacityPerEpoch: replayCapacity, random: &random.bytes),
            let key = NodeHopKey(nodeSecret: nodeSecret)
        else { preconditionFailure("a 32-byte hash key is drawn; a 32-byte secret has a public key") }
        self.key = key
        self.replayCache = cache
    }

    /// A new key epoch: the current filter becomes the previous one (REPLAY-ROTATE-1).
    mutating func rotate() { replayCache.rotate() }

    /// Processes one packet, checking and recording its replay tag (REPLAY-CHECK-1).
    /// `precomputed`, when it is this node's processing of these very bytes, replaces the Sphinx
    /// work: the replay check and the recording of the tag happen here all the same, so the
    /// outcome is the one of processing now.
    mutating func process(_ bytes: Bytes, precomputed: PrecomputedHop? = nil) -> Outcome {
        let processed: NymProcessedPacket
        do {
            if let ahead = precomputed?.processing(of: bytes, by: key) {
                // As processing now: a seen tag fails (SPHINX-PROCESS-3), a fresh one is recorded.
                processed = try replayCache.process { isReplay throws(SphinxError) in
                    if isReplay(ahead.replayTag) { throw .replayedTag }
                    return ahead
                }
            } else {
                processed = try NymSphinx.processPacket(bytes, nodeSecret: key.nodeSecret, replayCache: &replayCache)
            }
        } catch {
            return .dropped(error, processed: false)
        }
        switch processed.result {
        case let .forward(nextPacket, nextAddress, delay):
            guard let next = try? NodeAddress(bytes: nextAddress.bytes) else {
                return .dropped(.malformedRoutingEntry, processed: true)
            }
            return .forward(packet: nextPacket, next: next, delay: delay)
        case let .final(destination, _, _, message):
            return .final(destination: destination, message: message, payloadError: processed.payloadError)
        }
    }

    /// Makes the forward packet a client or a mix sends (LOOPIX-NODE-CLIENT-6 step 4,
    /// LOOPIX-NODE-MIX-5 step 3): a regular-size nym packet, and the node its first hop names.
    static func makePacket(
        route: [NymRouteNode], delays: [NymDelay], destination: NodeAddress, plaintext: Bytes, version: NymVersion,
        random: inout NodeRandomness
    ) -> (bytes: Bytes, firstHop: NodeAddress) {
        guard
            let packet = try? NymSphinx.createForwardPacket(
                route: route, delays: delays, destination: destination.nymDestination, message: plaintext,
                payloadLength: NymNodeConstants.regularPayloadLength, version: version, random: &random.bytes),
            let firstHop = try? NodeAddress(bytes: packet.firstHopAddress.bytes)
        else { preconditionFailure("a route of a valid topology makes a packet") }
        return (packet.bytes, firstHop)
    }
}

/// The key a mix or gateway processes packets with, apart from its state: what a driver hands to
/// another thread to process a packet ahead of its arrival (SPEC.md §8.12, LOOPIX-PKT-AHEAD).
public struct NodeHopKey: Sendable {
    /// x in wiped-on-release storage (SPEC.md PRIM-SECRET-BYTES); the array a node is built
    /// from stays its creator's.
    let nodeSecret: SecretBytes
    /// y = g^x, which names the key in a `PrecomputedHop` without holding the secret twice.
    let publicKey: Bytes

    init?(nodeSecret: Bytes) {
        guard let publicKey = try? X25519.publicKey(secret: nodeSecret) else { return nil }
        self.nodeSecret = SecretBytes(nodeSecret)
        self.publicKey = publicKey
    }

    /// The Sphinx processing of `packet` under this key, without a replay cache: a pure function
    /// of (packet, x), safe to run on any thread.
    public func precompute(_ packet: Bytes) -> PrecomputedHop {
        PrecomputedHop(
            packet: packet, publicKey: publicKey,
            processed: try? NymSphinx.processPacket(packet, nodeSecret: nodeSecret))
    }
}

/// A packet's processing at one node, computed ahead by `NodeHopKey.precompute`. Only a packet
/// that processed is kept (`processed`): its replay tag is in the result, so the node can still
/// check it against its cache when the packet arrives. A packet that failed is processed again
/// at its arrival, where the cache decides between its error and `replayedTag` (the tag of a
/// packet that fails after SPHINX-PROCESS-3 is not in the result).
public struct PrecomputedHop: Sendable {
    let packet: Bytes
    let publicKey: Bytes
    let processed: NymProcessedPacket?

    /// The next packet and the address it goes to, when the hop forwards (what a driver
    /// processes ahead at the next node).
    public var forward: (packet: Bytes, nextAddress: Bytes)? {
        guard case let .forward(next, address, _)? = processed?.result else { return nil }
        return (next, address.bytes)
    }

    /// The processing of `bytes` at the node of `key`, if this is it.
    func processing(of bytes: Bytes, by key: NodeHopKey) -> NymProcessedPacket? {
        guard let processed, publicKey == key.publicKey, packet == bytes else { return nil }
        return processed
    }
}
