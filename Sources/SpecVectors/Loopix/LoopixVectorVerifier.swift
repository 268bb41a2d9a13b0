import Foundation
import LoopixSpec

/// Checks a Loopix vector file against this implementation: every test's outputs are
/// recomputed from its inputs and compared (64-bit strings and integers exactly, doubles to a
/// relative tolerance of 1e-12). SPEC.md, see LOOPIX-VECTORS.
struct Verifier {
    var passed = 0
    var failures: [String] = []

    struct Malformed: Error { var what: String }

    // MARK: Reading inputs

    static func u64(_ x: Any?, _ what: String) throws -> UInt64 {
        guard let s = x as? String, let v = UInt64(s) else {
            throw Malformed(what: "\(what) is not a decimal 64-bit string")
        }
        return v
    }
    static func int(_ x: Any?, _ what: String) throws -> Int {
        guard let n = x as? NSNumber, n.doubleValue == n.doubleValue.rounded(), abs(n.doubleValue) < 0x1p53 else {
            throw Malformed(what: "\(what) is not an integer")
        }
        return n.intValue
    }
    static func double(_ x: Any?, _ what: String) throws -> Double {
        guard let n = x as? NSNumber else { throw Malformed(what: "\(what) is not a number") }
        return n.doubleValue
    }
    static func array(_ x: Any?, _ what: String) throws -> [Any] {
        guard let a = x as? [Any] else { throw Malformed(what: "\(what) is not an array") }
        return a
    }
    static func object(_ x: Any?, _ what: String) throws -> [String: Any] {
        guard let o = x as? [String: Any] else { throw Malformed(what: "\(what) is not an object") }
        return o
    }

    // MARK: Comparing

    /// nil when `actual` (parsed JSON) equals `expected`, otherwise where they differ.
    static func compare(_ expected: JSONValue, _ actual: Any?, at path: String) -> String? {
        switch expected {
        case .object(let o):
            guard let a = actual as? [String: Any] else { return "\(path): not an object" }
            if Set(a.keys) != Set(o.keys) { return "\(path): keys \(a.keys.sorted()) instead of \(o.keys.sorted())" }
            for k in o.keys.sorted() {
                if let e = compare(o[k] ?? .null, a[k], at: path + "." + k) { return e }
            }
            return nil
        case .array(let xs):
            guard let a = actual as? [Any] else { return "\(path): not an array" }
            if a.count != xs.count { return "\(path): \(a.count) elements instead of \(xs.count)" }
            for (i, x) in xs.enumerated() {
                if let e = compare(x, a[i], at: "\(path)[\(i)]") { return e }
            }
            return nil
        case .string(let s):
            return (actual as? String) == s ? nil : "\(path): expected \"\(s)\""
        case .int(let i):
            guard let n = actual as? NSNumber, n.doubleValue == Double(i), n.intValue == i else {
                return "\(path): expected \(i)"
            }
            return nil
        case .uint(let u):
            guard let n = actual as? NSNumber, n.uint64Value == u, n.doubleValue == Double(u) else {
                return "\(path): expected \(u)"
            }
            return nil
        case .double(let d):
            guard let n = actual as? NSNumber else { return "\(path): expected a number" }
            let x = n.doubleValue
            let scale = max(abs(d), 1e-300)
            return abs(x - d) <= LoopixVectors.relativeTolerance * scale ? nil : "\(path): \(x) instead of \(d)"
        case .bool(let b):
            return (actual as? Bool) == b ? nil : "\(path): expected \(b)"
        case .null:
            return actual is NSNull ? nil : "\(path): expected null"
        }
    }

    static func errorName(_ e: AnalysisError) -> String {
        switch e {
        case .nonPositive: return "nonPositive"
        case .negative: return "negative"
        case .countOutOfRange: return "countOutOfRange"
        case .unstableQueue: return "unstableQueue"
        case .notGreaterThan: return "notGreaterThan"
        }
    }

    // MARK: Recomputing

