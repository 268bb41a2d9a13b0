import Foundation
import LoopixSpec

/// The Loopix test vectors: the random generator, path and delay sampling, and the closed
/// forms, so another implementation can check its sampling and its formulas. The closed-form
/// cases are a table of their own, in LoopixClosedFormVectors.swift.
///
/// SPEC.md [LOOPIX-VECTORS]. Files follow Project Wycheproof's layout (C2SP/wycheproof
/// doc/formats.md) and validate against TestVectors/schemas/loopix.schema.json.
/// 64-bit generator outputs are decimal strings (JSON numbers lose precision past 2^53) and
/// must match exactly; doubles must match to a relative tolerance of 1e-12 (absolute 1e-300
/// near zero), because `log` may differ in the last bit between C libraries.
public enum LoopixVectors {
    public static let generatorName = "sphinx-spec LoopixSpec"
    public static let generatorVersion = "1"
    public static let relativeTolerance = 1e-12

    /// The vector files, name and contents (deterministic bytes).
    public static func files() throws -> [(name: String, contents: String)] {
        [
            ("loopix_random.json", randomFile().rendered()),
            ("loopix_paths.json", pathsFile().rendered()),
            ("loopix_closed_forms.json", closedFormsFile().rendered()),
        ]
    }

    /// Recomputes every test of a file from its inputs and compares.
    public static func verify(name: String, contents: String) -> (passed: Int, failures: [String]) {
        var v = Verifier()
        v.verify(name: name, contents: contents)
        return (v.passed, v.failures)
    }

    // MARK: - Building blocks

    static func u64(_ x: UInt64) -> JSONValue { .string(String(x)) }
    static func doubles(_ xs: [Double]) -> JSONValue { .array(xs.map { .double($0) }) }

    static func envelope(
        algorithm: String, header: [String], notes: [String: (String, String)], groups: [JSONValue]
    ) -> JSONValue {
        var count = 0
        for case .object(let g) in groups {
            if case .array(let tests)? = g["tests"] { count += tests.count }
        }
        var n: [String: JSONValue] = [:]
        for (flag, (bugType, description)) in notes {
            n[flag] = .object(["bugType": .string(bugType), "description": .string(description)])
        }
        return .object([
            "algorithm": .string(algorithm),
            "schema": .string("loopix.schema.json"),
            "generator": .object(["name": .string(generatorName), "version": .string(generatorVersion)]),
            "numberOfTests": .int(count),
            "header": .array(header.map { .string($0) }),
            "notes": .object(n),
            "testGroups": .array(groups),
        ])
    }

    static func test(
        _ id: Int, _ comment: String, flags: [String] = [], result: String = "valid",
        inputs: [String: JSONValue], outputs: [String: JSONValue]
    ) -> JSONValue {
        .object([
            "tcId": .int(id), "comment": .string(comment), "flags": .array(flags.map { .string($0) }),
            "result": .string(result), "inputs": .object(inputs), "outputs": .object(outputs),
        ])
    }

    static let commonNotes: [String: (String, String)] = [
        "Published": ("Functionality", "Expected values published by an independent source, named in the comment."),
        "Derived": (
            "Functionality",
            "Expected values computed by this implementation from the formula in SPEC.md; they pin the formula, not an outside source."
        ),
        "InvalidInput": ("MissingCheck", "Inputs outside the formula's domain; an implementation must refuse them."),
    ]

    // MARK: - The random generator

    /// The sequence drawn by a `SimulationRandom` test, from a fresh generator:
    /// 8 raw outputs, 8 uniforms, then for each rate 4 exponentials, then for each n 4 indices.
    static func simulationRandomOutputs(seed: UInt64, rates: [Double], ns: [Int]) -> [String: JSONValue] {
        var r = SimulationRandom(seed: seed)
        let s = r.generator.s
        let raw = (0..<8).map { _ in r.nextUInt64() }
        let uniforms = (0..<8).map { _ in r.uniform() }
        var exps: [JSONValue] = []
        for rate in rates { exps.append(doubles((0..<4).map { _ in r.exponential(rate: rate) })) }
        var idx: [JSONValue] = []
        for n in ns { idx.append(.array((0..<4).map { _ in .int(r.index(below: n)) })) }
        return [
            "state": .array([u64(s.0), u64(s.1), u64(s.2), u64(s.3)]),
            "next": .array(raw.map(u64)), "uniforms": doubles(uniforms),
            "exponentials": .array(exps), "indices": .array(idx),
        ]
    }

