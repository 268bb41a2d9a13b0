import Testing
@testable import SphinxSpec

@Test func hkdfRFC5869CaseA1() throws {
    // RFC 5869 Appendix A.1.
    let ikm = Bytes(repeating: 0x0b, count: 22)
    let salt = Bytes(hex: "000102030405060708090a0b0c")!
    let info = Bytes(hex: "f0f1f2f3f4f5f6f7f8f9")!
    let okm = try HKDFSHA256.deriveKey(salt: salt, ikm: ikm, info: info, length: 42)
    #expect(okm.hex == "3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865")
}
