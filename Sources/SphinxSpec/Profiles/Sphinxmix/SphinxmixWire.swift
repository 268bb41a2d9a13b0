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
    ///   P-224 point (the packet must be one `unpack` would accept).
    public static func pack(_ packet: SphinxmixPacket, parameters: SphinxmixParameters) throws(SphinxmixWireError) -> Bytes {
        // Step 1: check the fields against the parameters and decode α.
        let header = packet.header
        do {
            _ = try SphinxmixPacket(alpha: header.alpha, beta: header.beta, gamma: header.gamma,
                                    delta: packet.delta, parameters: parameters)
        } catch {
            throw .packet(error)
        }
        let alpha: P224.Point
        do { alpha = try P224.Point(encoded: header.alpha) } catch { throw .point(error) }

        // Step 2: the EcPt extension payload, msgpack of (nid, compressed α) without bin types.
        let pointPayload = Writer.array(count: 2) + Writer.integer(UInt64(p224NID)) + Writer.raw(alpha.compressed)

        // Step 3: the whole message.
        return Writer.array(count: 2)
            + Writer.array(count: 2) + Writer.integer(UInt64(parameters.headerLength)) + Writer.integer(UInt64(parameters.bodyLength))
            + Writer.array(count: 2)
            + Writer.array(count: 3)
            + Writer.ext(type: pointExtensionType, data: pointPayload)
            + Writer.bin(header.beta) + Writer.bin(header.gamma)
            + Writer.bin(packet.delta)
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
    public static func unpack(_ bytes: Bytes, parameters: SphinxmixParameters) throws(SphinxmixWireError) -> SphinxmixPacket {
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
        guard case .bin(let beta) = header[1], case .bin(let gamma) = header[2], case .bin(let delta) = deltaValue else {
            throw .unexpectedStructure("β, γ or δ is not a byte string (bin)")
        }

        // Step 4: α, an EcPt extension value.
        guard case .ext(let type, let payload) = header[0] else { throw .unexpectedStructure("α is not an extension value") }
        guard type == pointExtensionType else { throw .unexpectedExtensionType(type) }
        let (nidValue, pointValue) = try pair(try decodeWhole(payload), what: "EcPt payload")
        guard case .integer(let nid) = nidValue else { throw .unexpectedStructure("group nid is not an integer") }
        guard nid == Int64(p224NID) else { throw .unsupportedGroup(nid: nid) }
        let encodedPoint: Bytes
        switch pointValue {
        case .raw(let b), .bin(let b): encodedPoint = b
        default: throw .unexpectedStructure("point data is not a byte string")
        }
        let alpha: P224.Point
        do { alpha = try P224.Point(compressedOrUncompressed: encodedPoint) } catch { throw .point(error) }

        // Step 5: lengths (SMX-PACKET).
        do {
            return try SphinxmixPacket(alpha: alpha.encoded, beta: beta, gamma: gamma, delta: delta, parameters: parameters)
        } catch {
            throw .packet(error)
        }
    }

    // MARK: - msgpack, as much as the wire format needs

    /// A decoded msgpack value. Only the kinds petlib's format uses; the others (nil, booleans,
    /// floats, maps) are rejected as `unsupportedFormat`.
    enum Value: Equatable {
        case integer(Int64)
        case raw(Bytes)
        case bin(Bytes)
        case array([Value])
        case ext(type: Int8, data: Bytes)
    }

    private static func decodeWhole(_ bytes: Bytes) throws(SphinxmixWireError) -> Value {
        var reader = Reader(bytes: bytes[...])
        let value: Value
        do { value = try reader.value(depth: 0) } catch { throw .msgpack(error) }
        guard reader.bytes.isEmpty else { throw .msgpack(.trailingBytes) }
        return value
    }

    private static func pair(_ value: Value, what: String) throws(SphinxmixWireError) -> (Value, Value) {
        guard case .array(let items) = value, items.count == 2 else {
            throw .unexpectedStructure("\(what) is not an array of 2")
        }
        return (items[0], items[1])
    }

    /// Shortest-form msgpack encoders (as Python's msgpack chooses).
    private enum Writer {
        static func array(count: Int) -> Bytes {
            if count <= 15 { return [0x90 | UInt8(count)] }
            return [0xdc] + ByteOps.bigEndian(UInt64(count), width: 2)
        }
        static func integer(_ v: UInt64) -> Bytes {
            if v <= 0x7f { return [UInt8(v)] }
            if v <= 0xff { return [0xcc, UInt8(v)] }
            if v <= 0xffff { return [0xcd] + ByteOps.bigEndian(v, width: 2) }
            if v <= 0xffff_ffff { return [0xce] + ByteOps.bigEndian(v, width: 4) }
            return [0xcf] + ByteOps.bigEndian(v, width: 8)
        }
        /// The raw (str) family, what `use_bin_type=False` gives byte strings.
        static func raw(_ b: Bytes) -> Bytes {
            if b.count <= 31 { return [0xa0 | UInt8(b.count)] + b }
            if b.count <= 0xff { return [0xd9, UInt8(b.count)] + b }
            if b.count <= 0xffff { return [0xda] + ByteOps.bigEndian(UInt64(b.count), width: 2) + b }
            return [0xdb] + ByteOps.bigEndian(UInt64(b.count), width: 4) + b
        }
        static func bin(_ b: Bytes) -> Bytes {
            if b.count <= 0xff { return [0xc4, UInt8(b.count)] + b }
            if b.count <= 0xffff { return [0xc5] + ByteOps.bigEndian(UInt64(b.count), width: 2) + b }
            return [0xc6] + ByteOps.bigEndian(UInt64(b.count), width: 4) + b
        }
        static func ext(type: Int8, data: Bytes) -> Bytes {
            let t = UInt8(bitPattern: type)
            switch data.count {
            case 1: return [0xd4, t] + data
            case 2: return [0xd5, t] + data
            case 4: return [0xd6, t] + data
            case 8: return [0xd7, t] + data
            case 16: return [0xd8, t] + data
            case 0...0xff: return [0xc7, UInt8(data.count), t] + data
            case 0...0xffff: return [0xc8] + ByteOps.bigEndian(UInt64(data.count), width: 2) + [t] + data
            default: return [0xc9] + ByteOps.bigEndian(UInt64(data.count), width: 4) + [t] + data
            }
        }
    }

    /// A cursor over msgpack input; nesting is limited so hostile input cannot exhaust the stack.
    private struct Reader {
        var bytes: ArraySlice<UInt8>

        mutating func take(_ count: Int) throws(MsgPackError) -> Bytes {
            guard count >= 0, bytes.count >= count else { throw .truncated }
            let out = Bytes(bytes.prefix(count))
            bytes = bytes.dropFirst(count)
            return out
        }

        mutating func unsigned(width: Int) throws(MsgPackError) -> UInt64 {
            ByteOps.readBigEndian(try take(width)[...])
        }

        mutating func signed(width: Int) throws(MsgPackError) -> Int64 {
            let raw = try unsigned(width: width)
            let shift = UInt64(64 - 8 * width)
            return Int64(bitPattern: raw << shift) >> Int64(shift)  // sign-extend
        }

        mutating func length(width: Int) throws(MsgPackError) -> Int {
            let n = try unsigned(width: width)
            guard n <= UInt64(bytes.count) else { throw .truncated }  // every element or byte needs ≥ 1 byte
            return Int(n)
        }

        mutating func elements(_ count: Int, depth: Int) throws(MsgPackError) -> Value {
            var items: [Value] = []
            for _ in 0..<count { items.append(try value(depth: depth + 1)) }
            return .array(items)
        }

        mutating func extValue(length: Int) throws(MsgPackError) -> Value {
            let type = Int8(bitPattern: try take(1)[0])
            return .ext(type: type, data: try take(length))
        }

        mutating func value(depth: Int) throws(MsgPackError) -> Value {
            guard depth < 8 else { throw .valueTooLarge }
            let format = try take(1)[0]
            switch format {
            case 0x00...0x7f: return .integer(Int64(format))
            case 0xe0...0xff: return .integer(Int64(Int8(bitPattern: format)))
            case 0xcc: return .integer(Int64(try unsigned(width: 1)))
            case 0xcd: return .integer(Int64(try unsigned(width: 2)))
            case 0xce: return .integer(Int64(try unsigned(width: 4)))
            case 0xcf:
                let v = try unsigned(width: 8)
                guard v <= UInt64(Int64.max) else { throw .valueTooLarge }
                return .integer(Int64(v))
            case 0xd0: return .integer(try signed(width: 1))
            case 0xd1: return .integer(try signed(width: 2))
            case 0xd2: return .integer(try signed(width: 4))
            case 0xd3: return .integer(try signed(width: 8))
            case 0x90...0x9f: return try elements(Int(format & 0x0f), depth: depth)
            case 0xdc: return try elements(length(width: 2), depth: depth)
            case 0xdd: return try elements(length(width: 4), depth: depth)
            case 0xa0...0xbf: return .raw(try take(Int(format & 0x1f)))
            case 0xd9: return .raw(try take(length(width: 1)))
            case 0xda: return .raw(try take(length(width: 2)))
            case 0xdb: return .raw(try take(length(width: 4)))
            case 0xc4: return .bin(try take(length(width: 1)))
            case 0xc5: return .bin(try take(length(width: 2)))
            case 0xc6: return .bin(try take(length(width: 4)))
            case 0xd4: return try extValue(length: 1)
            case 0xd5: return try extValue(length: 2)
            case 0xd6: return try extValue(length: 4)
            case 0xd7: return try extValue(length: 8)
            case 0xd8: return try extValue(length: 16)
            case 0xc7: return try extValue(length: length(width: 1))
            case 0xc8: return try extValue(length: length(width: 2))
            case 0xc9: return try extValue(length: length(width: 4))
            default: throw .unsupportedFormat(format)  // nil, booleans, floats, maps, 0xc1
            }
        }
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
