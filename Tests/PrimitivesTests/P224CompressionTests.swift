import Testing
@testable import SphinxSpec

// Tests of the compressed P-224 encoding (P224Compression.swift, SPEC.md PRIM-P224-COMPRESS).

private func unhex(_ s: String) -> Bytes { Bytes(hex: s) ?? [] }

/// The valid Wycheproof points of P224WycheproofData.swift (uncompressed, 0x04 ‖ X ‖ Y).
private let wycheproofUncompressed: [(tcId: Int, point: Bytes)] = p224WycheproofECDH.split(separator: "\n").compactMap {
    line in
    let f = line.split(separator: " ").map(String.init)
    guard f.count == 6, let id = Int(f[0]), f[1] == "valid", f[3].hasPrefix("04") else { return nil }
    return (id, unhex(f[3]))
}

@Test func fieldConstantsDescribePMinusOne() {
    // p − 1 = Q · 2^S with Q odd, and the two exponents derived from it.
    var twoToS = GMPInteger(1)
    for _ in 0..<P224Field.twoAdicity { twoToS = twoToS * GMPInteger(2) }
    let pMinusOne = P224.p - GMPInteger(1)
    #expect(P224Field.oddPart * twoToS == pMinusOne)
    #expect(P224Field.oddPart.bit(0))
    #expect(P224Field.eulerExponent * GMPInteger(2) == pMinusOne)
    #expect(P224Field.halfOddPartPlusOne * GMPInteger(2) == P224Field.oddPart + GMPInteger(1))
    #expect(!P224Field.isNonZeroSquare(P224Field.nonResidue))
}

// Source: C2SP/wycheproof testvectors_v1/ecdh_secp224r1_ecpoint_test.json, tcId 2
// ("acceptable", flag CompressedPublic): the compressed form of tcId 1's public key. Its ECDH
// result with the listed private key must equal the listed shared secret, and it must
// decompress to tcId 1's uncompressed point.
@Test func wycheproofCompressedPublicKey() throws {
    let compressed = unhex("027d8ac211e1228eb094e285a957d9912e93deee433ed777440ae9fc71")
    let uncompressedTc1 = unhex(
        "047d8ac211e1228eb094e285a957d9912e93deee433ed777440ae9fc719b01d050dfbe653e72f39491be87fb1a2742daa6e0a2aada98bb1aca"
    )
    let point = try P224.Point(compressed: compressed)
    #expect(point.encoded == uncompressedTc1)
    #expect(point.compressed == compressed)
    let d = try P224.Scalar(canonical: unhex("565577a49415ca761a0322ad54e4ad0ae7625174baf372c2816f5328"))
    #expect(
        try point.multiplied(by: d).xCoordinate == unhex("b8ecdb552d39228ee332bafe4886dbff272f7109edf933bc7542bd4f"))
}

// Source: the same file, tcId 458 (invalid, InvalidCompressedPublic): x is not the
// x-coordinate of any curve point.
@Test func wycheproofInvalidCompressedPublicKey() {
    #expect(throws: PrimitiveError.pointNotOnCurve) {
        try P224.Point(compressed: unhex("020ca753db5ddeca474241f8d2dafc0844343fd0e37eded2f0192d51b2"))
    }
}

// Every valid uncompressed Wycheproof point survives compress → decompress.
@Test func wycheproofPointsRoundTrip() throws {
    #expect(wycheproofUncompressed.count > 100)
    for (tcId, bytes) in wycheproofUncompressed {
        let point = try P224.Point(encoded: bytes)
        let compressed = point.compressed
        #expect(compressed.count == 29 && compressed[1...] == bytes[1..<29], "tcId \(tcId)")
        #expect(compressed[0] == 0x02 + (bytes[56] & 1), "tcId \(tcId): parity prefix")
        #expect(try P224.Point(compressed: compressed) == point, "tcId \(tcId)")
        #expect(try P224.Point(compressedOrUncompressed: compressed) == point, "tcId \(tcId)")
    }
}

