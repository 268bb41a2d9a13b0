// The property suite's run counts and seeds (SPEC.md chapter properties, "Running the suite").
//
// Environment:
//   SPHINX_PROPERTY_RUNS  a whole number ≥ 1 (default 1). Every property-check count and every
//                         statistical sample size is multiplied by it, for longer runs. The
//                         thresholds do not change: they are per-assertion significance levels.
//   SPHINX_PROPERTY_SEED  a 64-bit seed, decimal or 0x-hex (default 0x5350_4543_5052_4f50,
//                         "SPECPROP"). Every run of the suite with the same value draws the same
//                         inputs, so a failure is reproduced by running the suite again.
//
// Why our own seeding: PropertyBased 2.0.1 seeds each `propertyCheck` run from the system RNG
// unless the test carries the `.fixedSeed` trait, and that trait runs a single case and always
// records an issue (it is meant for debugging one failure, not for committed tests). So every
// property check here zips `fixedSeeds(label)` in front of its real generators: it draws
// nothing, and replaces the run's random number generator with
// Xoshiro(seed = SplitMix64(SPHINX_PROPERTY_SEED, label, run index)). The generators behind it
// then draw from that generator; shrinking is unaffected (it works on the drawn values).
import Foundation
import PropertyBased
import Synchronization

/// [PROP-RUNS] Run counts (SPHINX_PROPERTY_RUNS) and seeds (SPHINX_PROPERTY_SEED); see the file header.
enum RunSettings {
    /// SPHINX_PROPERTY_RUNS, at least 1.
    static let scale: Int = {
        guard let text = ProcessInfo.processInfo.environment["SPHINX_PROPERTY_RUNS"],
            let value = Int(text.trimmingCharacters(in: .whitespaces)), value >= 1
        else { return 1 }
        return value
    }()

    /// SPHINX_PROPERTY_SEED.
    static let seed: UInt64 = {
        let fallback: UInt64 = 0x5350_4543_5052_4f50
        guard
            let raw = ProcessInfo.processInfo.environment["SPHINX_PROPERTY_SEED"]?
                .trimmingCharacters(in: .whitespaces).lowercased()
        else { return fallback }
        if raw.hasPrefix("0x") { return UInt64(raw.dropFirst(2), radix: 16) ?? fallback }
        return UInt64(raw) ?? fallback
    }()

    /// A count at the default setting, scaled by SPHINX_PROPERTY_RUNS.
    static func count(_ base: Int) -> Int { base * scale }

    /// The 32-byte seed of a `DeterministicRandom` for one labelled sample or run.
    static func randomSeed(_ label: String, _ index: Int = 0) -> [UInt8] {
        var state = seed ^ fnv1a(label) ^ (UInt64(truncatingIfNeeded: index) &* 0x9E37_79B9_7F4A_7C15)
        var out: [UInt8] = []
        for _ in 0..<4 {
            let word = splitMix64(&state)
            for shift in stride(from: 56, through: 0, by: -8) {
                out.append(UInt8(truncatingIfNeeded: word >> UInt64(shift)))
            }
        }
        return out
    }

    /// FNV-1a over the label's UTF-8 bytes (Swift's `Hasher` is seeded per process, so it
    /// cannot name a reproducible seed).
    static func fnv1a(_ label: String) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in label.utf8 {
            h ^= UInt64(byte)
            h = h &* 0x0000_0100_0000_01b3
        }
        return h
    }

    /// SplitMix64 (Steele, Lea, Flood 2014): turns one 64-bit state into well-mixed words.
    static func splitMix64(_ state: inout UInt64) -> UInt64 {
        state = state &+ 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Which fixed seed a property-check run used; printed with a failing input.
struct RunSeed: Sendable, CustomStringConvertible {
    let label: String
    let run: Int
    let seed: (UInt64, UInt64, UInt64, UInt64)
    var description: String { "\(label) run \(run) (SPHINX_PROPERTY_SEED=0x\(String(RunSettings.seed, radix: 16)))" }
}

/// Counts the runs of one property check.
final class RunCounter: Sendable {
    private let value = Mutex(0)
    func next() -> Int {
        value.withLock { v in
            defer { v += 1 }; return v
        }
    }
}

/// The generator to put first in every `propertyCheck` input: it re-seeds the run's generator
/// from the suite seed, the label and the run index (see the file header).
func fixedSeeds(_ label: String) -> Generator<RunSeed, Shrink.None<RunSeed>> {
    let counter = RunCounter()
    return Generator { rng in
        let run = counter.next()
        var state = RunSettings.seed ^ RunSettings.fnv1a(label) ^ (UInt64(run) &* 0xD1B5_4A32_D192_ED03)
        let words = (
            RunSettings.splitMix64(&state), RunSettings.splitMix64(&state),
            RunSettings.splitMix64(&state), RunSettings.splitMix64(&state)
        )
        rng = Xoshiro(seed: words)
        return RunSeed(label: label, run: run, seed: words)
    }
}
