import CSodium
import SphinxSpec
import Testing

/// SHA-256 known answers. Source: NIST FIPS 180-4 example computations, as published by NIST
/// CSRC "Cryptographic Standards and Guidelines: Examples with Intermediate Values",
/// SHA256.pdf (one-block message "abc") and SHA256.pdf two-block message (448 bits).
@Suite("SHA-256 (FIPS 180-4)")
struct SHA256Tests {
    @Test func fips180_4OneBlockMessageAbc() {
        #expect(
            SHA256.hash(ascii("abc")).hex
                == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    @Test func fips180_4TwoBlockMessage448Bits() {
        let message = ascii("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
        #expect(message.count * 8 == 448)
        #expect(
            SHA256.hash(message).hex
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }

    /// The empty message; the value is also the well-known SHA-256("") (FIPS 180-2 style
    /// vector, NIST CAVP SHA256ShortMsg.rsp, Len = 0).
    @Test func emptyMessage() {
        #expect(
            SHA256.hash([]).hex
                == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hash([]).count == SHA256.outputLength)
    }

    /// The 896-bit two-block message of FIPS 180-2 Appendix B.3's SHA-384/512 examples, hashed
    /// with SHA-256; value from NIST CSRC's "Examples with Intermediate Values" and the
    /// widely reproduced table of SHA-256 test vectors (di-mgt.com.au, "SHA test vectors").
    @Test(arguments: routes) func nist896BitMessage(route: SHA256.Compression) {
        let message = ascii(
            "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu"
        )
        #expect(message.count * 8 == 896)
        #expect(hash(message, route).hex == "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1")
    }

    /// One million repetitions of "a" (FIPS 180-2 Appendix B.3 for SHA-256), absorbed in pieces of
    /// 1000 bytes, and the FIPS 180-4 examples, on each compression route.
    @Test(arguments: routes) func knownAnswersOnEachRoute(route: SHA256.Compression) {
        var state = SHA256.State(compression: route)
        let piece = Bytes(repeating: UInt8(ascii: "a"), count: 1000)
        for _ in 0..<1000 { piece.withUnsafeBytes { state.update($0) } }
        #expect(state.finalize().hex == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
        #expect(hash(ascii("abc"), route).hex == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(hash([], route).hex == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }

    /// Against libsodium's `crypto_hash_sha256` (an independent implementation) for every length
    /// from 0 to 300 bytes (so every position of the padding, one or two final blocks), each
    /// message absorbed in random pieces, on each route.
    @Test(arguments: routes) func agreesWithLibsodiumAtEveryLength(route: SHA256.Compression) throws {
        var random = try DeterministicRandom(seed: SHA256.hash(ascii("sha256 lengths")))
        for length in 0...300 {
            let message = random.bytes(length)
            var expected = Bytes(repeating: 0, count: 32)
            _ = crypto_hash_sha256(&expected, message, UInt64(length))
            var state = SHA256.State(compression: route)
            var start = 0
            while start < length {
                let piece = min(length - start, Int(random.bytes(1)[0]) % 80)
                message[start..<(start + piece)].withUnsafeBytes { state.update($0) }
                start += piece
            }
            #expect(state.finalize() == expected, "length \(length)")
        }
    }

    /// The two routes give the same state for many blocks at once (the extensions route takes
    /// all whole blocks in one call); one flipped bit changes it (the comparison can fail).
    @Test(.enabled(if: SHA256.fastest == .cpuExtensions, "this CPU has no SHA extensions"))
    func routesAgreeOnLongMessages() throws {
        var random = try DeterministicRandom(seed: SHA256.hash(ascii("sha256 routes")))
        for length in [64, 128, 640, 4096, 65_536 + 17] {
            var message = random.bytes(length)
            #expect(hash(message, .readable) == hash(message, .cpuExtensions))
            let before = hash(message, .readable)
            message[length / 2] ^= 0x01
            #expect(hash(message, .cpuExtensions) != before)
        }
    }

    /// Where the CPU has SHA extensions, states use them unless told otherwise.
    @Test func fastestRoute() {
        #expect(SHA256.State().finalize() == hash([], SHA256.fastest))
        #expect(SHA256.hash(ascii("abc")) == hash(ascii("abc"), .readable))
    }

    static let routes: [SHA256.Compression] =
        SHA256.fastest == .cpuExtensions ? [.readable, .cpuExtensions] : [.readable]

    func hash(_ message: Bytes, _ route: SHA256.Compression) -> Bytes {
        var state = SHA256.State(compression: route)
        message.withUnsafeBytes { state.update($0) }
        return state.finalize()
    }
}
