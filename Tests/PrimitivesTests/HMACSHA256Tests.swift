import Testing
import SphinxSpec

/// HMAC-SHA-256 known answers. Source: RFC 4231 (Nystrom, 2005), §4.2–§4.8, test cases 1–7,
/// the HMAC-SHA-256 lines.
@Suite("HMAC-SHA-256 (RFC 4231)")
struct HMACSHA256Tests {
    struct Case: Sendable, CustomTestStringConvertible {
        let number: Int
        let key: Bytes
        let data: Bytes
        let mac: String
        var testDescription: String { "RFC 4231 test case \(number)" }
    }

    static let cases: [Case] = [
        // §4.2 Test Case 1
        Case(
            number: 1, key: Bytes(repeating: 0x0b, count: 20), data: ascii("Hi There"),
            mac: "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"),
        // §4.3 Test Case 2: a key shorter than the output.
        Case(
            number: 2, key: ascii("Jefe"), data: ascii("what do ya want for nothing?"),
            mac: "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"),
        // §4.4 Test Case 3: combined key and data length above 64 bytes.
        Case(
            number: 3, key: Bytes(repeating: 0xaa, count: 20), data: Bytes(repeating: 0xdd, count: 50),
            mac: "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe"),
        // §4.5 Test Case 4: key 0x01 … 0x19.
        Case(
            number: 4, key: Bytes(1...25), data: Bytes(repeating: 0xcd, count: 50),
            mac: "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b"),
        // §4.7 Test Case 6: a 131-byte key, longer than the block, hashed first.
        Case(
            number: 6, key: Bytes(repeating: 0xaa, count: 131),
            data: ascii("Test Using Larger Than Block-Size Key - Hash Key First"),
            mac: "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"),
        // §4.8 Test Case 7: long key and long data.
        Case(
            number: 7, key: Bytes(repeating: 0xaa, count: 131),
            data: ascii(
                "This is a test using a larger than block-size key and a larger than block-size data. The key needs to be hashed before being used by the HMAC algorithm."
            ),
            mac: "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2"),
    ]

    @Test(arguments: cases)
    func rfc4231(_ c: Case) {
        let mac = HMACSHA256.mac(key: c.key, message: c.data)
        #expect(mac.count == HMACSHA256.outputLength)
        #expect(mac.hex == c.mac)
    }

    /// RFC 4231 §4.6 Test Case 5: the output truncated to 128 bits.
    @Test func rfc4231Case5TruncatedTo128Bits() {
        let mac = HMACSHA256.mac(key: Bytes(repeating: 0x0c, count: 20), message: ascii("Test With Truncation"))
        #expect(Bytes(mac.prefix(16)).hex == "a3b6167473100ee06e0c796c2955552b")
    }
}
