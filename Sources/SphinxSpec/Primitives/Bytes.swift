import CSodium

/// A byte string. SPEC.md [CONV-BYTES]: byte strings are sequences of octets, written in hex
/// lowercase in vectors; `‖` is concatenation, `⊕` is byte-wise XOR of equal-length strings,
/// `0^n` is n zero bytes.
public typealias Bytes = [UInt8]

extension Array where Element == UInt8 {
    /// `0^n`: n zero bytes. A negative n gives the empty string rather than a trap.
    public static func zeros(_ count: Int) -> Bytes { Bytes(repeating: 0, count: Swift.max(0, count)) }

    /// Lowercase hex, the encoding used in every vector file and by the oracle.
    public var hex: String {
        let digits: [Character] = Swift.Array<Character>("0123456789abcdef")
        var out = ""
        out.reserveCapacity(count * 2)
        for byte in self {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0f)])
        }
        return out
    }

    /// Decodes hex (either case). Returns nil on an odd length or a non-hex character; use
    /// `init(validatingHex:)` where the caller needs to know why.
    public init?(hex: String) {
        guard let decoded = try? Bytes(validatingHex: hex) else { return nil }
        self = decoded
    }

    /// Decodes hex (either case, no separators, no `0x` prefix). SPEC.md [CONV-HEX].
    ///
    /// - Throws: `PrimitiveError.invalidHex(offset:)` with the offset (in UTF-8 code units) of the
    ///   first character that is not a hex digit, or, for an odd number of digits, the length of
    ///   the string (where the missing digit would be).
    public init(validatingHex hex: String) throws(PrimitiveError) {
        let utf8 = Swift.Array(hex.utf8)
        func nibble(_ c: UInt8) -> UInt8? {
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): return c - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): return c - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): return c - UInt8(ascii: "A") + 10
            default: return nil
            }
        }
        var out = Bytes()
        out.reserveCapacity(utf8.count / 2)
        var index = 0
        while index + 1 < utf8.count {
            guard let high = nibble(utf8[index]) else { throw .invalidHex(offset: index) }
            guard let low = nibble(utf8[index + 1]) else { throw .invalidHex(offset: index + 1) }
            out.append(high << 4 | low)
            index += 2
        }
        if index < utf8.count {
            // One digit left over: report a bad character first, else the odd length.
            if nibble(utf8[index]) == nil { throw .invalidHex(offset: index) }
            throw .invalidHex(offset: utf8.count)
        }
        self = out
    }
}

/// Byte helpers shared by every layer.
public enum ByteOps {
    /// `a ⊕ b` over the length of the shorter input. Callers that need equal lengths check them
    /// first; Sphinx always XORs strings of equal length.
    public static func xor(_ a: Bytes, _ b: Bytes) -> Bytes {
        let n = Swift.min(a.count, b.count)
        var out = Bytes(repeating: 0, count: n)
        for i in 0..<n { out[i] = a[i] ^ b[i] }
        return out
    }

    /// Constant-time equality (libsodium `sodium_memcmp`). SPEC.md [PRIM-CT-EQUAL]. Different
    /// lengths compare unequal; the length itself is not secret.
    public static func constantTimeEqual(_ a: Bytes, _ b: Bytes) -> Bool {
        guard a.count == b.count else { return false }
        if a.isEmpty { return true }
        Sodium.ensureInitialised()
        return a.withUnsafeBytes { pa in
            b.withUnsafeBytes { pb in
                sodium_memcmp(pa.baseAddress, pb.baseAddress, a.count) == 0
            }
        }
    }

    /// True when every byte is zero, computed without an early exit (libsodium `sodium_is_zero`).
    public static func isAllZero(_ a: Bytes) -> Bool {
        if a.isEmpty { return true }
        Sodium.ensureInitialised()
        return a.withUnsafeBytes { sodium_is_zero($0.bindMemory(to: UInt8.self).baseAddress, a.count) == 1 }
    }

    /// Overwrites a secret with zeros (libsodium `sodium_memzero`, which the compiler may not
    /// elide). SPEC.md [PRIM-WIPE]. Swift arrays may have been copied before this point; wiping
    /// is best effort (SPEC.md §10.1).
    public static func wipe(_ a: inout Bytes) {
        if a.isEmpty { return }
        Sodium.ensureInitialised()
        a.withUnsafeMutableBytes { wipe($0) }
    }

    /// `wipe` for memory that is not an array: a buffer, or the bytes of a value on the stack
    /// (`wipe(bytesOf:)`), such as the hash states and key blocks of SHA-256 and HMAC.
    public static func wipe(_ buffer: UnsafeMutableRawBufferPointer) {
        sodium_memzero(buffer.baseAddress, buffer.count)
    }

    public static func wipe<T>(bytesOf value: inout T) {
        withUnsafeMutableBytes(of: &value) { wipe($0) }
    }

    /// Big-endian encoding of an unsigned integer in `width` bytes. SPEC.md [CONV-INT].
    /// Only the low `8·width` bits are kept (callers choose a width the value fits); a width
    /// above 8 pads with leading zeros; a width of 0 or less gives the empty string.
    public static func bigEndian(_ value: UInt64, width: Int) -> Bytes {
        var out = Bytes(repeating: 0, count: Swift.max(0, width))
        var v = value
        var i = width - 1
        while i >= 0 {
            out[i] = UInt8(truncatingIfNeeded: v)
            v >>= 8
            i -= 1
        }
        return out
    }

    /// Reads a big-endian unsigned integer of up to 8 bytes. Of a longer slice only the last 8
    /// bytes count (the shifts discard the rest).
    public static func readBigEndian(_ bytes: ArraySlice<UInt8>) -> UInt64 {
        var v: UInt64 = 0
        for byte in bytes { v = v << 8 | UInt64(byte) }
        return v
    }
}

/// libsodium must be initialised once before use; `sodium_init` is idempotent and thread-safe.
enum Sodium {
    private static let initialised: Bool = sodium_init() >= 0
    static func ensureInitialised() { _ = initialised }
}
