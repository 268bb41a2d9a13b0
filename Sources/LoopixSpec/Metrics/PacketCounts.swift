/// The `packets` section of a packet-level run: what the nodes did to real Sphinx packets, counted
/// from their `record` and `drop` actions over the whole run [0, T] (not only the measurement
/// window: these are totals of work done). SPEC.md §8.12, [LOOPIX-PKT-COUNT].
public struct PacketCounts: Sendable, Codable, Equatable {
    /// Sphinx packets created, by `PacketKind` name (real, loop, drop, ack, mixLoop). An ack
    /// packet is created inside its SURB-ACK by the sender of the real packet it acknowledges.
    public var createdByKind: [String: Int]
    /// Sphinx packets processed successfully: one per hop, at a mix or an exit gateway.
    public var processed: Int
    /// Bytes put on a link (`send` actions), entry frames included.
    public var linkTransfers: Int
    /// Packets dropped because their replay tag was seen before (`replayedTag`).
    public var replaysDropped: Int
    /// Packets or messages a node could not read, by `DropReason.name` (every drop except
    /// replays and drop cover).
    public var malformedDropped: [String: Int]
    /// Drop cover discarded at its gateway, its normal end.
    public var dropCoverDiscarded: Int
    /// SURB-ACK ack packets a gateway sent on.
    public var acksForwarded: Int
    /// Acks that cleared a pending fragment at its sender.
    public var acksMatched: Int
    /// Acks of cover packets or of fragments acknowledged already.
    public var acksIgnored: Int
    /// Fragments put back into a buffer after their ack timeout.
    public var retransmissions: Int
    /// Client loops back at their sender.
    public var loopsReturned: Int
    /// Mix loops back at their mix.
    public var mixLoopsReturned: Int
    /// Real messages handed to their recipient's user.
    public var messagesDelivered: Int
    /// Copies of a real message that reached its exit gateway after a first copy had (a
    /// retransmission whose first send was not lost); measured once, counted here.
    public var duplicateRealArrivals: Int
    /// Dummies a client discarded from pull answers.
    public var dummiesDiscarded: Int
    /// Bytes sent to an address that names no node of the network (never, for honest nodes).
    public var undeliverable: Int

    public init() {
        createdByKind = Dictionary(uniqueKeysWithValues: PacketKind.allCases.map { ($0.rawValue, 0) })
        processed = 0
        linkTransfers = 0
        replaysDropped = 0
        malformedDropped = [:]
        dropCoverDiscarded = 0
        acksForwarded = 0
        acksMatched = 0
        acksIgnored = 0
        retransmissions = 0
        loopsReturned = 0
        mixLoopsReturned = 0
        messagesDelivered = 0
        duplicateRealArrivals = 0
        dummiesDiscarded = 0
        undeliverable = 0
    }

    /// Sphinx packets created, all kinds.
    public var created: Int { createdByKind.values.reduce(0, +) }

    /// Counts one drop by its reason.
    mutating func dropped(_ reason: DropReason) {
        switch reason {
        case .sphinx(.replayedTag): replaysDropped += 1
        case .dropCover: dropCoverDiscarded += 1
        default: malformedDropped[reason.name, default: 0] += 1
        }
    }

    /// Counts one record.
    mutating func recorded(_ record: NodeRecord) {
        switch record {
        case .packetCreated(let kind): createdByKind[kind.rawValue, default: 0] += 1
        case .packetProcessed: processed += 1
        case .released: break
        case .ackForwarded: acksForwarded += 1
        case .loopReturned: loopsReturned += 1
        case .mixLoopReturned: mixLoopsReturned += 1
        case .ackMatched: acksMatched += 1
        case .ackIgnored: acksIgnored += 1
        case .retransmission: retransmissions += 1
        case .dummyDiscarded: dummiesDiscarded += 1
        }
    }
}

/// Wall-clock figures of a packet-level run. They describe the machine, not the run: they are
/// measured around the run by its caller, never read inside it, and kept apart from the
/// deterministic fields (`loopix-sim` prints them only with `--timing`).
public struct PacketRunWallClock: Sendable, Codable, Equatable {
    /// Seconds the run took.
    public var seconds: Double
    /// Sphinx packets processed per wall second (packet-hops per second).
    public var packetHopsPerSecond: Double
    /// Sphinx packets created per wall second.
    public var packetsCreatedPerSecond: Double

    public init(seconds: Double, counts: PacketCounts) {
        self.seconds = seconds
        packetHopsPerSecond = seconds > 0 ? Double(counts.processed) / seconds : 0
        packetsCreatedPerSecond = seconds > 0 ? Double(counts.created) / seconds : 0
    }
}

/// Everything a packet-level run reports: the timing model's metrics, computed from real
/// packets, and the packet counts. SPEC.md §8.12.
public struct PacketRunResult: Sendable, Codable {
    /// The same metrics as a timing-model run (SPEC.md §8.6).
    public var metrics: SimulationResult
    /// The packet-level behaviour the nodes used (`PacketBehaviour`'s choices, by name).
    public var behaviour: String
    public var packets: PacketCounts
    /// Set by the caller when it timed the run (`--timing`); nil otherwise.
    public var wallClock: PacketRunWallClock?
}
