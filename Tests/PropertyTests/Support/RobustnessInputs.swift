// Hostile inputs for the robustness suite (see PROP-ROBUST-1): boundary lengths, random byte
// strings, mutations of real packets, and the special group elements an attacker would try.
// Everything is drawn from a seeded DeterministicRandom, so a failing input is reproduced by
// running the suite again with the same SPHINX_PROPERTY_SEED.
import SphinxSpec

enum HostileInputs {
    /// The lengths where a parser's bounds checks sit, for both profiles, each with its
    /// neighbours: nym header 348 (α 32, γ 16, β 300), minimum payload 33, SURB 348 + 32 + 16,
    /// default packet 348 + 1024; sphinxmix α 57, γ 16, β 160, header 57 + 16 + 160 = 233,
    /// body 1024, packet 1257; the other sphinxmix parameter sets of the tests: header_len 64 /
    /// body 34 (header 105, packet 139) and header_len 256 / body 2048 (header 297, packet 2345).
    static let boundaryLengths: [Int] = {
        let centres = [
            0, 1, 16, 28, 29, 32, 33, 34, 48, 56, 57, 73, 105, 139, 160, 233, 297, 300, 348,
            380, 381, 396, 1024, 1257, 1372, 2048 + 348, 2048 + 348 + 17, 2345,
        ]
        var out = Set<Int>()
        for c in centres { for d in -1...1 where c + d >= 0 { out.insert(c + d) } }
        return out.sorted()
    }()

    /// Boundary lengths plus `extra` random lengths in 0…3000.
    static func lengths(extra: Int, _ random: inout DeterministicRandom) -> [Int] {
        boundaryLengths + (0..<extra).map { _ in random.int(3001) }
    }

    // MARK: Special group elements

    /// X25519 u-coordinates of small order, and their non-canonical forms (u + p, high bit set):
    /// the list libsodium rejects in crypto_scalarmult/curve25519/ref10/x25519_ref10.c
    /// (`has_small_order`), plus all-0xff. Each makes the shared secret all-zero or is
    /// otherwise degenerate.
    static let x25519Special: [Bytes] = [
        "0000000000000000000000000000000000000000000000000000000000000000",
        "0100000000000000000000000000000000000000000000000000000000000000",
        "e0eb7a7c3b41b8ae1656e3faf19fc46ada098deb9c32b1fd866205165f49b800",
        "5f9c95bca3508c24b1d0b1559c83ef5b04445cc4581c8e86d8224eddd09f1157",
        "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
        "edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
        "eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
        "cdeb7a7c3b41b8ae1656e3faf19fc46ada098deb9c32b1fd866205165f49b880",
        "4c9c95bca3508c24b1d0b1559c83ef5b04445cc4581c8e86d8224eddd09f11d7",
        "d9ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff",
        "daffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff",
        "dbffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff",
        "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff",
    ].compactMap { Bytes(hex: $0) }

    /// P-224 encodings that must all be rejected (SEC 1 v2 §2.3.3/§2.3.4; constants FIPS 186-4
    /// §D.1.2.2): the point at infinity (0x00), empty, all-zero and all-0xff strings of point
    /// length, compressed and hybrid prefixes, a bad prefix, coordinates ≥ p, and G with y + 1
    /// (off the curve). The last entries are valid (G and −G) as controls.
    static let p224Special: [Bytes] = {
        let p = "ffffffffffffffffffffffffffffffff000000000000000000000001"
        let gx = "b70e0cbd6bb4bf7f321390b94a03c1d356c21122343280d6115c1d21"
        let gy = "bd376388b5f723fb4c22dfe6cd4375a05a07476444d5819985007e34"
        let gyPlusOne = "bd376388b5f723fb4c22dfe6cd4375a05a07476444d5819985007e35"
        let minusGy = "42c89c774a08dc04b3dd201932bc8a5ea5f8b89bbb2a7e667aff81cd"  // p − gy
        let hexes = [
            "00", "", "04", "04" + gx, "02" + gx, "03" + gx, "06" + gx + gy, "07" + gx + gy,
            "05" + gx + gy, "00" + gx + gy, "04" + p + gy, "04" + gx + p, "04" + p + p,
            "04" + gx + gyPlusOne, "04" + gx + gy + "00", "04" + gx + String(gy.dropLast(2)),
            String(repeating: "00", count: 57), String(repeating: "ff", count: 57),
            "04" + String(repeating: "00", count: 56), "04" + String(repeating: "ff", count: 56),
            "04" + gx + gy, "04" + gx + minusGy,
        ]
        return hexes.compactMap { Bytes(hex: $0) }
    }()

