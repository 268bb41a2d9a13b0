/// The random inputs of a forward packet's creation: the sender's secret x and the random bytes
/// after the final routing entry, nothing else. The record is the same for every profile; the
/// `Profile` parameter only keeps one profile's randomness from being passed to another's
/// creation (`NymPacketRandomness`, `SphinxmixPacketRandomness`), and what x and the padding
/// must look like is each profile's to check.
public struct PacketRandomness<Profile: SphinxProfile>: Sendable, Equatable {
    /// x in the profile's encoding, in wiped-on-release storage.
    public let initialSecretStorage: SecretBytes
    /// The random bytes after the final routing entry (Kuhn et al. 2020: random, not zero).
    public let finalPadding: Bytes

    public init(initialSecret: SecretBytes, finalPadding: Bytes) {
        self.initialSecretStorage = initialSecret
        self.finalPadding = finalPadding
    }

    /// x given as an array, which stays the caller's to wipe.
    public init(initialSecret: Bytes, finalPadding: Bytes) {
        self.init(initialSecret: SecretBytes(initialSecret), finalPadding: finalPadding)
    }

    /// x as an array: exposed on purpose, vectors record every random input.
    public var initialSecret: Bytes { initialSecretStorage.exposedCopy }
}
