import SphinxSpec

/// Decodes a hex literal copied from a published source. Spaces and newlines are allowed so
/// that values can be pasted in the layout the source prints them in.
func hex(_ text: String) throws -> Bytes {
    try Bytes(validatingHex: text.filter { !$0.isWhitespace })
}

/// The bytes of ASCII text, for the test messages the RFCs give as strings.
func ascii(_ text: String) -> Bytes { Bytes(text.utf8) }

/// Little-endian bytes of 32-bit words: how rand_chacha's `next_u32` values and the words of a
/// ChaCha20 block map to keystream bytes.
func littleEndianBytes(_ words: [UInt32]) -> Bytes {
    words.flatMap { word in (0..<4).map { UInt8(truncatingIfNeeded: word >> (8 * $0)) } }
}

/// Reads 4 bytes as a little-endian 32-bit word.
func littleEndianWord(_ bytes: Bytes) -> UInt32 {
    bytes.prefix(4).enumerated().reduce(UInt32(0)) { $0 | UInt32($1.element) << (8 * UInt32($1.offset)) }
}
