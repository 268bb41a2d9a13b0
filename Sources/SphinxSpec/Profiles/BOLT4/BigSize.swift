/// BigSize, the variable-length unsigned integer of BOLT #1 ("Appendix A: BigSize Test
/// Vectors"): big-endian, minimally encoded. SPEC.md [BOLT4-BIGSIZE].
/// ```text
/// v < 0xfd           : v                 (1 byte)
/// v < 0x10000        : 0xfd ‖ u16(v)     (3 bytes)
/// v < 0x100000000    : 0xfe ‖ u32(v)     (5 bytes)
/// otherwise          : 0xff ‖ u64(v)     (9 bytes)
/// ```
/// A reader rejects an encoding that is not the shortest (BOLT #1 "non-canonical").
public enum BigSize {
    public static func encode(_ value: UInt64) -> Bytes {
        func bigEndian(_ v: UInt64, _ width: Int) -> Bytes {
            (0..<width).map { UInt8(truncatingIfNeeded: v >> (8 * UInt64(width - 1 - $0))) }
        }
        switch value {
        case ..<0xfd: return [UInt8(value)]
        case ..<0x1_0000: return [0xfd] + bigEndian(value, 2)
        case ..<0x1_0000_0000: return [0xfe] + bigEndian(value, 4)
        default: return [0xff] + bigEndian(value, 8)
        }
    }

    /// The value at the start of `bytes` and the number of bytes it took, or nil when the
    /// bytes end early or the encoding is not minimal.
    public static func decode(_ bytes: Bytes) -> (value: UInt64, length: Int)? {
        guard let first = bytes.first else { return nil }
        let width: Int
        let minimum: UInt64
        switch first {
        case 0xfd: (width, minimum) = (2, 0xfd)
        case 0xfe: (width, minimum) = (4, 0x1_0000)
        case 0xff: (width, minimum) = (8, 0x1_0000_0000)
        default: return (UInt64(first), 1)
        }
        guard bytes.count >= 1 + width else { return nil }
        var value: UInt64 = 0
        for byte in bytes[1...width] { value = value << 8 | UInt64(byte) }
        guard value >= minimum else { return nil }
        return (value, 1 + width)
    }
}
