/// What the receiver hands to a replier: sphinxmix's `nymtuple` (first node, header, k̃).
public struct SphinxmixSURB: Equatable, Sendable {
    /// The first hop's relay command, `Nenc(id_0)` (msgpack, no length prefix): where the
    /// replier sends the reply.
    public let firstNode: Bytes
    public let header: SphinxHeader
    /// k̃: the replier's LIONESS key.
    public let kTilde: Bytes

    public init(firstNode: Bytes, header: SphinxHeader, kTilde: Bytes) {
        self.firstNode = firstNode
        self.header = header
        self.kTilde = kTilde
    }
}

/// The random inputs of a SURB, in the order sphinxmix draws them (create_surb: `xid`, then
/// create_header: x and the padding, then k̃).
/// x is held in `SecretBytes`; k̃ stays an array because the SURB hands it to the replier.
public struct SphinxmixSURBRandomness: Equatable, Sendable {
    public let surbID: Bytes
    /// x in wiped-on-release storage.
    public let initialSecretStorage: SecretBytes
    public let finalPadding: Bytes
    public let kTilde: Bytes

    public init(surbID: Bytes, initialSecret: SecretBytes, finalPadding: Bytes, kTilde: Bytes) {
        self.surbID = surbID
        self.initialSecretStorage = initialSecret
        self.finalPadding = finalPadding
        self.kTilde = kTilde
    }

    /// x given as an array, which stays the caller's to wipe.
    public init(surbID: Bytes, initialSecret: Bytes, finalPadding: Bytes, kTilde: Bytes) {
        self.init(surbID: surbID, initialSecret: SecretBytes(initialSecret), finalPadding: finalPadding, kTilde: kTilde)
    }

    /// x as an array: exposed on purpose, vectors record every random input.
    public var initialSecret: Bytes { initialSecretStorage.exposedCopy }
}

/// A SURB and the receiver's secrets.
public struct SphinxmixSURBCreation: Equatable, Sendable {
    public let surb: SphinxmixSURB
    /// `surbkeytuple`: k̃ followed by h_π of every hop, in path order. The receiver keeps it,
    /// indexed by `randomness.surbID`; exposed on purpose, it is what the receiver must store.
    /// (A receiver that cares wraps each key in `SecretBytes`.)
    public let keys: [Bytes]
    public let randomness: SphinxmixSURBRandomness
    public let creation: HeaderCreation
}

extension Sphinxmix {
    /// Creates a single-use reply block: sphinxmix `create_surb` (SphinxClient.py), with the
    /// header made by the generic SURB-CREATE. SPEC.md [SMX-SURB-CREATE].
    /// ```text
    /// commands = relay(id_1) … relay(id_{ν−1}), surb(destination, id)
    /// header = SPHINX-CREATE(x, y_i, commands, ad)
    /// keys = [k̃, h_π,0, …, h_π,ν−1] ; SURB = (Nenc(id_0), header, k̃)
    /// ```
    /// - Throws: `invalidInputLength` for an identifier or k̃ that is not k bytes, and every
    ///   error of header creation.
    public static func createSURB(
        parameters: SphinxmixParameters,
        path: [SphinxmixPathHop],
        destination: Bytes,
        associatedData: [Bytes]? = nil,
        randomness: SphinxmixSURBRandomness
    ) throws(SphinxError) -> SphinxmixSURBCreation {
        let k = parameters.k
        guard randomness.surbID.count == k else {
            throw .invalidInputLength(what: "SURB id", expected: k, actual: randomness.surbID.count)
        }
        guard randomness.kTilde.count == k else {
            throw .invalidInputLength(what: "k̃", expected: k, actual: randomness.kTilde.count)
        }
        guard let first = path.first else { throw .routeEmpty }
        let ad = try checkedAssociatedData(associatedData, parameters: parameters, hops: path.count)

        // Step 1: build the header with the SURB command last. [SMX-SURB-CREATE-1]
        let final = SphinxmixFinal.surb(destination: destination, surbID: randomness.surbID)
        let creation = try withFixedPadding(
            randomness.finalPadding,
            { (source: inout FixedRandom) throws(SphinxError) in
                try Sphinx.createSURB(
                    profile: SphinxmixProfile(parameters: parameters), initialSecret: randomness.initialSecretStorage,
                    publicKeys: path.map(\.publicKey.encoded), forwardCommands: relays(path: path), finalCommand: final,
                    associatedData: ad, random: &source)
            }, drawn: { $0.finalPadding.count })

        // Step 2: collect what the receiver keeps and what the replier gets. [SMX-SURB-CREATE-2]
        let firstNode = try SphinxmixRouting.relay(nodeID: first.nodeID).encoded()
        return SphinxmixSURBCreation(
            surb: SphinxmixSURB(firstNode: firstNode, header: creation.header, kTilde: randomness.kTilde),
            keys: [randomness.kTilde] + creation.payloadKeys, randomness: randomness, creation: creation)
    }

