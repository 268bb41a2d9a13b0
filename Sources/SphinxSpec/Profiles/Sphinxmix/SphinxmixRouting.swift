/// A routing command carried in β: what a hop must do with the packet. sphinxmix 0.0.7
/// SphinxClient.py: `Relay_flag = "\xF0"`, `Dest_flag = "\xF1"`, `Surb_flag = "\xF2"` are
/// Python `str` values, so msgpack writes each flag as the two-byte UTF-8 string of U+00F0,
/// U+00F1, U+00F2 (fixstr a2 c3 b0 / c3 b1 / c3 b2). SPEC.md [SMX-ROUTING].
/// ```text
/// relay        msgpack([ "\u{F0}", node id ])            Nenc(id)
/// destination  msgpack([ "\u{F1}" ])                     Route_pack((Dest_flag,))
/// SURB         msgpack([ "\u{F2}", destination, id ])    Route_pack((Surb_flag, dest, xid))
/// entry in β   = len(encoding) as one byte ‖ encoding    struct.pack("b", len) — signed, so ≤ 127
/// ```
/// sphinxmix lets a node list hold any msgpack value; this profile's relay entries carry a
/// node id as a byte string, which is what Nenc of a `bytes` id produces.
public typealias SphinxmixRouting = RoutingCommand<SphinxmixProfile>

/// What a sphinxmix relay hop is told: the next node's id (`Nenc(id)`).
public struct SphinxmixRelay: Equatable, Sendable {
    public let nodeID: Bytes
    public init(nodeID: Bytes) { self.nodeID = nodeID }
}

/// What the last sphinxmix hop is told: deliver, or hand a SURB reply to its receiver.
public enum SphinxmixFinal: Equatable, Sendable {
    /// `Dest_flag`: the payload is a forward message (`receive_forward`).
    case destination
    /// `Surb_flag`: the payload is a reply for `destination`, filed under `surbID`.
    case surb(destination: Bytes, surbID: Bytes)
}

extension RoutingCommand where P == SphinxmixProfile {
    /// sphinxmix's three commands by their flags.
    public static func relay(nodeID: Bytes) -> Self { .forward(SphinxmixRelay(nodeID: nodeID)) }
    public static var destination: Self { .final(.destination) }
    public static func surb(destination: Bytes, surbID: Bytes) -> Self {
        .final(.surb(destination: destination, surbID: surbID))
    }

    /// The msgpack encoding (without the length prefix).
    public func encoded() throws(SphinxError) -> Bytes {
        let value: MsgPackValue
        switch self {
        case .forward(let relay):
            value = .array([.string(SphinxmixFlag.relay), .binary(relay.nodeID)])
        case .final(.destination):
            value = .array([.string(SphinxmixFlag.destination)])
        case .final(.surb(let destination, let id)):
            value = .array([.string(SphinxmixFlag.surb), .binary(destination), .binary(id)])
        }
        do {
            return try MsgPack.encode(value)
        } catch {
            throw .invalidInputLength(what: "routing command", expected: 127, actual: Int.max)
        }
    }

    /// The entry as it sits in β: one length byte, then the encoding (`node_meta` in
    /// create_header). SPEC.md [SMX-ROUTING-ENTRY].
    /// - Throws: `SphinxError.invalidInputLength` beyond 127 bytes, where Python's
    ///   `struct.pack("b", …)` would raise.
    public func entry() throws(SphinxError) -> Bytes {
        let encoding = try encoded()
        guard encoding.count <= 127 else {
            throw .invalidInputLength(what: "routing command", expected: 127, actual: encoding.count)
        }
        return [UInt8(encoding.count)] + encoding
    }

    /// Parses a decrypted routing command (the mix operator's `PFdecode`). SPEC.md
    /// [SMX-ROUTING-DECODE].
    /// - Throws: `SphinxError.malformedRoutingEntry` for anything but the three shapes above.
    public init(decoding raw: Bytes) throws(SphinxError) {
        let value: MsgPackValue
        do {
            value = try MsgPack.decode(raw)
        } catch {
            throw .malformedRoutingEntry
        }
        guard case .array(let items) = value, case .string(let flag)? = items.first else {
            throw .malformedRoutingEntry
        }
        let fields = items.dropFirst().compactMap { item -> Bytes? in
            if case .binary(let bytes) = item { return bytes }
            return nil
        }
        guard fields.count == items.count - 1 else { throw .malformedRoutingEntry }
        switch (flag, fields.count) {
        case (SphinxmixFlag.relay, 1): self = .forward(SphinxmixRelay(nodeID: fields[0]))
        case (SphinxmixFlag.destination, 0): self = .final(.destination)
        case (SphinxmixFlag.surb, 2): self = .final(.surb(destination: fields[0], surbID: fields[1]))
        default: throw .malformedRoutingEntry
        }
    }
}

/// The flags as msgpack carries them: the UTF-8 bytes of U+00F0, U+00F1, U+00F2.
private enum SphinxmixFlag {
    static let relay: Bytes = Array("\u{F0}".utf8)
    static let destination: Bytes = Array("\u{F1}".utf8)
    static let surb: Bytes = Array("\u{F2}".utf8)
}

/// Body padding: "a 0 bit, followed by as many 1 bits as it takes" — 0x7f, then 0xff bytes
/// (`pad_body` / `unpad_body` in SphinxClient.py). SPEC.md [SMX-PAD].
enum SphinxmixPadding {
    /// `body ‖ 0x7f ‖ 0xff…` to exactly `total` bytes.
    /// - Throws: `SphinxError.messageTooLong` when `body` plus the marker exceeds `total`.
    static func pad(_ body: Bytes, to total: Int) throws(SphinxError) -> Bytes {
        guard body.count + 1 <= total else { throw .messageTooLong(maximum: total - 1, actual: body.count) }
        return body + [0x7f] + Bytes(repeating: 0xff, count: total - body.count - 1)
    }

    /// Strips trailing 0xff bytes and the 0x7f marker before them. SPEC.md [SMX-UNPAD].
    ///
    /// Deviation: sphinxmix's `unpad_body` returns the empty string when no marker is found;
    /// this profile reports `SphinxError.payloadMarkerMissing` instead (the MAC was already
    /// checked, so only a faulty sender can cause it).
    static func unpad(_ padded: Bytes) throws(SphinxError) -> Bytes {
        var end = padded.count - 1
        while end > 0 && padded[end] == 0xff { end -= 1 }
        guard end >= 0, padded[end] == 0x7f else { throw .payloadMarkerMissing }
        return Bytes(padded[0..<end])
    }
}
