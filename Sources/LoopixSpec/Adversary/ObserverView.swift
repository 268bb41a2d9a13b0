import Foundation

/// A node of the network as a global passive observer names it: by its role and index, nothing
/// more. Written in files as "c3", "p0", "m5" (SPEC.md LOOPIX-ADV-VIEW).
public enum NetworkNode: Hashable, Sendable {
    case client(Int)
    case provider(Int)
    case mix(Int)

    /// The file form: one letter (c, p, m) and the index in decimal.
    public var name: String {
        switch self {
        case .client(let i): return "c\(i)"
        case .provider(let i): return "p\(i)"
        case .mix(let i): return "m\(i)"
        }
    }

    /// Parses the file form; anything else is `nil`.
    public init?(name: String) {
        guard let first = name.first, let index = Int(name.dropFirst()), index >= 0 else { return nil }
        switch first {
        case "c": self = .client(index)
        case "p": self = .provider(index)
        case "m": self = .mix(index)
        default: return nil
        }
    }
}

/// One packet crossing one link, as the global passive adversary sees it: when, from where, to
/// where. No content, no size (all packets look alike), no keys.
///
/// SPEC.md [LOOPIX-ADV-VIEW]. Links take no time in the simulator, so a packet leaves `from`
/// and reaches `to` at the same `time`.
public struct LinkEvent: Hashable, Sendable {
    public var time: Double
    public var from: NetworkNode
    public var to: NetworkNode

    public init(time: Double, from: NetworkNode, to: NetworkNode) {
        self.time = time
        self.from = from
        self.to = to
    }
}

/// What the simulator knows about a link event and the observer does not: which message it is.
/// Kept apart from the observation and used only to score attacks (SPEC.md LOOPIX-ADV-TRUTH).
public struct LinkTruth: Hashable, Sendable {
    /// The simulator's storage slot of the message (reused after the message ends); nil for the
    /// dummies a provider pads a pull with.
    public var slot: Int?
    /// The message's kind; nil for a pull's dummy.
    public var kind: MessageKind?
    /// True on the first link a message crosses (it was just created or sent).
    public var isFirstLink: Bool

    public init(slot: Int?, kind: MessageKind?, isFirstLink: Bool) {
        self.slot = slot
        self.kind = kind
        self.isFirstLink = isFirstLink
    }
}

/// The hook a run calls for every link event, in the order of the run (time order; at one
/// instant, the order the rules handed the packets on).
public typealias LinkObserver = (LinkEvent, LinkTruth) -> Void

/// A recorded run, split the way SPEC.md [LOOPIX-ADV-TRUTH] requires: `observation` is all an
/// attack may read; `truth[i]` names the message of `observation[i]` for scoring only.
public struct ObserverRecording: Sendable {
    /// The attacker's input: every link event of the run.
    public private(set) var observation: [LinkEvent] = []
    /// The ground truth, one entry per event: a message number unique in the run (numbered from
    /// 0 in order of first link), or nil for a pull's dummy; the kind is nil for a dummy and for
    /// an ack packet of a packet-level run.
    public private(set) var truth: [TruthEntry] = []

    /// The ground truth of one link event.
    public struct TruthEntry: Hashable, Sendable {
        public var message: Int?
        public var kind: MessageKind?

        public init(message: Int?, kind: MessageKind?) {
            self.message = message
            self.kind = kind
        }
    }

    private var messageOfSlot: [Int: Int] = [:]
    private var nextMessage = 0

    public init() {}

    /// Appends one event; the slot is turned into a message number that is never reused.
    public mutating func record(_ event: LinkEvent, _ t: LinkTruth) {
        observation.append(event)
        guard let slot = t.slot else {
            truth.append(TruthEntry(message: nil, kind: nil))
            return
        }
        if t.isFirstLink || messageOfSlot[slot] == nil {
            messageOfSlot[slot] = nextMessage
            nextMessage += 1
        }
        truth.append(TruthEntry(message: messageOfSlot[slot], kind: t.kind))
    }

    /// Runs `simulator` and records what the global passive adversary sees.
    public static func run(
        _ simulator: LoopixSimulator, progress: ((Double) -> Void)? = nil
    ) -> (result: SimulationResult, recording: ObserverRecording) {
        var recording = ObserverRecording()
        let result = simulator.run(progress: progress, observe: { recording.record($0, $1) })
        return (result, recording)
    }

    /// Runs a packet-level run (SPEC.md §8.12) and records what the global passive adversary
    /// sees of it (LOOPIX-ADV-PKT-VIEW): the same kind of view, from real packets; a SURB-ACK's
    /// ack packet has a message number and no kind.
    ///
    /// - Throws: `NodeError.parameters` for fewer than 1 thread.
    public static func run(
        _ simulator: PacketSimulator, threads: Int = 1, progress: ((Double) -> Void)? = nil
    ) throws(NodeError) -> (result: PacketRunResult, recording: ObserverRecording) {
        var recording = ObserverRecording()
        let result = try simulator.run(threads: threads, progress: progress, view: { recording.record($0, $1) })
        return (result, recording)
    }
}
