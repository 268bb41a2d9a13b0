import HeapModule
import SphinxSpec

/// A Loopix mix (a Poisson mix, paper §3.3) that carries real nym Sphinx packets.
/// SPEC.md §8.11 "Mix", [LOOPIX-NODE-MIX-1].
///
/// State: its Sphinx secret x, a replay cache (one Bloom filter per key epoch, REPLAY-CACHE-1),
/// the packets it holds with their departure times, the input counter, and its randomness for
/// mix loops. A mix learns a packet's delay only by processing the header, where the sender
/// wrote it; it adds no delay of its own.
public struct MixNode: LoopixNode {
    public let address: NodeAddress
    public let layer: Int
    public let index: Int
    public let topology: Topology
    /// µ of the delays this mix writes into its own loops (per second).
    public let mu: Double
    /// λ_M (per second); 0: no mix loops.
    public let lambdaM: Double
    public let behaviour: PacketBehaviour
    private var hop: SphinxHop
    private var random: NodeRandomness
    private var held = Heap<HeldPacket>()
    private var inputs: UInt64 = 0
    /// Drops so far, by `DropReason.name`.
    public private(set) var dropCounts: [String: Int] = [:]

    /// A packet waiting for its departure; ordered by (departure, input number).
    struct HeldPacket: Comparable, Sendable {
        let departure: UInt64
        let input: UInt64
        let next: NodeAddress
        let bytes: Bytes
        static func < (a: Self, b: Self) -> Bool { (a.departure, a.input) < (b.departure, b.input) }
        static func == (a: Self, b: Self) -> Bool { a.departure == b.departure && a.input == b.input }
    }

    /// - Parameters:
    ///   - layer: this mix's layer, 0 … l−1.
    ///   - index: this mix's position in its layer.
    ///   - nodeSecret: the 32-byte X25519 secret whose public key the topology lists.
    ///   - topology: the mixes and gateways with their public keys.
    ///   - mu: µ of the delays this mix writes into its own loops (a rate, per second).
    ///   - lambdaM: λ_M, the rate of this mix's loops (per second); 0: no mix loops.
    ///   - behaviour: where Nym and the paper differ at packet level.
    ///   - random: this mix's injected randomness.
    ///   - replayCapacity: tags one key epoch is sized for (REPLAY-CACHE-1).
    /// - Throws: `NodeError` for a secret that is not 32 bytes or a mix not in the topology.
    public init(
        layer: Int, index: Int, nodeSecret: Bytes, topology: Topology, mu: Double, lambdaM: Double,
        behaviour: PacketBehaviour, random: NodeRandomness, replayCapacity: Int = 100_000
    ) throws(NodeError) {
        let address = NodeAddress.mix(layer: layer, index: index)
        guard topology.contains(address) else { throw .invalidTopology("\(address) is not in the topology") }
        var random = random
        let hop = try SphinxHop(nodeSecret: nodeSecret, replayCapacity: replayCapacity, random: &random)
        guard mu > 0, mu.isFinite else { throw .parameters(.nonPositive(parameter: "mu", value: mu)) }
        guard lambdaM >= 0, lambdaM.isFinite else {
            throw .parameters(.negativeRate(parameter: "lambdaM", value: lambdaM))
        }
        self.address = address
        self.layer = layer
        self.index = index
        self.topology = topology
        self.mu = mu
        self.lambdaM = lambdaM
        self.behaviour = behaviour
        self.hop = hop
        self.random = random
    }

    /// Packets held now.
    public var heldCount: Int { held.count }

    /// The key this mix processes packets with, for a driver that processes them ahead.
    public var hopKey: NodeHopKey { hop.key }

    public mutating func handle(_ event: NodeEvent, at time: UInt64) -> [NodeAction] {
        handle(event, at: time, precomputed: nil)
    }

    /// `handle(_:at:)`, with the processing of an arriving packet done ahead by
    /// `hopKey.precompute` (SPEC.md LOOPIX-PKT-AHEAD): the same actions, less work now.
    public mutating func handle(_ event: NodeEvent, at time: UInt64, precomputed: PrecomputedHop?) -> [NodeAction] {
        switch event {
        case .start: return start(at: time)
        case let .packetArrived(bytes, _): return arrive(bytes, at: time, precomputed: precomputed)
        case .timerFired(.release): return release(at: time)
        case .timerFired(.mixLoopSlot): return mixLoopSlot(at: time)
        case .keyEpochRotated:
            // REPLAY-ROTATE-1: the current filter becomes the previous one.
            hop.rotate()
            return []
        case .timerFired, .pullRequested, .messageSubmitted, .gatewayMessages: return []
        }
    }

