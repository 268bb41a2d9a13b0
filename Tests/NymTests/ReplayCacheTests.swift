import Testing
@testable import SphinxSpec

struct ReplayCacheTests {
    /// The sizing formulas of SPEC.md REPLAY-CACHE-1 at nym-node's p = 1e-5.
    @Test func sizing() throws {
        let cache = try ReplayCache(capacityPerEpoch: 1_000_000, falsePositiveRate: 1e-5, hashKey: Bytes.zeros(32))
        // m = ⌈−n ln p / (ln 2)²⌉ = 23 962 646 bits, k = round(m/n · ln 2) = 17.
        #expect(cache.bitCount == 23_962_646)
        #expect(cache.hashCount == 17)
        #expect(cache.maximumMemoryBytes == 2 * 374_417 * 8)
    }

    /// No false negatives; the false-positive rate at capacity is near p.
    @Test func falsePositiveRateAtCapacity() throws {
        var random = try DeterministicRandom(seed: Bytes(repeating: 3, count: 32))
        var cache = try ReplayCache(capacityPerEpoch: 5000, falsePositiveRate: 1e-2, random: &random)
        var inserted: [Bytes] = []
        for _ in 0..<5000 {
            let tag = random.bytes(32)
            cache.insert(tag)
            inserted.append(tag)
        }
        #expect(inserted.allSatisfy { cache.contains($0) })
        var falsePositives = 0
        for _ in 0..<20000 where cache.contains(random.bytes(32)) { falsePositives += 1 }
        // Expected 1% of 20000 = 200; allow a wide band.
        #expect(falsePositives < 400)
    }

    /// REPLAY-CHECK-1 through `ReplayCache.process`: a packet that fails leaves the cache as it
    /// was; one that succeeds is recorded, and a later copy is refused before its γ is checked.
    @Test func processRecordsOnlyAfterSuccess() throws {
        let nodes = try Fixture.nodes(2)
        var random = try Fixture.random()
        let packet = try NymSphinx.createForwardPacket(
            route: nodes.map(\.route), delays: Fixture.delays(2), destination: Fixture.destination(),
            message: [9], random: &random)
        let secret = nodes[0].secret
        var cache = try ReplayCache(capacityPerEpoch: 1000, hashKey: Bytes(repeating: 2, count: 32))
        // γ flipped: the same α, so the same tag, but the MAC fails.
        var forged = packet.bytes
        forged[32] ^= 1
        #expect(throws: SphinxError.headerMACMismatch) {
            try NymSphinx.processPacket(forged, nodeSecret: secret, replayCache: &cache)
        }
        let tag = try NymSphinx.processPacket(packet.bytes, nodeSecret: secret).replayTag
        #expect(!cache.contains(tag))

        // The generic algorithm under the cache.
        let (header, delta) = try NymSphinx.decodePacket(packet.bytes)
        let processed = try cache.process { isReplay throws(SphinxError) in
            try Sphinx.processPacket(
                profile: NymProfile(), nodeSecret: secret, header: header, delta: delta, isReplay: isReplay)
        }
        #expect(processed.replayTag == tag)
        #expect(cache.contains(tag))
        #expect(throws: SphinxError.replayedTag) {
            try NymSphinx.processPacket(forged, nodeSecret: secret, replayCache: &cache)
        }
    }

    @Test func rejectsABadKey() {
        #expect(throws: SphinxError.invalidInputLength(what: "replay cache hash key", expected: 32, actual: 3)) {
            try ReplayCache(hashKey: [1, 2, 3])
        }
    }
}
