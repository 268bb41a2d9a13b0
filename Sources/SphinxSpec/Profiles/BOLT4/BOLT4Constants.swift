/// The bolt4 profile's constants: BOLT #4 "Packet Structure" (lightning/bolts
/// 04-onion-routing.md). SPEC.md §4.3, table [BOLT4-CONSTANTS]; the two tables are the same.
public enum BOLT4Constants {
    /// The packet version this profile reads and writes (`version`, one byte).
    public static let version: UInt8 = 0x00
    /// `public_key`: a compressed secp256k1 point, bytes.
    public static let publicKeyLength = Secp256k1.compressedPointLength
    /// `hop_payloads`: |β|, bytes.
    public static let hopPayloadsLength = 1300
    /// `hmac`: κ, bytes (HMAC-SHA256, not truncated).
    public static let hmacLength = 32
    /// The whole onion: 1 + 33 + 1300 + 32 = 1366 bytes.
    public static let onionLength = 1 + publicKeyLength + hopPayloadsLength + hmacLength
    /// The smallest hop payload: lengths 0 and 1 are reserved (0 was the legacy format).
    public static let minimumPayloadLength = 2
    /// The most hops that fit: each hop takes at least 1 + 2 + 32 = 35 bytes of
    /// `hop_payloads`, so ⌊1300 / 35⌋ = 37. BOLT #4 sets no other limit on the onion itself.
    public static let maxHops = hopPayloadsLength / (1 + minimumPayloadLength + hmacLength)
    /// The replay tag's length: lnd keeps the first 20 bytes of SHA-256(ss)
    /// (lightningnetwork/lightning-onion replaylog.go, `HashPrefixSize`).
    public static let replayTagLength = 20
    /// failure_len + pad_len in a return packet: "at least 256", "SHOULD be equal to 256".
    public static let failurePaddedLength = 256
    /// Rounds the origin runs when decoding a return packet, whatever the matching hop:
    /// "repeated 27 times (maximum route length of tlv payload type)", BOLT #4 "Returning Errors".
    public static let errorDecodingRounds = 27
    /// A ChaCha20 (RFC 8439) nonce of 96 zero bits: BOLT #4 "Pseudo Random Byte Stream".
    static let zeroNonce = Bytes.zeros(ChaCha20.ietfNonceLength)

    /// The key-type labels of BOLT #4 "Key Generation" (and "Returning Errors" for ammag),
    /// used as HMAC keys, without a terminating zero byte.
    public enum KeyType {
        public static let rho = Bytes("rho".utf8)
        public static let mu = Bytes("mu".utf8)
        public static let um = Bytes("um".utf8)
        public static let pad = Bytes("pad".utf8)
        public static let ammag = Bytes("ammag".utf8)
    }
}
