/// What the receiver hands to a replier: sphinxmix's `nymtuple` (first node, header, k̃).
public struct SphinxmixSURB: Equatable, Sendable {
    /// The first hop's relay encoding, `Nenc(id)` (msgpack, no length prefix): where the
    /// replier sends the reply.
    public let firstNode: Bytes
    public let header: SphinxmixHeader
    /// k̃: the replier's LIONESS key.
    public let kTilde: Bytes

    public init(firstNode: Bytes, header: SphinxmixHeader, kTilde: Bytes) {
        self.firstNode = firstNode
        self.header = header
        self.kTilde = kTilde
    }
}

/// A SURB and the receiver's secrets.
public struct SphinxmixSURBCreation: Equatable, Sendable {
    /// The SURB identifier (`xid`), drawn first; the last hop sees it in the SURB command.
    public let surbID: Bytes
    /// `surbkeytuple`: k̃ followed by h_π of every hop, in path order. The receiver keeps it.
    public let keys: [Bytes]
    public let surb: SphinxmixSURB
    public let headerCreation: SphinxmixHeaderCreation
}

extension Sphinxmix {
    /// Creates a single-use reply block: sphinxmix `create_surb` (SphinxClient.py).
    /// SPEC.md [SMX-SURB-CREATE].
    /// ```text
    /// id ← random k bytes ; header = create_header(path, final = (surb flag, destination, id), ad)
    /// k̃ ← random k bytes ; keys = [k̃, h_π,0, …, h_π,ν−1] ; SURB = (Nenc(id_0), header, k̃)
    /// ```
    /// Randomness drawn, in order: id, x, the routing padding, k̃ (sphinxmix's order).
    public static func createSURB(
        parameters: SphinxmixParameters,
        path: [SphinxmixPathHop],
        destination: Bytes,
        associatedData: [Bytes]? = nil,
        random: inout some RandomSource
    ) throws(SphinxmixError) -> SphinxmixSURBCreation {
        // Step 1: draw the SURB identifier.
        let surbID = random.bytes(parameters.k)
        // Step 2: build the header with the SURB command as the final routing entry.
        let creation = try createHeader(parameters: parameters, path: path,
                                        finalRouting: .surb(destination: destination, surbID: surbID),
                                        associatedData: associatedData, random: &random)
        // Step 3: draw k̃ and collect the keys the receiver keeps.
        let kTilde = random.bytes(parameters.k)
        let firstNode = try SphinxmixRouting.relay(nodeID: path[0].nodeID).encoded()
        return SphinxmixSURBCreation(
            surbID: surbID, keys: [kTilde] + creation.hops.map(\.keys.hPi),
            surb: SphinxmixSURB(firstNode: firstNode, header: creation.header, kTilde: kTilde),
            headerCreation: creation)
    }

    /// Packages a reply with a SURB: sphinxmix `package_surb`. SPEC.md [SMX-SURB-USE].
    /// ```text
    /// payload = pad(message, m − k) ; δ = π(k̃, μ(k̃, payload) ‖ payload)
    /// ```
    /// - Throws: `.messageTooLong`, `.invalidSURBKeys` for a k̃ of the wrong length.
    public static func packageSURB(
        parameters: SphinxmixParameters, surb: SphinxmixSURB, message: Bytes
    ) throws(SphinxmixError) -> SphinxmixPacket {
        guard surb.kTilde.count == parameters.k else { throw .invalidSURBKeys }
        let payload = try SphinxmixPadding.pad(message, to: parameters.bodyLength - parameters.k)
        let body = SphinxmixCrypto.mu(key: surb.kTilde, data: payload) + payload
        let delta = try SphinxmixCrypto.pi(key: surb.kTilde, data: body)
        return SphinxmixPacket(header: surb.header, delta: delta)
    }

    /// Opens a reply: sphinxmix `receive_surb`. SPEC.md [SMX-SURB-OPEN].
    /// ```text
    /// [k̃, k_0, …, k_{ν−1}] = keys
    /// for i = ν−1…0: δ = π(k_i, δ)      (undo each hop's π⁻¹)
    /// δ = π⁻¹(k̃, δ) ; require δ[0,k) = μ(k̃, δ[k,m)) ; message = unpad(δ[k,m))
    /// ```
    /// - Throws: `.invalidSURBKeys`, `.invalidBodyLength`, `.bodyMACMismatch`, `.malformedPadding`.
    public static func receiveSURB(
        parameters: SphinxmixParameters, keys: [Bytes], delta: Bytes
    ) throws(SphinxmixError) -> Bytes {
        let k = parameters.k
        guard keys.count >= 2, keys.allSatisfy({ $0.count == k }) else { throw .invalidSURBKeys }
        guard delta.count == parameters.bodyLength else { throw .invalidBodyLength }
        let kTilde = keys[0]

        // Step 1: re-apply π with each hop key, last hop first.
        var body = delta
        for key in keys.dropFirst().reversed() {
            body = try SphinxmixCrypto.pi(key: key, data: body)
        }
        // Step 2: remove the replier's layer and check the MAC.
        body = try SphinxmixCrypto.piInverse(key: kTilde, data: body)
        let padded = Bytes(body.dropFirst(k))
        guard ByteOps.constantTimeEqual(Bytes(body.prefix(k)), SphinxmixCrypto.mu(key: kTilde, data: padded)) else {
            throw .bodyMACMismatch
        }
        // Step 3: remove the padding.
        return try SphinxmixPadding.unpad(padded)
    }
}
