import SphinxSpec
import Testing

/// The stated maxima of SPEC.md SPHINX-LIMITS: one past each maximum fails with
/// `sizeAboveMaximum`, and the maximum itself does not (the negative control).
@Suite struct RobustnessBoundsTests {
    static let maximum = SphinxLimits.maximumPayloadLength

    static func isAboveMaximum(_ error: SphinxError) -> Bool {
        if case .sizeAboveMaximum = error { return true }
        return false
    }

    static func nymCreate(payloadLength: Int) throws(SphinxError) {
        let route = [
            try NymRouteNode(
                address: NymNodeAddress(Bytes(repeating: 1, count: 32)),
                publicKey: X25519.basePoint)
        ]
        let destination = NymDestination(
            address: try NymDestinationAddress(Bytes(repeating: 2, count: 32)),
            identifier: try NymIdentifier(Bytes(repeating: 3, count: 16)))
        _ = try NymSphinx.createForwardPacket(
            route: route, delays: [NymDelay(nanoseconds: 0)], destination: destination, message: [1, 2, 3],
            payloadLength: payloadLength,
            randomness: NymPacketRandomness(
                initialSecret: Bytes(repeating: 7, count: 32),
                finalPadding: Bytes(repeating: 0, count: NymProfile.finalPaddingLength(hops: 1))))
    }

    @Test func nymPayloadSizeAtCreation() throws {
        #expect(
            throws: SphinxError.sizeAboveMaximum(
                what: "payload length", maximum: Self.maximum, actual: Self.maximum + 1)
        ) {
            try Self.nymCreate(payloadLength: Self.maximum + 1)
        }
        #expect(throws: SphinxError.self) { try Self.nymCreate(payloadLength: Int.max) }
        try Self.nymCreate(payloadLength: Self.maximum)
    }

    @Test func nymPacketToProcess() throws {
        let secret = Bytes(repeating: 9, count: 32)
        let header = Bytes(repeating: 0, count: NymConstants.headerLength)
        do {
            _ = try NymSphinx.processPacket(header + Bytes(repeating: 0, count: Self.maximum + 1), nodeSecret: secret)
            Issue.record("a packet past the maximum was accepted")
        } catch {
            #expect(Self.isAboveMaximum(error), "\(error)")
        }
        // At the maximum the size is accepted and processing goes on (to α, a small-order point).
        do {
            _ = try NymSphinx.processPacket(header + Bytes(repeating: 0, count: Self.maximum), nodeSecret: secret)
        } catch {
            #expect(!Self.isAboveMaximum(error), "\(error)")
        }
    }

    @Test func sphinxmixParameters() throws {
        let limits = [
            (SphinxLimits.maximumHeaderLength, "header length"),
            (SphinxLimits.maximumPayloadLength, "body length"),
            (SphinxLimits.maximumAssociatedLength, "associated data length"),
        ]
        for (index, (limit, what)) in limits.enumerated() {
            var sizes = [192, 1024, 0]
            sizes[index] = limit + 1
            #expect(throws: SphinxError.sizeAboveMaximum(what: what, maximum: limit, actual: limit + 1)) {
                _ = try SphinxmixParameters(headerLength: sizes[0], bodyLength: sizes[1], associatedLength: sizes[2])
            }
            sizes[index] = limit
            _ = try SphinxmixParameters(headerLength: sizes[0], bodyLength: sizes[1], associatedLength: sizes[2])
        }
    }

    @Test func theErrorHasAStableName() {
        #expect(SphinxError.sizeAboveMaximum(what: "x", maximum: 1, actual: 2).name == "sizeAboveMaximum")
    }
}
