import Foundation

extension DroppingAttack {
    /// The dropping attack measured in a packet-level run (SPEC.md §8.13, LOOPIX-ADV-DROP-PKT).
    public struct PacketReport: Codable, Sendable {
        public var setting: Setting
        public var culprits: [Int]
        /// The client's loop timeout τ_L (seconds) and the naming rule's z.
        public var loopTimeout: Double
        public var z: Double
        /// Packets the malicious mixes discarded.
        public var dropped: Int
        /// Real messages the users submitted before end − settle, and the share that reached
        /// their recipient's inbox by the end (retransmissions included).
        public var messages: Int
        public var messagesDelivered: Double
        /// Loops decided (sent before end − τ_L), the share back within τ_L, and the closed form
        /// Π_j (1 − f_j·q) (LOOPIX-ADV-DROP-1).
        public var loops: Int
        public var loopsBack: Double
        public var loopsBackStandardError: Double
        public var loopsBackPredicted: Double
        /// Real packets whose ack timer fired, the share acknowledged in time, and the closed form
        /// (Π_j (1 − f_j·q))² (the packet's route and its ack's both cross every layer).
        public var realPackets: Int
        public var acknowledged: Double
        public var acknowledgedStandardError: Double
        public var acknowledgedPredicted: Double
        /// Each mix's loss rate over all clients, as the clients see it: from loops, from acks.
        public var lossRatePerMixLoops: [Double]
        public var lossRatePerMixAcks: [Double]
        /// Per client, how fast it names the culprits from its loops and from its acks.
        public var clients: [ClientDetection]
        /// Medians over clients of the detection time (nil when half the clients or more never
        /// name the culprits within the run).
        public var medianDetectionLoops: Double?
        public var medianDetectionAcks: Double?
        public var medianDecisionsLoops: Int?
        public var medianDecisionsAcks: Int?
    }

    /// One client's view: what it named at the end and when its named set became the culprits.
    public struct ClientDetection: Codable, Sendable {
        public var client: Int
        public var fromLoops: Detection
        public var fromAcks: Detection
    }

    public struct Detection: Codable, Sendable {
        /// Decisions (loops or acked packets) the client had.
        public var decisions: Int
        /// The mixes it names at the end.
        public var named: [Int]
        /// The time of the decision from which the named set was the culprits to the end, and how
        /// many decisions it had then; nil when it is not the culprits at the end.
        public var time: Double?
        public var decisionsUntil: Int?
    }

    /// Runs the network with the malicious mixes of `setting` and measures the attack.
    public static func runPackets(
        _ setting: Setting, simulator: PacketSimulator, loopTimeout: Double, z: Double = 4, seed: UInt64 = 1,
        threads: Int = 1, progress: ((Double) -> Void)? = nil
    ) throws(AdversaryError) -> PacketReport {
        let p = simulator.parameters
        guard setting.fraction >= 0, setting.fraction <= 1 else {
            throw .parameterOutOfRange(parameter: "fraction", value: setting.fraction)
        }
        for l in setting.layers where l < 0 || l >= p.layers {
            throw .parameterOutOfRange(parameter: "layer", value: Double(l))
        }
        let adversary = PacketAdversary(setting, parameters: p, seed: seed)
        let record = try simulator.runUnderAttack(adversary, threads: threads, progress: progress).record
        return try measure(
            record, setting: setting, parameters: p, loopTimeout: loopTimeout, z: z, settle: simulator.config.cooldown)
    }

