import Foundation

/// SplitMix64, the generator that seeds xoshiro256**.
///
/// Source: S. Vigna, splitmix64.c (public domain, prng.di.unimi.it). SPEC.md [LOOPIX-RNG-1].
/// ```text
/// x = x + 0x9e3779b97f4a7c15            (mod 2^64)
/// z = (x ⊕ (x >> 30)) · 0xbf58476d1ce4e5b9
/// z = (z ⊕ (z >> 27)) · 0x94d049bb133111eb
/// return z ⊕ (z >> 31)
/// ```
public struct SplitMix64: Sendable, Equatable {
    /// The 64-bit state x.
    public private(set) var state: UInt64

    public init(seed: UInt64) { self.state = seed }

    public mutating func next() -> UInt64 {
        state = state &+ 0x9e37_79b9_7f4a_7c15
        var z = state
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }
}

/// xoshiro256** 1.0, the simulator's only source of randomness.
///
/// Source: D. Blackman and S. Vigna, "Scrambled linear pseudorandom number generators"
/// (ACM TOMS 2021), reference code xoshiro256starstar.c. SPEC.md [LOOPIX-RNG-2].
/// ```text
/// result = rotl(s1 · 5, 7) · 9
/// t = s1 << 17
/// s2 ^= s0 ; s3 ^= s1 ; s1 ^= s2 ; s0 ^= s3 ; s2 ^= t ; s3 = rotl(s3, 45)
/// ```
/// It is not a cryptographic generator: the simulator needs reproducibility, not secrecy.
public struct Xoshiro256StarStar: Sendable, Equatable {
    /// The state (s0, s1, s2, s3).
    public private(set) var s: (UInt64, UInt64, UInt64, UInt64)

    /// Starts from an explicit state (used by the published reference vector, state 1, 2, 3, 4).
    public init(state: (UInt64, UInt64, UInt64, UInt64)) { self.s = state }

    /// Seeds the state with the first four outputs of SplitMix64(seed), as the authors recommend.
    public init(seed: UInt64) {
        var seeder = SplitMix64(seed: seed)
        self.s = (seeder.next(), seeder.next(), seeder.next(), seeder.next())
    }

    public static func == (a: Self, b: Self) -> Bool {
        a.s.0 == b.s.0 && a.s.1 == b.s.1 && a.s.2 == b.s.2 && a.s.3 == b.s.3
    }

    @inline(__always)
    private static func rotl(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }

    public mutating func next() -> UInt64 {
        let result = Self.rotl(s.1 &* 5, 7) &* 9
        let t = s.1 << 17
        s.2 ^= s.0
        s.3 ^= s.1
        s.1 ^= s.2
        s.0 ^= s.3
        s.2 ^= t
        s.3 = Self.rotl(s.3, 45)
        return result
    }
}

/// The seeded random source of a simulation: xoshiro256** plus the three conversions every
/// sample goes through. The same seed gives the same run on every machine.
///
/// SPEC.md, "The random generator" (see LOOPIX-RNG-1 and LOOPIX-RNG-2).
public struct SimulationRandom: Sendable, Equatable {
    public private(set) var generator: Xoshiro256StarStar

    public init(seed: UInt64) { self.generator = Xoshiro256StarStar(seed: seed) }

    public mutating func nextUInt64() -> UInt64 { generator.next() }

    /// A uniform double in [0, 1): the top 53 bits of one output, times 2^-53.
    ///
    /// SPEC.md [LOOPIX-RNG-3]. `u = (next() >> 11) · 2^-53`, exact in binary64.
    public mutating func uniform() -> Double {
        Double(generator.next() >> 11) * 0x1.0p-53
    }

    /// An exponential sample with the given rate (events per second), by inverse transform.
    ///
    /// SPEC.md [LOOPIX-RNG-4]. `x = −ln(1 − u) / rate`; 1 − u lies in (0, 1], so x is finite
    /// and ≥ 0. The only operation that may differ between C libraries is `log` (glibc and
    /// Apple's libm are accurate to < 1 ulp); vectors compare such values with a relative
    /// tolerance of 1e-12 for that reason.
    public mutating func exponential(rate: Double) -> Double {
        let u = uniform()
        return -Foundation.log(1 - u) / rate
    }

    /// A uniform index in 0..<n (n ≥ 1): floor(u · n).
    ///
    /// SPEC.md [LOOPIX-RNG-5]. The bias of this map is below n · 2^-53, far below any effect the
    /// simulator measures; it is used because it is one line in every language.
    /// One uniform is always drawn, even for n = 1, so the number of draws never depends on n;
    /// n ≤ 0 (which validated parameters exclude) yields 0 rather than a crash.
    public mutating func index(below n: Int) -> Int {
        let u = uniform()
        guard n > 1 else { return 0 }
        return min(Int(u * Double(n)), n - 1)
    }
}
