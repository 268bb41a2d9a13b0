/// The sphinxmix profile's packet API, following sphinxmix's own functions:
/// `createForwardMessage`, `process` (`sphinx_process`), `receiveForward`, `createSURB`,
/// `packageSURB`, `receiveSURB`. Each runs the generic algorithm (Sources/SphinxSpec/Sphinx)
/// with a `SphinxmixProfile`, and returns every intermediate value and random input.
public enum Sphinxmix {
    /// The relay commands of a path; the final command follows them. SPEC.md [SMX-COMMANDS].
    /// ```text
    /// hop i < ν−1: relay(id_{i+1}) ;  hop ν−1: final
    /// ```
    static func relays(path: [SphinxmixPathHop]) -> [SphinxmixRelay] {
        path.dropFirst().map { SphinxmixRelay(nodeID: $0.nodeID) }
    }

    /// The associated data for each hop: sphinxmix uses the caller's list when `assoc_len > 0`
    /// and empty strings otherwise; each string must be `assoc_len` bytes. SPEC.md [SMX-AD].
    static func checkedAssociatedData(_ given: [Bytes]?, parameters: SphinxmixParameters, hops: Int) throws(SphinxError)
        -> [Bytes]
    {
        let length = parameters.associatedLength
        if length == 0 {
            // sphinxmix ignores associated data when assoc_len is 0; a non-empty string is
            // refused rather than silently dropped (SPEC.md §4.2.7, E4).
            for item in given ?? [] where !item.isEmpty {
                throw .invalidInputLength(what: "associated data", expected: 0, actual: item.count)
            }
            return []
        }
        guard let list = given else { throw .invalidInputLength(what: "associated data", expected: length, actual: 0) }
        guard list.count == hops else { throw .mismatchedRouteInputs(expected: hops, actual: list.count) }
        for item in list where item.count != length {
            throw .invalidInputLength(what: "associated data", expected: length, actual: item.count)
        }
        return list
    }

    /// Runs `body` with a source that hands out exactly `padding`, and checks that the
    /// generic algorithm asked for exactly that many bytes.
    static func withFixedPadding<T>(
        _ padding: Bytes, _ body: (inout FixedRandom) throws(SphinxError) -> T,
        drawn: (T) -> Int
    ) throws(SphinxError) -> T {
        var source = FixedRandom(padding)
        let result = try body(&source)
        guard drawn(result) == padding.count else {
            throw .invalidInputLength(what: "final padding", expected: drawn(result), actual: padding.count)
        }
        return result
    }
}

/// A forward message and everything used to build it.
public struct SphinxmixForwardMessage: Equatable, Sendable {
    public let packet: SphinxmixPacket
    public let randomness: SphinxmixPacketRandomness
    /// msgpack([destination, message]): the message the payload layer carries.
    public let encodedPayload: Bytes
    /// Every intermediate value: α_i, s_i, keys, h_π, routing entries, β_i, γ_i, φ, δ_i.
    public let creation: PacketCreation
}

