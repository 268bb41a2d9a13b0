/// A sphinxmix packet: the header (α, β, γ) and the payload δ, the `(header, delta)` pair of
/// SphinxClient.py. SPEC.md [SMX-PACKET].
/// ```text
/// α: 57 bytes (uncompressed P-224 point) ; β: header_len − 32 bytes ; γ: k = 16 bytes
/// δ: body_len bytes
/// ```
/// The fields are kept apart here; `SphinxmixWire.pack`/`unpack` give sphinxmix's byte
/// serialisation, `pack_message` (msgpack with a compressed α, see SMX-WIRE).
public struct SphinxmixPacket: Equatable, Sendable {
    public let header: SphinxHeader
    public let delta: Bytes

    /// Wraps values the profile produced itself.
    public init(header: SphinxHeader, delta: Bytes) {
        self.header = header
        self.delta = delta
    }

    /// Builds a packet from received fields, checking α and every length.
    /// - Throws: `invalidGroupElement` for an α that is not a P-224 point (malformed encoding,
    ///   not on the curve, the point at infinity); `invalidHeaderLength` for β or γ;
    ///   `invalidPayloadLength` for δ.
    public init(alpha: Bytes, beta: Bytes, gamma: Bytes, delta: Bytes, parameters: SphinxmixParameters)
        throws(SphinxError)
    {
        do {
            _ = try P224.Point(encoded: alpha)
        } catch {
            throw .invalidGroupElement
        }
        guard beta.count == parameters.betaLength else {
            throw .invalidHeaderLength(expected: parameters.betaLength, actual: beta.count)
        }
        guard gamma.count == parameters.k else {
            throw .invalidHeaderLength(expected: parameters.k, actual: gamma.count)
        }
        guard delta.count == parameters.bodyLength else { throw .invalidPayloadLength(actual: delta.count) }
        self.init(header: SphinxHeader(alpha: alpha, beta: beta, gamma: gamma), delta: delta)
    }
}

/// One hop of a path as the sender sees it: the node's id (written into the previous hop's
/// relay command) and its public key y = x·G.
public struct SphinxmixPathHop: Equatable, Sendable {
    public let nodeID: Bytes
    public let publicKey: P224.Point

    public init(nodeID: Bytes, publicKey: P224.Point) {
        self.nodeID = nodeID
        self.publicKey = publicKey
    }
}

/// A node's key pair: a private scalar x in [1, n) and y = x·G.
/// x is held as its 28 canonical bytes in `SecretBytes`, wiped when the last copy of the key
/// goes (SPEC.md §2.9).
public struct SphinxmixNodeKey: Sendable {
    /// x in wiped-on-release storage: 28 big-endian bytes.
    public let privateKeyStorage: SecretBytes
    public let publicKey: P224.Point

    /// - Throws: `SphinxError.primitive(.invalidScalar)` unless `privateKey` is in [1, n).
    public init(privateKey: Bytes) throws(SphinxError) {
        do {
            let x = try P224.Scalar(canonical: privateKey)
            self.privateKeyStorage = SecretBytes(taking: x.bytes)
            self.publicKey = try x.timesGenerator()
        } catch {
            throw .primitive(.invalidScalar)
        }
    }

    /// x as a scalar, decoded when asked for (a value on the stack, not wiped; §10.1). The
    /// bytes were checked to be in [1, n) at `init`, so reducing them changes nothing.
    public var privateKey: P224.Scalar {
        privateKeyStorage.withTemporaryCopy { P224.Scalar(reducing: $0) }
    }
}

/// The random inputs of a forward message, in the order sphinxmix draws them
/// (`gensecret()` in create_header, then `os.urandom` for the routing padding).
/// x: 28 big-endian bytes, a scalar in [1, n); then the random bytes after the final routing entry.
public typealias SphinxmixPacketRandomness = PacketRandomness<SphinxmixProfile>
