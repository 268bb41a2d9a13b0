/// Every way a Loopix parameter set or simulation request can be refused.
///
/// One case per rule of SPEC.md LOOPIX-PARAM-1 and LOOPIX-SIM-1; the cases carry the parameter's name
/// and the offending value, never anything else.
public enum LoopixError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A rate or duration that must be a finite number is NaN or infinite.
    case notFinite(parameter: String, value: Double)
    /// A rate that may be zero (a cover stream switched off) is negative.
    case negativeRate(parameter: String, value: Double)
    /// A rate or duration that must be strictly positive is zero or negative.
    case nonPositive(parameter: String, value: Double)
    /// A count that must be at least one (layers, mixes per layer, providers, clients, pull size).
    case countTooSmall(parameter: String, value: Int, minimum: Int)
    /// More clients (or mixes) than one run can hold; see `LoopixParameters.maximumClients`.
    case countTooLarge(parameter: String, value: Int, maximum: Int)
    /// A length of virtual time that may be zero (the burn-in, the cooldown) is negative.
    case negativeDuration(parameter: String, value: Double)
    /// The burn-in does not end before the measurement window does (at duration − cooldown).
    case burnInNotBeforeEnd(burnIn: Double, windowEnd: Double)
    /// The challenge senders of ε are not exactly two clients.
    case challengeSenderCount(count: Int)
    /// The two challenge senders of ε are the same client.
    case challengeSendersEqual(client: Int)
    /// A client index that names no client (valid: 0 … clients − 1).
    case noSuchClient(parameter: String, value: Int, clients: Int)
    /// A preset name that does not exist.
    case unknownPreset(String)
    /// The target messages' sender is also their recipient (LOOPIX-TARGETS).
    case targetSenderIsRecipient(client: Int)
    /// The last target message would be created after the window's latest end (LOOPIX-TARGETS).
    case targetsOutlastRun(lastCreated: Double, windowEnd: Double)
    /// Sender entropy asked for more clients than `LoopixParameters.maximumClientsWithSenderEntropy`.
    case tooManyClientsForSenderEntropy(clients: Int, maximum: Int)
    /// A packet-level run's writing habit names an empty-slot rule other than its behaviour's
    /// (there the client's code decides, LOOPIX-PKT-USER).
    case habitRuleDisagrees(habitLoops: Bool, behaviourLoops: Bool)

    public var description: String {
        switch self {
        case .notFinite(let p, let v): return "\(p) must be a finite number (got \(v))"
        case .negativeRate(let p, let v): return "\(p) must be ≥ 0 (got \(v))"
        case .nonPositive(let p, let v): return "\(p) must be > 0 (got \(v))"
        case .countTooSmall(let p, let v, let m): return "\(p) must be ≥ \(m) (got \(v))"
        case .countTooLarge(let p, let v, let m): return "\(p) must be ≤ \(m) (got \(v))"
        case .negativeDuration(let p, let v): return "\(p) must be ≥ 0 s (got \(v) s)"
        case .burnInNotBeforeEnd(let b, let d):
            return "the burn-in (\(b) s) must end before the measurement window does (duration − cooldown = \(d) s)"
        case .challengeSenderCount(let n): return "challengeSenders must name exactly 2 clients (got \(n))"
        case .challengeSendersEqual(let c): return "the two challenge senders must differ (both are client \(c))"
        case .noSuchClient(let p, let v, let n): return "\(p) must be a client index in 0 … \(n - 1) (got \(v))"
        case .targetSenderIsRecipient(let c): return "the target messages' sender and recipient are both client \(c)"
        case .targetsOutlastRun(let l, let w):
            return "the last target message (at \(l) s) comes after the window's end (duration − cooldown = \(w) s)"
        case .tooManyClientsForSenderEntropy(let c, let m):
            return "sender entropy is tracked for at most \(m) clients (got \(c)); use --no-sender-entropy"
        case .habitRuleDisagrees(let h, let b):
            return
                "the habit's empty-slot rule (\(h ? "loop" : "drop")) is not the behaviour's (\(b ? "loop" : "drop"))"
        case .unknownPreset(let n):
            return "unknown preset \"\(n)\" (known: \(LoopixParameters.presetNames.joined(separator: ", ")))"
        }
    }
}
