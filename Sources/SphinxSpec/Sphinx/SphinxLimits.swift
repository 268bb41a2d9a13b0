/// The largest sizes a caller, a file or a packet may choose, checked where each size enters the
/// library. SPEC.md [SPHINX-LIMITS].
///
/// | size | maximum | why |
/// |---|---|---|
/// | payload δ (nym payload size, sphinxmix `body_len`), at creation and in a packet | 1 MiB | 32 times Nym's largest packet (extended32, 32 KiB + 65); one packet's memory stays small |
/// | sphinxmix `max_len` (header length) | 64 KiB | 300 times the default 192; β and the 2·max_len pad are allocated per hop |
/// | sphinxmix `assoc_len` | 64 KiB | authenticated with β at every hop; no use needs more than a few bytes |
/// | route length | the profile's (nym 5, sphinxmix \|β\|/k + 1) | SPHINX-CREATE-1 |
///
/// Past a maximum the input is refused with `SphinxError.sizeAboveMaximum` before anything is
/// allocated for it.
public enum SphinxLimits {
    public static let maximumPayloadLength = 1 << 20
    public static let maximumHeaderLength = 1 << 16
    public static let maximumAssociatedLength = 1 << 16

    /// - Throws: `sizeAboveMaximum(what:maximum:actual:)` when `value > maximum`.
    static func check(_ value: Int, maximum: Int, _ what: String) throws(SphinxError) {
        guard value <= maximum else { throw .sizeAboveMaximum(what: what, maximum: maximum, actual: value) }
    }
}
