/// The Sphinx mix packet format (Danezis & Goldberg, IEEE S&P 2009), written once in the
/// paper's notation and run by three byte-compatible profiles. See SPEC.md, chapters 2 to 7.
///
/// Where things are:
/// - `Primitives/`: X25519, P-224, SHA-256 (our own, with the CPU's SHA extensions where
///   present), HMAC, HKDF, AES-CTR, ChaCha20, BLAKE2b over libsodium, swift-crypto and GMP,
///   the two LIONESS ciphers, random sources, byte
///   helpers (`ByteOps`) and `SecretBytes`, where kept secrets live and are wiped on release,
///   with `PrimitiveError` (SPEC.md chapter 2).
/// - `Sphinx/`: the generic algorithm (SPEC.md chapter 3). `SphinxProfile` is what a profile
///   supplies; `HopKeyMaterial` its typed per-hop keys; `Sphinx.createHeader`, `createPacket`,
///   `processHeader`, `processPacket` and the payload layers; `Sphinx.createSURB`, `useSURB`,
///   `recoverSURBReply` (chapter 5); the traces every step fills (`Trace.swift`); and
///   `SphinxError`, the one error enum of the Sphinx layer.
/// - `Profiles/Nym/`: sphinx-packet 0.6.0 (SPEC.md §4.1). `NymSphinx` is its packet API (bytes
///   in, bytes out), `NymProfile` the parameters, `NymHopKeys` the key schedule, `NymSURB`.
/// - `Profiles/Sphinxmix/`: the PyPI package sphinxmix 0.0.7 (SPEC.md §4.2). `Sphinxmix` is its
///   packet API, `SphinxmixProfile` the parameters, `SphinxmixHopKeys`, the routing commands,
///   the msgpack coder (`MsgPack`) and sphinxmix's byte format (`SphinxmixWire`).
/// - `Profiles/BOLT4/`: Lightning's onion, BOLT #4 (SPEC.md §4.3). `BOLT4` creates and
///   processes onions and builds, wraps and decodes error returns; `BOLT4Packet` is the onion,
///   `BOLT4Profile` the parameters, `BOLT4HopKeys` the key schedule, `BigSize` the length prefix;
///   the curve is `Secp256k1` in `Primitives/`.
/// - `Replay/`: `ReplayCache`, the bounded memory of replay tags, and `ReplayCache.process`,
///   the one way a packet is processed under it (SPEC.md chapter 6).
public enum Sphinx {
    /// The paper the generic algorithm follows.
    public static let paper =
        "G. Danezis and I. Goldberg, Sphinx: A Compact and Provably Secure Mix Format, IEEE S&P 2009"
}
