import SphinxSpec

/// Known answers copied from the published documents named in each `source`. SPEC.md
/// VEC-PRIM-FORMAT-1 says how they are written out. Nothing here was computed by this project:
/// `vectors-gen verify` recomputes every one with the primitives in Sources/SphinxSpec/Primitives.
enum KnownAnswers {

    // MARK: X25519 (RFC 7748)

    static let x25519: [KnownAnswer] = [
        KnownAnswer(
            source: "RFC 7748 §5.2, first test vector",
            comment: "X25519(scalar, u)",
            inputs: PrimitiveInputs(
                scalar: h("a546e36bf0527c9d3b16154b82465edd62144c0ac1fc5a18506a2244ba449ac4"),
                u: h("e6db6867583030db3594c1a424b15f7c726624ec26b3353b10a903a6d0ab1c4c")),
            outputs: PrimitiveOutputs(shared: h("c3da55379de9c6908e94ea4df28d084f32eccf03491c71f754b4075577a28552"))
        ),
        KnownAnswer(
            source: "RFC 7748 §5.2, second test vector",
            comment: "X25519(scalar, u) where u has its top bit set: RFC 7748 §5 masks it before use",
            inputs: PrimitiveInputs(
                scalar: h("4b66e9d4d1b4673c5ad22691957d6af5c11b6421e0ea01d42ca4169e7918ba0d"),
                u: h("e5210f12786811d3f4b7959d0538ae2c31dbe7106fc03c3efc4cd549c715a493")),
            outputs: PrimitiveOutputs(shared: h("95cbde9476e8907d7aade45cb4b873f88b595a68799fa152e6f8f7647aac7957")),
            flags: ["HighBitSetInU"]
        ),
        KnownAnswer(
            source: "RFC 7748 §5.2, iterated test, after 1 iteration",
            comment: "k = u = 9; repeat: (k, u) = (X25519(k, u), k)",
            inputs: PrimitiveInputs(
                scalar: h("0900000000000000000000000000000000000000000000000000000000000000"),
                u: h("0900000000000000000000000000000000000000000000000000000000000000"),
                iterations: 1),
            outputs: PrimitiveOutputs(shared: h("422c8e7a6227d7bca1350b3e2bb7279f7897b87bb6854b783c60e80311ae3079"))
        ),
        KnownAnswer(
            source: "RFC 7748 §5.2, iterated test, after 1,000 iterations",
            comment: "k = u = 9; repeat: (k, u) = (X25519(k, u), k)",
            inputs: PrimitiveInputs(
                scalar: h("0900000000000000000000000000000000000000000000000000000000000000"),
                u: h("0900000000000000000000000000000000000000000000000000000000000000"),
                iterations: 1000),
            outputs: PrimitiveOutputs(shared: h("684cf59ba83309552800ef566f2f4d3c1c3887c49360e3875f2eb94d99532c51"))
        ),
        KnownAnswer(
            source: "RFC 7748 §6.1, Alice's public key",
            comment: "X25519(a, 9)",
            inputs: PrimitiveInputs(
                scalar: h("77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a"),
                u: h("0900000000000000000000000000000000000000000000000000000000000000")),
            outputs: PrimitiveOutputs(shared: h("8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a"))
        ),
        KnownAnswer(
            source: "RFC 7748 §6.1, Bob's public key",
            comment: "X25519(b, 9)",
            inputs: PrimitiveInputs(
                scalar: h("5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb"),
                u: h("0900000000000000000000000000000000000000000000000000000000000000")),
            outputs: PrimitiveOutputs(shared: h("de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f"))
        ),
        KnownAnswer(
            source: "RFC 7748 §6.1, shared secret computed by Alice",
            comment: "X25519(a, X25519(b, 9))",
            inputs: PrimitiveInputs(
                scalar: h("77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a"),
                u: h("de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f")),
            outputs: PrimitiveOutputs(shared: h("4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742"))
        ),
        KnownAnswer(
            source: "RFC 7748 §6.1, shared secret computed by Bob",
            comment: "X25519(b, X25519(a, 9))",
            inputs: PrimitiveInputs(
                scalar: h("5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb"),
                u: h("8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a")),
            outputs: PrimitiveOutputs(shared: h("4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742"))
        ),
    ]

    /// The u-coordinates of the points of small order (1, 2, 4 and 8) on Curve25519 and its
    /// twist, as listed in D. J. Bernstein's "Curve25519: new Diffie-Hellman speed records"
    /// web page (cr.yp.to/ecdh.html, "How do I validate Curve25519 public keys?") and rejected by
    /// libsodium; each is followed by the same value with bit 255 set, which RFC 7748 §5 masks
    /// away. X25519 of any scalar with these gives the all-zero value (RFC 7748 §6.1).
    static let smallOrderPoints: [(name: String, u: Hex)] = [
        ("0 (order 4)", h("0000000000000000000000000000000000000000000000000000000000000000")),
        ("1 (order 1)", h("0100000000000000000000000000000000000000000000000000000000000000")),
        ("a point of order 8", h("e0eb7a7c3b41b8ae1656e3faf19fc46ada098deb9c32b1fd866205165f49b800")),
        ("the other point of order 8", h("5f9c95bca3508c24b1d0b1559c83ef5b04445cc4581c8e86d8224eddd09f1157")),
        ("p - 1 (order 2)", h("ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f")),
        ("p, non-canonical 0 (order 4)", h("edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f")),
        ("p + 1, non-canonical 1 (order 1)", h("eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f")),
        ("0 with bit 255 set", h("0000000000000000000000000000000000000000000000000000000000000080")),
        ("1 with bit 255 set", h("0100000000000000000000000000000000000000000000000000000000000080")),
        ("order 8 with bit 255 set", h("e0eb7a7c3b41b8ae1656e3faf19fc46ada098deb9c32b1fd866205165f49b880")),
        ("the other order 8 with bit 255 set", h("5f9c95bca3508c24b1d0b1559c83ef5b04445cc4581c8e86d8224eddd09f11d7")),
        ("p - 1 with bit 255 set", h("ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff")),
        ("p with bit 255 set", h("edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff")),
        ("p + 1 with bit 255 set", h("eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff")),
    ]

