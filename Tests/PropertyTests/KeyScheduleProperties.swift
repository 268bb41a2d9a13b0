// The nym sender's two key schedules agree on every route (SPEC.md §4.1.10, NYM-FAST-1): the
// readable one (SPHINX-CREATE-2) and the blinded-scalars one give the same α_i, s_i and keys,
// or the same error. Keys are drawn of every kind: honest (X25519 of a random secret, prime
// order), arbitrary 32-byte strings (half of them on the twist, most of the others with a
// small-order component) and RFC 7748's small-order points.
import PropertyBased
import SphinxSpec
import Testing

@Suite("Nym key schedules")
struct KeyScheduleProperties {
    /// RFC 7748's small-order u-coordinates as libsodium lists them: 0, 1, the two points of
    /// order 8, p − 1, p and p + 1.
    static let smallOrder: [Bytes] = [
        Bytes.zeros(32), [1] + Bytes.zeros(31),
        Bytes(hex: "e0eb7a7c3b41b8ae1656e3faf19fc46ada098deb9c32b1fd866205165f49b800") ?? [],
        Bytes(hex: "5f9c95bca3508c24b1d0b1559c83ef5b04445cc4581c8e86d8224eddd09f1157") ?? [],
        [0xec] + Bytes(repeating: 0xff, count: 30) + [0x7f],
        [0xed] + Bytes(repeating: 0xff, count: 30) + [0x7f],
        [0xee] + Bytes(repeating: 0xff, count: 30) + [0x7f],
    ]

    /// Per hop: 0–5 an honest key, 6–8 arbitrary bytes, 9 a small-order point.
    struct Route: Sendable, CustomStringConvertible {
        let kinds: [Int]
        let seed: UInt64
        var description: String { "key kinds \(kinds), seed \(seed)" }
    }

    static let routes = zip(
        Gen.int(in: 0...9).array(of: 1...NymConstants.maxPathLength), Gen.uint64()
    ).map { Route(kinds: $0.0, seed: $0.1) }

    static func outcome(_ profile: NymProfile, _ x: Bytes, _ keys: [Bytes]) -> Result<[Bytes], SphinxError> {
        do throws(SphinxError) {
            let material = try profile.senderHopMaterial(initialSecret: x, publicKeys: keys)
            return .success(material.flatMap { [$0.alpha, $0.sharedSecret, $0.keys.expandedSharedSecret] })
        } catch {
            return .failure(error)
        }
    }

    @Test func bothSchedulesAgree() async throws {
        let readable = NymProfile(keySchedule: .readable)
        let fast = NymProfile(keySchedule: .blindedScalarsFirst)
        await propertyCheck(count: RunSettings.count(60), input: fixedSeeds("keyschedule.nym"), Self.routes) { _, r in
            var random = try DeterministicRandom(seed: ByteOps.bigEndian(r.seed, width: 8) + Bytes.zeros(24))
            var keys: [Bytes] = []
            for kind in r.kinds {
                switch kind {
                case 0...5: keys.append(try X25519.publicKey(secret: random.bytes(32)))
                case 6...8: keys.append(random.bytes(32))
                default: keys.append(Self.smallOrder[random.int(Self.smallOrder.count)])
                }
            }
            let x = random.bytes(32)
            #expect(Self.outcome(fast, x, keys) == Self.outcome(readable, x, keys))
        }
    }
}

// The sphinxmix sender's method (SPEC.md SMX-SENDER-KEYS: α_i from the generator table by the
// product of the factors, as sphinxmix's own `create_header`) against the readable
// SPHINX-CREATE-2 (α_{i+1} = b_i·α_i): the same α_i, s_i and keys, or the same error. Keys are
// honest P-224 points, 57 random bytes (almost never a point), the generator, or the point at
// infinity's encoding; x is random, 0 or n (both ≡ 0 mod n).
@Suite("Sphinxmix key schedules")
struct SphinxmixKeyScheduleProperties {
    struct Route: Sendable, CustomStringConvertible {
        let kinds: [Int]
        let secretKind: Int
        let seed: UInt64
        var description: String { "key kinds \(kinds), secret kind \(secretKind), seed \(seed)" }
    }

    static let routes = zip(Gen.int(in: 0...9).array(of: 1...5), Gen.int(in: 0...9), Gen.uint64()).map {
        Route(kinds: $0.0, secretKind: $0.1, seed: $0.2)
    }

    static func outcome(
        _ method: (Bytes, [Bytes]) throws(SphinxError) -> [Sphinx.HopMaterial<SphinxmixProfile>], _ x: Bytes,
        _ keys: [Bytes]
    ) -> Result<[Sphinx.HopMaterial<SphinxmixProfile>], SphinxError> {
        do throws(SphinxError) { return .success(try method(x, keys)) } catch { return .failure(error) }
    }

    @Test func bothMethodsAgree() async throws {
        let profile = SphinxmixProfile()
        let order = Bytes(hex: "ffffffffffffffffffffffffffff16a2e0b8f03e13dd29455c5c2a3d") ?? []
        await propertyCheck(count: RunSettings.count(40), input: fixedSeeds("keyschedule.sphinxmix"), Self.routes) {
            _, r in
            var random = try DeterministicRandom(seed: ByteOps.bigEndian(r.seed, width: 8) + Bytes.zeros(24))
            var keys: [Bytes] = []
            for kind in r.kinds {
                switch kind {
                case 0...6: keys.append(try P224.Scalar.random(using: &random).timesGenerator().encoded)
                case 7: keys.append(random.bytes(57))
                case 8: keys.append(P224.generator.encoded)
                default: keys.append([0x00])
                }
            }
            let x: Bytes
            switch r.secretKind {
            case 0: x = Bytes.zeros(28)
            case 1: x = order
            default: x = try P224.Scalar.random(using: &random).bytes
            }
            let fast = Self.outcome(profile.senderHopMaterial, x, keys)
            let readable = Self.outcome(
                { (x, keys) throws(SphinxError) in
                    try Sphinx.hopKeyMaterial(profile: profile, initialSecret: x, publicKeys: keys)
                }, x, keys)
            #expect(fast == readable)
        }
    }
}
