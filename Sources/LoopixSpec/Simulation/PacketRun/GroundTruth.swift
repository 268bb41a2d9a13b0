import SphinxSpec

/// What a packet of a packet-level run is, as only its creator knows.
public enum PacketTruth: Sendable, Hashable, CustomStringConvertible {
    /// A client's or a mix's message, in the timing model's words (a Nym client's loop sent in
    /// an empty payload slot is a `.loop`; a paper client's drop there is a `.payloadDrop`).
    case message(MessageKind)
    /// A SURB-ACK's ack packet, sent on by the exit gateway of the packet that carried it: a
    /// real packet, or (Nym) a loop cover packet, whose SURB-ACK acknowledges the cover id 0 @ 0.
    case ack(of: MessageKind)

    public var description: String {
        switch self {
        case .message(let kind): return kind.rawValue
        case .ack(let kind): return "ack of \(kind.rawValue)"
        }
    }

    /// Whether the packet is in Nym's small ack size class (PacketSize::AckPacket).
    public var isAck: Bool {
        if case .ack = self { return true }
        return false
    }
}

/// One packet put on a link during a run, with its ground truth: what a test observing the
/// links sees (the bytes, the time, the link) and what only the driver knows (kind, id).
public struct PacketObservation: Sendable {
    /// Virtual time (ns).
    public let time: UInt64
    public let from: NodeAddress
    public let to: NodeAddress
    /// The bytes on the link (an entry frame from a client; a Sphinx packet otherwise).
    public let bytes: Bytes
    public let truth: PacketTruth
    /// The packet's number in the run (the same at every hop).
    public let packetID: Int
}

/// What the driver of a packet-level run knows about a packet and no node does: its kind, its
/// sender, when it left, and the adversary's view of its sender. SPEC.md §8.12 (the rule
/// LOOPIX-PKT-TRUTH is carried out by `tagOfSend`).
///
/// The nodes never see a tag: it travels beside the bytes in the driver's events, from the
/// `send` that made a packet to the node that ends it. Through a mix it is kept under the input
/// number the mix gives the packet (`setTimer(release(n))`) and taken back when the mix
/// announces `record(released(input: n))` just before the `send`, so no packet bytes are hashed
/// or compared.
struct PacketTag {
    /// A number unique within the run, given when the packet is made (observers pair a packet's
    /// arrival at a mix with its departure by it).
    var id: Int
    var kind: PacketTruth
    /// The client that sent it; nil for mix loops and acks.
    var senderClient: Int?
    /// When it left its sender (seconds).
    var sentAt: Double
    /// The adversary's view of its sender (LOOPIX-METRIC-SENDER); nil when not tracked.
    var view: SenderDistribution?
}

/// The messages the users of the clients submit, with what the metrics need to know of them.
/// SPEC.md §8.12 (LOOPIX-PKT-USER, carried out by `PacketRunState.userMessage`).
///
/// A message's bytes are its number, u64 big-endian (8 bytes, one fragment), so that wherever a
/// message shows up — in a gateway's push or inbox, in a pull answer — the driver reads which
/// message it is.
struct UserMessages {
    struct Entry {
        let sender: Int
        let createdAt: Double
        /// When the first copy reached the exit gateway (seconds); nil before.
        var reachedInboxAt: Double?
    }

    private(set) var entries: [Entry] = []

    /// Records a new message of `sender` created now, and returns its bytes.
    mutating func create(sender: Int, at now: Double) -> Bytes {
        let number = UInt64(entries.count)
        entries.append(Entry(sender: sender, createdAt: now, reachedInboxAt: nil))
        return ByteOps.bigEndian(number, width: 8)
    }

    /// The number of the user message inside a client message (ephemeral slot ‖ content), or nil
    /// for anything else (loops, dummies, acks, a message that is not one of ours).
    func number(inClientMessage message: Bytes) -> Int? {
        guard case let .fragment(fragment) = PacketPayload.classify(message) else { return nil }
        guard let number = Int(exactly: ByteOps.readBigEndian(fragment.data[0..<8])),
            entries.indices.contains(number)
        else { return nil }
        return number
    }

    subscript(number: Int) -> Entry {
        get { entries[number] }
        set { entries[number] = newValue }
    }
}
