import Foundation
import SphinxSpec

/// The primitives this project tests, one vector file each.
enum PrimitiveKind: String, CaseIterable, Sendable {
    case x25519 = "X25519"
    case hmacSHA256 = "HMAC-SHA256"
    case hkdfSHA256 = "HKDF-SHA256"
    case aes128CTR = "AES-128-CTR"
    case chacha20Original = "ChaCha20-original"
    case chacha20IETF = "ChaCha20-IETF"
    case blake2b = "BLAKE2b"
    case sha256 = "SHA-256"
    case deterministicRandom = "DeterministicRandom"
    case lionessChaCha20BLAKE2b = "LIONESS-ChaCha20-BLAKE2b"
    case lionessAES128SHA256 = "LIONESS-AES128-SHA256"
    case p224 = "P-224"

    /// The file, relative to TestVectors/.
    var path: String {
        switch self {
        case .x25519: "primitives/x25519.json"
        case .hmacSHA256: "primitives/hmac_sha256.json"
        case .hkdfSHA256: "primitives/hkdf_sha256.json"
        case .aes128CTR: "primitives/aes128_ctr.json"
        case .chacha20Original: "primitives/chacha20_original.json"
        case .chacha20IETF: "primitives/chacha20_ietf.json"
        case .blake2b: "primitives/blake2b.json"
        case .sha256: "primitives/sha256.json"
        case .deterministicRandom: "primitives/deterministic_random.json"
        case .lionessChaCha20BLAKE2b: "primitives/lioness_chacha20_blake2b.json"
        case .lionessAES128SHA256: "primitives/lioness_aes128_sha256.json"
        case .p224: "primitives/p224.json"
        }
    }

    var header: [String] {
        switch self {
        case .x25519:
            [
                "X25519 (RFC 7748 §5) with the scalar clamped at use and bit 255 of u masked.",
                "`iterations`, when present, runs the RFC 7748 §5.2 iteration: (k, u) = (X25519(k, u), k), output k.",
                "Points of small order give the all-zero value; this project rejects it (RFC 7748 §6.1 allows either), so those tests are `acceptable`.",
                "SPEC.md PRIM-X25519.",
            ]
        case .hmacSHA256:
            [
                "HMAC-SHA256 (RFC 2104, FIPS 180-4); `tag_length` bytes of the output are compared (16 in the nym profile's header MAC).",
                "SPEC.md PRIM-HMAC.",
            ]
        case .hkdfSHA256:
            [
                "HKDF-SHA256 (RFC 5869): PRK = HKDF-Extract(salt, IKM), OKM = HKDF-Expand(PRK, info, length). An empty salt means 32 zero bytes.",
                "SPEC.md PRIM-HKDF.",
            ]
        case .aes128CTR:
            [
                "AES-128 in counter mode (NIST SP 800-38A §6.5): `iv` is the initial 16-byte counter block, incremented as one 128-bit big-endian integer.",
                "The nym and sphinxmix profiles use it with a zero IV as the stream cipher rho. SPEC.md PRIM-AES-CTR.",
            ]
        case .chacha20Original:
            [
                "ChaCha20 as D. J. Bernstein defined it: 8-byte nonce, 64-bit block counter `counter`.",
                "This is the variant the nym profile's LIONESS uses (with a zero nonce). Do not confuse it with RFC 8439's. SPEC.md PRIM-CHACHA20.",
            ]
        case .chacha20IETF:
            ["ChaCha20 as RFC 8439 defines it: 12-byte nonce, 32-bit block counter `counter`. SPEC.md PRIM-CHACHA20."]
        case .blake2b:
            [
                "BLAKE2b (RFC 7693) with an optional key of up to 64 bytes and an `output_length`-byte digest.",
                "The nym profile's LIONESS uses it keyed with 64 bytes and a 32-byte output. SPEC.md PRIM-BLAKE2B.",
            ]
        case .sha256:
            ["SHA-256 (FIPS 180-4). The sphinxmix profile derives its keys with it. SPEC.md PRIM-SHA256."]
        case .deterministicRandom:
            [
                "The deterministic random source every generated vector draws from (SPEC.md PRIM-RANDOM-DET):",
                "the ChaCha20 (original variant) keystream under the 32-byte seed, zero nonce, from block 0; `count` bytes are drawn.",
            ]
        case .lionessChaCha20BLAKE2b:
            [
                "LIONESS with ChaCha20 (original variant, zero nonce) and keyed BLAKE2b-256, as crate lioness 0.1.2 builds it: the nym profile's payload PRP.",
                "key (192 bytes) = K1 (32) ‖ K2 (64) ‖ K3 (32) ‖ K4 (64); `ciphertext` is the encryption of `plaintext`; decryption must give it back. SPEC.md PRIM-LIONESS-CB-ENC.",
            ]
        case .lionessAES128SHA256:
            [
                "LIONESS as sphinxmix 0.0.7 builds it from AES-128-CTR and SHA-256 (SphinxParams.lioness_enc): the sphinxmix profile's payload PRP.",
                "16-byte key; `ciphertext` is the encryption of `plaintext`; decryption must give it back. SPEC.md PRIM-LIONESS-AES-ENC.",
            ]
        case .p224:
            [
                "Point multiplication on NIST P-224, the sphinxmix profile's group: `product` = `scalar` · `point`.",
                "Scalars are 28-byte big-endian integers in [1, n); points are uncompressed (0x04 ‖ X ‖ Y, 57 bytes) and must be on the curve. SPEC.md PRIM-P224-MUL.",
            ]
        }
    }

