import CSodium

/// BLAKE2b (RFC 7693) with an optional key of up to 64 bytes and an output of 16 to 64 bytes,
/// through libsodium `crypto_generichash`. SPEC.md [PRIM-BLAKE2B].
public enum BLAKE2b {
    public static let maxKeyLength = 64
    public static let minOutputLength = 16
    public static let maxOutputLength = 64

    public static func hash(_ message: Bytes, key: Bytes = [], outputLength: Int) throws(PrimitiveError) -> Bytes {
        guard key.count <= maxKeyLength else {
            throw .invalidLength(what: "BLAKE2b key", expected: maxKeyLength, actual: key.count)
        }
        guard outputLength >= minOutputLength, outputLength <= maxOutputLength else {
            throw .invalidOutputLength(what: "BLAKE2b output", requested: outputLength)
        }
        Sodium.ensureInitialised()
        var out = Bytes(repeating: 0, count: outputLength)
        let rc: Int32
        if key.isEmpty {
            rc = crypto_generichash(&out, outputLength, message, UInt64(message.count), nil, 0)
        } else {
            rc = crypto_generichash(&out, outputLength, message, UInt64(message.count), key, key.count)
        }
        guard rc == 0 else { throw .libraryFailure("crypto_generichash") }
        return out
    }
}