    // MARK: HMAC-SHA256 (RFC 4231)

    static let hmacSHA256: [KnownAnswer] = [
        KnownAnswer(
            source: "RFC 4231 §4.2, test case 1",
            comment: "20-byte key, \"Hi There\"",
            inputs: PrimitiveInputs(
                key: h("0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b"), message: ascii("Hi There"), tagLength: 32),
            outputs: PrimitiveOutputs(mac: h("b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"))
        ),
        KnownAnswer(
            source: "RFC 4231 §4.3, test case 2",
            comment: "a key shorter than the output",
            inputs: PrimitiveInputs(key: ascii("Jefe"), message: ascii("what do ya want for nothing?"), tagLength: 32),
            outputs: PrimitiveOutputs(mac: h("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"))
        ),
        KnownAnswer(
            source: "RFC 4231 §4.4, test case 3",
            comment: "20 bytes 0xaa as key, 50 bytes 0xdd as data",
            inputs: PrimitiveInputs(
                key: Hex(Bytes(repeating: 0xaa, count: 20)), message: Hex(Bytes(repeating: 0xdd, count: 50)),
                tagLength: 32),
            outputs: PrimitiveOutputs(mac: h("773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe"))
        ),
        KnownAnswer(
            source: "RFC 4231 §4.5, test case 4",
            comment: "25-byte key 0x01…0x19, 50 bytes 0xcd as data",
            inputs: PrimitiveInputs(
                key: h("0102030405060708090a0b0c0d0e0f10111213141516171819"),
                message: Hex(Bytes(repeating: 0xcd, count: 50)), tagLength: 32),
            outputs: PrimitiveOutputs(mac: h("82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b"))
        ),
        KnownAnswer(
            source: "RFC 4231 §4.6, test case 5",
            comment: "output truncated to 128 bits, as the nym profile's header MAC is",
            inputs: PrimitiveInputs(
                key: Hex(Bytes(repeating: 0x0c, count: 20)), message: ascii("Test With Truncation"), tagLength: 16),
            outputs: PrimitiveOutputs(mac: h("a3b6167473100ee06e0c796c2955552b")),
            flags: ["TruncatedMac"]
        ),
        KnownAnswer(
            source: "RFC 4231 §4.7, test case 6",
            comment: "a 131-byte key, longer than the block, is hashed first",
            inputs: PrimitiveInputs(
                key: Hex(Bytes(repeating: 0xaa, count: 131)),
                message: ascii("Test Using Larger Than Block-Size Key - Hash Key First"), tagLength: 32),
            outputs: PrimitiveOutputs(mac: h("60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54")),
            flags: ["LongKey"]
        ),
        KnownAnswer(
            source: "RFC 4231 §4.8, test case 7",
            comment: "a 131-byte key and data longer than one block",
            inputs: PrimitiveInputs(
                key: Hex(Bytes(repeating: 0xaa, count: 131)),
                message: ascii(
                    "This is a test using a larger than block-size key and a larger than block-size data. The key needs to be hashed before being used by the HMAC algorithm."
                ),
                tagLength: 32),
            outputs: PrimitiveOutputs(mac: h("9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2")),
            flags: ["LongKey"]
        ),
    ]

    // MARK: HKDF-SHA256 (RFC 5869)