    var groupParameters: [String: String] {
        switch self {
        case .x25519: ["curve": "curve25519", "encoding": "little-endian u-coordinate, 32 bytes"]
        case .hmacSHA256: ["hash": "SHA-256"]
        case .hkdfSHA256: ["hash": "SHA-256"]
        case .aes128CTR: ["keySize": "128", "counter": "128-bit big-endian increment of the whole block"]
        case .chacha20Original: ["nonceSize": "64", "counterSize": "64"]
        case .chacha20IETF: ["nonceSize": "96", "counterSize": "32"]
        case .blake2b: ["maxKeySize": "64 bytes", "outputSize": "1 to 64 bytes; this implementation supports 16 to 64"]
        case .sha256: ["outputSize": "32 bytes"]
        case .deterministicRandom: ["stream": "ChaCha20-original(key = seed, nonce = 0^8), from block 0"]
        case .lionessChaCha20BLAKE2b: ["keySize": "192 bytes", "minimumBlock": "33 bytes", "left": "32 bytes"]
        case .lionessAES128SHA256: ["keySize": "16 bytes", "minimumBlock": "32 bytes", "left": "16 bytes"]
        case .p224:
            [
                "curve": "NIST P-224 (secp224r1)",
                "encoding": "uncompressed points, 57 bytes; big-endian scalars, 28 bytes",
            ]
        }
    }

    var knownAnswers: [KnownAnswer] {
        switch self {
        case .x25519: KnownAnswers.x25519
        case .hmacSHA256: KnownAnswers.hmacSHA256
        case .hkdfSHA256: KnownAnswers.hkdfSHA256
        case .aes128CTR: KnownAnswers.aes128CTR
        case .chacha20Original: KnownAnswers.chacha20Original
        case .chacha20IETF: KnownAnswers.chacha20IETF
        case .blake2b: KnownAnswers.blake2b
        case .sha256: KnownAnswers.sha256
        case .deterministicRandom: KnownAnswers.deterministicRandom
        case .lionessChaCha20BLAKE2b: KnownAnswers.lionessChaCha20BLAKE2b
        case .lionessAES128SHA256: KnownAnswers.lionessAES128SHA256
        case .p224: KnownAnswers.p224
        }
    }
}

/// Every flag the primitives files use, explained once.
enum PrimitiveFlags {
    static let all: [String: FlagNote] = [
        "KnownAnswer": FlagNote(
            bugType: .basic, description: "A known answer copied from the published document named in `source`."),
        "Generated": FlagNote(
            bugType: .basic,
            description:
                "Inputs drawn from DeterministicRandom(SHA-256(seedLabel)) in the shape a profile uses; the output was computed by this implementation and cross-checks no other source."
        ),
        "HighBitSetInU": FlagNote(
            bugType: .defined,
            description:
                "The u-coordinate has bit 255 set; RFC 7748 §5 masks it, so the result equals that of the masked value."
        ),
        "SmallOrderPoint": FlagNote(
            bugType: .edgeCase,
            description:
                "A point of small order gives the all-zero shared value. RFC 7748 §6.1 lets a protocol either check for it or not: this project rejects it (error x25519AllZeroSharedSecret); an implementation returning 32 zero bytes is also conforming at this level."
        ),
        "TruncatedMac": FlagNote(
            bugType: .basic, description: "Only the first `tag_length` bytes of the MAC are compared."),
        "LongKey": FlagNote(
            bugType: .defined, description: "A key longer than the 64-byte block must be hashed first (RFC 2104 §2)."),
        "EmptySalt": FlagNote(
            bugType: .defined, description: "An empty salt stands for HashLen zero bytes (RFC 5869 §2.2)."),
        "CounterCarry": FlagNote(
            bugType: .edgeCase,
            description: "The counter block's low bytes wrap; the increment must carry over the whole 128-bit block."),
        "NonceByteOrder": FlagNote(
            bugType: .defined, description: "Checks where the nonce bytes go in the ChaCha20 state."),
        "Keyed": FlagNote(
            bugType: .basic,
            description: "Keyed BLAKE2b (the key is padded to a block and hashed first, RFC 7693 §3.3)."),
        "BlockBoundary": FlagNote(bugType: .edgeCase, description: "The output crosses a 64-byte keystream block."),
        "WrongLength": FlagNote(
            bugType: .functionality,
            description: "An input of the wrong length must be rejected (error invalidLength), not truncated or padded."
        ),
        "OutputTooLong": FlagNote(
            bugType: .functionality,
            description:
                "A requested output length above the primitive's maximum must be rejected (error invalidOutputLength)."),
        "PointNotOnCurve": FlagNote(
            bugType: .edgeCase,
            description:
                "A point from NIST's public-key validation vectors that is not on the curve: it must be rejected (pointNotOnCurve) before any multiplication (invalid-curve attacks)."
        ),
        "InvalidEncoding": FlagNote(
            bugType: .functionality,
            description: "A point encoding that is not 0x04 ‖ X ‖ Y of 57 bytes: invalidPointEncoding."),
        "InvalidScalar": FlagNote(bugType: .functionality, description: "A scalar outside [1, n): invalidScalar."),
        "NymKeySchedule": FlagNote(
            bugType: .basic,
            description:
                "The nym profile's key expansion (salt empty, the 97-byte info string), checked against the values the nym crate's own test publishes; only the OKM is compared."
        ),
        "MinimumBlock": FlagNote(
            bugType: .edgeCase,
            description: "The shortest block the cipher takes: the right half is as long as the left."),
        "ShortOutput": FlagNote(
            bugType: .edgeCase,
            description:
                "RFC 7693 allows BLAKE2b outputs of 1 to 15 bytes; this implementation (libsodium) does not and rejects them with invalidOutputLength. Either behaviour is conforming: no profile uses such lengths."
        ),
    ]
}
