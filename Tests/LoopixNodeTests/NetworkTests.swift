import SphinxSpec
import Testing
@testable import LoopixSpec

/// Whole networks in the harness: clients, gateways and mixes exchanging real packets.
@Suite struct NetworkTests {
    /// Client 0 (gateway 0) and client 1 (gateway 1) in a 3-layer network of one mix per layer.
    func network(
        behaviour: PacketBehaviour = .nym, parameters p: LoopixParameters, lambdaM: Double = 0,
        seed: UInt64 = 1
    ) throws -> (TestNetwork, Harness) {
        let net = try TestNetwork()
        var h = try net.harness(behaviour: behaviour, lambdaM: lambdaM, seed: seed)
        h.add(try net.client(0, gateway: 0, parameters: p, behaviour: behaviour, seed: seed))
        h.add(try net.client(1, gateway: 1, parameters: p, behaviour: behaviour, seed: seed + 100))
        h.startAll()
        return (net, h)
    }

    static let alice = NodeAddress.client(index: 0, gateway: 0)
    static let bob = NodeAddress.client(index: 1, gateway: 1)
    static let message = Bytes((0..<3000).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 5) })

    /// A real message (two fragments) crosses entry gateway → 3 mixes → exit gateway and is
    /// delivered intact, once; the fragments took exactly that path.
    @Test func realMessageIsDelivered() throws {
        var (_, h) = try network(parameters: parameters(lambdaP: 50))
        h.schedule(.messageSubmitted(Self.message, to: Self.bob), to: Self.alice, at: 0)
        h.run(until: 3 * second)
        #expect(h.deliveries.map(\.message) == [Self.message])
        #expect(h.deliveries.map(\.at) == [Self.bob])
        // Packets reaching gateway 1 came from the last layer; those leaving gateway 0 for a
        // mix went to the first layer.
        for send in h.sends {
            if send.to == .gateway(index: 1), case .mix(let layer, _) = send.from { #expect(layer == 2) }
            if send.from == .gateway(index: 0), case .mix(let layer, _) = send.to { #expect(layer == 0) }
        }
        #expect(h.drops.isEmpty)
    }

    /// Every packet that reaches a mix leaves it exactly at arrival + the delay written in its
    /// header (read here by processing the arriving bytes independently), to the next address.
    @Test func everyMixForwardsAtHeaderDelay() throws {
        var (net, h) = try network(parameters: parameters(lambdaP: 20, lambdaL: 5), lambdaM: 2)
        h.schedule(.messageSubmitted(Self.message, to: Self.bob), to: Self.alice, at: 0)
        h.run(until: 2 * second)
        let sends = h.sends
        var checked = 0
        for arrival in sends {
            guard case .mix = arrival.to, let secret = net.secret(of: arrival.to),
                let processed = try? NymSphinx.processPacket(arrival.bytes, nodeSecret: secret),
                case let .forward(next, nextAddress, delay) = processed.result
            else { continue }
            let departure = arrival.time + delay.nanoseconds
            guard departure <= 2 * second else { continue }
            let leaving = sends.filter { $0.from == arrival.to && $0.bytes == next }
            #expect(leaving.count == 1)
            #expect(leaving.first?.time == departure)
            #expect(leaving.first?.to.bytes == nextAddress.bytes)
            checked += 1
        }
        #expect(checked > 50)
    }

    /// The ack of each fragment returns and stops retransmission.
    @Test func ackStopsRetransmission() throws {
        var (_, h) = try network(parameters: parameters(lambdaP: 50))
        h.schedule(.messageSubmitted(Self.message, to: Self.bob), to: Self.alice, at: 0)
        h.run(until: 6 * second)
        let matched = h.records.filter {
            if case .ackMatched = $0.record { return $0.at == Self.alice } else { return false }
        }
        #expect(matched.count == 2)
        #expect(!h.records.contains { if case .retransmission = $0.record { return true } else { return false } })
        #expect((h.nodes[Self.alice] as? ClientNode)?.pendingFragments.isEmpty == true)
    }

    /// With every ack lost on its last link, the fragment is sent again exactly at its send time
    /// + 1.5 × (the mix delays its packet and its ack really had) + 1.5 s, and delivered once.
    @Test func lostAckIsRetransmittedAfterTimeout() throws {
        var (net, h) = try network(parameters: parameters(lambdaP: 50))
        // Acks (386 bytes) never reach Alice's gateway.
        h.linkFilter = { _, from, to, bytes in
            !(bytes.count == NymNodeConstants.ackPacketLength && to == .gateway(index: 0) && from != Self.alice)
        }
        h.schedule(.messageSubmitted(Array(Self.message.prefix(100)), to: Self.bob), to: Self.alice, at: 0)
        h.run(until: 4 * second)
        // The real packet: the one gateway 0 sent on whose route ends at gateway 1.
        let sends = h.sends
        func holdTimes(
            from first: (time: UInt64, from: NodeAddress, to: NodeAddress, bytes: Bytes)
        ) -> (UInt64, NodeAddress, UInt64) {
            var current = first
            var total: UInt64 = 0
            while case .mix = current.to, let secret = net.secret(of: current.to),
                let p = try? NymSphinx.processPacket(current.bytes, nodeSecret: secret),
                case let .forward(next, _, _) = p.result,
                let out = sends.first(where: { $0.from == current.to && $0.bytes == next })
            {
                total += out.time - current.time
                current = out
            }
            return (total, current.to, current.time)
        }
        let entries = sends.filter { $0.from == .gateway(index: 0) }
        let real = try #require(entries.first { holdTimes(from: $0).1 == .gateway(index: 1) })
        let forwardDelay = holdTimes(from: real).0
        // Its ack leaves gateway 1 when the packet arrives there, and heads for gateway 0 (Bob's
        // loops also have acks leaving gateway 1, towards gateway 1).
        let arrival = holdTimes(from: real).2
        let ack = try #require(
            sends.first {
                $0.from == .gateway(index: 1) && $0.time == arrival
                    && $0.bytes.count == NymNodeConstants.ackPacketLength
                    && holdTimes(from: $0).1 == .gateway(index: 0)
            })
        let ackDelay = holdTimes(from: ack).0
        let expected = real.time + UInt64((Double(forwardDelay + ackDelay) * 1.5).rounded(.down)) + 1_500_000_000
        let retransmissions = h.records.filter {
            if case .retransmission = $0.record { return true } else { return false }
        }
        #expect(retransmissions.first?.time == expected)
        #expect(h.deliveries.count == 1)
    }

    /// Loop cover returns to its sender and is recognised; its cover ack is ignored.
    @Test func loopsReturnAndAreRecognised() throws {
        var (_, h) = try network(parameters: parameters(lambdaP: 1, lambdaL: 20))
        h.run(until: 3 * second)
        let created = h.records.filter { $0.at == Self.alice && $0.record == .packetCreated(.loop) }.count
        let returned = h.records.filter { $0.at == Self.alice && $0.record == .loopReturned }.count
        #expect(returned >= 20)
        #expect(returned <= created)
        #expect(h.records.contains { $0.at == Self.alice && $0.record == .ackIgnored })
        #expect(h.deliveries.isEmpty)
    }

    /// Paper behaviour: empty slots and the drop stream send drop cover, discarded at gateways;
    /// pulls bring exactly pullSize messages.
    @Test func paperDropCoverAndPulls() throws {
        var (_, h) = try network(behaviour: .loopixPaper, parameters: parameters(lambdaP: 10, lambdaD: 10))
        h.schedule(.messageSubmitted(Self.message, to: Self.bob), to: Self.alice, at: 0)
        h.run(until: 3 * second)
        let dropCovers = h.drops.filter { $0.reason == .dropCover }.count
        #expect(dropCovers > 20)
        #expect(h.drops.allSatisfy { $0.reason == .dropCover })
        let pulls = h.log.compactMap { if case let .pulled(_, _, m) = $0 { return m.count } else { return nil } }
        #expect(pulls.count > 20)
        #expect(pulls.allSatisfy { $0 == 4 })
        #expect(h.deliveries.map(\.message) == [Self.message])
        #expect(!h.records.contains { if case .ackMatched = $0.record { return true } else { return false } })
    }

    /// Mix loops cross the other layers and a gateway and come back to their mix.
    @Test func mixLoopsReturn() throws {
        var (_, h) = try network(parameters: parameters(lambdaP: 1), lambdaM: 10)
        h.run(until: 2 * second)
        #expect(h.records.filter { $0.record == .mixLoopReturned }.count > 20)
        #expect(h.drops.isEmpty)
    }

    /// Same seeds, same log, byte for byte; another client seed changes it.
    @Test func deterministic() throws {
        func run(_ seed: UInt64) throws -> [Harness.Entry] {
            var (_, h) = try network(
                parameters: parameters(lambdaP: 20, lambdaL: 5, lambdaD: 2), lambdaM: 2, seed: seed)
            h.schedule(.messageSubmitted(Self.message, to: Self.bob), to: Self.alice, at: 0)
            h.run(until: 1 * second)
            return h.log
        }
        let a = try run(1)
        #expect(a.count > 100)
        #expect(try run(1) == a)
        #expect(try run(2) != a)
    }
}

