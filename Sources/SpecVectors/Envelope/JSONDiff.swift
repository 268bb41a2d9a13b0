import Foundation

/// Finds the first place two JSON trees differ, so that a check can say which intermediate
/// value is the first to go wrong (the checks of the primitives, Sphinx, bolt4 and node files).
enum JSONDiff {
    /// The first difference between two records as JSON, or nil when they are equal.
    static func firstDifference<T: Encodable>(_ expected: T, _ actual: T, path: String = "") -> String? {
        guard let e = try? JSONValue.from(expected), let a = try? JSONValue.from(actual) else {
            return "\(path): cannot be encoded"
        }
        return firstDifference(e, a, path: path)
    }

    static func firstDifference(_ expected: JSONValue, _ actual: JSONValue, path: String = "") -> String? {
        switch (expected, actual) {
        case (.object(let a), .object(let b)):
            for key in Set(a.keys).union(b.keys).sorted(by: orderKey) {
                let sub = path.isEmpty ? key : path + "." + key
                guard let x = a[key] else { return "\(sub): unexpected field" }
                guard let y = b[key] else { return "\(sub): missing" }
                if let found = firstDifference(x, y, path: sub) { return found }
            }
            return nil
        case (.array(let a), .array(let b)):
            for index in 0..<min(a.count, b.count) {
                if let found = firstDifference(a[index], b[index], path: "\(path)[\(index)]") { return found }
            }
            return a.count == b.count ? nil : "\(path): \(a.count) items expected, \(b.count) found"
        case (.int(let a), .uint(let b)) where a >= 0 && UInt64(a) == b: return nil
        case (.uint(let a), .int(let b)) where b >= 0 && a == UInt64(b): return nil
        default:
            return expected == actual ? nil : "\(path): expected \(short(expected)), got \(short(actual))"
        }
    }

    /// Values before keys that hold nested records, so that `alpha` is reported before `hops`.
    private static func orderKey(_ a: String, _ b: String) -> Bool {
        let late: Set<String> = ["hops", "intermediates", "result", "deltas", "next_packet", "packet"]
        if late.contains(a) != late.contains(b) { return !late.contains(a) }
        return a < b
    }

    private static func short(_ value: JSONValue) -> String {
        let text: String
        switch value {
        case .string(let s): text = "\"\(s)\""
        case .null: text = "null"
        default: text = String(decoding: (try? JSONEncoder().encode(value)) ?? Data(), as: UTF8.self)
        }
        return text.count > 80 ? String(text.prefix(77)) + "…" : text
    }
}
