import SphinxSpec

/// The shape of `primitives/*.json` (schema `primitives.schema.json`).
///
/// SPEC.md [VEC-PRIM-FORMAT-1]: a primitives file holds known-answer tests of one primitive.
/// Each test has `tcId`, `comment`, `source` (the published document and section a known answer
/// comes from, or `generated` with a `seedLabel`), `flags`, `result`, `inputs` and `outputs`;
/// which keys `inputs` and `outputs` hold depends on the primitive (see the schema). An invalid
/// test's `outputs` holds only `error`.
struct PrimitiveGroup: Codable, Sendable, TestGroup {
    /// What the group's tests exercise, e.g. "X25519" or "ChaCha20-original".
    var type: String
    /// The group's fixed parameters, in words (variant, nonce length, output length…).
    var parameters: [String: String]
    var tests: [PrimitiveTest]
}

struct PrimitiveTest: Codable, Sendable, FlaggedTest {
    var tcId: Int
    var comment: String
    var source: String
    var seedLabel: String?
    var seed: Hex?
    var flags: [String]
    var result: TestResult
    var inputs: PrimitiveInputs
    var outputs: PrimitiveOutputs
}

/// The inputs of every primitive, each present only where its primitive uses it.
struct PrimitiveInputs: Codable, Sendable {
    // X25519 and P-224
    var scalar: Hex?
    var u: Hex?
    var iterations: Int?
    var point: Hex?
    // MACs, hashes, KDFs, ciphers
    var key: Hex?
    var message: Hex?
    var tagLength: Int?
    var salt: Hex?
    var ikm: Hex?
    var info: Hex?
    var length: Int?
    var iv: Hex?
    var nonce: Hex?
    var counter: UInt64?
    var plaintext: Hex?
    var outputLength: Int?
    // Deterministic random source
    var randomSeed: Hex?
    var count: Int?

    /// Field names in files and oracle requests are snake_case (SPEC.md VEC-PRIM-FORMAT-1).
    enum CodingKeys: String, CodingKey {
        case scalar, u, iterations, point, key, message, salt, ikm, info, length, iv, nonce, counter, plaintext, count
        case tagLength = "tag_length"
        case outputLength = "output_length"
        case randomSeed = "random_seed"
    }

    init(
        scalar: Hex? = nil, u: Hex? = nil, iterations: Int? = nil, point: Hex? = nil, key: Hex? = nil,
        message: Hex? = nil,
        tagLength: Int? = nil, salt: Hex? = nil, ikm: Hex? = nil, info: Hex? = nil, length: Int? = nil,
        iv: Hex? = nil, nonce: Hex? = nil, counter: UInt64? = nil, plaintext: Hex? = nil,
        outputLength: Int? = nil, randomSeed: Hex? = nil, count: Int? = nil
    ) {
        self.scalar = scalar; self.u = u; self.iterations = iterations; self.point = point; self.key = key
        self.message = message; self.tagLength = tagLength; self.salt = salt; self.ikm = ikm
        self.info = info; self.length = length; self.iv = iv; self.nonce = nonce
        self.counter = counter; self.plaintext = plaintext; self.outputLength = outputLength
        self.randomSeed = randomSeed; self.count = count
    }
}

/// The outputs of every primitive, each present only where its primitive produces it.
struct PrimitiveOutputs: Codable, Sendable, Equatable {
    var shared: Hex?
    /// P-224: scalar · point, uncompressed.
    var product: Hex?
    var mac: Hex?
    var digest: Hex?
    var prk: Hex?
    var okm: Hex?
    var ciphertext: Hex?
    var bytes: Hex?
    /// For `invalid` and `acceptable` tests: the error our implementation returns.
    var error: String?

    init(
        shared: Hex? = nil, product: Hex? = nil, mac: Hex? = nil, digest: Hex? = nil, prk: Hex? = nil, okm: Hex? = nil,
        ciphertext: Hex? = nil, bytes: Hex? = nil, error: String? = nil
    ) {
        self.shared = shared; self.product = product; self.mac = mac; self.digest = digest; self.prk = prk;
        self.okm = okm
        self.ciphertext = ciphertext; self.bytes = bytes; self.error = error
    }
}

typealias PrimitiveFile = VectorFile<PrimitiveGroup>

/// A known answer copied from a published document.
struct KnownAnswer: Sendable {
    var source: String
    var comment: String
    var inputs: PrimitiveInputs
    var outputs: PrimitiveOutputs
    var flags: [String] = []
    var result: TestResult = .valid
}

/// Hex literal helper for the known-answer tables: the tables are typed in by hand from the
/// published documents, and a typo must fail loudly, so a bad literal becomes an empty string
/// that no primitive reproduces (verify then reports the case as failed).
func h(_ text: String) -> Hex {
    let cleaned = text.filter { !$0.isWhitespace }
    return Hex(Bytes(hex: cleaned) ?? [])
}

/// ASCII text as bytes, for documents that print their inputs as text.
func ascii(_ text: String) -> Hex { Hex(Bytes(text.utf8)) }