    static let hkdfSHA256: [KnownAnswer] = [
        KnownAnswer(
            source: "RFC 5869 Appendix A.1, test case 1",
            comment: "basic test case with SHA-256",
            inputs: PrimitiveInputs(
                salt: h("000102030405060708090a0b0c"),
                ikm: h("0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b"),
                info: h("f0f1f2f3f4f5f6f7f8f9"), length: 42),
            outputs: PrimitiveOutputs(
                prk: h("077709362c2e32df0ddc3f0dc47bba6390b6c73bb50f9c3122ec844ad7c2b3e5"),
                okm: h("3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865"))
        ),
        KnownAnswer(
            source: "RFC 5869 Appendix A.2, test case 2",
            comment: "longer inputs and outputs",
            inputs: PrimitiveInputs(
                salt: h(
                    """
                    606162636465666768696a6b6c6d6e6f707172737475767778797a7b7c7d7e7f
                    808182838485868788898a8b8c8d8e8f909192939495969798999a9b9c9d9e9f
                    a0a1a2a3a4a5a6a7a8a9aaabacadaeaf
                    """),
                ikm: h(
                    """
                    000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f
                    202122232425262728292a2b2c2d2e2f303132333435363738393a3b3c3d3e3f
                    404142434445464748494a4b4c4d4e4f
                    """),
                info: h(
                    """
                    b0b1b2b3b4b5b6b7b8b9babbbcbdbebfc0c1c2c3c4c5c6c7c8c9cacbcccdcecf
                    d0d1d2d3d4d5d6d7d8d9dadbdcdddedfe0e1e2e3e4e5e6e7e8e9eaebecedeeef
                    f0f1f2f3f4f5f6f7f8f9fafbfcfdfeff
                    """),
                length: 82),
            outputs: PrimitiveOutputs(
                prk: h("06a6b88c5853361a06104c9ceb35b45cef760014904671014a193f40c15fc244"),
                okm: h(
                    """
                    b11e398dc80327a1c8e7f78c596a49344f012eda2d4efad8a050cc4c19afa97c
                    59045a99cac7827271cb41c65e590e09da3275600c2f09b8367793a9aca3db71
                    cc30c58179ec3e87c14c01d5c1f3434f1d87
                    """))
        ),
        KnownAnswer(
            source: "RFC 5869 Appendix A.3, test case 3",
            comment: "zero-length salt and info, as the nym profile's key derivation uses (empty salt)",
            inputs: PrimitiveInputs(
                salt: h(""), ikm: h("0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b"), info: h(""), length: 42),
            outputs: PrimitiveOutputs(
                prk: h("19ef24a32c717b167f33a91d6f648bdf96596776afdb6377ac434c1c293ccb04"),
                okm: h("8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d9d201395faa4b61a96c8")),
            flags: ["EmptySalt"]
        ),
        KnownAnswer(
            source:
                "nymtech/sphinx 0.6.0 src/header/shared_secret.rs, test results_in_same_values_as_old_implementation: stream key ‖ MAC key ‖ 192-byte payload key ‖ blinding factor",
            comment:
                "the nym key expansion's first 256 bytes; IKM = the crate's mock_shared_secret (src/test_utils.rs): sk1, sk2 = the first 64 bytes of ChaCha20Rng([1; 32]), s = X25519(sk2, X25519(sk1, 9)); the crate publishes no PRK",
            inputs: PrimitiveInputs(
                salt: h(""), ikm: Hex(nymMockSharedSecret), info: ascii(NymStrings.essInfo), length: 256),
            outputs: PrimitiveOutputs(
                okm: h(
                    """
                    baea9871ca7cbfe4ad595b087ffbd6c81cde11e32eb4aa072234b18e96898ede
                    d2d151f1fe7b24519b55732865d26108c4683d17a5bebfeccb450fe64664a188
                    3558747651393ab5e866955defff9ccd00926e75893b66aa57faafcfc16b709a
                    f7dc6e87206a14980e84599af918b0281eb6c3d17c3b3ac9d1ff50976de29de8
                    3080389f5aa8e53c6a0e32d7c6c8a8189fe0f07717f23d8136248cf57f9fe605
                    348efe34a8ab8b64ce105edb44718d9f04e9bd90a4cab44ad64260b946bf9b12
                    d2347b47e7e14f00c419d9e785bf607767b6c824d73ecb95d68b2046421e3f66
                    e340b8eb8c3ee8aceb2a3aa9f1fdf50288954a3006a59185be69dedaf8ac31bc
                    """)),
            flags: ["EmptySalt", "NymKeySchedule"]
        ),
    ]

    /// src/test_utils.rs `mock_shared_secret` of the nym crate, recomputed: two 32-byte
    /// secrets from ChaCha20Rng seeded with 32 bytes 0x01 (our DeterministicRandom draws the same
    /// bytes, see deterministic_random.json), then one X25519 exchange. An error leaves it
    /// empty, which no HKDF output matches, so verify reports it.
    static let nymMockSharedSecret: Bytes = {
        guard var rng = try? DeterministicRandom(seed: Bytes(repeating: 1, count: 32)) else { return [] }
        let sk1 = rng.bytes(32)
        let sk2 = rng.bytes(32)
        guard let pk1 = try? X25519.publicKey(secret: sk1), let s = try? X25519.scalarMult(scalar: sk2, point: pk1)
        else { return [] }
        return s
    }()

    // MARK: AES-128-CTR (NIST SP 800-38A, RFC 3686)

