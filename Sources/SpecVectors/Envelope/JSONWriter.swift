import Foundation

/// The deterministic pretty writer of JSONValue, used for the Loopix vector files: keys sorted,
/// two-space indentation, arrays of scalars on one line, doubles in Swift's shortest round-trip
/// form, so the same vectors give the same bytes everywhere. (The Sphinx and primitives files
/// are written by JSONEncoder instead; see `DeterministicJSON` in Envelope.swift.)
extension JSONValue {
    /// The JSON text, ending in a newline.
    func rendered() -> String {
        var out = ""
        write(into: &out, indent: 0)
        out += "\n"
        return out
    }

    private static func escape(_ s: String) -> String {
        var r = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": r += "\\\""
            case "\\": r += "\\\\"
            case "\n": r += "\\n"
            case "\t": r += "\\t"
            case "\r": r += "\\r"
            default:
                if u.value < 0x20 {
                    r += String(format: "\\u%04x", u.value)
                } else {
                    r.unicodeScalars.append(u)
                }
            }
        }
        return r + "\""
    }

    /// Doubles: Swift's `description` is the shortest string that reads back to the same
    /// binary64 value; integral values keep a ".0" so readers see a float.
    static func format(_ d: Double) -> String {
        var s = d.description
        if s.hasSuffix(".0") == false && !s.contains(".") && !s.contains("e") { s += ".0" }
        return s
    }

    private func write(into out: inout String, indent: Int) {
        let pad = String(repeating: " ", count: indent + 2), end = String(repeating: " ", count: indent)
        switch self {
        case .object(let o):
            if o.isEmpty { out += "{}"; return }
            out += "{\n"
            let keys = o.keys.sorted()
            for (i, k) in keys.enumerated() {
                out += pad + Self.escape(k) + ": "
                (o[k] ?? .null).write(into: &out, indent: indent + 2)
                out += i + 1 < keys.count ? ",\n" : "\n"
            }
            out += end + "}"
        case .array(let a):
            if a.isEmpty { out += "[]"; return }
            // Arrays of scalars stay on one line; others get one element per line.
            if a.allSatisfy({ $0.isScalar }) {
                var parts: [String] = []
                for v in a {
                    var s = ""
                    v.write(into: &s, indent: 0)
                    parts.append(s)
                }
                out += "[" + parts.joined(separator: ", ") + "]"
                return
            }
            out += "[\n"
            for (i, v) in a.enumerated() {
                out += pad
                v.write(into: &out, indent: indent + 2)
                out += i + 1 < a.count ? ",\n" : "\n"
            }
            out += end + "]"
        case .string(let s): out += Self.escape(s)
        case .int(let i): out += String(i)
        case .uint(let u): out += String(u)
        case .double(let d): out += Self.format(d)
        case .bool(let b): out += b ? "true" : "false"
        case .null: out += "null"
        }
    }

    var isScalar: Bool {
        switch self {
        case .object, .array: return false
        default: return true
        }
    }
}