    static func randomFile() -> JSONValue {
        var id = 0
        func next() -> Int { id += 1; return id }
        // SplitMix64.
        var splitTests: [JSONValue] = []
        let published: [UInt64] = [
            1_985_237_415_132_408_290, 2_979_275_885_539_914_483, 13_511_426_838_097_143_398,
            8_488_337_342_461_049_707, 15_141_737_807_933_549_159,
        ]
        splitTests.append(
            test(
                next(),
                "rust-random/rngs rand_xoshiro/src/splitmix64.rs, test `reference` (from Vigna's splitmix64.c), first five values",
                flags: ["Published"], inputs: ["seed": u64(1_477_776_061_723_855_037)],
                outputs: ["next": .array(published.map(u64))]))
        for seed: UInt64 in [0, 1, 42, UInt64.max] {
            var g = SplitMix64(seed: seed)
            splitTests.append(
                test(
                    next(), "SplitMix64 from seed \(seed)", flags: ["Derived"],
                    inputs: ["seed": u64(seed)], outputs: ["next": .array((0..<5).map { _ in u64(g.next()) })]))
        }
        // xoshiro256** from an explicit state.
        var g = Xoshiro256StarStar(state: (1, 2, 3, 4))
        let xoTests = [
            test(
                next(),
                "rust-random/rngs rand_xoshiro/src/xoshiro256starstar.rs, test `reference` (from Vigna's xoshiro256starstar.c)",
                flags: ["Published"], inputs: ["state": .array([u64(1), u64(2), u64(3), u64(4)])],
                outputs: ["next": .array((0..<10).map { _ in u64(g.next()) })])
        ]
        // The simulator's generator.
        let rates = [1.0, 2.0, 0.5, 66.666_666_666_666_67]
        let ns = [1, 2, 3, 9, 100]
        var simTests: [JSONValue] = []
        for seed: UInt64 in [0, 1, 42, 1_477_776_061_723_855_037, UInt64.max] {
            simTests.append(
                test(
                    next(), "SimulationRandom(seed: \(seed))", flags: ["Derived"],
                    inputs: ["seed": u64(seed), "rates": doubles(rates), "n": .array(ns.map { .int($0) })],
                    outputs: simulationRandomOutputs(seed: seed, rates: rates, ns: ns)))
        }
        return envelope(
            algorithm: "LOOPIX-RNG",
            header: [
                "The simulator's random generator (SPEC.md LOOPIX-RNG-1 to LOOPIX-RNG-5).",
                "SplitMix64: next() of splitmix64.c. Xoshiro256StarStar: next() of xoshiro256starstar.c from the given state.",
                "SimulationRandom: state = first four SplitMix64(seed) outputs; then, from that fresh generator in this order: 8 raw next(), 8 uniforms u = (next() >> 11) * 2^-53, for each rate 4 exponentials -ln(1 - u)/rate, for each n 4 indices floor(u * n) (n = 1 still draws).",
                "64-bit values are decimal strings and must match exactly; doubles must match to a relative tolerance of 1e-12.",
            ],
            notes: commonNotes,
            groups: [
                .object(["type": .string("SplitMix64"), "tests": .array(splitTests)]),
                .object(["type": .string("Xoshiro256StarStar"), "tests": .array(xoTests)]),
                .object(["type": .string("SimulationRandom"), "tests": .array(simTests)]),
            ])
    }

    // MARK: - Paths

