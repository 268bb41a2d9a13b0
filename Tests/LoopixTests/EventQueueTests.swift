import Testing
@testable import LoopixSpec

/// The parts of the simulator on their own: the event queue's order, the message slots, and the
/// measurement window of the metric collector.
@Suite struct EventQueueTests {
    /// SPEC.md LOOPIX-SIM-2: by time, then by the order of scheduling (ties included).
    @Test func eventsComeOutByTimeThenSchedulingOrder() {
        var queue = EventQueue<Double, String>()
        let scheduled: [(String, Double)] = [
            ("c", 2), ("a", 1), ("d", 2), ("b", 1), ("e", 0.5), ("f", 2), ("g", 1),
        ]
        for (name, time) in scheduled { queue.schedule(name, at: time) }
        #expect(queue.count == 7)
        #expect(queue.nextTime == 0.5)
        var order: [String] = []
        while queue.nextTime != nil { order.append(queue.removeNext().action) }
        #expect(order == ["e", "a", "b", "g", "c", "d", "f"])
        #expect(queue.nextTime == nil)
    }

    /// Many events at one time keep their scheduling order, whatever the heap does inside.
    @Test func manyTiesKeepSchedulingOrder() {
        var queue = EventQueue<Double, Int>()
        for i in 0..<1000 { queue.schedule(i, at: Double(i % 3)) }
        var last: (time: Double, action: Int) = (-1, -1)
        while queue.nextTime != nil {
            let next = queue.removeNext()
            #expect(next.time > last.time || (next.time == last.time && next.action > last.action))
            last = next
        }
    }

    @Test func messageSlotsAreReused() {
        var store = MessageStore()
        let m = SimMessage(kind: .drop, sender: .client(0), recipient: nil, path: [], createdAt: 0)
        let a = store.store(m), b = store.store(m)
        #expect(a != b)
        store.release(a)
        let c = store.store(SimMessage(kind: .loop, sender: .client(1), recipient: 1, path: [], createdAt: 3))
        #expect(c == a)
        #expect(store[c].kind == .loop && store[c].recipient == 1 && store[c].sentAt == nil)
        #expect(store[b].kind == .drop)
    }

    /// Counts take what happens inside [B, T − cooldown]; per-message metrics take the messages
    /// created or sent inside it, whenever they finish.
    @Test func collectorCountsOnlyInsideTheWindow() {
        let config = SimulationConfig(seed: 1, duration: 10, burnIn: 2, cooldown: 3)
        var metrics = MetricCollector(parameters: .mixim, config: config)
        #expect(metrics.windowStart == 2 && metrics.windowEnd == 7)
        metrics.payloadSlotTaken(client: 0, at: 1.9)
        metrics.payloadSlotTaken(client: 0, at: 2)
        metrics.payloadSlotTaken(client: 0, at: 7)
        metrics.payloadSlotTaken(client: 0, at: 7.1)
        #expect(metrics.payloadSlots == 2)
        // Sent at 6.5 (inside), delivered at 8 (in the cooldown): counted.
        metrics.delivered(kind: .real, createdAt: 1, sentAt: 6.5, at: 8)
        // Sent at 1 (burn-in): not counted.
        metrics.delivered(kind: .real, createdAt: 1, sentAt: 1, at: 2.5)
        #expect(metrics.sendToInbox.count == 1)
        #expect(metrics.createdToInbox.count == 0)
        metrics.pulled(kind: .real, createdAt: 3, at: 8)
        #expect(metrics.createdToPull.count == 1 && metrics.realPulled == 0)
    }

    /// The adversary's view starts on the sender: a client, or entry C ("a mix") for mix loops.
    @Test func senderViewStartsOnTheSender() {
        let p = LoopixParameters.mixim
        let on = MetricCollector(parameters: p, config: SimulationConfig(seed: 1, duration: 5, burnIn: 1))
        #expect(on.senderView(of: .client(7)) == SparseMass(single: 7))
        #expect(on.senderView(of: .mix(2)) == SparseMass(single: p.clients))
        let off = MetricCollector(
            parameters: p, config: SimulationConfig(seed: 1, duration: 5, burnIn: 1, trackSenderEntropy: false))
        #expect(off.senderView(of: .client(7)) == nil)
    }
}
