import Testing
@testable import SphinxSpec

// Expected encodings: produced by petlib.pack.encode (msgpack-python 0.5.6, use_bin_type=True)
// as installed with sphinxmix 0.0.7, e.g. `Nenc(b"\x01")`, `Route_pack((Dest_flag,))`,
// `Route_pack((Surb_flag, b"dest", b"x" * 16))`, `encode((b"bob", b"hi"))`.

@Test func msgpackEncodingsMatchPetlib() throws {
    #expect(try SphinxmixRouting.relay(nodeID: [0x01]).encoded().hex == "92a2c3b0c40101")
    #expect(try SphinxmixRouting.destination.encoded().hex == "91a2c3b1")
    #expect(try SphinxmixRouting.surb(destination: Bytes("dest".utf8), surbID: Bytes(repeating: 0x78, count: 16)).encoded().hex
            == "93a2c3b2c40464657374c41078787878787878787878787878787878")
    #expect(try MsgPack.encode(.array([.binary(Bytes("bob".utf8)), .binary(Bytes("hi".utf8))])).hex == "92c403626f62c4026869")
    // bin16 and bin32 headers: encode((b"d", b"x" * 300)) and encode((b"d", b"x" * 65536)).
    #expect(try MsgPack.encode(.array([.binary([0x64]), .binary(Bytes(repeating: 0x78, count: 300))])).prefix(8).map { $0 }.hex == "92c40164c5012c78")
    #expect(try MsgPack.encode(.array([.binary([0x64]), .binary(Bytes(repeating: 0x78, count: 65536))])).prefix(10).map { $0 }.hex == "92c40164c60001000078")
    // str8: encode(["\xf0" * 20]) (40 UTF-8 bytes).
    #expect(try MsgPack.encode(.array([.string(Array(String(repeating: "\u{F0}", count: 20).utf8))])).prefix(4).map { $0 }.hex == "91d928c3")
}

@Test func msgpackRoundTrips() throws {
    let values: [MsgPackValue] = [
        .array([]), .string([]), .binary([]),
        .array([.string(Bytes("x".utf8)), .array([.binary(Bytes.zeros(255)), .binary(Bytes.zeros(256))])]),
        .string(Bytes(repeating: 0x41, count: 31)), .string(Bytes(repeating: 0x41, count: 32)),
        .binary(Bytes.zeros(65535)), .binary(Bytes.zeros(65536)),
    ]
    for v in values { #expect(try MsgPack.decode(MsgPack.encode(v)) == v) }
}

@Test func msgpackRejectsWhatIsOutsideTheSubset() {
    #expect(throws: MsgPackError.truncated) { try MsgPack.decode([]) }
    #expect(throws: MsgPackError.truncated) { try MsgPack.decode([0x92, 0xc4, 0x01]) }
    #expect(throws: MsgPackError.truncated) { try MsgPack.decode([0xc5, 0x00]) }
    #expect(throws: MsgPackError.unsupportedFormat(0xc1)) { try MsgPack.decode([0xc1]) }
    #expect(throws: MsgPackError.unsupportedFormat(0x80)) { try MsgPack.decode([0x80]) }  // fixmap
    #expect(throws: MsgPackError.unsupportedFormat(0x05)) { try MsgPack.decode([0x05]) }  // positive fixint
    #expect(throws: MsgPackError.unsupportedFormat(0xd4)) { try MsgPack.decode([0xd4, 0x00, 0x00]) }  // fixext
    #expect(throws: MsgPackError.trailingBytes) { try MsgPack.decode([0x90, 0x00]) }
    #expect(throws: MsgPackError.valueTooLarge) { try MsgPack.encode(.array(Array(repeating: .binary([]), count: 16))) }
    #expect(throws: MsgPackError.valueTooLarge) { try MsgPack.encode(.string(Bytes.zeros(256))) }
    // Deep nesting is refused rather than recursed into.
    #expect(throws: MsgPackError.valueTooLarge) { try MsgPack.decode(Bytes(repeating: 0x91, count: 20) + [0x90]) }
}

@Test func paddingFollowsSphinxmix() throws {
    #expect(try SphinxmixPadding.pad([1, 2], to: 5) == [1, 2, 0x7f, 0xff, 0xff])
    #expect(try SphinxmixPadding.pad([1, 2], to: 3) == [1, 2, 0x7f])
    #expect(throws: SphinxError.messageTooLong(maximum: 1, actual: 2)) { try SphinxmixPadding.pad([1, 2], to: 2) }
    #expect(try SphinxmixPadding.unpad([1, 2, 0x7f, 0xff, 0xff]) == [1, 2])
    #expect(try SphinxmixPadding.unpad([0x7f]) == [])
    #expect(throws: SphinxError.payloadMarkerMissing) { try SphinxmixPadding.unpad([1, 2, 0xff]) }
    #expect(throws: SphinxError.payloadMarkerMissing) { try SphinxmixPadding.unpad([]) }
}

@Test func hopKeysMatchSphinxmix() throws {
    // Expected: sphinxmix 0.0.7 get_aes_key / hrho / hmu / hpi / htau / hb with s = G (the
    // P-224 generator), through Interop/sphinxmix/peer.py op "derive".
    let keys = try SphinxmixHopKeys(sharedSecret: P224.generator)
    #expect(keys.aesS.hex == "4dfc0fc4bf89db354d919e212d609602")
    #expect(keys.hRho.hex == "919d85eb1e322b96c2d159da2de81c11")
    #expect(keys.hMu.hex == "c4c15e2c2f3aa3745d440cc5c0321ce3")
    #expect(keys.hPi.hex == "818aa8538711da91605208923ee71f04")
    #expect(keys.hTau.hex == "fff41966b277387833b49ade641106a7")
    #expect(keys.b.bytes.hex == "000000000000000000000000f6734ff232ff83e7af0fa5409a42af6e")
}