    /// Measures the attack from what a packet-level run recorded.
    ///
    /// SPEC.md [LOOPIX-ADV-DROP-PKT].
    /// ```text
    /// a loop sent at x is decided at min(back, x + τ_L): back within τ_L, or lost at x + τ_L;
    ///   only loops with x + τ_L ≤ end count
    /// a real packet is decided when its ack timer fires (LOOPIX-NODE-ACK-3): lost when the
    ///   client sends it again (the ack did not come back); its route is the packet's own
    /// each client, in the order of its decisions, counts per mix of its routes the decisions
    ///   and the losses, and names culprits by LOOPIX-ADV-DROP-2's rule after each decision;
    ///   detection: the first decision from which the named set is the culprits to the end
    /// delivery of messages: those submitted before end − settle that reached their inbox
    /// ```
    public static func measure(
        _ record: PacketAdversaryRecord, setting: Setting, parameters p: LoopixParameters, loopTimeout: Double,
        z: Double = 4, settle: Double
    ) throws(AdversaryError) -> PacketReport {
        guard loopTimeout.isFinite, loopTimeout > 0 else {
            throw .parameterOutOfRange(parameter: "loopTimeout", value: loopTimeout)
        }
        let culprits = setting.culprits(p)
        let mixes = p.layers * p.mixesPerLayer
        // Step 1: the decisions, per client, as (time, route, lost).
        typealias Decision = (time: Double, route: [Int], lost: Bool)
        var loopDecisions = [[Decision]](repeating: [], count: p.clients), ackDecisions = loopDecisions
        for loop in record.loops where loop.sentAt + loopTimeout <= record.end {
            let deadline = loop.sentAt + loopTimeout
            if let back = loop.decidedAt, back <= deadline {
                loopDecisions[loop.client].append((back, loop.route, false))
            } else {
                loopDecisions[loop.client].append((deadline, loop.route, true))
            }
        }
        for real in record.reals {
            guard let at = real.decidedAt else { continue }
            ackDecisions[real.client].append((at, real.route, real.unacknowledged))
        }
        // Step 2: the shares and the loss rate per mix over all clients.
        func share(_ all: [[Decision]]) -> (n: Int, back: Double, se: Double, perMix: [Double]) {
            var sent = [Int](repeating: 0, count: mixes), lost = sent
            var n = 0, ok = 0
            for d in all.joined() {
                n += 1
                if !d.lost { ok += 1 }
                for m in d.route {
                    sent[m] += 1
                    if d.lost { lost[m] += 1 }
                }
            }
            let b = n > 0 ? Double(ok) / Double(n) : 0
            let perMix = (0..<mixes).map { sent[$0] > 0 ? Double(lost[$0]) / Double(sent[$0]) : 0 }
            return (n, b, n > 0 ? (b * (1 - b) / Double(n)).squareRoot() : 0, perMix)
        }
        let loops = share(loopDecisions), acks = share(ackDecisions)
        // Step 3: each client's naming.
        var clients: [ClientDetection] = []
        for c in 0..<p.clients {
            clients.append(
                ClientDetection(
                    client: c,
                    fromLoops: detect(loopDecisions[c].sorted { $0.time < $1.time }, culprits, p, z),
                    fromAcks: detect(ackDecisions[c].sorted { $0.time < $1.time }, culprits, p, z)))
        }
        // Step 4: the users' messages.
        let submitted = record.messagesCreatedAt.indices.filter { record.messagesCreatedAt[$0] <= record.end - settle }
        let delivered = submitted.filter { record.messagesDeliveredAt[$0] != nil }.count
        let d = predictedDelivery(setting, parameters: p)
        return PacketReport(
            setting: setting, culprits: culprits.sorted(), loopTimeout: loopTimeout, z: z, dropped: record.dropped,
            messages: submitted.count,
            messagesDelivered: submitted.isEmpty ? 0 : Double(delivered) / Double(submitted.count),
            loops: loops.n, loopsBack: loops.back, loopsBackStandardError: loops.se, loopsBackPredicted: d,
            realPackets: acks.n, acknowledged: acks.back, acknowledgedStandardError: acks.se,
            acknowledgedPredicted: d * d, lossRatePerMixLoops: loops.perMix, lossRatePerMixAcks: acks.perMix,
            clients: clients, medianDetectionLoops: median(clients.map(\.fromLoops.time)),
            medianDetectionAcks: median(clients.map(\.fromAcks.time)),
            medianDecisionsLoops: median(clients.map { $0.fromLoops.decisionsUntil.map(Double.init) }).map { Int($0) },
            medianDecisionsAcks: median(clients.map { $0.fromAcks.decisionsUntil.map(Double.init) }).map { Int($0) })
    }

    /// LOOPIX-ADV-DROP-2's naming, decision after decision, for one client.
    static func detect(
        _ decisions: [(time: Double, route: [Int], lost: Bool)], _ culprits: Set<Int>, _ p: LoopixParameters,
        _ z: Double
    ) -> Detection {
        let mixes = p.layers * p.mixesPerLayer
        var sent = [Int](repeating: 0, count: mixes), lost = sent
        var named: Set<Int> = []
        var lastWrong = -1
        for (i, d) in decisions.enumerated() {
            for m in d.route {
                sent[m] += 1
                if d.lost { lost[m] += 1 }
            }
            named = name(sent: sent, lost: lost, parameters: p, z: z)
            if named != culprits { lastWrong = i }
        }
        let found = lastWrong + 1 < decisions.count
        return Detection(
            decisions: decisions.count, named: named.sorted(),
            time: found ? decisions[lastWrong + 1].time : nil, decisionsUntil: found ? lastWrong + 2 : nil)
    }

    /// The median of the values, a missing one counting as larger than all (nil when the
    /// median is missing).
    static func median(_ values: [Double?]) -> Double? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted { ($0 ?? .infinity) < ($1 ?? .infinity) }
        return sorted[(sorted.count - 1) / 2]
    }
}
