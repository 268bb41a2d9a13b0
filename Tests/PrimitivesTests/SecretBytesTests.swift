import Testing

@testable import SphinxSpec

/// PRIM-SECRET-BYTES (SPEC.md §2.9): the storage of a secret is zero once the secret is
/// released, its comparison is constant time and its description never shows the bytes.
///
/// The wipe is observed through the type's test-only `onRelease` hook, which `deinit` calls
/// after `sodium_memzero` and before the buffer is freed. Every test checks that the hook ran,
/// so a release that never happens (or a hook that is never called) fails instead of passing.
@Suite("SecretBytes")
struct SecretBytesTests {
    /// What the hook saw: the buffer's bytes at release, once per release.
    final class ReleaseRecord: @unchecked Sendable {
        var seen: [Bytes] = []
        func watch(_ secret: SecretBytes) {
            secret.onRelease = { [self] buffer in seen.append(Bytes(buffer)) }
        }
    }

    static let pattern: Bytes = (0..<32).map { UInt8($0) ^ 0xa5 }

    @Test func storageIsZeroAfterRelease() {
        let record = ReleaseRecord()
        do {
            let secret = SecretBytes(Self.pattern)
            record.watch(secret)
            // While alive, the storage holds the secret (the control for the zero check below).
            #expect(secret.withUnsafeBytes { Bytes($0) } == Self.pattern)
            #expect(record.seen.isEmpty)
        }
        #expect(record.seen.count == 1)
        #expect(record.seen.first == Bytes.zeros(32))
    }

    @Test func copiesOfAHolderShareOneBufferWipedOnce() {
        let record = ReleaseRecord()
        do {
            let keys = NamedBytes("k", SecretBytes(Self.pattern))
            record.watch(keys.storage)
            let copy = keys
            #expect(copy.value == Self.pattern)
            #expect(record.seen.isEmpty)
        }
        #expect(record.seen == [Bytes.zeros(32)])
    }

    /// Key material the library derives (NYM-KEYS-1's 288-byte expansion) is wiped when the
    /// last value holding it goes.
    @Test func derivedKeysAreWipedOnRelease() throws {
        let record = ReleaseRecord()
        do {
            let keys = try NymHopKeys(sharedSecret: try X25519.publicKey(secret: Self.pattern))
            record.watch(keys.expandedSharedSecretStorage)
            #expect(!ByteOps.isAllZero(keys.expandedSharedSecret))
        }
        #expect(record.seen == [Bytes.zeros(NymConstants.expandedSharedSecretLength)])
    }

    /// A processed packet's shared secret and payload key live in its trace; both are wiped when
    /// the result is released.
    @Test func processingTraceSecretsAreWipedOnRelease() throws {
        let nodeSecret = SecretBytes(Self.pattern)
        let route = [
            try NymRouteNode(
                address: NymNodeAddress(Bytes(repeating: 1, count: NymConstants.nodeAddressLength)),
                publicKey: nodeSecret.withTemporaryCopy { try X25519.publicKey(secret: $0) })
        ]
        let destination = try NymDestination(
            address: NymDestinationAddress(Bytes(repeating: 2, count: NymConstants.destinationAddressLength)),
            identifier: NymIdentifier(Bytes(repeating: 3, count: NymConstants.identifierLength)))
        var random = try DeterministicRandom(seed: Bytes(repeating: 9, count: 32))
        let packet = try NymSphinx.createForwardPacket(
            route: route, delays: [NymDelay(nanoseconds: 0)], destination: destination, message: ascii("hi"),
            random: &random)
        let record = ReleaseRecord()
        do {
            let processed = try NymSphinx.processPacket(packet.bytes, nodeSecret: nodeSecret)
            record.watch(processed.trace.sharedSecretStorage)
            record.watch(processed.trace.payloadKeyStorage)
            #expect(processed.trace.sharedSecret == packet.creation.headerCreation.hops[0].sharedSecret)
        }
        #expect(record.seen.count == 2)
        #expect(record.seen.allSatisfy { !$0.isEmpty && ByteOps.isAllZero($0) })
    }

    /// The SecretBytes overloads give the same bytes as the Bytes ones (bolt4 error returns, with
    /// ss as a processed onion keeps it).
    @Test func bolt4ErrorReturnsAcceptAKeptSharedSecret() throws {
        let ss = SecretBytes(Self.pattern)
        let made = try BOLT4.createFailure(sharedSecret: ss, failureMessage: [0x40, 0x0f])
        #expect(made == (try BOLT4.createFailure(sharedSecret: Self.pattern, failureMessage: [0x40, 0x0f])))
        let wrapped = try BOLT4.wrapFailure(sharedSecret: ss, packet: made.packet)
        #expect(wrapped == (try BOLT4.wrapFailure(sharedSecret: Self.pattern, packet: made.packet)))
        #expect(wrapped != made.packet)
    }

    @Test func initWipingClearsTheSourceArray() {
        var source = Self.pattern
        let secret = SecretBytes(wiping: &source)
        #expect(source == Bytes.zeros(32))
        #expect(secret.exposedCopy == Self.pattern)
    }

    @Test func constantTimeEquality() {
        let a = SecretBytes(Self.pattern)
        var firstDiffers = Self.pattern
        firstDiffers[0] ^= 1
        var lastDiffers = Self.pattern
        lastDiffers[31] ^= 0x80
        #expect(a == SecretBytes(Self.pattern))
        #expect(a.constantTimeEquals(Self.pattern))
        #expect(a != SecretBytes(firstDiffers))
        #expect(a != SecretBytes(lastDiffers))
        #expect(!a.constantTimeEquals(firstDiffers))
        #expect(!a.constantTimeEquals(lastDiffers))
        #expect(a != SecretBytes(Array(Self.pattern.dropLast())))
        #expect(SecretBytes([]) == SecretBytes([]))
    }

    @Test func descriptionsNeverShowTheBytes() {
        let secret = SecretBytes(Self.pattern)
        var dumped = ""
        dump(secret, to: &dumped)
        for text in [String(describing: secret), String(reflecting: secret), dumped, "\(NamedBytes("k", secret))"] {
            #expect(!text.contains(Self.pattern.hex))
            #expect(!text.contains("165"))  // 0xa5, the first byte, in decimal
        }
        #expect(String(describing: secret) == "SecretBytes(32 bytes, redacted)")
    }

    @Test func slicesAndCopies() {
        let secret = SecretBytes(Self.pattern)
        #expect(secret.slice(4..<8).exposedCopy == Array(Self.pattern[4..<8]))
        #expect(secret.exposedCopy(28..<32) == Array(Self.pattern[28..<32]))
        #expect(secret.withTemporaryCopy { $0 } == Self.pattern)
        #expect(secret.count == 32)
    }
}
