import Testing
import SphinxSpec

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
}