extension Sphinxmix {
    /// Creates a forward message from explicit random inputs: sphinxmix
    /// `create_forward_message` (SphinxClient.py). SPEC.md [SMX-FORWARD-CREATE].
    /// ```text
    /// require 0 < |destination| < 128 and k + 1 + |destination| + |message| < m
    /// commands = relay(id_1) … relay(id_{ν−1}), dest   ;  header = SPHINX-CREATE(x, y_i, commands, ad)
    /// body = μ(h_π,ν−1, p) ‖ p,  p = pad(msgpack([destination, message]), m − k)
    /// δ = π(h_π,0, … π(h_π,ν−1, body))
    /// ```
    public static func createForwardMessage(
        parameters: SphinxmixParameters,
        path: [SphinxmixPathHop],
        destination: Bytes,
        message: Bytes,
        associatedData: [Bytes]? = nil,
        randomness: SphinxmixPacketRandomness
    ) throws(SphinxError) -> SphinxmixForwardMessage {
        let profile = SphinxmixProfile(parameters: parameters)

        // Step 1: check the destination and the message size as sphinxmix asserts them. [SMX-FORWARD-CREATE-1]
        guard destination.count > 0, destination.count < 128 else {
            throw .invalidInputLength(what: "destination", expected: 127, actual: destination.count)
        }
        let limit = parameters.bodyLength - parameters.k - 2
        guard destination.count + message.count <= limit else {
            throw .messageTooLong(maximum: limit, actual: destination.count + message.count)
        }
        let encodedPayload: Bytes
        do {
            encodedPayload = try MsgPack.encode(.array([.binary(destination), .binary(message)]))
        } catch {
            throw .messageTooLong(maximum: limit, actual: message.count)
        }
        let ad = try checkedAssociatedData(associatedData, parameters: parameters, hops: path.count)

        // Step 2: run the generic packet creation with the destination command last. [SMX-FORWARD-CREATE-2]
        let creation = try withFixedPadding(
            randomness.finalPadding,
            { (source: inout FixedRandom) throws(SphinxError) in
                try Sphinx.createPacket(
                    profile: profile, initialSecret: randomness.initialSecretStorage,
                    publicKeys: path.map(\.publicKey.encoded),
                    forwardCommands: relays(path: path), finalCommand: .destination,
                    message: encodedPayload, payloadLength: parameters.bodyLength,
                    associatedData: ad, random: &source)
            }, drawn: { $0.headerCreation.finalPadding.count })

        let header = creation.header
        return SphinxmixForwardMessage(
            packet: SphinxmixPacket(header: header, delta: creation.delta),
            randomness: randomness, encodedPayload: encodedPayload, creation: creation)
    }

    /// Creates a forward message drawing x, then the routing padding, from `random` — the
    /// order sphinxmix draws them in.
    public static func createForwardMessage<R: RandomSource>(
        parameters: SphinxmixParameters,
        path: [SphinxmixPathHop],
        destination: Bytes,
        message: Bytes,
        associatedData: [Bytes]? = nil,
        random: inout R
    ) throws(SphinxError) -> SphinxmixForwardMessage {
        let profile = SphinxmixProfile(parameters: parameters)
        let x = SecretBytes(taking: try profile.randomExponent(using: &random))
        let paddingLength = try finalPaddingLength(parameters: parameters, path: path, final: .destination)
        return try createForwardMessage(
            parameters: parameters, path: path, destination: destination, message: message,
            associatedData: associatedData,
            randomness: SphinxmixPacketRandomness(initialSecret: x, finalPadding: random.bytes(paddingLength)))
    }

    /// The number of random bytes after the final routing entry (`random_pad_len` in
    /// create_header): |β| − Σ_{i<ν−1} (|entry_i| + k) − |final entry|.
    /// - Throws: `routeEmpty`, or `routingInformationTooLong` when the entries do not fit.
    public static func finalPaddingLength(
        parameters: SphinxmixParameters, path: [SphinxmixPathHop], final: SphinxmixFinal
    ) throws(SphinxError) -> Int {
        guard !path.isEmpty else { throw .routeEmpty }
        var used = 0
        for relay in relays(path: path) { used += try SphinxmixRouting.forward(relay).entry().count + parameters.k }
        used += try SphinxmixRouting.final(final).entry().count
        guard used <= parameters.betaLength else {
            throw .routingInformationTooLong(available: parameters.betaLength, required: used)
        }
        return parameters.betaLength - used
    }

    /// Opens a forward payload at its destination: sphinxmix `receive_forward`. SPEC.md
    /// [SMX-FORWARD-RECEIVE].
    /// ```text
    /// p = open(body, macKey)       (SMX-BODY-OPEN: MAC check, unpad)
    /// [destination, message] = msgpack-decode(p)
    /// ```
    /// `macKey` is the last hop's h_π and `body` its δ' (both in `SphinxmixProcessedPacket`).
    /// - Throws: `invalidPayloadLength`, `payloadMACMismatch`, `payloadMarkerMissing`,
    ///   `malformedPayload`.
    public static func receiveForward(
        parameters: SphinxmixParameters, macKey: Bytes, body: Bytes
    ) throws(SphinxError) -> (destination: Bytes, message: Bytes) {
        let payload = try SphinxmixProfile(parameters: parameters).decodePayload(body, key: macKey)
        guard case .array(let items)? = try? MsgPack.decode(payload), items.count == 2,
            case .binary(let destination) = items[0], case .binary(let message) = items[1]
        else {
            throw .malformedPayload
        }
        return (destination, message)
    }
}
