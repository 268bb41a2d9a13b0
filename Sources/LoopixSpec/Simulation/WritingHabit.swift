/// The setting of the statistical disclosure attack on a simulator run: one client (Alice, the
/// writer) writes only to a few friends, and every client's empty payload slot follows either
/// the paper's rule or Nym's. Optional; a run without it is the run of §8.5, draw for draw.
///
/// SPEC.md [LOOPIX-ADV-SDA-3].
/// ```text
/// LOOPIX-CLIENT-1, client c = writer with friends F ≠ ∅:  recipient = F[floor(u · |F|)]
///                                                         (one uniform, as the rule's own draw)
/// LOOPIX-CLIENT-2, empty slot, emptySlotLoops:  a loop to c itself, path to c's own provider
///                                               (Nym's rule; the paper's is a drop)
/// ```
public struct WritingHabit: Sendable, Equatable, Codable {
    /// Alice: the client whose real messages go to friends only.
    public var writer: Int
    /// Her friends (client indices; none of them the writer). Empty: she writes as everyone
    /// does, uniformly among the other clients (the negative control of the attack).
    public var friends: [Int]
    /// Nym's rule for every client: an empty payload slot sends a loop back to the client
    /// itself (Nym's client fills empty real-traffic slots with loop cover, REFERENCES.md; the
    /// packet run's `PacketBehaviour.nym`); false is the paper's drop to a random provider
    /// (Loopix §3.2).
    public var emptySlotLoops: Bool

    public init(writer: Int, friends: [Int], emptySlotLoops: Bool = false) {
        self.writer = writer
        self.friends = friends
        self.emptySlotLoops = emptySlotLoops
    }

    /// The writer and the friends exist; friends are distinct and not the writer.
    func validate(for p: LoopixParameters) throws(LoopixError) {
        for c in [writer] + friends where c < 0 || c >= p.clients {
            throw .noSuchClient(parameter: "habit", value: c, clients: p.clients)
        }
        if friends.contains(writer) { throw .targetSenderIsRecipient(client: writer) }
        if Set(friends).count != friends.count {
            throw .countTooSmall(
                parameter: "habit.friends (distinct)", value: Set(friends).count, minimum: friends.count)
        }
    }

    /// The recipient of a real message of client c, or nil when c writes as everyone does.
    func friend(of c: Int, random: inout SimulationRandom) -> Int? {
        guard c == writer, !friends.isEmpty else { return nil }
        return friends[random.index(below: friends.count)]
    }
}
