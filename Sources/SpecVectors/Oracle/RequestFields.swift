import Foundation
import SphinxSpec

/// An oracle error response: `{"error": NAME, "detail": TEXT}`.
struct OracleError: Error, Sendable {
    var name: String
    var detail: String
    init(_ name: String, _ detail: String) {
        self.name = name
        self.detail = detail
    }

    var response: JSONValue { .object(["error": .string(name), "detail": .string(detail)]) }
}

/// Typed access to a request's fields, with the oracle's error for each way a field can be wrong.
struct RequestFields: Sendable {
    let object: [String: JSONValue]
    init(_ object: [String: JSONValue]) { self.object = object }

    func has(_ key: String) -> Bool {
        if let value = object[key], value != .null { return true }
        return false
    }

    func string(_ key: String) throws(OracleError) -> String {
        guard let value = object[key] else { throw OracleError("missingField", "field \"\(key)\" is required") }
        guard case .string(let text) = value else { throw OracleError("badType", "field \"\(key)\" must be a string") }
        return text
    }

    func optionalString(_ key: String) throws(OracleError) -> String? {
        guard has(key) else { return nil }
        return try string(key)
    }

    func bytes(_ key: String) throws(OracleError) -> Bytes {
        let text = try string(key)
        guard let bytes = Bytes(hex: text) else {
            throw OracleError("badHex", "field \"\(key)\" is not an even-length hex string")
        }
        return bytes
    }

    func optionalBytes(_ key: String) throws(OracleError) -> Bytes? {
        guard has(key) else { return nil }
        return try bytes(key)
    }

    func uint(_ key: String) throws(OracleError) -> UInt64 {
        guard let value = object[key] else { throw OracleError("missingField", "field \"\(key)\" is required") }
        switch value {
        case .int(let number) where number >= 0: return UInt64(number)
        case .uint(let number): return number
        default: throw OracleError("badType", "field \"\(key)\" must be a non-negative integer")
        }
    }

    func int(_ key: String) throws(OracleError) -> Int {
        let value = try uint(key)
        guard value <= UInt64(Int.max) else { throw OracleError("badType", "field \"\(key)\" is too large") }
        return Int(value)
    }

    func optionalInt(_ key: String) throws(OracleError) -> Int? {
        guard has(key) else { return nil }
        return try int(key)
    }

    func array(_ key: String) throws(OracleError) -> [JSONValue] {
        guard let value = object[key] else { throw OracleError("missingField", "field \"\(key)\" is required") }
        guard case .array(let items) = value else { throw OracleError("badType", "field \"\(key)\" must be an array") }
        return items
    }

    func objectField(_ key: String) throws(OracleError) -> RequestFields {
        guard let value = object[key] else { throw OracleError("missingField", "field \"\(key)\" is required") }
        guard case .object(let inner) = value else {
            throw OracleError("badType", "field \"\(key)\" must be an object")
        }
        return RequestFields(inner)
    }

    func optionalObject(_ key: String) throws(OracleError) -> RequestFields? {
        guard has(key) else { return nil }
        return try objectField(key)
    }

    static func from(_ value: JSONValue, what: String) throws(OracleError) -> RequestFields {
        guard case .object(let inner) = value else { throw OracleError("badType", "\(what) must be an object") }
        return RequestFields(inner)
    }
}