    static let aes128CTR: [KnownAnswer] = [
        KnownAnswer(
            source: "NIST SP 800-38A Appendix F.5.1, CTR-AES128.Encrypt",
            comment: "four blocks; the counter block is incremented as one 128-bit big-endian integer",
            inputs: PrimitiveInputs(
                key: h("2b7e151628aed2a6abf7158809cf4f3c"), iv: h("f0f1f2f3f4f5f6f7f8f9fafbfcfdfeff"),
                plaintext: h(
                    """
                    6bc1bee22e409f96e93d7e117393172aae2d8a571e03ac9c9eb76fac45af8e51
                    30c81c46a35ce411e5fbc1191a0a52eff69f2445df4f9b17ad2b417be66c3710
                    """)),
            outputs: PrimitiveOutputs(
                ciphertext: h(
                    """
                    874d6191b620e3261bef6864990db6ce9806f66b7970fdff8617187bb9fffdff
                    5ae4df3edbd5d35e5b4f09020db03eab1e031dda2fbe03d1792170a0f3009cee
                    """)),
            flags: ["CounterCarry"]
        ),
        KnownAnswer(
            source: "RFC 3686 §6, test vector #1 (AES-128, 16 octets)",
            comment: "initial counter block = nonce ‖ IV ‖ 00000001",
            inputs: PrimitiveInputs(
                key: h("ae6852f8121067cc4bf7a5765577f39e"), iv: h("00000030000000000000000000000001"),
                plaintext: h("53696e676c6520626c6f636b206d7367")),
            outputs: PrimitiveOutputs(ciphertext: h("e4095d4fb7a7b3792d6175a3261311b8"))
        ),
        KnownAnswer(
            source: "RFC 3686 §6, test vector #2 (AES-128, 32 octets)",
            comment: "initial counter block = nonce ‖ IV ‖ 00000001",
            inputs: PrimitiveInputs(
                key: h("7e24067817fae0d743d6ce1f32539163"), iv: h("006cb6dbc0543b59da48d90b00000001"),
                plaintext: h("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f")),
            outputs: PrimitiveOutputs(ciphertext: h("5104a106168a72d9790d41ee8edad388eb2e1efc46da57c8fce630df9141be28"))
        ),
        KnownAnswer(
            source: "RFC 3686 §6, test vector #3 (AES-128, 36 octets)",
            comment: "a final partial block",
            inputs: PrimitiveInputs(
                key: h("7691be035e5020a8ac6e618529f9a0dc"), iv: h("00e0017b27777f3f4a1786f000000001"),
                plaintext: h("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f20212223")),
            outputs: PrimitiveOutputs(
                ciphertext: h("c1cf48a89f2ffdd9cf4652e9efdb72d74540a42bde6d7836d59a5ceaaef3105325b2072f"))
        ),
    ]

    // MARK: ChaCha20, original variant (8-byte nonce, 64-bit counter)

    /// The keystream vectors of draft-agl-tls-chacha20poly1305-04 §7 (also in
    /// draft-strombergson-chacha-test-vectors): the plaintext is zeros, so the ciphertext is the
    /// keystream. The fifth vector prints 256 bytes; its first 64 are used.
    static let chacha20Original: [KnownAnswer] = [
        KnownAnswer(
            source: "draft-agl-tls-chacha20poly1305-04 §7, test vector 1",
            comment: "all-zero key and nonce",
            inputs: PrimitiveInputs(
                key: h("0000000000000000000000000000000000000000000000000000000000000000"),
                nonce: h("0000000000000000"), counter: 0, plaintext: Hex(Bytes.zeros(64))),
            outputs: PrimitiveOutputs(
                ciphertext: h(
                    """
                    76b8e0ada0f13d90405d6ae55386bd28bdd219b8a08ded1aa836efcc8b770dc7
                    da41597c5157488d7724e03fb8d84a376a43b8f41518a11cc387b669b2ee6586
                    """))
        ),
        KnownAnswer(
            source: "draft-agl-tls-chacha20poly1305-04 §7, test vector 2",
            comment: "key with its last byte 1",
            inputs: PrimitiveInputs(
                key: h("0000000000000000000000000000000000000000000000000000000000000001"),
                nonce: h("0000000000000000"), counter: 0, plaintext: Hex(Bytes.zeros(64))),
            outputs: PrimitiveOutputs(
                ciphertext: h(
                    """
                    4540f05a9f1fb296d7736e7b208e3c96eb4fe1834688d2604f450952ed432d41
                    bbe2a0b6ea7566d2a5d1e7e20d42af2c53d792b1c43fea817e9ad275ae546963
                    """))
        ),
        KnownAnswer(
            source: "draft-agl-tls-chacha20poly1305-04 §7, test vector 3",
            comment: "nonce with its last byte 1 (60 bytes of keystream, as printed)",
            inputs: PrimitiveInputs(
                key: h("0000000000000000000000000000000000000000000000000000000000000000"),
                nonce: h("0000000000000001"), counter: 0, plaintext: Hex(Bytes.zeros(60))),
            outputs: PrimitiveOutputs(
                ciphertext: h(
                    """
                    de9cba7bf3d69ef5e786dc63973f653a0b49e015adbff7134fcb7df137821031
                    e85a050278a7084527214f73efc7fa5b5277062eb7a0433e445f41e3
                    """)),
            flags: ["NonceByteOrder"]
        ),
        KnownAnswer(
            source: "draft-agl-tls-chacha20poly1305-04 §7, test vector 4",
            comment: "nonce with its first byte 1",
            inputs: PrimitiveInputs(
                key: h("0000000000000000000000000000000000000000000000000000000000000000"),
                nonce: h("0100000000000000"), counter: 0, plaintext: Hex(Bytes.zeros(64))),
            outputs: PrimitiveOutputs(
                ciphertext: h(
                    """
                    ef3fdfd6c61578fbf5cf35bd3dd33b8009631634d21e42ac33960bd138e50d32
                    111e4caf237ee53ca8ad6426194a88545ddc497a0b466e7d6bbdb0041b2f586b
                    """)),
            flags: ["NonceByteOrder"]
        ),
        KnownAnswer(
            source: "draft-agl-tls-chacha20poly1305-04 §7, test vector 5 (first 64 of 256 bytes)",
            comment: "key 00…1f, nonce 00…07",
            inputs: PrimitiveInputs(
                key: h("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f"),
                nonce: h("0001020304050607"), counter: 0, plaintext: Hex(Bytes.zeros(64))),
            outputs: PrimitiveOutputs(
                ciphertext: h(
                    """
                    f798a189f195e66982105ffb640bb7757f579da31602fc93ec01ac56f85ac3c1
                    34a4547b733b46413042c9440049176905d3be59ea1c53f15916155c2be8241a
                    """))
        ),
    ]

