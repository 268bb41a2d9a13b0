import Testing
import SphinxSpec

/// DeterministicRandom must reproduce `rand_chacha::ChaCha20Rng::from_seed(seed)` exactly.
/// Source of the expected values: the unit tests in rust-random/rand,
/// `rand_chacha/src/chacha.rs` (`test_chacha_true_values_a`, `_b`, `_c`, `test_chacha_true_bytes`,
/// `test_chacha_multiple_blocks`, `test_chacha_construction`). Those tests print `next_u32`
/// words; a word is the little-endian reading of 4 keystream bytes, so `next_u32` is
/// `littleEndianWord(bytes(4))` here.
@Suite("DeterministicRandom (= rand_chacha ChaCha20Rng)")
struct DeterministicRandomTests {
    static let trueValuesA1: [UInt32] = [
        0xade0b876, 0x903df1a0, 0xe56a5d40, 0x28bd8653, 0xb819d2bd, 0x1aed8da0, 0xccef36a8,
        0xc70d778b, 0x7c5941da, 0x8d485751, 0x3fe02477, 0x374ad8b8, 0xf4b8436a, 0x1ca11815,
        0x69b687c3, 0x8665eeb2,
    ]
    static let trueValuesA2: [UInt32] = [
        0xbee7079f, 0x7a385155, 0x7c97ba98, 0x0d082d73, 0xa0290fcb, 0x6965e348, 0x3e53c612,
        0xed7aee32, 0x7621b729, 0x434ee69c, 0xb03371d5, 0xd539d874, 0x281fed31, 0x45fb0a51,
        0x1f0ae1ac, 0x6f4d794b,
    ]

    /// `test_chacha_true_values_a`: seed 0^32, the first two blocks, word by word.
    @Test func trueValuesA() throws {
        var rng = try DeterministicRandom(seed: Bytes.zeros(32))
        let first = (0..<16).map { _ in littleEndianWord(rng.bytes(4)) }
        let second = (0..<16).map { _ in littleEndianWord(rng.bytes(4)) }
        #expect(first == Self.trueValuesA1)
        #expect(second == Self.trueValuesA2)
        // The same bytes drawn in one call.
        var again = try DeterministicRandom(seed: Bytes.zeros(32))
        #expect(again.bytes(128) == littleEndianBytes(Self.trueValuesA1 + Self.trueValuesA2))
    }

