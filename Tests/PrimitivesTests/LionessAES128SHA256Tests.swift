import Testing
@testable import SphinxSpec

// Expected values: produced by the real PyPI package sphinxmix 0.0.7 (SphinxParams.lioness_enc /
// lioness_dec, with petlib 0.0.45 over OpenSSL), run through Interop/sphinxmix/peer.py
// (ops "lioness_enc" and "lioness_dec"). The live tests in SphinxmixTests repeat such checks
// against the package itself.

@Test func lionessAESMatchesSphinxmixOnItsOwnTestInput() throws {
    // sphinxmix's test_params input: k = b"A" * 16, m = b"ARG" * 16.
    let key = Bytes(repeating: 0x41, count: 16)
    let message = Bytes(String(repeating: "ARG", count: 16).utf8)
    let c = try LionessAES128SHA256.encrypt(key: key, block: message)
    #expect(c.hex == "75f1bd2c86ef10c3bc50a638385f759c4522c42abae9f76fea18e43a9502baf34bfbb45f768f5bc3898fd67674e1d30d")
    #expect(try LionessAES128SHA256.decrypt(key: key, block: c) == message)
    let d = try LionessAES128SHA256.decrypt(key: key, block: message)
    #expect(d.hex == "c0256e58166ed3a2cde4e85f384dbb1e3f336a190c4a2b9dc478ecf13c3bef9584fdbdba9c9df3ba4286d696cf7483a8")
}

@Test func lionessAESMinimumBlock() throws {
    let key = Bytes(0..<16)
    let block = Bytes(0..<32)
    let c = try LionessAES128SHA256.encrypt(key: key, block: block)
    #expect(c.hex == "594497893af66430044d973b6bbd585c8261ce4ac9ebe18903324f80e034e47e")
    #expect(try LionessAES128SHA256.decrypt(key: key, block: c) == block)
}

@Test func lionessAESDefaultBodySize() throws {
    let key = Bytes(16..<32)
    let block = (0..<1024).map { UInt8($0 % 256) }
    let c = try LionessAES128SHA256.encrypt(key: key, block: block)
    #expect(c.count == 1024)
    #expect(c.prefix(32).map { $0 }.hex == "ff53eb4d15dcbe28eabf027ad9ec7a5f75321176a5cc99c2e929bd3004a4d55a")
    #expect(SHA256.hash(c).hex == "1b4cbf664b62c66b0c04cc5dd304d88ddc4091872837cbe71b0600cddec51d0d")
    #expect(try LionessAES128SHA256.decrypt(key: key, block: c) == block)
}

@Test func lionessAESRejectsBadLengths() {
    #expect(throws: PrimitiveError.invalidLength(what: "LIONESS key", expected: 16, actual: 15)) {
        try LionessAES128SHA256.encrypt(key: Bytes.zeros(15), block: Bytes.zeros(32))
    }
    #expect(throws: PrimitiveError.invalidLength(what: "LIONESS block", expected: 32, actual: 31)) {
        try LionessAES128SHA256.decrypt(key: Bytes.zeros(16), block: Bytes.zeros(31))
    }
}