    // MARK: ChaCha20, RFC 8439 variant (12-byte nonce, 32-bit counter)

    static let chacha20IETF: [KnownAnswer] = [
        KnownAnswer(
            source: "RFC 8439 §2.4.2, example and test vector for the ChaCha20 cipher",
            comment: "the \"sunscreen\" plaintext, block counter 1",
            inputs: PrimitiveInputs(
                key: h("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f"),
                nonce: h("000000000000004a00000000"), counter: 1,
                plaintext: ascii(
                    "Ladies and Gentlemen of the class of '99: If I could offer you only one tip for the future, sunscreen would be it."
                )),
            outputs: PrimitiveOutputs(
                ciphertext: h(
                    """
                    6e2e359a2568f98041ba0728dd0d6981e97e7aec1d4360c20a27afccfd9fae0b
                    f91b65c5524733ab8f593dabcd62b3571639d624e65152ab8f530c359f0861d8
                    07ca0dbf500d6a6156a38e088a22b65e52bc514d16ccf806818ce91ab7793736
                    5af90bbf74a35be6b40b8eedf2785e42874d
                    """))
        ),
        KnownAnswer(
            source: "RFC 8439 Appendix A.2, test vector #1",
            comment: "ChaCha20 encryption, block counter 0",
            inputs: PrimitiveInputs(
                key: h("0000000000000000000000000000000000000000000000000000000000000000"),
                nonce: h("000000000000000000000000"), counter: 0,
                plaintext: h(
                    """
                    0000000000000000000000000000000000000000000000000000000000000000
                    0000000000000000000000000000000000000000000000000000000000000000
                    """)),
            outputs: PrimitiveOutputs(
                ciphertext: h(
                    """
                    76b8e0ada0f13d90405d6ae55386bd28bdd219b8a08ded1aa836efcc8b770dc7
                    da41597c5157488d7724e03fb8d84a376a43b8f41518a11cc387b669b2ee6586
                    """))
        ),
        KnownAnswer(
            source: "RFC 8439 Appendix A.2, test vector #2",
            comment: "ChaCha20 encryption, block counter 1",
            inputs: PrimitiveInputs(
                key: h("0000000000000000000000000000000000000000000000000000000000000001"),
                nonce: h("000000000000000000000002"), counter: 1,
                plaintext: h(
                    """
                    416e79207375626d697373696f6e20746f20746865204945544620696e74656e
                    6465642062792074686520436f6e7472696275746f7220666f72207075626c69
                    636174696f6e20617320616c6c206f722070617274206f6620616e2049455446
                    20496e7465726e65742d4472616674206f722052464320616e6420616e792073
                    746174656d656e74206d6164652077697468696e2074686520636f6e74657874
                    206f6620616e204945544620616374697669747920697320636f6e7369646572
                    656420616e20224945544620436f6e747269627574696f6e222e205375636820
                    73746174656d656e747320696e636c756465206f72616c2073746174656d656e
                    747320696e20494554462073657373696f6e732c2061732077656c6c20617320
                    7772697474656e20616e6420656c656374726f6e696320636f6d6d756e696361
                    74696f6e73206d61646520617420616e792074696d65206f7220706c6163652c
                    207768696368206172652061646472657373656420746f
                    """)),
            outputs: PrimitiveOutputs(
                ciphertext: h(
                    """
                    a3fbf07df3fa2fde4f376ca23e82737041605d9f4f4f57bd8cff2c1d4b7955ec
                    2a97948bd3722915c8f3d337f7d370050e9e96d647b7c39f56e031ca5eb6250d
                    4042e02785ececfa4b4bb5e8ead0440e20b6e8db09d881a7c6132f420e527950
                    42bdfa7773d8a9051447b3291ce1411c680465552aa6c405b7764d5e87bea85a
                    d00f8449ed8f72d0d662ab052691ca66424bc86d2df80ea41f43abf937d3259d
                    c4b2d0dfb48a6c9139ddd7f76966e928e635553ba76c5c879d7b35d49eb2e62b
                    0871cdac638939e25e8a1e0ef9d5280fa8ca328b351c3c765989cbcf3daa8b6c
                    cc3aaf9f3979c92b3720fc88dc95ed84a1be059c6499b9fda236e7e818b04b0b
                    c39c1e876b193bfe5569753f88128cc08aaa9b63d1a16f80ef2554d7189c411f
                    5869ca52c5b83fa36ff216b9c1d30062bebcfd2dc5bce0911934fda79a86f6e6
                    98ced759c3ff9b6477338f3da4f9cd8514ea9982ccafb341b2384dd902f3d1ab
                    7ac61dd29c6f21ba5b862f3730e37cfdc4fd806c22f221
                    """))
        ),
        KnownAnswer(
            source: "RFC 8439 Appendix A.2, test vector #3",
            comment: "ChaCha20 encryption, block counter 42",
            inputs: PrimitiveInputs(
                key: h("1c9240a5eb55d38af333888604f6b5f0473917c1402b80099dca5cbc207075c0"),
                nonce: h("000000000000000000000002"), counter: 42,
                plaintext: h(
                    """
                    2754776173206272696c6c69672c20616e642074686520736c6974687920746f
                    7665730a446964206779726520616e642067696d626c6520696e207468652077
                    6162653a0a416c6c206d696d737920776572652074686520626f726f676f7665
                    732c0a416e6420746865206d6f6d65207261746873206f757467726162652e
                    """)),
            outputs: PrimitiveOutputs(
                ciphertext: h(
                    """
                    62e6347f95ed87a45ffae7426f27a1df5fb69110044c0d73118effa95b01e5cf
                    166d3df2d721caf9b21e5fb14c616871fd84c54f9d65b283196c7fe4f60553eb
                    f39c6402c42234e32a356b3e764312a61a5532055716ead6962568f87d3f3f77
                    04c6a8d1bcd1bf4d50d6154b6da731b187b58dfd728afa36757a797ac188d1
                    """))
        ),
    ]