@Suite struct PacketNetworkTests {
    /// A preset's whole network from one seed: node counts, client gateways, public keys that
    /// belong to the mixes' secrets (a packet made for the topology is processed by the mix),
    /// and a real message delivered.
    @Test func presetNetworkCarriesAMessage() throws {
        var p = LoopixParameters.nym
        p.clients = 6
        let network = try PacketNetwork(parameters: p, behaviour: .nym, seed: 5)
        #expect(network.mixes.map(\.count) == [3, 3, 3])
        #expect(network.gateways.count == 3)
        #expect(network.clients.map(\.gateway) == [0, 1, 2, 0, 1, 2])
        var h = Harness()
        for node in network.allNodes { h.add(node) }
        h.startAll()
        let from = NodeAddress.client(index: 0, gateway: 0)
        let to = NodeAddress.client(index: 4, gateway: 1)
        h.schedule(.messageSubmitted(Bytes(repeating: 0x42, count: 200), to: to), to: from, at: 0)
        h.run(until: second / 2)
        #expect(h.deliveries.map(\.at) == [to])
        #expect(h.deliveries.first?.message == Bytes(repeating: 0x42, count: 200))
        #expect(h.drops.isEmpty)
    }

    /// The same seed gives the same keys; another seed other keys.
    @Test func seedFixesKeys() throws {
        let a = try PacketNetwork(parameters: .mixim, behaviour: .mixim, seed: 1)
        let b = try PacketNetwork(parameters: .mixim, behaviour: .mixim, seed: 1)
        let c = try PacketNetwork(parameters: .mixim, behaviour: .mixim, seed: 2)
        #expect(a.topology == b.topology)
        #expect(a.topology != c.topology)
    }
}