    /// `test_chacha_true_bytes`: seed 0^32, `fill_bytes` of 32 bytes.
    @Test func trueBytes() throws {
        var rng = try DeterministicRandom(seed: Bytes.zeros(32))
        #expect(
            rng.bytes(32) == [
                118, 184, 224, 173, 160, 241, 61, 144, 64, 93, 106, 229, 83, 134, 189, 40, 189, 210,
                25, 184, 160, 141, 237, 26, 168, 54, 239, 204, 139, 119, 13, 199,
            ])
    }

    /// `test_chacha_true_values_b`: seed 0^31 ‖ 01, block 1 (after skipping block 0).
    @Test func trueValuesB() throws {
        var rng = try DeterministicRandom(seed: Bytes.zeros(31) + [1])
        _ = rng.bytes(64)
        let words = (0..<16).map { _ in littleEndianWord(rng.bytes(4)) }
        #expect(
            words == [
                0x2452eb3a, 0x9249f8ec, 0x8d829d9b, 0xddd4ceb1, 0xe8252083, 0x60818b01, 0xf38422b8,
                0x5aaa49c9, 0xbb00ca8e, 0xda3ba7b4, 0xc4b592d1, 0xfdf2732f, 0x4436274e, 0x2561b3c8,
                0xebdd4aa6, 0xa0136c00,
            ])
    }

    /// `test_chacha_true_values_c`: seed 00 ff 0^30, block 2; then its word-position checks,
    /// which pin how partial words are consumed: `fill_bytes(32)` advances 8 words,
    /// `fill_bytes(25)` 7 words (the rest of the last word is dropped), `next_u64` 2 words,
    /// `fill_bytes(1)` 1 word. `position` is 4 × rand_chacha's `get_word_pos()`.
    @Test func trueValuesCAndWordPositions() throws {
        var rng = try DeterministicRandom(seed: [0, 0xff] + Bytes.zeros(30))
        _ = rng.bytes(128)
        let words = (0..<16).map { _ in littleEndianWord(rng.bytes(4)) }
        #expect(
            words == [
                0xfb4dd572, 0x4bc42ef1, 0xdf922636, 0x327f1394, 0xa78dea8f, 0x5e269039, 0xa1bebbc1,
                0xcaf09aae, 0xa25ab213, 0x48a6b46c, 0x1b9d9bcb, 0x092c5be6, 0x546ca624, 0x1bec45d5,
                0x87f47473, 0x96f0992e,
            ])
        let expectedEnd: UInt64 = 3 * 16
        #expect(rng.position == 4 * expectedEnd)
        _ = rng.bytes(32)
        #expect(rng.position == 4 * (expectedEnd + 8))
        _ = rng.bytes(25)
        #expect(rng.position == 4 * (expectedEnd + 15))
        _ = rng.bytes(8)  // next_u64
        #expect(rng.position == 4 * (expectedEnd + 17))
        _ = rng.bytes(4)  // next_u32
        _ = rng.bytes(8)  // next_u64
        #expect(rng.position == 4 * (expectedEnd + 20))
        _ = rng.bytes(1)
        #expect(rng.position == 4 * (expectedEnd + 21))
    }

    /// The bytes after a partial word come from the next whole word: after `bytes(25)` the next
    /// `bytes(4)` is keystream bytes 28..<32, not 25..<29 (rand_core's `fill_via_u32_chunks`).
    @Test func partialWordTailIsDiscarded() throws {
        let seed = Bytes(0...31)
        let stream = try ChaCha20.keystreamOriginal(key: seed, length: 128)
        var rng = try DeterministicRandom(seed: seed)
        #expect(rng.bytes(25) == Bytes(stream[0..<25]))
        #expect(rng.bytes(4) == Bytes(stream[28..<32]))
        #expect(rng.bytes(70) == Bytes(stream[32..<102]))  // crosses into block 1
        #expect(rng.bytes(2) == Bytes(stream[104..<106]))
        #expect(rng.drawn == Bytes(stream[0..<25]) + Bytes(stream[28..<102]) + Bytes(stream[104..<106]))
    }

    /// `test_chacha_multiple_blocks`: the i-th word of the i-th 16-word block, for i = 0…15.
    @Test func multipleBlocks() throws {
        let seed: Bytes = [
            0, 0, 0, 0, 1, 0, 0, 0, 2, 0, 0, 0, 3, 0, 0, 0, 4, 0, 0, 0, 5, 0, 0, 0, 6, 0, 0, 0, 7, 0, 0, 0,
        ]
        var rng = try DeterministicRandom(seed: seed)
        var results: [UInt32] = []
        for _ in 0..<16 {
            results.append(littleEndianWord(rng.bytes(4)))
            _ = rng.bytes(64)
        }
        #expect(
            results == [
                0xf225c81a, 0x6ab1be57, 0x04d42951, 0x70858036, 0x49884684, 0x64efec72, 0x4be2d186,
                0x3615b384, 0x11cfa18e, 0xd3c50049, 0x75c775f6, 0x434c6530, 0x2c5bad8f, 0x898881dc,
                0x5f1c86d9, 0xc1f8e7f4,
            ])
    }

    /// `test_chacha_construction`: `next_u32` of a seed, then `from_rng` (which seeds a new
    /// generator with `fill_bytes` of 32 bytes from the first).
    @Test func construction() throws {
        let seed: Bytes = [
            0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 3, 0, 0, 0, 0, 0, 0, 0,
        ]
        var rng1 = try DeterministicRandom(seed: seed)
        #expect(littleEndianWord(rng1.bytes(4)) == 137206642)
        var rng2 = try DeterministicRandom(seed: rng1.bytes(32))
        #expect(littleEndianWord(rng2.bytes(4)) == 1325750369)
    }

    @Test func sameSeedSameBytesAndDrawnRecordsEverything() throws {
        var a = try DeterministicRandom(seed: Bytes(repeating: 7, count: 32))
        var b = try DeterministicRandom(seed: Bytes(repeating: 7, count: 32))
        let fromA = a.bytes(3) + a.bytes(100) + a.bytes(0) + a.bytes(-4) + a.bytes(64)
        let fromB = b.bytes(3) + b.bytes(100) + b.bytes(0) + b.bytes(-4) + b.bytes(64)
        #expect(fromA == fromB)
        #expect(a.drawn == fromA)
        #expect(fromA.count == 167)
    }

    @Test(arguments: [0, 16, 31, 33, 64])
    func wrongSeedLengthIsATypedError(length: Int) {
        #expect(throws: PrimitiveError.invalidLength(what: "deterministic random seed", expected: 32, actual: length)) {
            try DeterministicRandom(seed: Bytes(repeating: 1, count: length))
        }
    }
}

@Suite("FixedRandom and SystemRandom")
struct OtherRandomSourceTests {
    @Test func fixedRandomReplaysInOrderAndReportsExhaustion() {
        var rng = FixedRandom([1, 2, 3, 4, 5])
        #expect(rng.bytes(2) == [1, 2])
        #expect(rng.bytes(0) == [])
        #expect(rng.bytes(-1) == [])
        #expect(rng.remainingCount == 3)
        #expect(!rng.exhausted)
        #expect(rng.bytes(5) == [3, 4, 5, 0, 0])
        #expect(rng.exhausted)
        #expect(rng.remainingCount == 0)
    }

    @Test func systemRandomGivesTheRequestedLength() {
        var rng = SystemRandom()
        #expect(rng.bytes(0) == [])
        #expect(rng.bytes(-3) == [])
        let a = rng.bytes(32)
        let b = rng.bytes(32)
        #expect(a.count == 32)
        #expect(a != b)  // fails with probability 2^-256
    }
}
