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
