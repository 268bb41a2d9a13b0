/// An active adversary inside a packet-level run (SPEC.md §8.12), and what the run records for
/// the attacks measured on it (§8.13, LOOPIX-ADV-PKT-HOOK).
///
/// The adversary acts on one thing: a packet put on a link into a mix. A dropping mix (one of
/// `dropping`) discards it with probability `dropProbability`; during a blocking episode of
/// (n − 1) the links into the target mix hold it back. Everything else of the run is honest,
/// and a run without an adversary is the run of §8.12, byte for byte.
public struct PacketAdversary: Sendable {
    /// The mixes that drop (global indices, layer · M + index).
    public var dropping: Set<Int>
    /// Each packet entering a dropping mix is discarded with this probability.
    public var dropProbability: Double
    /// The (n − 1) adversary on the links into one mix; nil: none.
    public var blocking: Blocking?
    /// Seed of the adversary's own coin flips (separate from every node's randomness).
    public var seed: UInt64

    public init(dropping: Set<Int> = [], dropProbability: Double = 1, blocking: Blocking? = nil, seed: UInt64 = 1) {
        self.dropping = dropping
        self.dropProbability = dropProbability
        self.blocking = blocking
        self.seed = seed
    }

    /// The dropping mixes of a `DroppingAttack.Setting` (the first ⌈f·M⌉ of each attacked layer).
    public init(_ setting: DroppingAttack.Setting, parameters: LoopixParameters, seed: UInt64 = 1) {
        self.init(dropping: setting.culprits(parameters), dropProbability: setting.dropProbability, seed: seed)
    }

    /// (n − 1) blocking of one mix, episode after episode.
    public struct Blocking: Sendable, Codable {
        /// What happens to the held packets at the end of an episode.
        public enum Mode: String, Sendable, Codable {
            /// They arrive at the target then, in the order they were sent.
            case release
            /// They are discarded.
            case drop
            /// Nothing is held: the episodes are only marked (the honest run to compare with).
            case watch
        }

        /// The target mix (global index).
        public var target: Int
        /// The episodes: start (virtual seconds) and length t, not overlapping, in time order.
        public var episodes: [Episode]
        public var mode: Mode

        public init(target: Int, episodes: [Episode], mode: Mode) {
            self.target = target
            self.episodes = episodes
            self.mode = mode
        }

        /// Episodes of the lengths `times`, in turn, each starting `gap` seconds after the last
        /// one ended, the first at `start`, as many as fit before `end`.
        public static func schedule(times: [Double], start: Double, gap: Double, end: Double) -> [Episode] {
            guard !times.isEmpty else { return [] }
            var episodes: [Episode] = []
            var at = start
            while at + times[episodes.count % times.count] <= end {
                let t = times[episodes.count % times.count]
                episodes.append(Episode(start: at, length: t))
                at += t + gap
            }
            return episodes
        }
    }

    public struct Episode: Sendable, Codable, Equatable {
        public var start: Double
        public var length: Double

        public init(start: Double, length: Double) {
            self.start = start
            self.length = length
        }
    }

    /// Checks the adversary against the run's parameters.
    ///
    /// - Throws: `AdversaryError.parameterOutOfRange` for a mix that does not exist, a
    ///   probability outside [0, 1], an episode that is not finite and positive or overlaps
    ///   the one before.
    public func validate(for p: LoopixParameters) throws(AdversaryError) {
        let mixes = p.layers * p.mixesPerLayer
        for m in dropping where m < 0 || m >= mixes { throw .parameterOutOfRange(parameter: "mix", value: Double(m)) }
        guard dropProbability >= 0, dropProbability <= 1 else {
            throw .parameterOutOfRange(parameter: "dropProbability", value: dropProbability)
        }
        guard let blocking else { return }
        guard blocking.target >= 0, blocking.target < mixes else {
            throw .parameterOutOfRange(parameter: "target", value: Double(blocking.target))
        }
        var end = -Double.infinity
        for e in blocking.episodes {
            guard e.start.isFinite, e.start >= end, e.length.isFinite, e.length > 0 else {
                throw .parameterOutOfRange(parameter: "episode start", value: e.start)
            }
            end = e.start + e.length
        }
    }
}

/// What a packet-level run with an adversary records: the ground truth the attacks' scoring
/// needs and what each honest node learns (LOOPIX-ADV-PKT-RECORD).
public struct PacketAdversaryRecord: Sendable {
    /// A client's loop or real packet: its route as the client chose it, and its fate.
    public struct ClientPacket: Sendable {
        public var client: Int
        public var sentAt: Double
        /// The mixes of its route (global indices), as the client chose them.
        public var route: [Int]
        /// A loop: when it reached the client's inbox (nil: never, within the run).
        /// A real packet: when the client's ack timeout for it fired (nil: not within the run).
        public var decidedAt: Double?
        /// A real packet: the timeout found it unacknowledged (the client sends it again).
        public var unacknowledged = false
    }

    /// One blocking episode of the target mix.
    public struct EpisodeRecord: Sendable {
        public var episode: PacketAdversary.Episode
        /// The messages in the target's pool when the episode started (k).
        public var poolAtStart: Int
        /// Whether all of them had left when it ended.
        public var flushed: Bool
        /// Whether a client's packet was let through (the adversary's target message).
        public var letThrough: Bool
        /// Packets held back during the episode.
        public var held: Int
    }

    public var loops: [ClientPacket] = []
    public var reals: [ClientPacket] = []
    /// Real messages the users submitted, and when each first reached its recipient's inbox.
    public var messagesCreatedAt: [Double] = []
    public var messagesDeliveredAt: [Double?] = []
    /// Packets the dropping mixes discarded, and packets discarded at the end of episodes.
    public var dropped = 0
    public var discardedAfterBlocking = 0
    /// The target mix's own loops: when each left and when it came back (nil: not back).
    public var targetLoops: [(sentAt: Double, backAt: Double?)] = []
    public var episodes: [EpisodeRecord] = []
    /// The run's end (seconds).
    public var end = 0.0
}