    /// The expected outputs of one test, from its inputs; throws AnalysisError for invalid ones.
    static func expectedOutputs(
        type: String, group: [String: Any], inputs i: [String: Any], given: [String: Any]
    ) throws -> [String: JSONValue] {
        switch type {
        case "SplitMix64":
            var g = SplitMix64(seed: try u64(i["seed"], "seed"))
            let count = try array(given["next"], "next").count
            return ["next": .array((0..<count).map { _ in LoopixVectors.u64(g.next()) })]
        case "Xoshiro256StarStar":
            let s = try array(i["state"], "state")
            guard s.count == 4 else { throw Malformed(what: "state needs 4 words") }
            var g = Xoshiro256StarStar(
                state: (try u64(s[0], "s0"), try u64(s[1], "s1"), try u64(s[2], "s2"), try u64(s[3], "s3")))
            let count = try array(given["next"], "next").count
            return ["next": .array((0..<count).map { _ in LoopixVectors.u64(g.next()) })]
        case "SimulationRandom":
            let rates = try array(i["rates"], "rates").map { try double($0, "rate") }
            let ns = try array(i["n"], "n").map { try int($0, "n") }
            guard rates.allSatisfy({ $0 > 0 }), ns.allSatisfy({ $0 >= 1 }) else {
                throw Malformed(what: "rates > 0 and n ≥ 1")
            }
            return LoopixVectors.simulationRandomOutputs(seed: try u64(i["seed"], "seed"), rates: rates, ns: ns)
        case "ClientPath", "MixLoopPath":
            let g = try object(group["parameters"], "parameters")
            let p = LoopixVectors.pathParameters(
                layers: try int(g["layers"], "layers"), mixesPerLayer: try int(g["mixesPerLayer"], "mixesPerLayer"),
                providers: try int(g["providers"], "providers"), mu: try double(g["mu"], "mu"))
            do { try p.validate() } catch { throw Malformed(what: "parameters: \(error)") }
            let seed = try u64(i["seed"], "seed")
            if type == "ClientPath" {
                let d = try array(i["destinationProviders"], "destinationProviders").map { try int($0, "provider") }
                guard d.allSatisfy({ $0 >= 0 && $0 < p.providers }) else {
                    throw Malformed(what: "provider out of range")
                }
                return ["paths": LoopixVectors.clientPathOutputs(p, seed: seed, destinations: d)]
            }
            return ["paths": LoopixVectors.mixLoopOutputs(p, seed: seed)]
        case "Lemma1":
            let lambda = try double(i["lambda"], "lambda"), mu = try double(i["mu"], "mu")
            let m = try PoissonMix.occupancyMean(lambda: lambda, mu: mu)
            return [
                "mean": .double(m), "variance": .double(m),
                "probability": .double(
                    try PoissonMix.occupancyProbability(try int(i["n"], "n"), lambda: lambda, mu: mu)),
            ]
        case "Theorem1":
            let t = try PoissonMix.theorem1(n: try int(i["n"], "n"), k: try int(i["k"], "k"), l: try int(i["l"], "l"))
            return ["old": .double(t.old), "new": .double(t.new)]
        case "Theorem2":
            let t = try PoissonMix.theorem2(
                n: try int(i["n"], "n"), k: try int(i["k"], "k"), l: try int(i["l"], "l"),
                mu: try double(i["mu"], "mu"), lambdaM: try double(i["lambdaM"], "lambdaM"))
            return ["old": .double(t.old), "new": .double(t.new), "loop": .double(t.loop)]
        case "DanezisEntropy":
            return [
                "bits": .double(
                    try PoissonMix.danezisEntropy(
                        lambda: try double(i["lambda"], "lambda"), mu: try double(i["mu"], "mu")))
            ]
        case "Erlang":
            let h = try int(i["hops"], "hops"), mu = try double(i["mu"], "mu")
            let e = try LoopixLatency.erlang(hops: h, mu: mu)
            return [
                "mean": .double(e.mean), "variance": .double(e.variance),
                "standardDeviation": .double(e.standardDeviation),
                "cdf": .double(try LoopixLatency.erlangCDF(try double(i["x"], "x"), hops: h, mu: mu)),
            ]
        case "ClientBuffer":
            let r = try double(i["realMessageRate"], "realMessageRate"), lp = try double(i["lambdaP"], "lambdaP")
            return [
                "utilisation": .double(try ClientBuffer.utilisation(realRate: r, lambdaP: lp)),
                "meanWait": .double(try ClientBuffer.meanWait(realRate: r, lambdaP: lp)),
                "dropFraction": .double(try ClientBuffer.dropFraction(realRate: r, lambdaP: lp)),
                "meanQueueLength": .double(try ClientBuffer.meanQueueLength(realRate: r, lambdaP: lp)),
            ]
        case "ActiveAttack":
            let t = try double(i["blockingTime"], "blockingTime")
            return [
                "detectionProbability": .double(
                    try ActiveAttack.detectionProbability(lambdaM: try double(i["lambdaM"], "lambdaM"), blockingTime: t)
                ),
                "flushProbability": .double(
                    try ActiveAttack.flushProbability(
                        held: try int(i["held"], "held"), mu: try double(i["mu"], "mu"), blockingTime: t)),
            ]
        case "NMinusOneLinking":
            let lm = try double(i["lambdaM"], "lambdaM"), sf = try double(i["s"], "s")
            let t = try ActiveAttack.targetLinking(
                lambdaR: try double(i["lambdaR"], "lambdaR"), lambdaM: lm,
                mu: try double(i["mu"], "mu"), s: sf)
            return [
                "loopThreshold": .double(try ActiveAttack.loopThreshold(lambdaM: lm, s: sf)),
                "expectedPool": .double(t.expectedPool), "probability": .double(t.probability),
            ]
        case "PoolEntropy":
            guard let events = i["events"] as? String, events.allSatisfy({ $0 == "A" || $0 == "D" }) else {
                throw Malformed(what: "events must be a string of A and D")
            }
            return ["entropies": LoopixVectors.doubles(LoopixVectors.poolEntropies(events))]
        case "DanezisOutputEntropy":
            let arrivals = try array(i["arrivals"], "arrivals").map { try double($0, "arrival") }
            return [
                "bits": .double(
                    LoopixVectors.danezisDirect(
                        mu: try double(i["mu"], "mu"), arrivals: arrivals, t: try double(i["t"], "t")))
            ]
        case "MixArrivalRate":
            let p = LoopixParameters(
                lambdaP: try double(i["lambdaP"], "lambdaP"), lambdaL: try double(i["lambdaL"], "lambdaL"),
                lambdaD: try double(i["lambdaD"], "lambdaD"), lambdaM: try double(i["lambdaM"], "lambdaM"),
                mu: try double(i["mu"], "mu"), layers: try int(i["layers"], "layers"),
                mixesPerLayer: try int(i["mixesPerLayer"], "mixesPerLayer"),
                providers: try int(i["providers"], "providers"),
                clients: try int(i["clients"], "clients"), pullInterval: 1, pullSize: 1, realMessageRate: 0)
            do { try p.validate() } catch { throw Malformed(what: "parameters: \(error)") }
            return ["lambdaMix": .double(PoissonMix.networkMixArrivalRate(p))]
        default:
            throw Malformed(what: "unknown group type \(type)")
        }
    }