    static func hopsJSON(_ hops: [Hop]) -> JSONValue {
        .array(
            hops.map { hop in
                switch hop {
                case .mix(let m, let d):
                    return .object(["kind": .string("mix"), "index": .int(m), "delay": .double(d)])
                case .provider(let p): return .object(["kind": .string("provider"), "index": .int(p)])
                case .originMix(let m): return .object(["kind": .string("originMix"), "index": .int(m)])
                }
            })
    }

    static func pathParameters(layers: Int, mixesPerLayer: Int, providers: Int, mu: Double) -> LoopixParameters {
        LoopixParameters(
            lambdaP: 1, lambdaL: 0, lambdaD: 0, lambdaM: 0, mu: mu, layers: layers,
            mixesPerLayer: mixesPerLayer, providers: providers, clients: 2,
            pullInterval: 1, pullSize: 1, realMessageRate: 0)
    }

    static let pathSettings: [(layers: Int, mixesPerLayer: Int, providers: Int, mu: Double)] = [
        (3, 3, 2, 2), (1, 5, 3, 10), (5, 2, 4, 1 / 0.015),
    ]

    static func clientPathOutputs(_ p: LoopixParameters, seed: UInt64, destinations: [Int]) -> JSONValue {
        var r = SimulationRandom(seed: seed)
        return .array(
            destinations.map { hopsJSON(PathSampling.clientPath(parameters: p, destinationProvider: $0, random: &r)) })
    }

    static func mixLoopOutputs(_ p: LoopixParameters, seed: UInt64) -> JSONValue {
        var r = SimulationRandom(seed: seed)
        return .array(
            (0..<(p.layers * p.mixesPerLayer)).map {
                hopsJSON(PathSampling.mixLoopPath(parameters: p, origin: $0, random: &r))
            })
    }

    static func pathsFile() -> JSONValue {
        var id = 0
        func next() -> Int { id += 1; return id }
        var groups: [JSONValue] = []
        for s in pathSettings {
            let p = pathParameters(layers: s.layers, mixesPerLayer: s.mixesPerLayer, providers: s.providers, mu: s.mu)
            let params: JSONValue = .object([
                "layers": .int(s.layers), "mixesPerLayer": .int(s.mixesPerLayer),
                "providers": .int(s.providers), "mu": .double(s.mu),
            ])
            var clientTests: [JSONValue] = []
            for seed: UInt64 in [1, 2, 3] {
                let destinations = (0..<s.providers).map { $0 }
                clientTests.append(
                    test(
                        next(), "client paths, seed \(seed), one per destination provider in order",
                        flags: ["Derived"],
                        inputs: ["seed": u64(seed), "destinationProviders": .array(destinations.map { .int($0) })],
                        outputs: ["paths": clientPathOutputs(p, seed: seed, destinations: destinations)]))
            }
            groups.append(.object(["type": .string("ClientPath"), "parameters": params, "tests": .array(clientTests)]))
            var loopTests: [JSONValue] = []
            for seed: UInt64 in [7, 8] {
                loopTests.append(
                    test(
                        next(), "mix-loop paths, seed \(seed), one per origin mix 0, 1, … in order",
                        flags: ["Derived"], inputs: ["seed": u64(seed)],
                        outputs: ["paths": mixLoopOutputs(p, seed: seed)]))
            }
            groups.append(.object(["type": .string("MixLoopPath"), "parameters": params, "tests": .array(loopTests)]))
        }
        return envelope(
            algorithm: "LOOPIX-PATH",
            header: [
                "Path and delay sampling (SPEC.md LOOPIX-PATH-1, LOOPIX-PATH-2) with the generator of loopix_random.json.",
                "Mixes are numbered layer * mixesPerLayer + position. One fresh SimulationRandom(seed) per test; the paths of a test are drawn one after the other from it.",
                "ClientPath: for each layer an index floor(u * mixesPerLayer), then for each layer a delay -ln(1 - u)/mu, then the destination provider (given, not drawn).",
                "MixLoopPath: mixes of the layers after the origin's, a provider floor(u * providers), mixes of the layers before the origin's, then the delays in path order; the path ends at the origin mix.",
            ],
            notes: commonNotes, groups: groups)
    }
}
