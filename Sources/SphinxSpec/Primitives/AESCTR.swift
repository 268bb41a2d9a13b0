import Crypto
import CryptoExtras
import Foundation

/// AES-128 in counter mode (NIST SP 800-38A §6.5) with a 16-byte initial counter block
/// incremented as one 128-bit big-endian integer, through swift-crypto's CryptoExtras
/// (BoringSSL). SPEC.md [PRIM-AES-CTR]. Encryption and decryption are the same operation.
public enum AES128CTR {
    public static let keyLength = 16
    public static let ivLength = 16

    /// `data ⊕ keystream(key, iv)`.
    public static func apply(key: Bytes, iv: Bytes, to data: Bytes) throws(PrimitiveError) -> Bytes {
        try requireLength(key, keyLength, "AES-128 key")
        try requireLength(iv, ivLength, "AES-CTR initial counter block")
        if data.isEmpty { return [] }
        do {
            let nonce = try AES._CTR.Nonce(nonceBytes: iv)
            let out = try AES._CTR.encrypt(data, using: SymmetricKey(data: key), nonce: nonce)
            return Bytes(out)
        } catch {
            throw .libraryFailure("AES-CTR: \(error)")
        }
    }

    /// The first `length` bytes of keystream: AES-CTR applied to `0^length`.
    public static func keystream(key: Bytes, iv: Bytes, length: Int) throws(PrimitiveError) -> Bytes {
        guard length >= 0 else { throw .invalidOutputLength(what: "AES-CTR keystream", requested: length) }
        return try apply(key: key, iv: iv, to: Bytes.zeros(length))
    }
}
