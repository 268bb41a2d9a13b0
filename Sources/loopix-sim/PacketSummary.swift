import Foundation
import LoopixSpec

/// The packet section of a packet-level run (`--packets`), as a table and as CSV rows after the
/// timing model's (SPEC.md §8.12).
enum PacketSummary {
    static func table(_ r: PacketRunResult, behaviour: PacketBehaviour) -> String {
        let c = r.packets
        var lines: [String] = []
        func row(_ name: String, _ value: String) {
            lines.append("  " + name.padding(toLength: 40, withPad: " ", startingAt: 0) + " " + value)
        }
        if behaviour.acknowledgements {
            // SPEC.md §8.12: every real and loop packet's ack crosses every layer too, so the
            // closed forms above (LOOPIX-CF-MIXRATE, without acks) understate the mixes' load.
            let p = r.metrics.parameters
            let loopsAndReal = behaviour.emptySlot == .loop ? p.lambdaP + p.lambdaL : p.realMessageRate + p.lambdaL
            let lambda =
                PoissonMix.networkMixArrivalRate(p)
                + Double(p.clients) * loopsAndReal / Double(p.mixesPerLayer)
            lines.append(
                "with acks: mix arrival rate λ_mix \(Summary.f(lambda)) /s, Lemma 1 occupancy "
                    + "\(Summary.f(lambda / p.mu)) (SPEC.md §8.12)")
        }
        lines += ["", "packets (whole run; behaviour: \(r.behaviour))"]
        let created = c.createdByKind.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }
        row("Sphinx packets created", "\(c.created) (\(created.joined(separator: ", ")))")
        row("Sphinx packets processed (hops)", "\(c.processed)")
        row("link transfers", "\(c.linkTransfers)")
        row("replays dropped", "\(c.replaysDropped)")
        let malformed = c.malformedDropped.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }
        row("malformed dropped", malformed.isEmpty ? "0" : malformed.joined(separator: ", "))
        row("drop cover discarded", "\(c.dropCoverDiscarded)")
        row("acks forwarded / matched / ignored", "\(c.acksForwarded) / \(c.acksMatched) / \(c.acksIgnored)")
        row("retransmissions", "\(c.retransmissions)")
        row("loops returned / mix loops returned", "\(c.loopsReturned) / \(c.mixLoopsReturned)")
        row("real messages delivered to users", "\(c.messagesDelivered)")
        row("duplicate real arrivals", "\(c.duplicateRealArrivals)")
        row("dummies discarded", "\(c.dummiesDiscarded)")
        if let w = r.wallClock {
            lines.append("wall clock (this machine, this run; not deterministic)")
            row("seconds", String(format: "%.3f", w.seconds))
            row("packet-hops per second", String(format: "%.1f", w.packetHopsPerSecond))
            row("packets created per second", String(format: "%.1f", w.packetsCreatedPerSecond))
        }
        return lines.joined(separator: "\n")
    }

    /// The timing model's rows, then `packets.*` rows (and `wallClock.*` with --timing).
    static func csv(_ r: PacketRunResult) -> String {
        var out = Summary.csv(r.metrics)
        let c = r.packets
        var rows: [(String, String)] = [("packets.behaviour", "\"\(r.behaviour)\"")]
        for (k, v) in c.createdByKind.sorted(by: { $0.key < $1.key }) { rows.append(("packets.created.\(k)", "\(v)")) }
        rows += [
            ("packets.processed", "\(c.processed)"), ("packets.linkTransfers", "\(c.linkTransfers)"),
            ("packets.replaysDropped", "\(c.replaysDropped)"),
        ]
        for (k, v) in c.malformedDropped.sorted(by: { $0.key < $1.key }) {
            rows.append(("packets.malformedDropped.\(k)", "\(v)"))
        }
        rows += [
            ("packets.dropCoverDiscarded", "\(c.dropCoverDiscarded)"),
            ("packets.acksForwarded", "\(c.acksForwarded)"), ("packets.acksMatched", "\(c.acksMatched)"),
            ("packets.acksIgnored", "\(c.acksIgnored)"), ("packets.retransmissions", "\(c.retransmissions)"),
            ("packets.loopsReturned", "\(c.loopsReturned)"), ("packets.mixLoopsReturned", "\(c.mixLoopsReturned)"),
            ("packets.messagesDelivered", "\(c.messagesDelivered)"),
            ("packets.duplicateRealArrivals", "\(c.duplicateRealArrivals)"),
            ("packets.dummiesDiscarded", "\(c.dummiesDiscarded)"), ("packets.undeliverable", "\(c.undeliverable)"),
        ]
        if let w = r.wallClock {
            rows += [
                ("wallClock.seconds", "\(w.seconds)"), ("wallClock.packetHopsPerSecond", "\(w.packetHopsPerSecond)"),
                ("wallClock.packetsCreatedPerSecond", "\(w.packetsCreatedPerSecond)"),
            ]
        }
        out += rows.map { "\($0.0),\($0.1)" }.joined(separator: "\n") + "\n"
        return out
    }
}