    mutating func verify(name: String, contents: String) {
        let algorithms = [
            "loopix_random.json": "LOOPIX-RNG", "loopix_paths.json": "LOOPIX-PATH",
            "loopix_closed_forms.json": "LOOPIX-CLOSED-FORMS",
        ]
        guard let data = contents.data(using: .utf8),
            let root = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any]
        else {
            failures.append("\(name): not a JSON object")
            return
        }
        if let expected = algorithms[name], (root["algorithm"] as? String) != expected {
            failures.append("\(name): algorithm is not \(expected)")
        }
        guard let groups = root["testGroups"] as? [[String: Any]] else {
            failures.append("\(name): no testGroups")
            return
        }
        var count = 0
        for group in groups {
            let type = group["type"] as? String ?? "?"
            for case let test as [String: Any] in group["tests"] as? [Any] ?? [] {
                count += 1
                let id = (test["tcId"] as? NSNumber)?.intValue ?? -1
                let label = "\(name) \(type) tcId \(id)"
                let inputs = test["inputs"] as? [String: Any] ?? [:]
                let given = test["outputs"] as? [String: Any] ?? [:]
                let result = test["result"] as? String ?? "?"
                do {
                    let expected = try Self.expectedOutputs(type: type, group: group, inputs: inputs, given: given)
                    if result != "valid" {
                        failures.append("\(label): computes, but is marked \(result)")
                    } else if let difference = Self.compare(.object(expected), given, at: "outputs") {
                        failures.append("\(label): \(difference)")
                    } else {
                        passed += 1
                    }
                } catch let error as AnalysisError {
                    if result == "invalid", (given["error"] as? String) == Self.errorName(error) {
                        passed += 1
                    } else {
                        failures.append("\(label): refused with \(Self.errorName(error)), marked \(result)")
                    }
                } catch let error as Malformed {
                    failures.append("\(label): malformed: \(error.what)")
                } catch {
                    failures.append("\(label): \(error)")
                }
            }
        }
        if (root["numberOfTests"] as? NSNumber)?.intValue != count {
            failures.append("\(name): numberOfTests is not \(count)")
        }
    }
}
