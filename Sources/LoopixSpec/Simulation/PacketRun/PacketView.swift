/// What the global passive observer sees of a packet-level run: the same link events as in the
/// timing model's view (LOOPIX-ADV-VIEW), taken from the packets the nodes put on links.
///
/// SPEC.md [LOOPIX-ADV-PKT-VIEW].
/// ```text
/// send(b, to) from node x to node y          → (now, x, y)      every packet on a link:
///   client → its gateway (the entry frame), gateway → mix, mix → mix, mix → gateway
/// push(c, m) by gateway g                     → (now, g, c)      the pushed packet's truth
/// answerPull(c, ms) by gateway g              → (now, g, c) once per message of ms, in order:
///   a dummy's truth is nil ; a stored message's is the packet that stored it (first in, first out)
/// truth: the packet's number in the run; its kind, nil for a SURB-ACK's ack packet
/// ```
extension PacketRunState {
    /// The observer's name of a node of the run.
    func networkNode(_ ref: NodeRef) -> NetworkNode {
        switch ref {
        case .mix(let m): return .mix(m)
        case .gateway(let g): return .provider(g)
        case .client(let c): return .client(c)
        }
    }

    /// The ground truth of a packet for the observer's recording: its number (unique in the
    /// run, the same on every link) and its kind (nil for an ack, which the timing model has not).
    static func linkTruth(of tag: PacketTag) -> LinkTruth {
        let kind: MessageKind?
        if case .message(let k) = tag.kind { kind = k } else { kind = nil }
        return LinkTruth(slot: tag.id, kind: kind, isFirstLink: false)
    }

    /// A packet put on the link from `source` to `target` now.
    func viewLink(from source: NodeRef, to target: NodeRef, tag: PacketTag) {
        view?(LinkEvent(time: nowSeconds, from: networkNode(source), to: networkNode(target)), Self.linkTruth(of: tag))
    }

    /// Gateway g hands one message to client c now; `truth` is that of the packet that brought
    /// it (a pull answer's stored messages: `inboxTruth`, first in, first out), nil for a pull's
    /// dummy.
    func viewHandOver(gateway g: Int, client c: Int, truth: LinkTruth?) {
        view?(
            LinkEvent(time: nowSeconds, from: .provider(g), to: .client(c)),
            truth ?? LinkTruth(slot: nil, kind: nil, isFirstLink: false))
    }
}