    // MARK: BLAKE2b (RFC 7693)

    static let blake2b: [KnownAnswer] = [
        KnownAnswer(
            source: "RFC 7693 Appendix A, BLAKE2b-512(\"abc\")",
            comment: "unkeyed, 64-byte output",
            inputs: PrimitiveInputs(key: h(""), message: ascii("abc"), outputLength: 64),
            outputs: PrimitiveOutputs(
                digest: h(
                    """
                    ba80a53f981c4d0d6a2797b69f12f6e94c212f14685ac4b74b12bb6fdbffa2d1
                    7d87c5392aab792dc252d5de4533cc9518d38aa8dbf1925ab92386edd4009923
                    """))
        ),
        KnownAnswer(
            source: "BLAKE2 reference repository, testvectors/blake2b-kat.txt, first entry (in = empty)",
            comment: "keyed with the 64-byte key 00…3f, empty message",
            inputs: PrimitiveInputs(key: Hex(Bytes(0..<64)), message: h(""), outputLength: 64),
            outputs: PrimitiveOutputs(
                digest: h(
                    """
                    10ebb67700b1868efb4417987acf4690ae9d972fb7a590c2f02871799aaa4786
                    b5e996e8f0f4eb981fc214b005f42d2ff4233499391653df7aefcbc13fc51568
                    """)),
            flags: ["Keyed"]
        ),
        KnownAnswer(
            source: "BLAKE2 reference repository, testvectors/blake2b-kat.txt, second entry (in = 00)",
            comment: "keyed with the 64-byte key 00…3f, one-byte message",
            inputs: PrimitiveInputs(key: Hex(Bytes(0..<64)), message: h("00"), outputLength: 64),
            outputs: PrimitiveOutputs(
                digest: h(
                    """
                    961f6dd1e4dd30f63901690c512e78e4b45e4742ed197c3c5e45c549fd25f2e4
                    187b0bc9fe30492b16b0d0bc4ef9b0f34c7003fac09a5ef1532e69430234cebd
                    """)),
            flags: ["Keyed"]
        ),
    ]

    // MARK: SHA-256 (FIPS 180-4)

    static let sha256: [KnownAnswer] = [
        KnownAnswer(
            source: "NIST CAVP SHAVS, SHA256ShortMsg.rsp, Len = 0",
            comment: "the empty message",
            inputs: PrimitiveInputs(message: h("")),
            outputs: PrimitiveOutputs(digest: h("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"))
        ),
        KnownAnswer(
            source: "FIPS 180-2 Appendix B.1, SHA-256 of \"abc\"",
            comment: "one block",
            inputs: PrimitiveInputs(message: ascii("abc")),
            outputs: PrimitiveOutputs(digest: h("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"))
        ),
        KnownAnswer(
            source: "FIPS 180-2 Appendix B.2, SHA-256 of the 448-bit message",
            comment: "two blocks",
            inputs: PrimitiveInputs(message: ascii("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")),
            outputs: PrimitiveOutputs(digest: h("248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"))
        ),
    ]

    // MARK: The deterministic random source (SPEC.md PRIM-RANDOM-DET)

    /// The source is ChaCha20 (original variant) keystream under the seed, so its output with the
    /// all-zero seed is the published all-zero-key keystream. Rust's `rand_chacha` checks the same
    /// bytes in its test `test_chacha_true_values_a`.
    static let deterministicRandom: [KnownAnswer] = [
        KnownAnswer(
            source:
                "RFC 8439 Appendix A.1, test vectors #1 and #2 (ChaCha20 block function, all-zero key and nonce, block counters 0 and 1)",
            comment: "the first 128 bytes drawn from the all-zero seed",
            inputs: PrimitiveInputs(randomSeed: Hex(Bytes.zeros(32)), count: 128),
            outputs: PrimitiveOutputs(
                bytes: h(
                    """
                    76b8e0ada0f13d90405d6ae55386bd28bdd219b8a08ded1aa836efcc8b770dc7
                    da41597c5157488d7724e03fb8d84a376a43b8f41518a11cc387b669b2ee6586
                    9f07e7be5551387a98ba977c732d080dcb0f29a048e3656912c6533e32ee7aed
                    29b721769ce64e43d57133b074d839d531ed1f28510afb45ace10a1f4b794d6f
                    """)),
            flags: ["BlockBoundary"]
        )
    ]
    // MARK: LIONESS with ChaCha20 and BLAKE2b (nym's π)

