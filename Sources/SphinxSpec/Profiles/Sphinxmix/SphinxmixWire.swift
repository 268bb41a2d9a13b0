/// sphinxmix's byte serialisation of a packet: `pack_message` / `unpack_message` in
/// sphinxmix 0.0.7's SphinxClient.py, which call petlib 0.0.45's `pack.encode` / `pack.decode`
/// (petlib/pack.py): msgpack with petlib's extension types. SPEC.md chapter sphinxmix,
/// SMX-WIRE.
///
/// The layout, read from those sources and checked byte for byte against the installed
/// package (Tests/SphinxmixTests/WireFormatTests.swift):
/// ```text
/// message   = array(2) [ lens, packet ]
/// lens      = array(2) [ int(header_len), int(body_len) ]        ((params.max_len, params.m))
/// packet    = array(2) [ header, bin(δ) ]
/// header    = array(3) [ ext(2, point), bin(β), bin(γ) ]
/// point     = array(2) [ int(713), raw(compressed α) ]           (petlib's ecpt_enc)
/// ```
/// The outer value is packed with `use_bin_type=True` (byte strings → bin 0xc4/c5/c6); the
/// point's inner value with msgpack's default of the time, `use_bin_type=False` (byte strings
/// → the raw/str family 0xa0|n, 0xd9, 0xda, 0xdb). Integers take the shortest msgpack form.
public enum SphinxmixWire {
    /// petlib's extension type number for `EcPt` (`register_coders(EcPt, 2, …)`).
    public static let pointExtensionType: Int8 = 2
    /// OpenSSL's NID of secp224r1, the group sphinxmix uses (`Group_ECC(gid=713)`).
    public static let p224NID = 713

    /// `pack_message(params, (header, delta))`. SPEC.md [SMX-WIRE].
    /// ```text
    /// 92                                   array(2)
    ///   92 int(header_len) int(body_len)    e.g. 92 cc c0 cd 04 00 for (192, 1024)
    ///   92                                 array(2)
    ///     93                               array(3): the header
    ///       c7 22 02                       ext8, 34 bytes, type 2 (EcPt)
    ///         92 cd 02 c9 bd X             array(2) [713, raw(29)]: X = α compressed (0x02/0x03 ‖ x)
    ///       bin(β) bin(γ)                  c4 a0 … (β, 160 bytes) c4 10 … (γ, 16 bytes)
    ///     bin(δ)                           c5 04 00 … (δ, 1024 bytes)
    /// ```
    /// - Throws: `SphinxmixWireError.packet` when a field does not fit `parameters` or α is not a
    ///   P-224 point (the packet must be one `unpack` would accept); `msgpack(.valueTooLarge)`
    ///   for a field of 4 GiB or more.
    public static func pack(_ packet: SphinxmixPacket, parameters: SphinxmixParameters) throws(SphinxmixWireError)
        -> Bytes
    {
        // Step 1: check the fields against the parameters and decode α.
        let header = packet.header
        do {
            _ = try SphinxmixPacket(
                alpha: header.alpha, beta: header.beta, gamma: header.gamma,
                delta: packet.delta, parameters: parameters)
        } catch {
            throw .packet(error)
        }
        let alpha: P224.Point
        do { alpha = try P224.Point(encoded: header.alpha) } catch { throw .point(error) }

        do {
            // Step 2: the EcPt extension payload, msgpack of (nid, compressed α) without bin
            // types, so the point's bytes take the str family.
            let point = try MsgPack.encode(.array([.integer(Int64(p224NID)), .string(alpha.compressed)]))

            // Step 3: the whole message.
            let lengths = MsgPackValue.array([
                .integer(Int64(parameters.headerLength)), .integer(Int64(parameters.bodyLength)),
            ])
            let headerValue = MsgPackValue.array([
                .ext(type: pointExtensionType, data: point), .binary(header.beta), .binary(header.gamma),
            ])
            return try MsgPack.encode(.array([lengths, .array([headerValue, .binary(packet.delta)])]))
        } catch {
            throw .msgpack(error)
        }
    }

