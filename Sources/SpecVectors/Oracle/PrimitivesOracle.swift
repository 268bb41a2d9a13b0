import Foundation
import SphinxSpec

/// The oracle's "primitives" profile: one op per primitives file, taking that file's `inputs`
/// as request fields and answering its `outputs`.
///
/// SPEC.md [ORACLE-PRIMITIVES-1]: op names are the primitives files' names without `.json`
/// (`x25519`, `hmac_sha256`, …); request fields are the keys of the file's `inputs`, response
/// fields the keys of its `outputs`; a rejected input answers the error named in the files.
/// Its ops are listed in the oracle's table (OracleTable.primitivesOps), one per PrimitiveKind.
enum PrimitivesOracle {
    static let name = "primitives"

    static func op(_ kind: PrimitiveKind) -> String {
        String(kind.path.dropFirst("primitives/".count).dropLast(".json".count))
    }

    /// Answers the op of one primitives file.
    static func answer(_ kind: PrimitiveKind, _ request: RequestFields) throws(OracleError) -> JSONValue {
        var fields = request.object
        fields["op"] = nil
        fields["profile"] = nil
        for (key, value) in fields {
            if case .string(let text) = value, key != "op", Bytes(hex: text) == nil {
                throw OracleError("badHex", "field \"\(key)\" is not an even-length hex string")
            }
        }
        let inputs: PrimitiveInputs
        do {
            inputs = try JSONValue.object(fields).decode(PrimitiveInputs.self)
        } catch {
            throw OracleError("badType", "the fields do not match the inputs of \(kind.path)")
        }
        try RequestLimits.check(inputs)
        switch PrimitiveVectors.compute(kind, inputs) {
        case .success(let outputs):
            do {
                return try JSONValue.from(outputs)
            } catch {
                throw OracleError("internal", "could not encode the outputs")
            }
        case .failure(.missingInput(let field)):
            throw OracleError("missingField", "field \"\(field)\" is required")
        case .failure(let error):
            throw OracleError(ErrorNames.name(of: error), "the primitive rejected the input")
        }
    }
}
