/// A sphinxmix header (α, β, γ), the `header` tuple of SphinxClient.py. SPEC.md [SMX-HEADER].
/// α travels as the 57-byte uncompressed P-224 encoding; β is `headerLength − 32` bytes and
/// γ is k = 16 bytes.
public struct SphinxmixHeader: Equatable, Sendable {
    public let alpha: P224.Point
    public let beta: Bytes
    public let gamma: Bytes

    init(alpha: P224.Point, beta: Bytes, gamma: Bytes) {
        self.alpha = alpha
        self.beta = beta
        self.gamma = gamma
    }

    /// Builds a header from received bytes, checking α and the lengths.
    /// - Throws: `SphinxmixError.invalidPoint` for α, `.invalidHeaderLength` for β or γ.
    public init(alpha: Bytes, beta: Bytes, gamma: Bytes, parameters: SphinxmixParameters) throws(SphinxmixError) {
        do {
            self.alpha = try P224.Point(encoded: alpha)
        } catch {
            throw .invalidPoint(error)
        }
        guard beta.count == parameters.betaLength, gamma.count == parameters.k else {
            throw .invalidHeaderLength
        }
        self.beta = beta
        self.gamma = gamma
    }
}

/// A packet: header and payload δ (`bodyLength` bytes).
public struct SphinxmixPacket: Equatable, Sendable {
    public let header: SphinxmixHeader
    public let delta: Bytes

    public init(header: SphinxmixHeader, delta: Bytes) {
        self.header = header
        self.delta = delta
    }
}

/// One hop of a path as the sender sees it: the node's id (put in the previous hop's relay
/// entry) and its public key y = x·G.
public struct SphinxmixPathHop: Equatable, Sendable {
    public let nodeID: Bytes
    public let publicKey: P224.Point

    public init(nodeID: Bytes, publicKey: P224.Point) {
        self.nodeID = nodeID
        self.publicKey = publicKey
    }
}

/// A node's key pair. The private key is a scalar in [1, n); the public key is x·G.
public struct SphinxmixNodeKey: Sendable {
    public let privateKey: P224.Scalar
    public let publicKey: P224.Point

    /// - Throws: `SphinxmixError.invalidScalar` unless `privateKey` is in [1, n).
    public init(privateKey: Bytes) throws(SphinxmixError) {
        do {
            let x = try P224.Scalar(canonical: privateKey)
            self.privateKey = x
            self.publicKey = try x.timesGenerator()
        } catch {
            throw .invalidScalar
        }
    }
}
