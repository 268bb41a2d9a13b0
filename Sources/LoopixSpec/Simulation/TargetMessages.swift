/// MiXiM's measurement scenario: one client sends a fixed number of labelled "target" messages
/// to one recipient at a fixed interval after the burn-in; the run ends a cooldown after the
/// last of them is delivered.
///
/// Source: MiXiM (aniampio/Simulator at 4efb211), classes/Node.py lines 282–307
/// (simulate_adding_packets_into_buffer: wait `sim_add_buffer` seconds, then put target message i
/// into the buffer, for i = 0 … num_target_packets − 1) and simulation_modes/test_mode.py lines
/// 162–179 (start it after the burn-in; run until every target message is delivered, then the
/// cooldown). SPEC.md LOOPIX-TARGETS.
public struct TargetMessages: Sendable, Equatable, Codable {
    /// The client that sends the target messages (MiXiM's SenderT1).
    public var sender: Int
    /// The client they are addressed to (MiXiM's "recipient").
    public var recipient: Int
    /// How many (MiXiM's misc.num_target_packets).
    public var count: Int
    /// Seconds between two of them (MiXiM's clients.sim_add_buffer); the first one enters the
    /// sender's buffer at burn-in + interval.
    public var interval: Double

    public init(sender: Int, recipient: Int, count: Int, interval: Double) {
        self.sender = sender
        self.recipient = recipient
        self.count = count
        self.interval = interval
    }

    /// MiXiM's test_config.json: 1000 messages, one per second.
    public static let mixim = TargetMessages(sender: 0, recipient: 2, count: 1000, interval: 1)

    /// SPEC.md [LOOPIX-TARGETS]: sender and recipient existing, distinct clients; count ≥ 1 and
    /// ≤ 10^6; interval finite and > 0; the last one is created inside the window cap,
    /// burnIn + count · interval ≤ duration − cooldown.
    func validate(for p: LoopixParameters, config: SimulationConfig) throws(LoopixError) {
        for (name, c) in [("targetMessages.sender", sender), ("targetMessages.recipient", recipient)]
        where c < 0 || c >= p.clients {
            throw .noSuchClient(parameter: name, value: c, clients: p.clients)
        }
        if sender == recipient { throw .targetSenderIsRecipient(client: sender) }
        if count < 1 { throw .countTooSmall(parameter: "targetMessages.count", value: count, minimum: 1) }
        if count > Self.maximumCount {
            throw .countTooLarge(parameter: "targetMessages.count", value: count, maximum: Self.maximumCount)
        }
        if !interval.isFinite { throw .notFinite(parameter: "targetMessages.interval", value: interval) }
        if interval <= 0 { throw .nonPositive(parameter: "targetMessages.interval", value: interval) }
        let last = config.burnIn + Double(count) * interval
        if last > config.duration - config.cooldown {
            throw .targetsOutlastRun(lastCreated: last, windowEnd: config.duration - config.cooldown)
        }
    }

    /// Each target message has one accumulator per output statistic; 10^6 keeps them small.
    public static let maximumCount = 1_000_000
}