    // MARK: Mutations

    /// Mutations of a real packet: truncation at every boundary length below it and at random
    /// lengths, extension, bit and byte flips, zeroed and 0xff ranges, a splice with another
    /// packet, and α replaced by each special value. `alphaRange` is where α sits in `packet`.
    static func mutations(
        of packet: Bytes, other: Bytes, alphaRange: Range<Int>, specialAlphas: [Bytes],
        randomCount: Int, _ random: inout DeterministicRandom
    ) -> [(String, Bytes)] {
        var out: [(String, Bytes)] = []
        for length in boundaryLengths where length < packet.count {
            out.append(("truncate to \(length)", Array(packet.prefix(length))))
        }
        out.append(("drop last byte", Array(packet.dropLast())))
        out.append(("extend by 1", packet + [0]))
        out.append(("extend by 64", packet + random.bytes(64)))
        out.append(("doubled", packet + packet))
        for alpha in specialAlphas {
            var p = packet
            p.replaceSubrange(alphaRange, with: alpha)
            out.append(("alpha := \(alpha.hex.prefix(16))… (\(alpha.count) bytes)", p))
        }
        for i in 0..<randomCount {
            var p = packet
            guard !p.isEmpty else { break }
            let kind = i % 6
            switch kind {
            case 0:
                let bit = random.int(p.count * 8)
                p[bit / 8] ^= UInt8(1) << UInt8(bit % 8)
                out.append(("flip bit \(bit)", p))
            case 1:
                let at = random.int(p.count)
                p[at] = random.bytes(1)[0]
                out.append(("set byte \(at)", p))
            case 2:
                let at = random.int(p.count)
                let n = Swift.min(p.count - at, 1 + random.int(64))
                p.replaceSubrange(at..<(at + n), with: Bytes(repeating: i % 12 < 6 ? 0 : 0xff, count: n))
                out.append(("fill \(n) at \(at)", p))
            case 3:
                let cut = random.int(Swift.min(p.count, other.count) + 1)
                out.append(("splice at \(cut)", Array(p.prefix(cut)) + Array(other.dropFirst(cut))))
            case 4:
                let length = random.int(p.count)
                out.append(("truncate to \(length)", Array(p.prefix(length))))
            default:
                for _ in 0..<(2 + random.int(8)) {
                    let at = random.int(p.count)
                    p[at] ^= random.bytes(1)[0] | 1
                }
                out.append(("scatter flips", p))
            }
        }
        return out
    }

    /// Random strings for the hex decoder: hex digits of both cases with odd lengths, stray
    /// characters, multi-byte UTF-8, a 0x prefix, whitespace.
    static func hexStrings(count: Int, _ random: inout DeterministicRandom) -> [String] {
        let alphabet = Array("0123456789abcdefABCDEF")
        let strays: [String] = ["g", "G", " ", "\n", "x", "0x", "é", "€", "💥", "\u{0}", "-", "+", "٣"]
        var out = [
            "", "0", "00", "0g", "g0", "0x00", " 00", "00 ", "é", "ab\u{0}c", String(repeating: "f", count: 4001),
        ]
        for _ in 0..<count {
            var s = ""
            for _ in 0..<random.int(70) { s.append(alphabet[random.int(alphabet.count)]) }
            if random.int(2) == 0 {
                let at = random.int(s.count + 1)
                s.insert(contentsOf: strays[random.int(strays.count)], at: s.index(s.startIndex, offsetBy: at))
            }
            out.append(s)
        }
        return out
    }
}
