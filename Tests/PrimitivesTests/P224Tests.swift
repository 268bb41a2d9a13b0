import Testing
@testable import SphinxSpec

/// One parsed line of p224WycheproofECDH (P224WycheproofData.swift).
private struct WycheproofCase {
    let tcId: Int
    let result: String
    let flag: String
    let publicKey: Bytes
    let privateKey: Bytes
    let shared: Bytes
}

private let wycheproofCases: [WycheproofCase] = p224WycheproofECDH.split(separator: "\n").compactMap { line in
    let f = line.split(separator: " ").map(String.init)
    guard f.count == 6, let id = Int(f[0]) else { return nil }
    func bytes(_ s: String) -> Bytes { s == "-" ? [] : (Bytes(hex: s) ?? []) }
    return WycheproofCase(
        tcId: id, result: f[1], flag: f[2], publicKey: bytes(f[3]),
        privateKey: bytes(f[4]), shared: bytes(f[5]))
}

@Test func wycheproofDataParsed() {
    #expect(wycheproofCases.count == 152)
    #expect(wycheproofCases.filter { $0.result == "valid" }.count == 133)
}

// Source: C2SP/wycheproof testvectors_v1/ecdh_secp224r1_ecpoint_test.json (see the data file):
// for each valid case, x-coordinate of private · public must equal "shared".
@Test(arguments: wycheproofCases.filter { $0.result == "valid" }.map(\.tcId))
func wycheproofValidECDH(tcId: Int) throws {
    let c = try #require(wycheproofCases.first { $0.tcId == tcId })
    let point = try P224.Point(encoded: c.publicKey)
    let d = try P224.Scalar(canonical: c.privateKey)
    let product = try point.multiplied(by: d)
    #expect(product.xCoordinate == c.shared, "tcId \(tcId) (\(c.flag))")
    #expect(point.encoded == c.publicKey, "tcId \(tcId): re-encoding")
}

// Wycheproof tcIds 441–456 (InvalidCurveAttack: coordinates off the curve or not below p),
// 457 (InvalidEncoding: empty) and 458 (InvalidCompressedPublic) must be rejected; tcId 2
// ("acceptable", a compressed point) is rejected too because the profile only carries
// uncompressed points.
@Test(arguments: wycheproofCases.filter { $0.result != "valid" }.map(\.tcId))
func wycheproofRejectedPoints(tcId: Int) throws {
    let c = try #require(wycheproofCases.first { $0.tcId == tcId })
    do {
        _ = try P224.Point(encoded: c.publicKey)
        Issue.record("tcId \(tcId) was accepted")
    } catch {
        switch c.flag {
        case "InvalidCurveAttack":
            // A coordinate ≥ p is a malformed encoding; otherwise the point is off the curve.
            let x = GMPInteger(bigEndian: Bytes(c.publicKey[1..<29]))
            let y = GMPInteger(bigEndian: Bytes(c.publicKey[29..<57]))
            let inRange = x.compare(P224.p) < 0 && y.compare(P224.p) < 0
            #expect(error == (inRange ? .pointNotOnCurve : .invalidPointEncoding), "tcId \(tcId)")
        default:
            #expect(error == .invalidPointEncoding, "tcId \(tcId)")
        }
    }
}

@Test func wycheproofInvalidCurveCasesIncludeOffCurvePointsWithCoordinatesBelowP() throws {
    // Makes sure the "not on curve" branch is exercised by published data, not only by ours.
    var offCurve = 0
    for c in wycheproofCases where c.flag == "InvalidCurveAttack" {
        do {
            _ = try P224.Point(encoded: c.publicKey)
        } catch {
            if error == .pointNotOnCurve { offCurve += 1 }
        }
    }
    #expect(offCurve > 0)
}

@Test func pointAtInfinityEncodingRejected() {
    #expect(throws: PrimitiveError.pointAtInfinity) { try P224.Point(encoded: [0x00]) }
}

@Test func malformedEncodingsRejected() {
    let g = P224.generator.encoded
    #expect(throws: PrimitiveError.invalidPointEncoding) { try P224.Point(encoded: Array(g.dropLast())) }
    #expect(throws: PrimitiveError.invalidPointEncoding) { try P224.Point(encoded: [0x05] + g.dropFirst()) }
    #expect(throws: PrimitiveError.invalidPointEncoding) { try P224.Point(encoded: []) }
    var offCurve = g
    offCurve[56] ^= 1
    #expect(throws: PrimitiveError.pointNotOnCurve) { try P224.Point(encoded: offCurve) }
}

@Test func generatorMultipleMatchesPetlib() throws {
    // Expected: petlib 0.0.45 (OpenSSL) `(Bn.from_binary(0x01 * 28) * G).export(UNCOMPRESSED)`,
    // through Interop/sphinxmix/peer.py op "pubkey".
    let x = try P224.Scalar(canonical: Bytes(repeating: 0x01, count: 28))
    #expect(
        try x.timesGenerator().encoded.hex
            == "042a31f7f084e002e15e8bf89ac7ad38c458e110ed1d37ddc4ce5bedebff9b7fbbb9b17c221084bfdce9c9b56a11afa56916e2b33d6af5ef55"
    )
}

@Test func groupLaws() throws {
    // The reference arithmetic (P224Reference.swift), which the constant-time code is tested against.
    let g = P224Reference.GroupElement.finite(P224.generator)
    // n·G = 𝒪 (the order), (n−1)·G = −G.
    #expect(P224Reference.multiply(P224.n, g).finitePoint == nil)
    let minusG = try #require(P224Reference.multiply(P224.n - GMPInteger(1), g).finitePoint)
    #expect(minusG.x == P224.generator.x)
    #expect(P224Reference.add(.finite(minusG), g).finitePoint == nil)
    // 2G by doubling equals G + G, and 3G = 2G + G = G + 2G.
    let twoG = P224Reference.double(g)
    #expect(P224Reference.add(g, g).finitePoint == twoG.finitePoint)
    #expect(P224Reference.add(twoG, g).finitePoint == P224Reference.multiply(GMPInteger(3), g).finitePoint)
    #expect(P224Reference.add(.infinity, g).finitePoint == P224.generator)
    // Scalars reduce mod n and multiply mod n: (a·b)·G = a·(b·G).
    let a = P224.Scalar(reducing: Bytes(repeating: 0xee, count: 40))
    let b = P224.Scalar(reducing: Bytes(repeating: 0x37, count: 16))
    #expect(try a.times(b).timesGenerator() == (try b.timesGenerator().multiplied(by: a)))
    #expect(throws: PrimitiveError.invalidScalar) { try P224.Scalar(canonical: P224.n.bigEndianBytes(width: 28) ?? []) }
    #expect(throws: PrimitiveError.invalidScalar) { try P224.Scalar(canonical: Bytes.zeros(28)) }
    #expect(throws: PrimitiveError.pointAtInfinity) { try P224.generator.multiplied(by: P224.Scalar(reducing: [])) }
}

@Test func randomScalarRejectsZeroAndGivesUpOnABrokenSource() throws {
    var source = FixedRandom(Bytes.zeros(28) + Bytes(repeating: 0x05, count: 28))
    let s = try P224.Scalar.random(using: &source)
    #expect(s.bytes == Bytes(repeating: 0x05, count: 28))
    var broken = FixedRandom([])
    #expect(throws: PrimitiveError.invalidScalar) { try P224.Scalar.random(using: &broken) }
}
