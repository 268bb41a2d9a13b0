import SphinxSpec

/// The bolt4 error return in the walkthrough (SPEC.md §4.3.6): the failing hop builds the return
/// packet, each earlier hop adds its ammag layer, and the origin peels the layers in route order
/// until one hop's um HMAC matches, which names the hop.
extension Bolt4Walkthrough {
    static func returnCall<T>(_ body: () throws(BOLT4ReturnError) -> T) throws(ExplainError) -> T {
        do {
            return try body()
        } catch {
            throw .errorReturn(error)
        }
    }

    /// `processed[j]` is hop j's result on the way out; its ss is what hop j kept to wrap the
    /// error. The origin uses the ss_i of its own creation trace.
    static func errorReturn(_ f: Int, processed: [BOLT4ProcessedOnion], creation: HeaderCreation)
        throws(ExplainError) -> [WalkthroughSection]
    {
        let ss = processed[f].sharedSecret
        let failure = try returnCall { () throws(BOLT4ReturnError) in
            try BOLT4.createFailure(sharedSecret: ss, failureMessage: failureMessage)
        }
        let hmacLength = BOLT4Constants.hmacLength
        let plain = failure.plaintext
        let messageEnd = hmacLength + 2 + failureMessage.count
        let receiver = f == 0 ? "the origin" : "hop \(f - 1)"
        var sections = [
            WalkthroughSection(
                title: "Hop \(f) answers with an error",
                steps: [
                    WalkthroughStep(
                        id: "BOLT4-ERROR-CREATE-1", title: "derive um and ammag from the hop's ss",
                        values: [
                            .bytes("ss_\(f)", "the shared secret hop \(f) kept from processing", ss),
                            .bytes("um", "HMAC-SHA256(\"um\", ss_\(f))", failure.um),
                            .bytes("ammag", "HMAC-SHA256(\"ammag\", ss_\(f))", failure.ammag),
                        ]),
                    WalkthroughStep(
                        id: "BOLT4-ERROR-CREATE-2", title: "pad the message and authenticate it with um",
                        values: [
                            .bytes("failure_len", "u16(|failuremsg|)", Array(plain[hmacLength..<(hmacLength + 2)])),
                            .bytes("failuremsg", "temporary_node_failure", Array(plain[(hmacLength + 2)..<messageEnd])),
                            .bytes("pad_len", "u16(256 − |failuremsg|)", Array(plain[messageEnd..<(messageEnd + 2)])),
                            .bytes(
                                "pad", "zeros, as onion-error-test.json has them", Array(plain[(messageEnd + 2)...])),
                            .bytes("hmac", "HMAC-SHA256(um, failure_len ‖ … ‖ pad)", Array(plain.prefix(hmacLength))),
                            .bytes("plaintext", "hmac ‖ failure_len ‖ failuremsg ‖ pad_len ‖ pad", plain),
                        ]),
                    WalkthroughStep(
                        id: "BOLT4-ERROR-CREATE-3", title: "obfuscate with the ammag stream (BOLT4-ERROR-OBFUSCATE)",
                        values: [
                            .bytes("packet_\(f)", "plaintext ⊕ ChaCha20(ammag), sent to \(receiver)", failure.packet)
                        ]),
                ])
        ]
        var packet = failure.packet
        for j in stride(from: f - 1, through: 0, by: -1) {
            let wrapped = try returnCall { () throws(BOLT4ReturnError) in
                try BOLT4.wrapFailure(sharedSecret: processed[j].sharedSecret, packet: packet)
            }
            sections.append(
                WalkthroughSection(
                    title: "Back at hop \(j)",
                    steps: [
                        WalkthroughStep(
                            id: "BOLT4-ERROR-WRAP", title: "add this hop's ammag layer",
                            values: [
                                .bytes("ammag_\(j)", "from the ss hop \(j) kept", ammag(processed[j].trace.keys)),
                                .bytes("packet_\(j + 1)", "as received from hop \(j + 1)", packet),
                                .bytes(
                                    "packet_\(j)",
                                    "packet_\(j + 1) ⊕ ChaCha20(ammag_\(j)), sent to "
                                        + (j == 0 ? "the origin" : "hop \(j - 1)"), wrapped),
                            ])
                    ]))
            packet = wrapped
        }
        sections.append(try origin(packet, creation: creation))
        return sections
    }

    static func ammag(_ keys: HopKeys) -> Bytes { keys.detail("ammag") ?? [] }

    /// The origin removes layer 0, 1, … and checks um_i's HMAC after each; the first match
    /// names the hop. Each check is `decodeFailure` over the secrets of hops 0 … i, so the
    /// verdict shown is the profile's own.
    static func origin(_ received: Bytes, creation: HeaderCreation) throws(ExplainError) -> WalkthroughSection {
        let secrets = creation.hops.map { $0.keys.detail("hop_shared_secret") ?? [] }
        var steps: [WalkthroughStep] = []
        var current = received
        for i in secrets.indices {
            let peeled = try returnCall { () throws(BOLT4ReturnError) in
                try BOLT4.wrapFailure(sharedSecret: secrets[i], packet: current)
            }
            steps.append(
                WalkthroughStep(
                    id: "BOLT4-ERROR-DECODE-1", title: "remove hop \(i)'s obfuscation",
                    values: [
                        .bytes("ammag_\(i)", "from ss_\(i) of the onion's creation", ammag(creation.hops[i].keys)),
                        .bytes("packet", "after ⊕ ChaCha20(ammag_\(i)), the same stream hop \(i) added", peeled),
                    ]))
            current = peeled
            let decoded: BOLT4DecodedFailure
            do {
                decoded = try BOLT4.decodeFailure(sharedSecrets: Array(secrets[0...i]), packet: received)
            } catch .unattributable {
                steps.append(
                    WalkthroughStep(
                        id: "BOLT4-ERROR-DECODE-2", title: "check hop \(i)'s um HMAC",
                        values: [
                            .bytes("hmac?", "packet[0, 32)", Array(peeled.prefix(BOLT4Constants.hmacLength))),
                            .text("match?", "HMAC-SHA256(um_\(i), packet[32…]), in constant time", "no: go on"),
                        ]))
                continue
            } catch {
                throw .errorReturn(error)
            }
            let length = decoded.failureMessage.count
            steps.append(
                WalkthroughStep(
                    id: "BOLT4-ERROR-DECODE-2", title: "check hop \(i)'s um HMAC",
                    values: [
                        .bytes("hmac", "packet[0, 32)", Array(decoded.plaintext.prefix(BOLT4Constants.hmacLength))),
                        .text("match?", "HMAC-SHA256(um_\(i), packet[32…]), in constant time", "yes"),
                    ]))
            steps.append(
                WalkthroughStep(
                    id: "BOLT4-ERROR-DECODE-3", title: "read failure_len, failuremsg, pad_len",
                    values: [
                        .text("failure_len", "packet[32, 34)", "\(length) bytes"),
                        .bytes("failuremsg", "packet[34, \(34 + length))", decoded.failureMessage),
                        .text(
                            "pad_len", "packet[\(34 + length), \(36 + length))",
                            "\(decoded.plaintext.count - 36 - length) bytes"),
                        .text(
                            "sender", "the hop whose um matched",
                            "hop \(decoded.hopIndex) returned failuremsg 0x\(decoded.failureMessage.hex)"),
                    ]))
            return WalkthroughSection(title: "At the origin", steps: steps)
        }
        throw .errorReturn(.unattributable)
    }
}
