import Testing

@testable import SphinxSpec

/// The two sender key schedules (SPHINX-CREATE-2, the readable one, and NYM-FAST-1, blinded
/// scalars first) give the same bytes and the same errors. The vector files hold the default
/// (blinded scalars) to the committed bytes; these tests hold the two methods to each other,
/// on keys of every kind: honest (prime order), mixed order, small order and on the twist.
struct KeyScheduleTests {
    static let readable = NymProfile(keySchedule: .readable)
    static let fast = NymProfile(keySchedule: .blindedScalarsFirst)

    static func honestKeys(_ count: Int, label: UInt8) throws -> [Bytes] {
        var random = try DeterministicRandom(seed: Bytes(repeating: label, count: 32))
        return try (0..<count).map { _ in try X25519.publicKey(secret: random.bytes(32)) }
    }

    static func outcome(_ profile: NymProfile, _ x: Bytes, _ keys: [Bytes]) -> Result<[Bytes], SphinxError> {
        do throws(SphinxError) {
            let material = try profile.senderHopMaterial(initialSecret: x, publicKeys: keys)
            return .success(material.flatMap { [$0.alpha, $0.sharedSecret, $0.keys.expandedSharedSecret] })
        } catch {
            return .failure(error)
        }
    }

    /// u-coordinates classified with Euler's criterion by hand (u³ + 486662u² + u mod p):
    /// 4, 6, 7, 9 and 10 are on the curve, 2, 3 and 5 on the twist.
    @Test func curveOrTwist() {
        for u: UInt8 in [4, 6, 7, 9, 10] { #expect(NymBlindedScalars.isOnCurve([u] + Bytes.zeros(31))) }
        for u: UInt8 in [0, 2, 3, 5] { #expect(!NymBlindedScalars.isOnCurve([u] + Bytes.zeros(31))) }
        // Bit 255 is ignored, as X25519 ignores it.
        #expect(NymBlindedScalars.isOnCurve([9] + Bytes.zeros(30) + [0x80]))
    }

    @Test func honestRoutesOfEveryLength() throws {
        var random = try DeterministicRandom(seed: Bytes(repeating: 7, count: 32))
        for hops in 1...NymConstants.maxPathLength {
            let keys = try Self.honestKeys(hops, label: UInt8(hops))
            let x = random.bytes(32)
            let readable = Self.outcome(Self.readable, x, keys)
            #expect(readable == Self.outcome(Self.fast, x, keys))
            if case .failure = readable { Issue.record("an honest route failed") }
        }
    }

    /// Keys with a small-order component (on the curve, not in the prime-order subgroup) take
    /// the fast path: clamped scalars are multiples of 8 and remove the component either way.
    @Test func mixedOrderKeysTakeTheFastPath() throws {
        // u = 4, 6, 7 and 10 are on the curve and not of prime order: [ℓ]P ≠ O for each (checked
        // with the RFC 7748 ladder and the unclamped scalar ℓ in Python while writing this test).
        let keys: [Bytes] = [4, 6, 7, 10].map { [$0] + Bytes.zeros(31) } + [X25519.basePoint]
        let x = Bytes(repeating: 0x21, count: 32)
        #expect(keys.allSatisfy(NymBlindedScalars.isOnCurve))
        let fastOnly = try NymBlindedScalars.fastHopMaterial(profile: Self.fast, initialSecret: x, publicKeys: keys)
        let readable = try Sphinx.hopKeyMaterial(profile: Self.readable, initialSecret: x, publicKeys: keys)
        #expect(fastOnly == readable)
    }

    /// On the twist the product modulo ℓ is wrong: the unchecked fast path differs from the
    /// readable method (the negative control), and the checked one falls back and agrees.
    @Test func twistKeysFallBack() throws {
        let keys: [Bytes] = [try Self.honestKeys(1, label: 9)[0], [2] + Bytes.zeros(31), [5] + Bytes.zeros(31)]
        let x = Bytes(repeating: 0x42, count: 32)
        let unchecked = try NymBlindedScalars.fastHopMaterial(profile: Self.fast, initialSecret: x, publicKeys: keys)
        let readable = try Sphinx.hopKeyMaterial(profile: Self.readable, initialSecret: x, publicKeys: keys)
        #expect(unchecked?[0] == readable[0], "the honest first hop agrees")
        #expect(unchecked?[1].sharedSecret != readable[1].sharedSecret, "twist: mod ℓ is the wrong modulus")
        #expect(Self.outcome(Self.fast, x, keys) == Self.outcome(Self.readable, x, keys))
    }

    /// RFC 7748's small-order u-coordinates (the list libsodium refuses): both methods throw
    /// the same error.
    @Test func smallOrderKeysFailTheSameWay() throws {
        let p: Bytes = [0xed] + Bytes(repeating: 0xff, count: 30) + [0x7f]
        var pMinus1 = p
        pMinus1[0] = 0xec
        var pPlus1 = p
        pPlus1[0] = 0xee
        let order8a = Bytes(hex: "e0eb7a7c3b41b8ae1656e3faf19fc46ada098deb9c32b1fd866205165f49b800") ?? []
        let order8b = Bytes(hex: "5f9c95bca3508c24b1d0b1559c83ef5b04445cc4581c8e86d8224eddd09f1157") ?? []
        let smallOrder = [Bytes.zeros(32), [1] + Bytes.zeros(31), order8a, order8b, pMinus1, p, pPlus1]
        let x = Bytes(repeating: 0x11, count: 32)
        for bad in smallOrder {
            for position in 0..<3 {
                var keys = try Self.honestKeys(3, label: 3)
                keys[position] = bad
                let readable = Self.outcome(Self.readable, x, keys)
                #expect(readable == .failure(.smallOrderGroupElement))
                #expect(Self.outcome(Self.fast, x, keys) == readable)
            }
        }
    }

    /// The clamped representative is clamped and represents ±e (checked through X25519 on the
    /// base point against the readable fold for two factors).
    @Test func representativeIsClampedAndRight() throws {
        var random = try DeterministicRandom(seed: Bytes(repeating: 5, count: 32))
        for _ in 0..<40 {
            let a = random.bytes(32)
            let b = random.bytes(32)
            let e = NymBlindedScalars.multiply(
                try NymBlindedScalars.reducedClamped(a), try NymBlindedScalars.reducedClamped(b))
            let k = try #require(NymBlindedScalars.clampedRepresentative(of: e))
            #expect(try X25519.clamp(k) == k)
            let folded = try X25519.scalarMult(scalar: b, point: X25519.publicKey(secret: a))
            #expect(try X25519.publicKey(secret: k) == folded)
        }
    }
}