// Source: petlib 0.0.45 (the /tmp/venvtest venv of sphinxmix 0.0.7), `(k * G).export()` (the
// default POINT_CONVERSION_COMPRESSED) and `.export(POINT_CONVERSION_UNCOMPRESSED)` for
// EcGroup(713), i.e. OpenSSL's EC_POINT_point2oct. Columns: k, compressed, uncompressed.
private let petlibPoints: [(k: String, compressed: String, uncompressed: String)] = [
    (
        "00000000000000000000000000000000000000000000000000000001",
        "02b70e0cbd6bb4bf7f321390b94a03c1d356c21122343280d6115c1d21",
        "04b70e0cbd6bb4bf7f321390b94a03c1d356c21122343280d6115c1d21bd376388b5f723fb4c22dfe6cd4375a05a07476444d5819985007e34"
    ),
    (
        "00000000000000000000000000000000000000000000000000000002",
        "03706a46dc76dcb76798e60e6d89474788d16dc18032d268fd1a704fa6",
        "04706a46dc76dcb76798e60e6d89474788d16dc18032d268fd1a704fa61c2b76a7bc25e7702a704fa986892849fca629487acf3709d2e4e8bb"
    ),
    (
        "00000000000000000000000000000000000000000000000000000003",
        "03df1b1d66a551d0d31eff822558b9d2cc75c2180279fe0d08fd896d04",
        "04df1b1d66a551d0d31eff822558b9d2cc75c2180279fe0d08fd896d04a3f7f03cadd0be444c0aa56830130ddf77d317344e1af3591981a925"
    ),
    (
        "00000000000000000000000000000000000000000000000000000007",
        "03db2f6be630e246a5cf7d99b85194b123d487e2d466b94b24a03c3e28",
        "04db2f6be630e246a5cf7d99b85194b123d487e2d466b94b24a03c3e280f3a30085497f2f611ee2517b163ef8c53b715d18bb4e4808d02b963"
    ),
    (
        "000000000000000000000000000000000000000000000000000f4243",
        "0387d4c95605e2b6a02ac48a0dd808a493df489701c91fb18e66f9edd9",
        "0487d4c95605e2b6a02ac48a0dd808a493df489701c91fb18e66f9edd94499a4627d3ffc88fb5ff76d56af493b310b5d0e157ff5a4d8af9a23"
    ),
    (
        "ffffffffffffffffffffffffffff16a2e0b8f03e13dd29455c5c2a3c",
        "03b70e0cbd6bb4bf7f321390b94a03c1d356c21122343280d6115c1d21",
        "04b70e0cbd6bb4bf7f321390b94a03c1d356c21122343280d6115c1d2142c89c774a08dc04b3dd201932bc8a5ea5f8b89bbb2a7e667aff81cd"
    ),
    (
        "0123456789abcdef0123456789abcdef0123456789abcdef01234567",
        "022c223f1ecf2fd9b2aeda31e4f4df7a7ea1b1885d94e9ddacbf0908b6",
        "042c223f1ecf2fd9b2aeda31e4f4df7a7ea1b1885d94e9ddacbf0908b6f3d7981a62a9bde1494981d3d7424f06bf7b05d84729c9405c3870e2"
    ),
]

@Test func petlibCompressedExports() throws {
    for entry in petlibPoints {
        let point = try P224.Scalar(canonical: unhex(entry.k)).timesGenerator()
        #expect(point.compressed == unhex(entry.compressed), "k = \(entry.k)")
        #expect(point.encoded == unhex(entry.uncompressed), "k = \(entry.k)")
        #expect(
            try P224.Point(compressed: unhex(entry.compressed)).encoded == unhex(entry.uncompressed), "k = \(entry.k)")
    }
}

@Test func malformedCompressedEncodingsAreRejected() throws {
    let g = unhex("02b70e0cbd6bb4bf7f321390b94a03c1d356c21122343280d6115c1d21")
    #expect(throws: PrimitiveError.pointAtInfinity) { try P224.Point(compressed: [0x00]) }
    #expect(throws: PrimitiveError.invalidPointEncoding) { try P224.Point(compressed: []) }
    #expect(throws: PrimitiveError.invalidPointEncoding) { try P224.Point(compressed: Bytes(g.dropLast())) }
    #expect(throws: PrimitiveError.invalidPointEncoding) { try P224.Point(compressed: g + [0x00]) }
    for prefix: UInt8 in [0x00, 0x01, 0x04, 0x05, 0x06, 0x07, 0xff] {
        #expect(throws: PrimitiveError.invalidPointEncoding) { try P224.Point(compressed: [prefix] + g[1...]) }
    }
    // x = p and x = 2²²⁴ − 1 are not field elements.
    let p = unhex("ffffffffffffffffffffffffffffffff000000000000000000000001")
    #expect(throws: PrimitiveError.invalidPointEncoding) { try P224.Point(compressed: [0x02] + p) }
    #expect(throws: PrimitiveError.invalidPointEncoding) {
        try P224.Point(compressed: [0x03] + Bytes(repeating: 0xff, count: 28))
    }
    // The uncompressed form goes through the existing decoder.
    #expect(throws: PrimitiveError.invalidPointEncoding) { try P224.Point(compressedOrUncompressed: [0x04] + g[1...]) }
}

// Square roots of small squares come out right (independent of the curve).
@Test func squareRootsOfSquares() throws {
    for n: UInt in [1, 4, 9, 12345, 0xffff_ffff] {
        let square = (GMPInteger(n) * GMPInteger(n)).mod(P224.p)
        let root = try #require(P224Field.squareRoot(square))
        #expect((root * root).mod(P224.p) == square)
        #expect(root == GMPInteger(n) || root == P224.p - GMPInteger(n))
    }
    #expect(P224Field.squareRoot(P224Field.nonResidue) == nil)
    #expect(P224Field.squareRoot(GMPInteger()) == GMPInteger())
}