    /// Creates a SURB drawing the identifier, x, the padding and k̃ from `random`, in that order.
    public static func createSURB<R: RandomSource>(
        parameters: SphinxmixParameters,
        path: [SphinxmixPathHop],
        destination: Bytes,
        associatedData: [Bytes]? = nil,
        random: inout R
    ) throws(SphinxError) -> SphinxmixSURBCreation {
        let surbID = random.bytes(parameters.k)
        let x = SecretBytes(taking: try SphinxmixProfile(parameters: parameters).randomExponent(using: &random))
        let paddingLength = try finalPaddingLength(
            parameters: parameters, path: path,
            final: .surb(destination: destination, surbID: surbID))
        let padding = random.bytes(paddingLength)
        let kTilde = random.bytes(parameters.k)
        return try createSURB(
            parameters: parameters, path: path, destination: destination, associatedData: associatedData,
            randomness: SphinxmixSURBRandomness(surbID: surbID, initialSecret: x, finalPadding: padding, kTilde: kTilde)
        )
    }

    /// Packages a reply with a SURB: sphinxmix `package_surb`, through the generic SURB-USE
    /// with the single key k̃. SPEC.md [SMX-SURB-USE].
    /// ```text
    /// δ = π(k̃, μ(k̃, p) ‖ p),  p = pad(message, m − k)
    /// ```
    /// - Throws: `messageTooLong`, `invalidInputLength` for a k̃ that is not k bytes.
    public static func packageSURB(
        parameters: SphinxmixParameters, surb: SphinxmixSURB, message: Bytes
    ) throws(SphinxError) -> SphinxmixPacket {
        guard surb.kTilde.count == parameters.k else {
            throw .invalidInputLength(what: "k̃", expected: parameters.k, actual: surb.kTilde.count)
        }
        let deltas = try Sphinx.useSURB(
            profile: SphinxmixProfile(parameters: parameters), keys: [surb.kTilde],
            message: message, payloadLength: parameters.bodyLength)
        return SphinxmixPacket(header: surb.header, delta: deltas[0])
    }

    /// Opens a reply: sphinxmix `receive_surb`, through the generic SURB-RECOVER.
    /// SPEC.md [SMX-SURB-OPEN].
    /// ```text
    /// [k̃, k_0, …, k_{ν−1}] = keys ;  δ = π(k_0, … π(k_{ν−1}, δ)) ;  body = π⁻¹(k̃, δ)
    /// message = open(body, k̃)        (SMX-BODY-OPEN)
    /// ```
    /// - Throws: `malformedSURB` for a key list without hop keys or with a key that is not k
    ///   bytes, `invalidPayloadLength`, `payloadMACMismatch`, `payloadMarkerMissing`.
    public static func receiveSURB(
        parameters: SphinxmixParameters, keys: [Bytes], body: Bytes
    ) throws(SphinxError) -> Bytes {
        guard keys.count >= 2, keys.allSatisfy({ $0.count == parameters.k }) else { throw .malformedSURB }
        guard body.count == parameters.bodyLength else { throw .invalidPayloadLength(actual: body.count) }
        return try Sphinx.recoverSURBReply(
            profile: SphinxmixProfile(parameters: parameters), delta: body,
            hopKeys: Array(keys.dropFirst()), replyKey: keys[0])
    }
}