    /// `unpack_message({(header_len, body_len): params}, m)` for one parameter set.
    /// SPEC.md [SMX-WIRE-UNPACK].
    /// ```text
    /// decode one msgpack value filling all of m (ints, arrays, str, bin and ext of every width)
    /// require the SMX-WIRE shape; require lens = (header_len, body_len) of `parameters`
    /// require ext type 2, nid 713, α = compressed or uncompressed P-224 point
    /// require |β| = header_len − 32, |γ| = 16, |δ| = body_len  (SMX-PACKET)
    /// ```
    /// - Throws: `SphinxmixWireError` naming what is wrong.
    public static func unpack(_ bytes: Bytes, parameters: SphinxmixParameters) throws(SphinxmixWireError)
        -> SphinxmixPacket
    {
        // Step 1: msgpack decoding.
        let message = try decodeWhole(bytes)

        // Step 2: the outer pair and the parameter lengths.
        let (lens, body) = try pair(message, what: "message")
        let (headerLength, bodyLength) = try pair(lens, what: "parameter lengths")
        guard case .integer(let h) = headerLength, case .integer(let m) = bodyLength else {
            throw .unexpectedStructure("parameter lengths are not integers")
        }
        guard h == Int64(parameters.headerLength), m == Int64(parameters.bodyLength) else {
            throw .unknownParameters(headerLength: h, bodyLength: m)
        }

        // Step 3: header and δ.
        let (headerValue, deltaValue) = try pair(body, what: "packet")
        guard case .array(let header) = headerValue, header.count == 3 else {
            throw .unexpectedStructure("header is not an array of 3")
        }
        guard case .binary(let beta) = header[1], case .binary(let gamma) = header[2],
            case .binary(let delta) = deltaValue
        else {
            throw .unexpectedStructure("β, γ or δ is not a byte string (bin)")
        }

        // Step 4: α, an EcPt extension value.
        guard case .ext(let type, let payload) = header[0] else {
            throw .unexpectedStructure("α is not an extension value")
        }
        guard type == pointExtensionType else { throw .unexpectedExtensionType(type) }
        let (nidValue, pointValue) = try pair(try decodeWhole(payload), what: "EcPt payload")
        guard case .integer(let nid) = nidValue else { throw .unexpectedStructure("group nid is not an integer") }
        guard nid == Int64(p224NID) else { throw .unsupportedGroup(nid: nid) }
        let encodedPoint: Bytes
        switch pointValue {
        case .string(let b), .binary(let b): encodedPoint = b
        default: throw .unexpectedStructure("point data is not a byte string")
        }
        let alpha: P224.Point
        do { alpha = try P224.Point(compressedOrUncompressed: encodedPoint) } catch { throw .point(error) }

        // Step 5: lengths (SMX-PACKET).
        do {
            return try SphinxmixPacket(
                alpha: alpha.encoded, beta: beta, gamma: gamma, delta: delta, parameters: parameters)
        } catch {
            throw .packet(error)
        }
    }

    private static func decodeWhole(_ bytes: Bytes) throws(SphinxmixWireError) -> MsgPackValue {
        do { return try MsgPack.decode(bytes) } catch { throw .msgpack(error) }
    }

    private static func pair(
        _ value: MsgPackValue, what: String
    ) throws(SphinxmixWireError) -> (MsgPackValue, MsgPackValue) {
        guard case .array(let items) = value, items.count == 2 else {
            throw .unexpectedStructure("\(what) is not an array of 2")
        }
        return (items[0], items[1])
    }
}

/// Why bytes are not a sphinxmix `pack_message` packet for the given parameters.
public enum SphinxmixWireError: Error, Equatable, Sendable {
    /// Not well-formed msgpack (truncated, unknown format byte, trailing bytes, too deep).
    case msgpack(MsgPackError)
    /// Well-formed msgpack of the wrong shape or value kinds.
    case unexpectedStructure(String)
    /// The packed (header_len, body_len) are not those of the parameters given: sphinxmix's
    /// "No parameter settings for: …".
    case unknownParameters(headerLength: Int64, bodyLength: Int64)
    /// α is an extension value of another type than petlib's EcPt (2).
    case unexpectedExtensionType(Int8)
    /// α belongs to another group than secp224r1 (OpenSSL NID 713).
    case unsupportedGroup(nid: Int64)
    /// α's bytes are not a P-224 point.
    case point(PrimitiveError)
    /// A field has the wrong length for the parameters (or α is not a point, when packing).
    case packet(SphinxError)
}
