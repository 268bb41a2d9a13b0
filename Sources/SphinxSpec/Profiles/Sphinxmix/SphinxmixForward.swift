/// The sphinxmix profile: Sphinx as the PyPI package sphinxmix 0.0.7 (UCL-InfoSec/sphinx)
/// implements it over NIST P-224, AES-128 and SHA-256. SPEC.md, chapter sphinxmix.
///
/// The API follows sphinxmix's own functions: `createForwardMessage`, `process`
/// (`sphinx_process`), `receiveForward`, `createSURB`, `packageSURB`, `receiveSURB`. Every
/// result carries the intermediate values and the random inputs that were drawn.
public enum Sphinxmix {}

/// A forward packet and everything used to build it.
public struct SphinxmixForwardCreation: Equatable, Sendable {
    public let packet: SphinxmixPacket
    public let headerCreation: SphinxmixHeaderCreation
    /// msgpack([destination, message]) before padding.
    public let encodedPayload: Bytes
    /// The body before encryption: MAC ‖ padded payload.
    public let body: Bytes
}

extension Sphinxmix {
    /// Creates a forward message: sphinxmix `create_forward_message` (SphinxClient.py).
    /// SPEC.md [SMX-FORWARD-CREATE].
    /// ```text
    /// header, keys = create_header(path, final = (dest flag), ad)
    /// payload = pad(msgpack([destination, message]), m − k)
    /// δ = π(h_π,ν−1, μ(h_π,ν−1, payload) ‖ payload)
    /// for i = ν−2…0: δ = π(h_π,i, δ)
    /// ```
    /// Randomness drawn, in order: x (28-byte candidates, see PRIM-P224-RANDOM), then the final
    /// routing padding — the same order as sphinxmix (gensecret, then os.urandom).
    /// - Throws: `SphinxmixError` for an empty path, a destination not in 1…127 bytes, a message
    ///   that does not fit, routing that does not fit, or wrong associated data.
    public static func createForwardMessage(
        parameters: SphinxmixParameters,
        path: [SphinxmixPathHop],
        destination: Bytes,
        message: Bytes,
        associatedData: [Bytes]? = nil,
        random: inout some RandomSource
    ) throws(SphinxmixError) -> SphinxmixForwardCreation {
        let k = parameters.k

        // Step 1: check the destination and the message size as sphinxmix asserts them.
        guard destination.count > 0, destination.count < 128 else { throw .invalidDestination }
        guard k + 1 + destination.count + message.count < parameters.bodyLength else { throw .messageTooLong }
        let encodedPayload: Bytes
        do {
            encodedPayload = try MsgPack.encode(.array([.binary(destination), .binary(message)]))
        } catch {
            throw .messageTooLong
        }
        let payload = try SphinxmixPadding.pad(encodedPayload, to: parameters.bodyLength - k)

        // Step 2: build the header with the destination command as the final routing entry.
        let creation = try createHeader(parameters: parameters, path: path, finalRouting: .destination,
                                        associatedData: associatedData, random: &random)

        // Step 3: add the body MAC and encrypt the body for every hop, last hop first.
        let hPiLast = creation.hops[path.count - 1].keys.hPi
        let body = SphinxmixCrypto.mu(key: hPiLast, data: payload) + payload
        var delta = body
        for hop in creation.hops.reversed() {
            delta = try SphinxmixCrypto.pi(key: hop.keys.hPi, data: delta)
        }
        return SphinxmixForwardCreation(packet: SphinxmixPacket(header: creation.header, delta: delta),
                                        headerCreation: creation, encodedPayload: encodedPayload, body: body)
    }

    /// Opens a forward payload at its destination: sphinxmix `receive_forward`. SPEC.md
    /// [SMX-FORWARD-RECEIVE].
    /// ```text
    /// require δ[0,k) = μ(macKey, δ[k,m))   (constant-time) ; payload = unpad(δ[k,m))
    /// [destination, message] = msgpack-decode(payload)
    /// ```
    /// `macKey` is the h_π of the last hop (the `macKey` of its `SphinxmixProcessResult`).
    /// - Throws: `.invalidBodyLength`, `.bodyMACMismatch`, `.malformedPadding`, `.malformedPayload`.
    public static func receiveForward(
        parameters: SphinxmixParameters, macKey: Bytes, delta: Bytes
    ) throws(SphinxmixError) -> (destination: Bytes, message: Bytes) {
        let k = parameters.k
        guard delta.count == parameters.bodyLength else { throw .invalidBodyLength }
        let tag = Bytes(delta.prefix(k))
        let padded = Bytes(delta.dropFirst(k))
        guard ByteOps.constantTimeEqual(tag, SphinxmixCrypto.mu(key: macKey, data: padded)) else {
            throw .bodyMACMismatch
        }
        let payload = try SphinxmixPadding.unpad(padded)
        guard case .array(let items)? = try? MsgPack.decode(payload), items.count == 2,
              case .binary(let destination) = items[0], case .binary(let message) = items[1] else {
            throw .malformedPayload
        }
        return (destination, message)
    }
}
