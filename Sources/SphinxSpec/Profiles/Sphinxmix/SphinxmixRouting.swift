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
public enum SphinxmixRouting: Equatable, Sendable {
    case relay(nodeID: Bytes)
    case destination
    case surb(destination: Bytes, surbID: Bytes)

    static let relayFlag: Bytes = Array("\u{F0}".utf8)
    static let destinationFlag: Bytes = Array("\u{F1}".utf8)
    static let surbFlag: Bytes = Array("\u{F2}".utf8)

    /// The msgpack encoding (without the length prefix).
    public func encoded() throws(SphinxError) -> Bytes {
        let value: MsgPackValue
        switch self {
        case .relay(let id):
            value = .array([.string(Self.relayFlag), .binary(id)])
        case .destination:
            value = .array([.string(Self.destinationFlag)])
        case .surb(let destination, let id):
            value = .array([.string(Self.surbFlag), .binary(destination), .binary(id)])
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
        case (Self.relayFlag, 1): self = .relay(nodeID: fields[0])
        case (Self.destinationFlag, 0): self = .destination
        case (Self.surbFlag, 2): self = .surb(destination: fields[0], surbID: fields[1])
        default: throw .malformedRoutingEntry
        }
    }
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
