/// The small subset of MessagePack (msgpack) that sphinxmix's routing entries and payloads use.
///
/// sphinxmix encodes routing commands and the forward payload with petlib's `pack.encode`,
/// which is `msgpack.packb(value, use_bin_type=True)` (petlib/pack.py). Python tuples become
/// arrays, `bytes` become the bin family and `str` the str family. The shapes sphinxmix
/// produces are:
/// ```text
/// relay entry        [ "\u{F0}", node id ]          (Nenc(id) in SphinxClient.py)
/// destination entry  [ "\u{F1}" ]
/// SURB entry         [ "\u{F2}", destination, surb id ]
/// forward payload    [ destination, message ]
/// ```
/// so this subset has arrays of up to 15 elements (fixarray), strings (fixstr, str8) and byte
/// strings (bin8, bin16, bin32). Format bytes from the MessagePack specification
/// (github.com/msgpack/msgpack/blob/master/spec.md, "Formats"). Every other format byte is
/// rejected with a typed error rather than half-understood.
public enum MsgPackValue: Equatable, Sendable {
    /// An array (fixarray: 0x90 | n, n ≤ 15).
    case array([MsgPackValue])
    /// A UTF-8 string, kept as its bytes (fixstr 0xa0 | n for n ≤ 31; str8 0xd9 n).
    case string(Bytes)
    /// A byte string (bin8 0xc4, bin16 0xc5, bin32 0xc6; big-endian lengths).
    case binary(Bytes)
}

/// Why a byte string is not a value of the msgpack subset.
public enum MsgPackError: Error, Equatable, Sendable {
    /// The input ended inside a value.
    case truncated
    /// A format byte outside the subset (maps, integers, ext types, …).
    case unsupportedFormat(UInt8)
    /// A complete value was followed by more bytes (Python's `unpackb` raises ExtraData too).
    case trailingBytes
    /// A value too large for the subset's encoding (an array of more than 15 elements, or a
    /// string longer than 255 bytes).
    case valueTooLarge
}

public enum MsgPack {
    /// Encodes a value. SPEC.md [SMX-MSGPACK-ENCODE].
    /// ```text
    /// array of n ≤ 15:     0x90|n ‖ elements
    /// string of n ≤ 31:    0xa0|n ‖ bytes ;  n ≤ 255: 0xd9 ‖ n ‖ bytes
    /// binary of n < 2⁸:    0xc4 ‖ n (1 byte) ‖ bytes
    ///           n < 2¹⁶:   0xc5 ‖ n (2 bytes, big-endian) ‖ bytes
    ///           n < 2³²:   0xc6 ‖ n (4 bytes, big-endian) ‖ bytes
    /// ```
    /// The shortest form is always chosen, as Python's msgpack does.
    public static func encode(_ value: MsgPackValue) throws(MsgPackError) -> Bytes {
        switch value {
        case .array(let elements):
            guard elements.count <= 15 else { throw .valueTooLarge }
            var out: Bytes = [0x90 | UInt8(elements.count)]
            for element in elements { out += try encode(element) }
            return out
        case .string(let bytes):
            if bytes.count <= 31 { return [0xa0 | UInt8(bytes.count)] + bytes }
            guard bytes.count <= 0xff else { throw .valueTooLarge }
            return [0xd9, UInt8(bytes.count)] + bytes
        case .binary(let bytes):
            if bytes.count <= 0xff { return [0xc4, UInt8(bytes.count)] + bytes }
            if bytes.count <= 0xffff { return [0xc5] + ByteOps.bigEndian(UInt64(bytes.count), width: 2) + bytes }
            guard UInt64(bytes.count) <= 0xffff_ffff else { throw .valueTooLarge }
            return [0xc6] + ByteOps.bigEndian(UInt64(bytes.count), width: 4) + bytes
        }
    }

    /// Decodes exactly one value that fills all of `bytes`. SPEC.md [SMX-MSGPACK-DECODE].
    /// - Throws: `MsgPackError` for anything outside the subset, a truncated value, or trailing
    ///   bytes.
    public static func decode(_ bytes: Bytes) throws(MsgPackError) -> MsgPackValue {
        var reader = Reader(bytes: bytes[...])
        let value = try reader.value(depth: 0)
        guard reader.bytes.isEmpty else { throw .trailingBytes }
        return value
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

        mutating func length(width: Int) throws(MsgPackError) -> Int {
            let raw = try take(width)
            return Int(ByteOps.readBigEndian(raw[...]))
        }

        mutating func value(depth: Int) throws(MsgPackError) -> MsgPackValue {
            guard depth < 8 else { throw .valueTooLarge }
            let format = try take(1)[0]
            switch format {
            case 0x90...0x9f:
                var elements: [MsgPackValue] = []
                for _ in 0..<Int(format & 0x0f) { elements.append(try value(depth: depth + 1)) }
                return .array(elements)
            case 0xa0...0xbf:
                return .string(try take(Int(format & 0x1f)))
            case 0xd9:
                return .string(try take(length(width: 1)))
            case 0xc4:
                return .binary(try take(length(width: 1)))
            case 0xc5:
                return .binary(try take(length(width: 2)))
            case 0xc6:
                return .binary(try take(length(width: 4)))
            default:
                throw .unsupportedFormat(format)
            }
        }
    }
}
