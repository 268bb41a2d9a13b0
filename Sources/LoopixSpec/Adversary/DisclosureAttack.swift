import Foundation

/// The long-term intersection attack: the statistical disclosure attack (SDA) against a user,
/// Alice, who writes again and again to a small set of m friends among N recipients.
///
/// Sources: G. Danezis, "Statistical Disclosure Attacks", SEC 2003 (threshold mix, Alice sends
/// one message per round, known uniform background); N. Mathewson and R. Dingledine, "Practical
/// Traffic Analysis: Extending and Resisting Statistical Disclosure", PET 2004 (Alice's number of
/// packets varies per round, the background is learnt from the data, cover traffic). SPEC.md §8.13.
public enum DisclosureAttack {
    /// How Alice's client fills its payload stream (SPEC.md LOOPIX-ADV-SDA-2).
    public enum Cover: String, Codable, Sendable, CaseIterable {
        /// No payload stream: each real message leaves at once; no loops or drops.
        case none
        /// The Loopix paper: an empty payload slot sends a drop to a random provider.
        case paper
        /// Nym: an empty payload slot sends a loop back to the client itself.
        case nym
    }

    /// A threshold-mix setting of Danezis 2003.
    public struct ThresholdSetting: Codable, Sendable {
        /// N recipients, m friends of Alice (recipients 0 … m − 1), batch size b.
        public var recipients: Int
        public var friends: Int
        public var batch: Int
        public init(recipients: Int, friends: Int, batch: Int) {
            self.recipients = recipients
            self.friends = friends
            self.batch = batch
        }
    }

    /// Danezis 2003's condition for the friends' counts to stand l standard deviations clear of
    /// the others' after t rounds, solved for t.
    ///
    /// SPEC.md [LOOPIX-ADV-SDA-ROUNDS]. Alice's message goes to each friend with chance 1/m, the
    /// b − 1 others' to each recipient with chance 1/N; after t rounds a friend's count exceeds a
    /// non-friend's by t/m on average; asking t/m ≥ l·(σ_friend + σ_other) gives
    /// ```text
    /// t > [ m·l·( √((N−1)(b−1)/N²) + √((N−1)(b−1)/N² + (m−1)/m²) ) ]²
    /// ```
    public static func predictedRounds(_ s: ThresholdSetting, confidence l: Double) -> Double {
        let n = Double(s.recipients), m = Double(s.friends), b = Double(s.batch)
        let other = (n - 1) * (b - 1) / (n * n)
        let root = m * l * (other.squareRoot() + (other + (m - 1) / (m * m)).squareRoot())
        return root * root
    }

    /// Rounds until the SDA names Alice's friends, in Danezis' threshold-mix model, for each of
    /// `trials` independent runs (nil: not within `maxRounds`).
    ///
    /// SPEC.md [LOOPIX-ADV-SDA-1].
    /// ```text
    /// each round: Alice sends one message to a friend chosen uniformly; b − 1 others send one
    ///             each to a recipient chosen uniformly among N; the observer sees the b
    ///             recipients of the round and knows Alice sent one of them
    /// estimate after t rounds: v = b·Ō − (b − 1)·u,  Ō the mean of the rounds' recipient
    ///             histograms, u = 1/N the known background
    /// disclosed at t: the m largest entries of v are the friends, and stay so up to maxRounds
    /// ```
    public static func thresholdRoundsToDisclosure(
        _ s: ThresholdSetting, maxRounds: Int, trials: Int, seed: UInt64
    ) throws(AdversaryError) -> [Int?] {
        guard s.friends >= 1, s.recipients > s.friends, s.batch >= 1 else {
            throw .unsuitable("need 1 ≤ friends < recipients and batch ≥ 1")
        }
        var random = SimulationRandom(seed: seed)
        var out: [Int?] = []
        for _ in 0..<trials {
            var counts = [Int](repeating: 0, count: s.recipients)
            var lastWrong = 0
            for t in 1...maxRounds {
                // Step 1: the round's messages (the background u is uniform, so b·Ō − (b−1)u ranks
                // recipients as their counts do).
                counts[random.index(below: s.friends)] += 1
                for _ in 1..<max(1, s.batch) { counts[random.index(below: s.recipients)] += 1 }
                // Step 2: is the top m the friends?
                if !topIsFriends(counts.map(Double.init), friends: s.friends, exclude: nil) { lastWrong = t }
            }
            out.append(lastWrong < maxRounds ? lastWrong + 1 : nil)
        }
        return out
    }

    /// True when the `friends` largest scores (ties against the friends) are recipients 0 … m − 1.
    static func topIsFriends(_ score: [Double], friends m: Int, exclude: Int?) -> Bool {
        var lowestFriend = Double.infinity
        for r in 0..<m { lowestFriend = min(lowestFriend, score[r]) }
        for r in m..<score.count where r != exclude && score[r] >= lowestFriend { return false }
        return true
    }
}
