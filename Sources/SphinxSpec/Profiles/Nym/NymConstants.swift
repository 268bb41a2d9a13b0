/// The nym profile's constants: one table, the same as SPEC.md §4.1 "Constants"
/// ([NYM-CONST-1]). Source: nymtech/sphinx 0.6.0 (commit 3baae8710e5fcaa76d39568d72cb961f4f7de7ee),
/// src/constants.rs, src/header/mod.rs, src/header/routing/mod.rs, src/payload/mod.rs.
/// Lengths are in bytes.
public enum NymConstants {
    /// κ, SECURITY_PARAMETER.
    public static let securityParameter = 16
    /// r, MAX_PATH_LENGTH.
    public static let maxPathLength = 5
    /// |α|: an X25519 u-coordinate.
    public static let alphaLength = 32
    /// NODE_ADDRESS_LENGTH = 2κ.
    public static let nodeAddressLength = 32
    /// DESTINATION_ADDRESS_LENGTH = 2κ.
    public static let destinationAddressLength = 32
    /// IDENTIFIER_LENGTH = κ (the SURB identifier).
    public static let identifierLength = 16
    /// FLAG_LENGTH.
    public static let flagLength = 1
    /// DELAY_LENGTH: u64 nanoseconds, big-endian.
    public static let delayLength = 8
    /// VERSION_LENGTH: [0, hi, lo].
    public static let versionLength = 3
    /// |γ|, HEADER_INTEGRITY_MAC_SIZE = κ.
    public static let headerMACLength = 16
    /// NODE_META_INFO_SIZE = flag + version + address + delay = 1 + 3 + 32 + 8.
    public static let nodeMetaInfoLength = 44
    /// FINAL_NODE_META_INFO_LENGTH = flag + version + destination + identifier = 1 + 3 + 32 + 16.
    public static let finalNodeMetaInfoLength = 52
    /// One forward routing block: meta info + γ = 44 + 16 (FILLER_STEP_SIZE_INCREASE).
    public static let routingBlockLength = 60
    /// |β|, ENCRYPTED_ROUTING_INFO_SIZE = 60 · r.
    public static let routingInfoLength = 300
    /// ρ output per hop, STREAM_CIPHER_OUTPUT_LENGTH = 60 · (r + 1).
    public static let streamCipherOutputLength = 360
    /// HEADER_SIZE = |α| + |γ| + |β| = 32 + 16 + 300.
    public static let headerLength = 348
    /// AES-128 key (h_ρ), STREAM_CIPHER_KEY_SIZE.
    public static let streamCipherKeyLength = 16
    /// AES-CTR initial counter block, all zero (STREAM_CIPHER_INIT_VECTOR).
    public static let streamCipherIV = Bytes.zeros(16)
    /// HMAC key (h_μ), INTEGRITY_MAC_KEY_SIZE = κ.
    public static let macKeyLength = 16
    /// LIONESS key (h_π), PAYLOAD_KEY_SIZE.
    public static let payloadKeyLength = 192
    /// Version-259 payload-key seed, PAYLOAD_KEY_SEED_SIZE = κ.
    public static let payloadKeySeedLength = 16
    /// BLINDING_FACTOR_SIZE = 2κ.
    public static let blindingFactorLength = 32
    /// REPLAY_TAG_SIZE = 2κ.
    public static let replayTagLength = 32
    /// EXPANDED_SHARED_SECRET_LENGTH = 16 + 16 + 192 + 32 + 32.
    public static let expandedSharedSecretLength = 288
    /// EXPANDED_SHARED_SECRET_HKDF_INFO (97 ASCII bytes).
    public static let expandedSharedSecretInfo = Bytes(
        "Dwste mou enan moxlo arketa makru kai ena upomoxlio gia na ton topothetisw kai tha kinisw thn gh.".utf8)
    /// EXPANDED_SHARED_SECRET_HKDF_SALT: empty.
    public static let expandedSharedSecretSalt = Bytes()
    /// PAYLOAD_KEY_HKDF_SALT (version 259).
    public static let payloadKeySalt = Bytes("sphinx-payload-key-V01-CS01-HKDF:SHA256-SALT".utf8)
    /// PAYLOAD_KEY_HKDF_INFO (version 259).
    public static let payloadKeyInfo = Bytes("sphinx-payload-key-V01-CS01-HKDF:SHA256-INFO".utf8)
    /// Routing flag of a forward block (FORWARD_HOP).
    public static let forwardFlag: UInt8 = 0x01
    /// Routing flag of the final block (FINAL_HOP).
    public static let finalFlag: UInt8 = 0x02
    /// PAYLOAD_OVERHEAD_SIZE = κ zero bytes + the 0x01 marker.
    public static let payloadOverhead = 17
    /// The smallest payload LIONESS accepts (a block longer than 32 bytes).
    public static let minimumPayloadLength = 33
    /// DEFAULT_PAYLOAD_SIZE of the crate's builder.
    public static let defaultPayloadLength = 1024
    /// Payload lengths of Nym's packet sizes (nymtech/nym common/nymsphinx/params/src/packet_sizes.rs:
    /// packet size − HEADER_SIZE = plaintext + 17): regular 2 KiB, extended 8, 16 and 32 KiB.
    public static let regularPayloadLength = 2 * 1024 + payloadOverhead
    public static let extended8PayloadLength = 8 * 1024 + payloadOverhead
    public static let extended16PayloadLength = 16 * 1024 + payloadOverhead
    public static let extended32PayloadLength = 32 * 1024 + payloadOverhead
    /// Every payload length named above.
    public static let knownPayloadLengths = [
        defaultPayloadLength, regularPayloadLength, extended8PayloadLength,
        extended16PayloadLength, extended32PayloadLength,
    ]
}
