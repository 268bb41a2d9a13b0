import SphinxSpec

/// Nym's numbers for nodes and clients: one table, the same as SPEC.md §8.11 "Nym's numbers"
/// ([LOOPIX-NODE-CONST]). Source: nymtech/nym at commit daed9cd15bc0 (2026-05-16); file and
/// line beside each value. Lengths in bytes, times in nanoseconds.
public enum NymNodeConstants {
    /// MAX_NODE_ADDRESS_UNPADDED_LEN: the SURB-ACK's zero-padded first-hop field
    /// (common/nymsphinx/addressing/src/nodes.rs:24).
    public static let firstHopAddressLength = 19
    /// ACK_IV_SIZE: the IV in front of the encrypted fragment id
    /// (common/nymsphinx/params/src/packet_sizes.rs:27).
    public static let ackIVLength = 16
    /// FRAG_ID_LEN: a serialised fragment id, set id (4) ‖ position (1)
    /// (common/nymsphinx/params/src/lib.rs:25).
    public static let fragmentIDLength = 5
    /// An ack's message: IV ‖ AES-128-CTR(ack key, IV, fragment id)
    /// (common/nymsphinx/acknowledgements/src/identifier.rs:13-23).
    public static let ackMessageLength = ackIVLength + fragmentIDLength
    /// ACK_PACKET_SIZE = 16 + 5 + HEADER_SIZE + PAYLOAD_OVERHEAD_SIZE = 386
    /// (common/nymsphinx/params/src/packet_sizes.rs:30).
    public static let ackPacketLength = ackMessageLength + NymConstants.headerLength + NymConstants.payloadOverhead
    /// The ack packet's Sphinx payload: 386 − 348 = 38.
    public static let ackPayloadLength = ackPacketLength - NymConstants.headerLength
    /// SurbAck::len = AckPacket size + 19 = 405 (common/nymsphinx/acknowledgements/src/surb_ack.rs:101-111);
    /// laid out first hop (19) ‖ ack packet (386) (surb_ack.rs:117-126).
    public static let surbAckLength = firstHopAddressLength + ackPacketLength
    /// x25519::PUBLIC_KEY_SIZE, the ephemeral key every non-reply payload carries
    /// (common/nymsphinx/src/preparer/mod.rs:202).
    public static let ephemeralKeyLength = 32
    /// A regular packet's plaintext: 2 KiB (REGULAR_PACKET_SIZE, packet_sizes.rs:32).
    public static let regularPlaintextLength = 2 * 1024
    /// Its Sphinx payload: 2048 + 17 = 2065 (NymConstants.regularPayloadLength).
    public static let regularPayloadLength = NymConstants.regularPayloadLength
    /// UNLINKED_FRAGMENTED_HEADER_LEN (common/nymsphinx/chunking/src/fragment.rs:32).
    public static let fragmentHeaderLength = 7
    /// What a gateway hands its client: the regular plaintext without the SURB-ACK, 1643.
    public static let clientMessageLength = regularPlaintextLength - surbAckLength
    /// A fragment's room: 1643 − 32 = 1611 (header and data).
    public static let fragmentLength = clientMessageLength - ephemeralKeyLength
    /// Message bytes per fragment: 1611 − 7 = 1604.
    public static let fragmentDataLength = fragmentLength - fragmentHeaderLength
    /// Fragments in one unlinked set (total_fragments is a u8).
    public static let maximumFragments = 255
    /// LOOP_COVER_MESSAGE_PAYLOAD (common/nymsphinx/cover/src/lib.rs:23), followed by 0x01 and
    /// zeros (cover/src/lib.rs:102-108).
    public static let loopCoverMarker = Bytes("The cake is a lie!".utf8)
    /// DEFAULT_ACK_WAIT_MULTIPLIER (common/client-core/config-types/src/lib.rs:21).
    public static let ackWaitMultiplier = 1.5
    /// DEFAULT_ACK_WAIT_ADDITION, 1.5 s (config-types/src/lib.rs:23).
    public static let ackWaitAddition: UInt64 = 1_500_000_000
    /// DEFAULT_MAXIMUM_FORWARD_PACKET_DELAY, 10 s (nym-node/src/config/mod.rs:801), the clamp of
    /// nym-node/src/node/mixnet/handler.rs:125-137.
    public static let maximumDelay: UInt64 = 10_000_000_000
    /// The AES-128 key of acknowledgements (AckEncryptionAlgorithm = Aes128Ctr, params/src/lib.rs:49).
    public static let ackKeyLength = 16
}