    static let lionessChaCha20BLAKE2b: [KnownAnswer] = [
        KnownAnswer(
            source: "burdges/lioness-rs src/lib.rs, test chach20_blake2b_lioness_vectors_test (crate lioness 0.1.2)",
            comment: "the crate's only published vector: a 192-byte key, a 507-byte block",
            inputs: PrimitiveInputs(
                key: h(
                    """
                    0f2c69732932c99e56fa50fbb2763ad77ee221fc5d9e6c08f89fc577a7467f1ee34003440ee2bfbf
                    aac60912b0e547fbe9a6a9292db70bc718c6f2773ab198ac8f255378f7ea799e1d4b8596079173b6
                    e443c416f13195f1976acc03d53a4b8581b609df3b7029d5b487051d5ae4189129c045edc8822e1f
                    52e30251e4b322b3f6d6e8bb0ddb0578dcba41603abf5e51848c84d2082d293f30a645faf4df028e
                    e2c40853ea33e40b55fca902371dc00dc1e0e77161bd097a59e8368bf99174d9
                    """),
                plaintext: h(
                    """
                    5ac4cb9674a8908915a2b1aaf2043271612531911a26186bd5c811951330753a0e3259f3fcf52f
                    b86e666ab4d96243e57d73b976611f928d44ad137799016861576ca0a6b8a8a9e2ea02db71e71c
                    9654e476ca845c44456eba62f11f004b222756e485185c446c30b7a05cf9acd53b3131227b428d
                    a5c9601664d45ae5c2387956307961a0680894844190605dce0c86e597105884e151eb8a005eda
                    08ff5891a6b40bae299cddad979063a9a356f3477feabb9cc7bd80a1e2d6a419fcd8af9e98f7b1
                    93c71bd6056d7634b8c2b8f85920f314554104659e52d9266ddbc2ac40c1b875f6b00225f832cf
                    310e139ad8cc2568608f0323534fa15a84280e776e7e1167a001f6e18c49f3cd02c19837da47ac
                    091219ee2fdb4458836db20cbd362bb65add9b40f2817f666caf19787abc2013737eea8c7552d7
                    55a29beba5da31956f75fe7628221fe8d0a75da5bee39af956a2246c5a339560dcf029eb76d191
                    963354b70142df29ec69930977ce2f0e491513664ce83a8fa75f3e698530cf9dafbdb90b19745e
                    9257d03d7320c6d306f529eda242cb3f6f452a943f6e1c04eb02cbb0368d79e49a2b42ac3ff7cd
                    9a5686bfdb90a29322016bbcef5c733f451a9f4ea7c534116158eb611796d47b83ffe7cd6e6c11
                    d56e2d26c7a386853212a2f92efeabc74e8fe69e3d374d7b033d0ec9862221435b14ad534217ad
                    7da50bc236
                    """)),
            outputs: PrimitiveOutputs(
                ciphertext: h(
                    """
                    9eb45ca2ca4d0b6ff05a749511aad1357aa64caf9ce547c7388fe24fd1300fe856bb5c396869a
                    cd21c45805e6a7c8a1b7f71cc5f0ea9dd0c4ecd4bba9a7a4853bc352bc9f6562e9907973f91fb
                    cf7c710f5a89abc8eb4489b90e8111cbf85ffd595d603268ddceb40e39e747a4e7bd5c965585b
                    6964e180bd6ccb9d0fad210c7f7dd6f90cf6db9bda70d41d3922cedec5ea147ef318de5f34e6f
                    e5bd646859a9d4171b973b6b58c8d7f94bc9eb293c197f3408a51e3626196e3f6bca625cef90f
                    a7a3e3713bdaebdda82f48db1a97c9ed5c48bc419dbc3d1f9ef43d1b17dd83c966bde9d9360b7
                    cdac0871844c27921dcf3bb7edce9fb24661a41a8f92c8502925f062e9cd2f77c561e5825eae2
                    11657652330bc64cd63b18d1014975f167f8b68d6e702dd3d3547971662238216cc5b07517cc9
                    0aaa49a61ee423861cdc49c0e1f64e086007095a00f8adb0314fd85c88158001202edf2ed43c2
                    01176d6141e469dd89430352a927ee22a41c62c8cfdfd5d592e76793e58a9c63b7fe6dad335d7
                    acec90727675854d7708358115794e013bb4fdb504c44e21ce500f764fac211e8de20b81ca55f
                    c778ace024d2a40045241e71b023ceb519c8c28285c333b9f90f5e2cde21ca6744e43f89d0054
                    5dd34df072c7214f6cbd2123c4b0613614609961dd855d6d611c3018e4df3550b4e93f33f7c3e
                    8b2c890ca0405c957aa277d
                    """))
        )
    ]

    // MARK: LIONESS with AES-128-CTR and SHA-256 (sphinxmix's π)

