/// What a sphinxmix hop does with a packet.
public enum SphinxmixHopResult: Equatable, Sendable {
    /// Send `nextPacket` to the node `nextNode`.
    case relay(nextNode: Bytes, nextPacket: SphinxmixPacket)
    /// The packet ends here; `body` goes to `receiveForward` with the hop's `macKey`.
    case destination(body: Bytes)
    /// A SURB reply ends here; the mix sends `surbID` and `body` to `destination`, whose owner
    /// opens it with `receiveSURB`.
    case surbReply(destination: Bytes, surbID: Bytes, body: Bytes)
}

/// The result of processing a packet at one hop.
public struct SphinxmixProcessedPacket: Equatable, Sendable, ReplayTagged {
    public let result: SphinxmixHopResult
    /// The decoded routing command.
    public let routing: SphinxmixRouting
    /// h_τ(s): the tag a replay cache must remember (`tag` in sphinx_process).
    public let replayTag: Bytes
    /// h_π(s): sphinx_process's `mac_key`, needed by `receiveForward` at the destination.
    public let macKey: Bytes
    /// s, the keys, the recomputed γ, B and the entry length.
    public let trace: ProcessingTrace
    /// δ as received and δ' = π⁻¹(h_π, δ).
    public let payloadIn: Bytes
    public let payloadOut: Bytes

    /// The routing command's bytes as decrypted, without the length byte: sphinx_process's
    /// `routing` return value, B[1, 1+ℓ).
    public var routingBytes: Bytes {
        let block = trace.decryptedBlock
        let end = Swift.min(trace.routingEntryLength, block.count)
        return end > 1 ? Array(block[1..<end]) : []
    }
}

extension Sphinxmix {
    /// Processes a packet at a mix: sphinxmix `sphinx_process` (SphinxNode.py) through the
    /// generic SPHINX-PROCESS. SPEC.md [SMX-PROCESS].
    /// ```text
    /// require |ad| = assoc_len ; require x ∈ [1, n)
    /// generic processing: s = x·α ; keys ; γ = μ(h_μ, ad ‖ β)? ; B = (β ‖ 0^{2·header_len}) ⊕ ρ(h_ρ)
    ///   entry = SMX-ROUTING-PARSE(B) ; relay: α' = b·α, γ', β' from B
    /// δ' = π⁻¹(h_π, δ) ; tag = h_τ ; macKey = h_π
    /// ```
    /// Difference from sphinxmix: `sphinx_process` also computes α', β', γ' at a final hop,
    /// where they are meaningless; here a final hop yields only its command and body.
    /// - Throws: `invalidInputLength` (associated data), `invalidHeaderLength`,
    ///   `invalidPayloadLength`, `invalidGroupElement`, `headerMACMismatch`,
    ///   `malformedRoutingEntry`, `replayedTag` (with a cache), `primitive(.invalidScalar)`.
    public static func process(
        parameters: SphinxmixParameters,
        privateKey: P224.Scalar,
        packet: SphinxmixPacket,
        associatedData: Bytes = [],
        isReplay: (Bytes) -> Bool = { _ in false }
    ) throws(SphinxError) -> SphinxmixProcessedPacket {
        // Step 1: check the associated data and the payload length. [SMX-PROCESS-1]
        guard associatedData.count == parameters.associatedLength else {
            throw .invalidInputLength(
                what: "associated data", expected: parameters.associatedLength, actual: associatedData.count)
        }
        guard packet.delta.count == parameters.bodyLength else {
            throw .invalidPayloadLength(actual: packet.delta.count)
        }

        // Step 2: run the generic header processing and remove one payload layer. [SMX-PROCESS-2]
        let processed = try Sphinx.processPacket(
            profile: SphinxmixProfile(parameters: parameters), nodeSecret: SecretBytes(taking: privateKey.bytes),
            header: packet.header, delta: packet.delta, associatedData: associatedData, isReplay: isReplay)

        // Step 3: say what to do next. [SMX-PROCESS-3]
        let header = processed.header
        let result: SphinxmixHopResult
        let routing: SphinxmixRouting
        switch header.outcome {
        case .forward(let relay, let nextHeader):
            routing = .forward(relay)
            let next = SphinxmixPacket(header: nextHeader, delta: processed.delta)
            result = .relay(nextNode: relay.nodeID, nextPacket: next)
        case .final(let final):
            routing = .final(final)
            switch final {
            case .destination:
                result = .destination(body: processed.delta)
            case .surb(let destination, let id):
                result = .surbReply(destination: destination, surbID: id, body: processed.delta)
            }
        }
        return SphinxmixProcessedPacket(
            result: result, routing: routing, replayTag: header.replayTag, macKey: header.payloadKey,
            trace: header.trace, payloadIn: packet.delta, payloadOut: processed.delta)
    }

    /// `process` with a replay cache: a seen tag fails with `replayedTag`; the tag of a packet
    /// that processed correctly is recorded (`ReplayCache.process`). SPEC.md [SMX-REPLAY].
    public static func process(
        parameters: SphinxmixParameters,
        privateKey: P224.Scalar,
        packet: SphinxmixPacket,
        associatedData: Bytes = [],
        replayCache: inout ReplayCache
    ) throws(SphinxError) -> SphinxmixProcessedPacket {
        try replayCache.process { isReplay throws(SphinxError) in
            try process(
                parameters: parameters, privateKey: privateKey, packet: packet,
                associatedData: associatedData, isReplay: isReplay)
        }
    }
}
