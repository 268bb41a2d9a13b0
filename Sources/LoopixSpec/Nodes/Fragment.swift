import SphinxSpec

/// A fragment's identity: its set id and its position (Nym's `FragmentIdentifier`,
/// common/nymsphinx/chunking/src/fragment.rs:63-111). Cover packets use 0 @ 0 (`COVER_FRAG_ID`).
public struct FragmentID: Sendable, Hashable, CustomStringConvertible {
    /// A 31-bit set id (1 … 2³¹−1; 0 only for cover).
    public let setID: UInt32
    /// 1-based position in the set (0 only for cover).
    public let position: UInt8

    public init(setID: UInt32, position: UInt8) {
        self.setID = setID
        self.position = position
    }

    /// The cover packets' id, 0 @ 0.
    public static let cover = FragmentID(setID: 0, position: 0)

    /// set id (u32 big-endian) ‖ position: 5 bytes.
    public var bytes: Bytes { ByteOps.bigEndian(UInt64(setID), width: 4) + [position] }

    /// Reads 5 bytes; nil for another length or a set id with the top bit set.
    public init?(bytes: Bytes) {
        guard bytes.count == NymNodeConstants.fragmentIDLength, bytes[0] & 0x80 == 0 else { return nil }
        self.setID = UInt32(ByteOps.readBigEndian(bytes[0..<4]))
        self.position = bytes[4]
    }

    public var description: String { "\(setID) @ \(position)" }
}

/// One fragment of a real message: header and data, 1611 bytes.
public struct Fragment: Sendable, Equatable {
    public let id: FragmentID
    /// Fragments in the set, 1 … 255.
    public let total: UInt8
    /// Exactly `NymNodeConstants.fragmentDataLength` bytes.
    public let data: Bytes

    /// header ‖ data. SPEC.md [LOOPIX-NODE-FRAG-2].
    /// ```text
    /// header = (set id | 2³¹) as u32 big-endian ‖ total ‖ position ‖ 0x00      (7 bytes)
    /// ```
    /// The unlinked header of Nym (fragment.rs:32 and 476-497); linked sets (messages of more
    /// than 255 fragments) are not modelled.
    public var bytes: Bytes {
        ByteOps.bigEndian(UInt64(id.setID | 0x8000_0000), width: 4) + [total, id.position, 0] + data
    }

    /// Parses header ‖ data; nil unless the length is 1611, the flag bit is set, the set id is
    /// not 0, 1 ≤ position ≤ total, and the linked-id byte is 0.
    public init?(bytes: Bytes) {
        guard bytes.count == NymNodeConstants.fragmentLength, bytes[0] & 0x80 != 0 else { return nil }
        let setID = UInt32(ByteOps.readBigEndian(bytes[0..<4])) & 0x7fff_ffff
        let total = bytes[4]
        let position = bytes[5]
        guard setID != 0, position >= 1, position <= total, bytes[6] == 0 else { return nil }
        self.id = FragmentID(setID: setID, position: position)
        self.total = total
        self.data = Array(bytes[NymNodeConstants.fragmentHeaderLength...])
    }

    init(id: FragmentID, total: UInt8, data: Bytes) {
        precondition(data.count == NymNodeConstants.fragmentDataLength)
        self.id = id
        self.total = total
        self.data = data
    }

    /// Splits a message into one set of fragments. SPEC.md [LOOPIX-NODE-FRAG-1].
    /// ```text
    /// padded = m ‖ 0x01 ‖ 0^k, the fewest zeros that make |padded| a multiple of 1604
    /// n = |padded| / 1604 (1 … 255) ; fragment i (1-based) = padded[1604·(i−1), 1604·i)
    /// ```
    /// Nym pads the same way (`pad_to_full_packet_lengths`, common/nymsphinx/src/message.rs:229-258).
    /// - Throws: `NodeError.messageTooLong` beyond 255 · 1604 − 1 bytes.
    static func split(_ message: Bytes, setID: UInt32) throws(NodeError) -> [Fragment] {
        let unit = NymNodeConstants.fragmentDataLength
        let maximum = NymNodeConstants.maximumFragments * unit - 1
        guard message.count <= maximum else { throw .messageTooLong(maximum: maximum, actual: message.count) }
        var padded = message + [0x01]
        padded += Bytes.zeros((unit - padded.count % unit) % unit)
        let total = padded.count / unit
        return (0..<total).map { i in
            Fragment(
                id: FragmentID(setID: setID, position: UInt8(i + 1)), total: UInt8(total),
                data: Array(padded[(i * unit)..<((i + 1) * unit)]))
        }
    }

    /// Joins a complete set (positions 1 … total, in order) and removes the padding; nil when
    /// the padding marker is missing.
    static func join(_ fragments: [Fragment]) -> Bytes? {
        let padded = fragments.flatMap(\.data)
        guard let marker = padded.lastIndex(where: { $0 != 0 }), padded[marker] == 0x01 else { return nil }
        return Array(padded[..<marker])
    }
}

/// A client's partly received messages. SPEC.md see LOOPIX-NODE-CLIENT-8.
struct Reassembly: Sendable {
    private var sets: [UInt32: [UInt8: Fragment]] = [:]
    /// Sets already delivered, so a retransmitted duplicate is not delivered twice. Grows with
    /// the messages received (a reference model; a deployment would expire entries).
    private var completed: Set<UInt32> = []

    enum Outcome { case incomplete, duplicate, complete(Bytes), malformed }

    mutating func add(_ fragment: Fragment) -> Outcome {
        let set = fragment.id.setID
        if completed.contains(set) { return .duplicate }
        var parts = sets[set, default: [:]]
        if let first = parts.values.first, first.total != fragment.total { return .malformed }
        if parts[fragment.id.position] != nil { return .duplicate }
        parts[fragment.id.position] = fragment
        guard parts.count == Int(fragment.total) else {
            sets[set] = parts
            return .incomplete
        }
        sets[set] = nil
        completed.insert(set)
        let ordered = (1...fragment.total).compactMap { parts[$0] }
        guard let message = Fragment.join(ordered) else { return .malformed }
        return .complete(message)
    }
}