    /// Computed with the PyPI package sphinxmix 0.0.7 itself (an independent implementation by
    /// the paper authors' group): `SphinxParams().lioness_enc(key, message)`.
    static let lionessAES128SHA256: [KnownAnswer] = [
        KnownAnswer(
            source:
                "sphinxmix 0.0.7 (PyPI), SphinxParams.lioness_enc(bytes(range(16)), bytes(range(32))), run with the package",
            comment: "the shortest block, 32 bytes",
            inputs: PrimitiveInputs(
                key: h("000102030405060708090a0b0c0d0e0f"),
                plaintext: h("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f")),
            outputs: PrimitiveOutputs(
                ciphertext: h("594497893af66430044d973b6bbd585c8261ce4ac9ebe18903324f80e034e47e")),
            flags: ["MinimumBlock"]
        ),
        KnownAnswer(
            source:
                "sphinxmix 0.0.7 (PyPI), SphinxParams.lioness_enc(b\"\\xaa\" * 16, m) with m = SHA-256(\"sphinxmix lioness 100\") × 3 ‖ 01020304, run with the package",
            comment: "a 100-byte block",
            inputs: PrimitiveInputs(
                key: h("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"),
                plaintext: h(
                    """
                    d1dff2ebc044e91cbd49b4aaede43d0efb38df34b5c2d22879431d04c2e62061d1dff2ebc044e91cbd49b4aaede43d0e
                    fb38df34b5c2d22879431d04c2e62061d1dff2ebc044e91cbd49b4aaede43d0efb38df34b5c2d22879431d04c2e62061
                    01020304
                    """)),
            outputs: PrimitiveOutputs(
                ciphertext: h(
                    """
                    12de286f765473e2d46c310b2a61d34ad8bcda714291a6f531eaa30c10204cfe758fd7916a11a04ee05f1fc82db94e23
                    84946bbb00a589f5b72742b6bf6eb7a0041d178cde590722c1705cb8a4574013f93802cdb1d78048585ae8e42df67c29
                    16469c5f
                    """))
        ),
    ]
    // MARK: P-224 (sphinxmix's group)

    static let p224Generator = h(
        "04b70e0cbd6bb4bf7f321390b94a03c1d356c21122343280d6115c1d21bd376388b5f723fb4c22dfe6cd4375a05a07476444d5819985007e34"
    )

    /// NIST CAVS FIPS 186-3 ECDSA KeyPair.rsp, section P-224 "B.4.2 Key Pair Generation by Testing
    /// Candidates": d and Q = d·G.
    static let p224: [KnownAnswer] = [
        KnownAnswer(
            source: "NIST CAVS FIPS 186-3 ECDSA KeyPair.rsp, section P-224, first key pair",
            comment: "Q = d·G",
            inputs: PrimitiveInputs(
                scalar: h("e7c92383846a4e6887a10498d8eaca2bd0487d985bd7d3f92ce3ab30"), point: p224Generator),
            outputs: PrimitiveOutputs(
                product: h(
                    "040a3682d2aaa4dd931bee042d32e95755507ab164b12f84843f4b7b96a6313a938eff7a293222e0e3c7b4c6132489b33255a61c3fc1ce2256"
                ))
        ),
        KnownAnswer(
            source: "NIST CAVS FIPS 186-3 ECDSA KeyPair.rsp, section P-224, second key pair",
            comment: "Q = d·G",
            inputs: PrimitiveInputs(
                scalar: h("7f29534466bcb399777a0c7d3d4eff787d96db26ac3561f9d43cccd9"), point: p224Generator),
            outputs: PrimitiveOutputs(
                product: h(
                    "04d64ad34b097c4ff4ebee68f11f04e195ef0c7d123eb21c11f13a91add155b803686c3e2aefde4a626dba1e09722af3617aaf67ad59844b09"
                ))
        ),
        KnownAnswer(
            source: "NIST CAVS FIPS 186-3 ECDSA KeyPair.rsp, section P-224, third key pair",
            comment: "Q = d·G",
            inputs: PrimitiveInputs(
                scalar: h("2ce71aafdad95b69fdda27f441b2f28da06db5d17adb468af3e351a0"), point: p224Generator),
            outputs: PrimitiveOutputs(
                product: h(
                    "0486e8c2c2078692b9308e6ad34e1dfc51a6676d3c8a4a5e7b3295876a7c83d5d358916a0d990be417da7879f7e05a1576a7942c1bc075c0d3"
                ))
        ),
    ]

    /// NIST CAVS FIPS 186-3 ECDSA PKV.rsp, section P-224: the public keys marked
    /// "F (2 - Point not on curve)".
    static let p224NotOnCurve: [Hex] = [
        h(
            "04c01795a001b6b8a5b3db9acbdb55c2f97f4a50aa0a0cfed1d50a4c28b79dbe52a47a4640100cc939b435377f0bcb8db4ec52ecaadac5d919"
        ),
        h(
            "04fbe3bff58dc58ca1ef9dc942fd43cdadbd060d70e0b1e6b9583a2228ca844b43c237d497c34b986c681bf3cc54f968c0db74b2e1d9fe9d94"
        ),
        h(
            "04cbe83c33848dd5a89ea8c45d23b99f23254e2077bd9ab26f6b5bed9fc0d09533d78a96e39028162534d74b097364095e2dc60776938af83b"
        ),
        h(
            "04491e8d6c73708104c9530878f866e585cba008ef70baa46a809a2c03924a28ace8db9a88f7f874a1f24ac7f0bf56484f2130d5be5a8a1721"
        ),
    ]
}
