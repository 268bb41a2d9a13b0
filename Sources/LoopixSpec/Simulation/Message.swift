/// What a message is, as only its creator knows (a mix or an observer cannot tell them apart).
///
/// Paper: Loopix §3.2, "Sending messages and cover traffic".
public enum MessageKind: String, Sendable, Codable, CaseIterable {
    /// A user's message, sent in a payload-stream slot.
    case real
    /// A drop message sent in a payload-stream slot because the buffer was empty.
    case payloadDrop
    /// A client's loop cover message (λ_L), addressed to the client itself.
    case loop
    /// A client's drop cover message (λ_D), discarded by a random provider.
    case drop
    /// A mix's loop cover message (λ_M), which comes back to that mix.
    case mixLoop

    /// Whether the message is cover traffic (everything except `.real`).
    public var isCover: Bool { self != .real }
}

/// One hop of a path after the sender's own provider.
public enum Hop: Sendable, Equatable {
    /// A mix (global index) that holds the message for `delay` seconds.
    case mix(Int, delay: Double)
    /// A provider (index). The last hop of every client message.
    case provider(Int)
    /// The mix that created a mix loop: the loop ends when it comes back there.
    case originMix(Int)
}

/// Who created a message: a client (real messages and client cover) or a mix (mix loops).
enum Sender: Equatable {
    case client(Int)
    case mix(Int)
}

/// What the adversary, following MiXiM, believes about the sender of one message: a sparse
/// probability vector over the senders (SPEC.md LOOPIX-METRIC-SPARSE); all mass on one sender
/// when the message was just seen leaving it. Index `clients` stands for "a mix" (mix loops).
typealias SenderDistribution = SparseMass

/// A message in flight inside the simulator.
struct SimMessage {
    var kind: MessageKind
    var sender: Sender
    /// The client whose inbox it ends in: set for real and loop messages, nil for the others.
    var recipient: Int?
    /// The hops still to come are `path[nextHop...]`.
    var path: [Hop]
    var nextHop = 0
    /// When the user put it in the buffer (real messages) or when it was created (cover).
    var createdAt: Double
    /// When it left its sender; nil while a real message waits in the buffer.
    var sentAt: Double?
    /// MiXiM's target label (0 … count − 1) of a target message (SPEC.md LOOPIX-TARGETS).
    var target: Int?
    /// MiXiM's probability mass over the target messages (LOOPIX-METRIC-MIXIM); nil when the
    /// run has no target messages.
    var targetMass: SparseMass?

    init(kind: MessageKind, sender: Sender, recipient: Int?, path: [Hop], createdAt: Double) {
        self.kind = kind
        self.sender = sender
        self.recipient = recipient
        self.path = path
        self.createdAt = createdAt
    }
}