    /// Start. SPEC.md [LOOPIX-NODE-MIX-2].
    /// ```text
    /// if λ_M > 0: set timer mixLoopSlot at now + Exp(λ_M) ns (LOOPIX-NODE-RANDOM)
    /// ```
    mutating func start(at time: UInt64) -> [NodeAction] {
        guard lambdaM > 0 else { return [] }
        return [.setTimer(.mixLoopSlot, at: time.saturatingAdd(random.exponentialNanoseconds(rate: lambdaM)))]
    }

    /// A packet arrives. SPEC.md [LOOPIX-NODE-MIX-3].
    mutating func arrive(_ bytes: Bytes, at time: UInt64, precomputed: PrecomputedHop?) -> [NodeAction] {
        // Step 1: number the input (0, 1, 2, … in arrival order).
        let input = inputs
        inputs += 1
        // Step 2: process the packet, checking and recording its replay tag.
        // Step 3: a packet that fails is dropped with its reason and counted.
        // Step 4: read the next hop; a next address that is not a node is dropped.
        switch hop.process(bytes, precomputed: precomputed) {
        case let .dropped(error, processed):
            return (processed ? [.record(.packetProcessed)] : []) + [drop(.sphinx(error))]
        case let .forward(nextPacket, next, delay):
            // Step 5: hold the packet for its header delay, clamped at the maximum delay.
            let departure = time.saturatingAdd(Swift.min(delay.nanoseconds, behaviour.maximumDelay))
            held.insert(HeldPacket(departure: departure, input: input, next: next, bytes: nextPacket))
            return [.record(.packetProcessed), .setTimer(.release(input), at: departure)]
        case let .final(destination, _, _):
            // Step 6: a final hop is one of this mix's own loops, or dropped.
            guard destination.bytes == address.bytes else {
                return [.record(.packetProcessed), drop(.unexpectedFinalHop)]
            }
            return [.record(.packetProcessed), .record(.mixLoopReturned)]
        }
    }

    /// Releases what is due. SPEC.md [LOOPIX-NODE-MIX-4].
    /// ```text
    /// send every held packet with departure ≤ now, ordered by (departure, input number),
    /// each preceded by record(released(input number))
    /// ```
    /// Whichever release timer fires first sends everything due, so the order is the same
    /// however a driver orders timers that fire at one time; later timers find nothing.
    mutating func release(at time: UInt64) -> [NodeAction] {
        var out: [NodeAction] = []
        while let first = held.min, first.departure <= time {
            _ = held.removeMin()
            out += [.record(.released(input: first.input)), .send(first.bytes, to: first.next)]
        }
        return out
    }

    /// A mix loop (λ_M, paper §3.2). SPEC.md [LOOPIX-NODE-MIX-5].
    mutating func mixLoopSlot(at time: UInt64) -> [NodeAction] {
        // Step 1: schedule the successor.
        let next = time.saturatingAdd(random.exponentialNanoseconds(rate: lambdaM))
        // Step 2: draw the loop's route back to this mix (LOOPIX-NODE-ROUTE-2).
        let (route, delays) = topology.mixLoopRoute(layer: layer, index: index, mu: mu, random: &random)
        // Step 3: make the packet: 405 zero bytes where a SURB-ACK would be, 32 random bytes,
        // zero content; destination this mix.
        let plaintext = PacketPayload.plaintext(
            surbAck: .zeros(NymNodeConstants.surbAckLength),
            ephemeral: random.bytes.bytes(NymNodeConstants.ephemeralKeyLength), content: .cover)
        let packet = SphinxHop.makePacket(
            route: route, delays: delays, destination: address, plaintext: plaintext, version: behaviour.version,
            random: &random)
        // Step 4: the loop leaves now, not through this mix's own pool.
        return [
            .setTimer(.mixLoopSlot, at: next), .record(.packetCreated(.mixLoop)),
            .send(packet.bytes, to: packet.firstHop),
        ]
    }

    private mutating func drop(_ reason: DropReason) -> NodeAction {
        dropCounts[reason.name, default: 0] += 1
        return .drop(reason)
    }
}
