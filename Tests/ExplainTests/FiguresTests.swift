import Foundation
import Testing

/// scripts/figures in its quick mode: the four figures and series.json come out, with the
/// series each figure should carry (names and lengths, not pixels).
@Suite struct FiguresTests {
    /// A Python with matplotlib: $SPHINX_PYTHON, else .venv-interop/bin/python (scripts/setup-interop
    /// installs matplotlib there, pinned).
    static func python() -> String? {
        var candidates: [String] = []
        if let override = ProcessInfo.processInfo.environment["SPHINX_PYTHON"], !override.isEmpty {
            candidates.append(override)
        }
        candidates.append(ExplainSupport.packageRoot.appendingPathComponent(".venv-interop/bin/python").path)
        for candidate in candidates where FileManager.default.isExecutableFile(atPath: candidate) {
            if let (status, _) = try? ExplainSupport.run(candidate, ["-c", "import matplotlib"]), status == 0 {
                return candidate
            }
        }
        return nil
    }

    struct Series: Decodable {
        let name: String
        let x: [Double]
        let y: [Double]
    }

    struct SeriesFile: Decodable {
        let entropy: [Series]
        let occupancy: [Series]
        let latency: [Series]
        let sequence: [Series]
    }

    @Test func quickFiguresHaveTheExpectedSeries() throws {
        guard let python = Self.python() else {
            let message =
                "FiguresTests: skipped: no Python with matplotlib ($SPHINX_PYTHON, .venv-interop/bin/python); "
                + "run scripts/setup-interop"
            if ExplainSupport.inCI { Issue.record("CI=true: \(message)") } else { print(message) }
            return
        }
        let simulator = try #require(
            ExplainSupport.builtBinary("loopix-sim"), "loopix-sim was not built next to the tests")
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("figures-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: out) }
        let script = ExplainSupport.packageRoot.appendingPathComponent("scripts/figures").path
        let (status, log) = try ExplainSupport.run(
            python, [script, "--quick", "--out", out.path, "--loopix-sim", simulator.path])
        #expect(status == 0, "\(log)")
        for name in ["entropy.svg", "occupancy.svg", "latency.svg", "sequence.svg"] {
            let svg = try String(contentsOf: out.appendingPathComponent(name), encoding: .utf8)
            #expect(svg.contains("<svg"), "\(name) is not an SVG")
        }
        let data = try Data(contentsOf: out.appendingPathComponent("series.json"))
        let series = try JSONDecoder().decode(SeriesFile.self, from: data)
        // Quick mode: λ = 100 and µ ∈ {20, 200}: a simulated and a closed-form curve of 2 points.
        #expect(series.entropy.map(\.name) == ["simulated λ=100", "closed form λ=100"])
        #expect(series.entropy.allSatisfy { $0.x.count == 2 && $0.y.count == 2 })
        #expect(series.occupancy.map(\.name) == ["simulated mean", "simulated variance", "Lemma 1"])
        #expect(series.occupancy.allSatisfy { $0.x.count == 2 && $0.y.count == 2 })
        #expect(series.latency.map(\.name) == ["simulated density", "Erlang density"])
        #expect(series.latency[0].x.count == 30 && series.latency[1].x.count == 200)
        #expect(series.sequence.count == 4)
        #expect(
            series.sequence.allSatisfy { $0.name.hasPrefix("packet ") && $0.x.count == $0.y.count && !$0.x.isEmpty })
        // The closed form is the closed form: log2(e·λ/µ) at the plotted delays.
        for (x, y) in zip(series.entropy[1].x, series.entropy[1].y) {
            #expect(abs(y - log2(M_E * 100 * x)) < 1e-9)
        }
    }
}
