import Foundation
import SphinxSpec

/// Any JSON value, for the oracle's requests and responses, whose fields depend on the op.
/// Integers are kept exact (delays are 64-bit nanosecond counts).
enum JSONValue: Codable, Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int64)
    case uint(UInt64)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() { self = .null; return }
        if let value = try? container.decode(Bool.self) { self = .bool(value); return }
        if let value = try? container.decode(Int64.self) { self = .int(value); return }
        if let value = try? container.decode(UInt64.self) { self = .uint(value); return }
        if let value = try? container.decode(Double.self) { self = .double(value); return }
        if let value = try? container.decode(String.self) { self = .string(value); return }
        if let value = try? container.decode([JSONValue].self) { self = .array(value); return }
        if let value = try? container.decode([String: JSONValue].self) { self = .object(value); return }
        throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a JSON value")
    }

    func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let value): try container.encode(value)
        case .int(let value): try container.encode(value)
        case .uint(let value): try container.encode(value)
        case .double(let value): try container.encode(value)
        case .string(let value): try container.encode(value)
        case .array(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        }
    }

    /// Converts any Encodable value (a vector record) to a JSONValue.
    static func from<T: Encodable>(_ value: T) throws -> JSONValue {
        let data = try JSONEncoder().encode(value)
        return try JSONDecoder().decode(JSONValue.self, from: data)
    }

    /// Decodes a Decodable value (a vector record) from this JSONValue.
    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        let data = try JSONEncoder().encode(self)
        return try JSONDecoder().decode(T.self, from: data)
    }
}

extension JSONValue {
    static func hex(_ bytes: Bytes) -> JSONValue { .string(bytes.hex) }
}

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
        guard case .object(let inner) = value else { throw OracleError("badType", "field \"\(key)\" must be an object") }
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
