/// MessagePack (msgpack), as much of it as sphinxmix and petlib write: one value type, one
/// encoder, one decoder, for the routing commands, the forward payload and the packet's byte
/// format (SphinxmixWire).
///
/// sphinxmix encodes routing commands and the forward payload with petlib's `pack.encode`,
/// which is `msgpack.packb(value, use_bin_type=True)` (petlib/pack.py), and packets with the
/// same call plus petlib's extension type for points. Python tuples become arrays, `bytes` the
/// bin family, `str` (and, without bin types, `bytes` too) the str family, `int` the integer
/// family. Format bytes from the MessagePack specification
/// (github.com/msgpack/msgpack/blob/master/spec.md, "Formats"). nil, booleans, floats and maps
/// are never written by sphinxmix and are rejected with a typed error.
public enum MsgPackValue: Equatable, Sendable {
    /// An array (fixarray 0x90 | n, array16 0xdc, array32 0xdd).
    case array([MsgPackValue])
    /// The str family, kept as bytes (fixstr 0xa0 | n, str8 0xd9, str16 0xda, str32 0xdb):
    /// UTF-8 strings, and byte strings packed without bin types.
    case string(Bytes)
    /// A byte string (bin8 0xc4, bin16 0xc5, bin32 0xc6).
    case binary(Bytes)
    /// An integer (positive and negative fixint, uint8…64 0xcc–0xcf, int8…64 0xd0–0xd3).
    case integer(Int64)
    /// An extension value (fixext 0xd4–0xd8, ext8/16/32 0xc7–0xc9): a type and its data.
    case ext(type: Int8, data: Bytes)
}

/// Why a byte string is not a msgpack value, or a value cannot be encoded.
public enum MsgPackError: Error, Equatable, Sendable {
    /// The input ended inside a value.
    case truncated
    /// A format byte for nil, booleans, floats or maps, or the unused 0xc1.
    case unsupportedFormat(UInt8)
    /// A complete value was followed by more bytes (Python's `unpackb` raises ExtraData too).
    case trailingBytes
    /// A value too large for msgpack (a length of 2³² or more, an unsigned integer above
    /// Int64.max), or nesting deeper than 8.
    case valueTooLarge
}

public enum MsgPack {
    /// Encodes a value, always in the shortest form, as Python's msgpack does.
    /// SPEC.md [SMX-MSGPACK-ENCODE].
    /// ```text
    /// array of n:   n ≤ 15: 0x90|n ; n < 2¹⁶: 0xdc ‖ n (2) ; else 0xdd ‖ n (4), then elements
    /// string of n:  n ≤ 31: 0xa0|n ; n < 2⁸: 0xd9 ‖ n ; n < 2¹⁶: 0xda ‖ n (2) ; else 0xdb ‖ n (4)
    /// binary of n:  n < 2⁸: 0xc4 ‖ n ; n < 2¹⁶: 0xc5 ‖ n (2) ; else 0xc6 ‖ n (4)
    /// integer v ≥ 0: v ≤ 0x7f: v ; then 0xcc, 0xcd, 0xce, 0xcf with 1, 2, 4, 8 bytes
    /// integer v < 0: v ≥ −32: v (one byte) ; then 0xd0, 0xd1, 0xd2, 0xd3 with 1, 2, 4, 8 bytes
    /// ext of n:     n ∈ {1, 2, 4, 8, 16}: 0xd4…0xd8 ; n < 2⁸: 0xc7 ‖ n ; 2¹⁶: 0xc8 ; else 0xc9,
    ///               then the type byte and the data
    /// ```
    /// Lengths are big-endian. - Throws: `valueTooLarge` for a length of 2³² or more.
    public static func encode(_ value: MsgPackValue) throws(MsgPackError) -> Bytes {
        switch value {
        case .array(let elements):
            var out = try header(elements.count, small: 0x90, smallLimit: 15, wide: [0xdc, 0xdd], widths: [2, 4])
            for element in elements { out += try encode(element) }
            return out
        case .string(let bytes):
            return try header(bytes.count, small: 0xa0, smallLimit: 31, wide: [0xd9, 0xda, 0xdb], widths: [1, 2, 4])
                + bytes
        case .binary(let bytes):
            return try header(bytes.count, small: nil, smallLimit: -1, wide: [0xc4, 0xc5, 0xc6], widths: [1, 2, 4])
                + bytes
        case .integer(let v):
            return integer(v)
        case .ext(let type, let data):
            let t = UInt8(bitPattern: type)
            switch data.count {
            case 1: return [0xd4, t] + data
            case 2: return [0xd5, t] + data
            case 4: return [0xd6, t] + data
            case 8: return [0xd7, t] + data
            case 16: return [0xd8, t] + data
            default:
                return try header(data.count, small: nil, smallLimit: -1, wide: [0xc7, 0xc8, 0xc9], widths: [1, 2, 4])
                    + [t] + data
            }
        }
    }

