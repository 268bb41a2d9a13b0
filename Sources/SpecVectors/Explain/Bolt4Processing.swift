import SphinxSpec

/// One hop of the bolt4 walkthrough: BOLT4-PROCESS around the generic SPHINX-PROCESS steps.
extension Bolt4Walkthrough {
    static func processHop(_ i: Int, _ onion: Bytes, route: Route, creation: HeaderCreation, failing: Bool)
        throws(ExplainError) -> (section: WalkthroughSection, processed: BOLT4ProcessedOnion)
    {
        let (packet, processed) = try Explain.sphinx { () throws(SphinxError) in
            (
                try BOLT4Packet(bytes: onion),
                try BOLT4.processOnion(onion, nodeSecret: route.nodeSecrets[i], associatedData: route.associatedData)
            )
        }
        let parse = try parseSteps(hop: i, block: processed.trace.decryptedBlock)
        var next: SphinxHeader?
        var command = parse.command
        if case .forward(_, let nextPacket) = processed.outcome {
            next = nextPacket.header
            command += ", then hop \(i + 1)'s HMAC"
        }
        var steps = [
            WalkthroughStep(
                id: "BOLT4-PROCESS-1", title: "split the onion (BOLT4-PACKET) and check the version",
                values: [
                    .bytes("onion", "as received by hop \(i)", onion),
                    .bytes("version", "onion[0]", [packet.version]),
                    .text("known?", "BOLT #4: a version other than 0 aborts", "0: go on"),
                ]),
            WalkthroughStep(
                id: "BOLT4-PROCESS-2", title: "run SPHINX-PROCESS with γ over hop_payloads ‖ ad",
                values: [.bytes("ad", "the associated data the hop was given with the onion", route.associatedData)]),
        ]
        let generic = TraceSteps.processing(
            hop: i, received: packet.header, trace: processed.trace, sentSecret: creation.hops[i].sharedSecret,
            words: words, command: command, next: next, payload: nil)
        for step in generic {
            steps.append(step)
            if step.id == "SPHINX-PROCESS-6" { steps.append(parse.step) }
        }
        steps.append(
            WalkthroughStep(
                id: "BOLT4-REPLAY", title: "the replay tag the hop records once the onion is accepted",
                values: [.bytes("h_τ", "SHA-256(ss)[0, 20), as lnd's replay log keeps it", processed.replayTag)]))
        let title: String
        switch processed.outcome {
        case .forward(let payload, let nextPacket):
            steps.append(
                WalkthroughStep(
                    id: "BOLT4-PROCESS-3", title: "the payload, and the next onion 0x00 ‖ α·b ‖ β' ‖ γ'",
                    values: [
                        .bytes("payload", "what hop \(i) acts on", payload),
                        .bytes(
                            "onion'", failing ? "not sent: hop \(i) fails instead" : "sent to hop \(i + 1)",
                            nextPacket.bytes),
                    ]))
            title = failing ? "Hop \(i) of \(route.count) (fails instead of forwarding)" : "Hop \(i) of \(route.count)"
        case .final:
            title = failing ? "Hop \(i) of \(route.count) (the last; fails)" : "Hop \(i) of \(route.count) (the last)"
        }
        return (WalkthroughSection(title: title, steps: steps), processed)
    }

    /// BOLT4-PARSE read off the decrypted block B: the BigSize length, the payload, the next HMAC.
    /// The values are cut out of B at the offsets the length gives; nothing is decrypted again.
    static func parseSteps(hop i: Int, block: Bytes) throws(ExplainError) -> (step: WalkthroughStep, command: String) {
        guard let (length, width) = BigSize.decode(block) else {
            throw .unexpectedOutcome(hop: i, detail: "the accepted block has no BigSize length")
        }
        let end = width + Int(length)
        let hmacEnd = end + BOLT4Constants.hmacLength
        guard hmacEnd <= block.count else { throw .unexpectedOutcome(hop: i, detail: "the length runs past B") }
        let nextHMAC = Array(block[end..<hmacEnd])
        let last = nextHMAC.allSatisfy { $0 == 0 }
        let step = WalkthroughStep(
            id: "BOLT4-PARSE", title: "read the BigSize length, the payload and the next HMAC from B",
            values: [
                .bytes("BigSize", "B[0, \(width)): the length prefix", Array(block[0..<width])),
                .text("ℓ", "the payload length it encodes", "\(length) bytes"),
                .bytes("payload", "B[\(width), \(end))", Array(block[width..<end])),
                .bytes("next_hmac", "B[\(end), \(hmacEnd))", nextHMAC),
                .text(
                    "last?", "is next_hmac all zero?",
                    last ? "yes: this hop is the final one" : "no: forward, γ' = next_hmac"),
            ])
        let command = (last ? "final" : "forward") + ": a payload of \(length) bytes"
        return (step, command)
    }
}
