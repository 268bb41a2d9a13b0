import Foundation
import SphinxSpec

/// The two renderings of a walkthrough: text for a terminal (SPEC.md §9.7) and JSON.
extension Walkthrough {
    /// The walkthrough as text. Bytes are shortened to their first 8 and last 4 bytes unless
    /// `full`; `color` adds ANSI colours (IDs cyan, symbols yellow, explanations dim).
    public func text(full: Bool = false, color: Bool = false) -> String {
        let paint = Paint(enabled: color)
        let flowName: String
        switch flow {
        case "surb": flowName = "a SURB round trip"
        case "error": flowName = "an onion answered by an error return"
        default: flowName = profile == "bolt4" ? "a forward onion" : "a forward packet"
        }
        var lines = [
            paint.bold("Sphinx walkthrough: profile \(profile), \(flowName) over \(hops) hop\(hops == 1 ? "" : "s")"),
            "seed \"\(seed)\": every random byte comes from DeterministicRandom(SHA-256(\"\(seedLabel)\"))",
            "message \"\(message)\" (\(message.utf8.count) bytes)",
            full
                ? "Bytes are in hex, in full."
                : "Bytes are in hex, shortened to the first 8 and last 4 (--full prints them whole).",
            "Each step starts with its SPEC.md ID; hops count from 0, as in the paper's α_0, β_0, γ_0.",
        ]
        for section in sections {
            lines.append("")
            lines.append(paint.bold("== \(section.title) =="))
            for step in section.steps {
                lines.append("")
                lines.append(paint.cyan("[\(step.id)]") + " " + step.title)
                let width = step.values.map(\.symbol.count).max() ?? 0
                for value in step.values { lines += render(value, symbolWidth: width, full: full, paint: paint) }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The value column is this wide when bytes are shortened, so explanations line up.
    static let valueColumn = 40
    /// Hex characters per line when bytes are printed in full.
    static let fullHexLine = 64

    func render(_ value: WalkthroughValue, symbolWidth: Int, full: Bool, paint: Paint) -> [String] {
        let symbol = paint.yellow(Self.pad(value.symbol, symbolWidth))
        let indent = String(repeating: " ", count: symbolWidth + 4)
        if let bytes = value.bytes, full, bytes.count > 16 {
            var lines = ["  " + symbol + "  " + "(\(bytes.count) B) " + paint.dim(value.meaning)]
            let hex = Array(bytes.hex)
            for start in stride(from: 0, to: hex.count, by: Self.fullHexLine) {
                lines.append(indent + String(hex[start..<min(start + Self.fullHexLine, hex.count)]))
            }
            return lines
        }
        let shown: String
        if let bytes = value.bytes {
            shown = bytes.isEmpty ? "(empty)" : Explain.shortHex(bytes) + " (\(bytes.count) B)"
        } else {
            shown = value.text ?? ""
        }
        return ["  " + symbol + "  " + Self.pad(shown, Self.valueColumn) + "  " + paint.dim(value.meaning)]
    }

    static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }

    /// The walkthrough as JSON (SPEC.md VEC-EXPLAIN-1): sorted keys, two-space indent, every
    /// byte string in full lowercase hex with its length.
    public func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self) + "\n"
    }
}

/// ANSI colours, or nothing.
struct Paint {
    let enabled: Bool

    func wrap(_ code: String, _ text: String) -> String { enabled ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text }
    func bold(_ text: String) -> String { wrap("1", text) }
    func cyan(_ text: String) -> String { wrap("36", text) }
    func yellow(_ text: String) -> String { wrap("33", text) }
    func dim(_ text: String) -> String { wrap("2", text) }
}
