/// The parameters of the sphinxmix profile: sphinxmix 0.0.7 `SphinxParams.__init__`
/// (sphinxmix/SphinxParams.py). SPEC.md [SMX-PARAMS] holds the same table.
///
/// | name | sphinxmix | default | unit | meaning |
/// |---|---|---|---|---|
/// | headerLength | `header_len` (`max_len`) | 192 | bytes | nominal header size |
/// | bodyLength | `body_len` (`m`) | 1024 | bytes | payload δ |
/// | associatedLength | `assoc_len` | 0 | bytes | associated data per hop |
/// | k (κ) | `k` | 16 | bytes | keys, γ, the LIONESS half-block |
/// | \|β\| | `max_len − 32` | 160 | bytes | routing information |
/// | pad | `2·max_len` | 384 | bytes | zeros appended to β before decryption |
/// | \|α\| | — | 57 | bytes | uncompressed P-224 point |
///
/// sphinxmix's `dest_len` parameter (16) is stored but never used by 0.0.7, so it is omitted.
public struct SphinxmixParameters: Equatable, Sendable {
    /// `max_len` in sphinxmix: the nominal header size. The routing information β is
    /// `headerLength − 32` bytes (the 32 nominally stands for α and γ, although a P-224 α is
    /// 57 bytes; sphinxmix never checks this).
    public let headerLength: Int
    /// `m`: the payload length.
    public let bodyLength: Int
    /// `assoc_len`: the length of the associated data each hop authenticates with β.
    public let associatedLength: Int
    /// `k`: the security parameter in bytes.
    public let k: Int

    /// sphinxmix's defaults: `SphinxParams()`.
    public static let defaults = SphinxmixParameters(uncheckedHeaderLength: 192, bodyLength: 1024, associatedLength: 0)

    /// The length of β: `max_len − 32`.
    public var betaLength: Int { headerLength - 32 }

    private init(uncheckedHeaderLength: Int, bodyLength: Int, associatedLength: Int) {
        self.headerLength = uncheckedHeaderLength
        self.bodyLength = bodyLength
        self.associatedLength = associatedLength
        self.k = 16
    }

    /// - Throws: `SphinxError.invalidInputLength` when β would be too short to hold a final
    ///   routing entry and one MAC (headerLength < 32 + 2k) or the associated data length is
    ///   negative, and `SphinxError.payloadSizeTooSmall` when the body is too short for the MAC,
    ///   the padding marker and LIONESS (< 2k + 2); `SphinxError.sizeAboveMaximum` past the
    ///   maxima of SPHINX-LIMITS (64 KiB header, 1 MiB body, 64 KiB associated data).
    public init(headerLength: Int = 192, bodyLength: Int = 1024, associatedLength: Int = 0) throws(SphinxError) {
        guard headerLength >= 32 + 2 * 16 else {
            throw .invalidInputLength(what: "header length", expected: 32 + 2 * 16, actual: headerLength)
        }
        guard bodyLength >= 2 * 16 + 2 else { throw .payloadSizeTooSmall(minimum: 2 * 16 + 2, actual: bodyLength) }
        guard associatedLength >= 0 else {
            throw .invalidInputLength(what: "associated data length", expected: 0, actual: associatedLength)
        }
        try SphinxLimits.check(headerLength, maximum: SphinxLimits.maximumHeaderLength, "header length")
        try SphinxLimits.check(bodyLength, maximum: SphinxLimits.maximumPayloadLength, "body length")
        try SphinxLimits.check(
            associatedLength, maximum: SphinxLimits.maximumAssociatedLength, "associated data length")
        self.init(uncheckedHeaderLength: headerLength, bodyLength: bodyLength, associatedLength: associatedLength)
    }
}