    /// Decodes exactly one value that fills all of `bytes`. SPEC.md [SMX-MSGPACK-DECODE].
    /// - Throws: `MsgPackError` for a format outside the kinds above, a truncated value,
    ///   trailing bytes, or nesting deeper than 8.
    public static func decode(_ bytes: Bytes) throws(MsgPackError) -> MsgPackValue {
        var reader = Reader(bytes: bytes[...])
        let value = try reader.value(depth: 0)
        guard reader.bytes.isEmpty else { throw .trailingBytes }
        return value
    }

    /// The shortest header for a length n: the one-byte form `small | n` when n ≤ `smallLimit`,
    /// otherwise the first of `wide` whose length field (`widths`, in bytes) holds n.
    private static func header(
        _ n: Int, small: UInt8?, smallLimit: Int, wide: [UInt8], widths: [Int]
    ) throws(MsgPackError) -> Bytes {
        if let small, n <= smallLimit { return [small | UInt8(n)] }
        for (format, width) in zip(wide, widths) where UInt64(n) < UInt64(1) << UInt64(8 * width) {
            return [format] + ByteOps.bigEndian(UInt64(n), width: width)
        }
        throw .valueTooLarge
    }

    private static func integer(_ v: Int64) -> Bytes {
        if v >= 0 {
            let u = UInt64(v)
            if u <= 0x7f { return [UInt8(u)] }
            if u <= 0xff { return [0xcc, UInt8(u)] }
            if u <= 0xffff { return [0xcd] + ByteOps.bigEndian(u, width: 2) }
            if u <= 0xffff_ffff { return [0xce] + ByteOps.bigEndian(u, width: 4) }
            return [0xcf] + ByteOps.bigEndian(u, width: 8)
        }
        let u = UInt64(bitPattern: v)
        if v >= -32 { return [UInt8(truncatingIfNeeded: u)] }
        if v >= -0x80 { return [0xd0, UInt8(truncatingIfNeeded: u)] }
        if v >= -0x8000 { return [0xd1] + ByteOps.bigEndian(u & 0xffff, width: 2) }
        if v >= -0x8000_0000 { return [0xd2] + ByteOps.bigEndian(u & 0xffff_ffff, width: 4) }
        return [0xd3] + ByteOps.bigEndian(u, width: 8)
    }

    /// A cursor over the input; nesting is limited so hostile input cannot exhaust the stack.
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

        mutating func elements(_ count: Int, depth: Int) throws(MsgPackError) -> MsgPackValue {
            var items: [MsgPackValue] = []
            for _ in 0..<count { items.append(try value(depth: depth + 1)) }
            return .array(items)
        }

        mutating func extValue(length: Int) throws(MsgPackError) -> MsgPackValue {
            let type = Int8(bitPattern: try take(1)[0])
            return .ext(type: type, data: try take(length))
        }

        mutating func value(depth: Int) throws(MsgPackError) -> MsgPackValue {
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
            case 0xa0...0xbf: return .string(try take(Int(format & 0x1f)))
            case 0xd9: return .string(try take(length(width: 1)))
            case 0xda: return .string(try take(length(width: 2)))
            case 0xdb: return .string(try take(length(width: 4)))
            case 0xc4: return .binary(try take(length(width: 1)))
            case 0xc5: return .binary(try take(length(width: 2)))
            case 0xc6: return .binary(try take(length(width: 4)))
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
