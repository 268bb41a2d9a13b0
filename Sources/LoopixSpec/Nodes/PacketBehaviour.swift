import SphinxSpec

/// Where Nym and the paper differ at packet level, as one small value the presets choose.
/// SPEC.md [LOOPIX-NODE-BEHAVIOUR].
public struct PacketBehaviour: Sendable, Equatable {
    /// What a payload slot (λ_P) sends when the real-message buffer is empty.
    public enum EmptySlot: String, Sendable, Equatable {
        /// A loop cover message back to the sender (Nym's client).
        case loop
        /// A drop cover message to a random gateway (the paper, §3.2).
        case drop
    }

    /// How an exit gateway hands messages to its clients.
    public enum Delivery: String, Sendable, Equatable {
        /// Store in the inbox; answer each pull with exactly `pullSize` messages (the paper).
        case pull
        /// Hand each message on at once (Nym's gateways push over a websocket).
        case push
    }

    /// The Sphinx version packets are made with.
    public var version: NymVersion
    public var emptySlot: EmptySlot
    /// Whether real packets carry a live SURB-ACK and are retransmitted until acknowledged
    /// (Nym). Without, the SURB-ACK slot is 405 zero bytes and nothing is retransmitted.
    public var acknowledgements: Bool
    public var delivery: Delivery
    /// The largest delay a mix holds a packet for (ns); longer header delays are clamped.
    public var maximumDelay: UInt64

    public init(
        version: NymVersion, emptySlot: EmptySlot, acknowledgements: Bool, delivery: Delivery,
        maximumDelay: UInt64 = NymNodeConstants.maximumDelay
    ) {
        self.version = version
        self.emptySlot = emptySlot
        self.acknowledgements = acknowledgements
        self.delivery = delivery
        self.maximumDelay = maximumDelay
    }

    /// Nym: version 258 (what Nym's clients send, `use_legacy_sphinx_format: true`,
    /// REFERENCES §2), loops in empty slots, acknowledgements, push delivery.
    public static let nym = PacketBehaviour(
        version: .explicitPayloadKeys, emptySlot: .loop, acknowledgements: true, delivery: .push)

    /// The paper: drops in empty slots, no acknowledgements, pull delivery; version 259 (the
    /// crate's current format; the paper has no version).
    public static let loopixPaper = PacketBehaviour(
        version: .payloadKeySeeds, emptySlot: .drop, acknowledgements: false, delivery: .pull)

    /// MiXiM simulates the paper's design: the same choices.
    public static let mixim = loopixPaper

    /// The behaviour of a preset of `LoopixParameters.presetNames`.
    public static func preset(named name: String) throws(LoopixError) -> PacketBehaviour {
        switch name {
        case "nym": return .nym
        case "loopix-paper": return .loopixPaper
        case "mixim": return .mixim
        default: throw .unknownPreset(name)
        }
    }
}
