import Testing
@testable import SphinxSpec

// Expected encodings: produced by petlib.pack.encode (msgpack-python 0.5.6, use_bin_type=True)
// as installed with sphinxmix 0.0.7, e.g. `Nenc(b"\x01")`, `Route_pack((Dest_flag,))`,
// `Route_pack((Surb_flag, b"dest", b"x" * 16))`, `encode((b"bob", b"hi"))`.

@Test func msgpackEncodingsMatchPetlib() throws {
    #expect(try SphinxmixRouting.relay(nodeID: [0x01]).encoded().hex == "92a2c3b0c40101")
    #expect(try SphinxmixRouting.destination.encoded().hex == "91a2c3b1")
    #expect(
        try SphinxmixRouting.surb(destination: Bytes("dest".utf8), surbID: Bytes(repeating: 0x78, count: 16)).encoded()
            .hex
            == "93a2c3b2c40464657374c41078787878787878787878787878787878")
    #expect(
        try MsgPack.encode(.array([.binary(Bytes("bob".utf8)), .binary(Bytes("hi".utf8))])).hex
            == "92c403626f62c4026869")
    // bin16 and bin32 headers: encode((b"d", b"x" * 300)) and encode((b"d", b"x" * 65536)).
    #expect(
        try MsgPack.encode(.array([.binary([0x64]), .binary(Bytes(repeating: 0x78, count: 300))])).prefix(8).map { $0 }
            .hex == "92c40164c5012c78")
    #expect(
        try MsgPack.encode(.array([.binary([0x64]), .binary(Bytes(repeating: 0x78, count: 65536))])).prefix(10).map {
            $0
        }.hex == "92c40164c60001000078")
    // str8: encode(["\xf0" * 20]) (40 UTF-8 bytes).
    #expect(
        try MsgPack.encode(.array([.string(Array(String(repeating: "\u{F0}", count: 20).utf8))])).prefix(4).map { $0 }
            .hex == "91d928c3")
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

@Test func msgpackRejectsWhatSphinxmixNeverWrites() {
    #expect(throws: MsgPackError.truncated) { try MsgPack.decode([]) }
    #expect(throws: MsgPackError.truncated) { try MsgPack.decode([0x92, 0xc4, 0x01]) }
    #expect(throws: MsgPackError.truncated) { try MsgPack.decode([0xc5, 0x00]) }
    #expect(throws: MsgPackError.unsupportedFormat(0xc1)) { try MsgPack.decode([0xc1]) }  // never used
    #expect(throws: MsgPackError.unsupportedFormat(0xc0)) { try MsgPack.decode([0xc0]) }  // nil
    #expect(throws: MsgPackError.unsupportedFormat(0xc3)) { try MsgPack.decode([0xc3]) }  // true
    #expect(throws: MsgPackError.unsupportedFormat(0xcb)) { try MsgPack.decode([0xcb] + Bytes.zeros(8)) }  // float 64
    #expect(throws: MsgPackError.unsupportedFormat(0x80)) { try MsgPack.decode([0x80]) }  // fixmap
    #expect(throws: MsgPackError.trailingBytes) { try MsgPack.decode([0x90, 0x00]) }
    #expect(throws: MsgPackError.valueTooLarge) { try MsgPack.decode([0xcf, 0x80] + Bytes.zeros(7)) }  // 2⁶³
    // Deep nesting is refused rather than recursed into.
    #expect(throws: MsgPackError.valueTooLarge) { try MsgPack.decode(Bytes(repeating: 0x91, count: 20) + [0x90]) }
}

/// The wider forms, with expected bytes from the MessagePack specification ("Formats"):
/// integers, ext, array16 and str16, which the wire format (SMX-WIRE) and Python's msgpack use.
@Test func msgpackWiderFormsFollowTheSpecification() throws {
    let integers: [(Int64, String)] = [
        (5, "05"), (127, "7f"), (128, "cc80"), (256, "cd0100"), (70000, "ce00011170"), (1 << 32, "cf0000000100000000"),
        (-1, "ff"), (-32, "e0"), (-33, "d0df"), (-129, "d1ff7f"), (-32769, "d2ffff7fff"),
        (Int64.min, "d38000000000000000"),
    ]
    for (value, hex) in integers {
        #expect(try MsgPack.encode(.integer(value)).hex == hex, "\(value)")
        #expect(try MsgPack.decode(Bytes(hex: hex) ?? []) == .integer(value), "\(value)")
    }
    #expect(try MsgPack.decode([0xd4, 0x00, 0x00]) == .ext(type: 0, data: [0]))  // fixext 1
    #expect(try MsgPack.encode(.ext(type: 2, data: Bytes.zeros(3))).hex == "c70302000000")
    let sixteen = MsgPackValue.array(Array(repeating: .binary([]), count: 16))
    #expect(try MsgPack.encode(sixteen).prefix(5).map { $0 }.hex == "dc0010c400")
    #expect(try MsgPack.encode(.string(Bytes.zeros(256))).prefix(4).map { $0 }.hex == "da010000")
    let values: [MsgPackValue] = [
        .array(Array(repeating: .integer(1), count: 70_000)), .ext(type: -1, data: Bytes.zeros(300)),
        .ext(type: 7, data: Bytes.zeros(16)), .string(Bytes.zeros(70_000)),
    ]
    for v in values { #expect(try MsgPack.decode(MsgPack.encode(v)) == v) }
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
    #expect(keys.streamCipherKey.hex == "919d85eb1e322b96c2d159da2de81c11")
    #expect(keys.macKey.hex == "c4c15e2c2f3aa3745d440cc5c0321ce3")
    #expect(keys.payloadKey.hex == "818aa8538711da91605208923ee71f04")
    #expect(keys.replayTag.hex == "fff41966b277387833b49ade641106a7")
    #expect(keys.blindingFactor.hex == "000000000000000000000000f6734ff232ff83e7af0fa5409a42af6e")
}
