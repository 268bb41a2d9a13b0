/// The parameters of a Loopix network, with their units in their names.
///
/// Paper: Piotrowska et al., "The Loopix Anonymity System", USENIX Security 2017
/// (arXiv 1703.00536v1), §2–§4, Table 1. SPEC.md, table "Loopix parameters".
///
/// Every rate is in events per second. The paper's Table 1 calls µ "the mean delay", while §3.2
/// ("exponential distribution with parameter µ"), Fig. 4 ("delays with mean 1/µ") and §5 ("µ =
/// 1000 (s.t. the average delay is 1ms)") use it as a rate; here `mu` is always the rate of the
/// exponential delay and `meanDelay` = 1/µ its mean in seconds.
public struct LoopixParameters: Sendable, Equatable, Codable {
    /// λ_P: rate of the payload stream of each client (per second).
    public var lambdaP: Double
    /// λ_L: rate of each client's loop cover stream (per second); 0 switches it off.
    public var lambdaL: Double
    /// λ_D: rate of each client's drop cover stream (per second); 0 switches it off.
    public var lambdaD: Double
    /// λ_M: rate of each mix's loop cover stream (per second); 0 switches it off.
    public var lambdaM: Double
    /// µ: rate of the exponential per-hop delay (per second).
    public var mu: Double
    /// l: number of mix layers (each path crosses one mix per layer).
    public var layers: Int
    /// Mixes in each layer.
    public var mixesPerLayer: Int
    /// Number of providers (each client belongs to provider `client mod providers`).
    public var providers: Int
    /// Number of clients.
    public var clients: Int
    /// Seconds between two pulls of one client from its provider.
    public var pullInterval: Double
    /// Messages returned by every pull (padded with dummies when the inbox has fewer).
    public var pullSize: Int
    /// r: rate at which each client's user puts real messages into its buffer (per second);
    /// 0 means the client only ever sends cover traffic. Not a paper symbol: the paper leaves
    /// the user's behaviour open (§3.2 and §4.1.2 only say that messages wait in a FIFO buffer).
    public var realMessageRate: Double
    /// Seconds every mix spends processing a message, added to its drawn delay at each hop
    /// (MiXiM's 0.386 ms, classes/Node.py line 168). Nil: none. Not a paper symbol.
    public var processingDelay: Double?

    /// Mean per-hop delay 1/µ, in seconds.
    public var meanDelay: Double { 1 / mu }

    /// The largest number of clients one run accepts. Without sender entropy a client costs
    /// its events and its tallies (a few hundred bytes); 10^6 clients of the `mixim` preset run
    /// in about 1 GB (SPEC.md §8.2).
    public static let maximumClients = 1_000_000
    /// The largest number of clients of a run that tracks sender entropy. A message's sparse
    /// sender distribution holds at most 2K entries (LOOPIX-METRIC-SPARSE) whatever the number of
    /// clients, but the messages in flight grow with the clients: 10^5 clients of the `mixim`
    /// preset stay under 2 GB with the default K (SPEC.md §8.2).
    public static let maximumClientsWithSenderEntropy = 100_000
    /// The largest number of mixes (layers × mixes per layer) or providers one run accepts.
    public static let maximumNodes = 10_000

    public init(
        lambdaP: Double, lambdaL: Double, lambdaD: Double, lambdaM: Double, mu: Double,
        layers: Int, mixesPerLayer: Int, providers: Int, clients: Int,
        pullInterval: Double, pullSize: Int, realMessageRate: Double, processingDelay: Double? = nil
    ) {
        self.lambdaP = lambdaP
        self.lambdaL = lambdaL
        self.lambdaD = lambdaD
        self.lambdaM = lambdaM
        self.mu = mu
        self.layers = layers
        self.mixesPerLayer = mixesPerLayer
        self.providers = providers
        self.clients = clients
        self.pullInterval = pullInterval
        self.pullSize = pullSize
        self.realMessageRate = realMessageRate
        self.processingDelay = processingDelay
    }

    /// Checks every parameter; the first violation ends in a typed error.
    ///
    /// SPEC.md [LOOPIX-PARAM-1].
    /// ```text
    /// λ_P > 0 ; µ > 0 ; pull interval > 0          (strictly positive)
    /// λ_L, λ_D, λ_M, r ≥ 0                         (0 switches a stream off)
    /// processing delay ≥ 0 and finite, when given
    /// l ≥ 1 ; mixes per layer ≥ 1 ; providers ≥ 1 ; clients ≥ 1 ; pull size ≥ 1
    /// clients ≤ 10^6 ; l · mixes per layer ≤ 10 000 ; providers ≤ 10 000
    /// ```
    public func validate() throws(LoopixError) {
        // Step 1: every real-valued parameter is finite.
        let reals: [(String, Double)] = [
            ("lambdaP", lambdaP), ("lambdaL", lambdaL), ("lambdaD", lambdaD), ("lambdaM", lambdaM),
            ("mu", mu), ("pullInterval", pullInterval), ("realMessageRate", realMessageRate),
            ("processingDelay", processingDelay ?? 0),
        ]
        for (name, value) in reals where !value.isFinite {
            throw .notFinite(parameter: name, value: value)
        }
        // Step 2: the payload rate, the delay rate and the pull interval are strictly positive.
        for (name, value) in [("lambdaP", lambdaP), ("mu", mu), ("pullInterval", pullInterval)]
        where value <= 0 {
            throw .nonPositive(parameter: name, value: value)
        }
        // Step 3: the cover rates and the real-message rate are not negative.
        for (name, value) in [
            ("lambdaL", lambdaL), ("lambdaD", lambdaD), ("lambdaM", lambdaM),
            ("realMessageRate", realMessageRate),
        ] where value < 0 {
            throw .negativeRate(parameter: name, value: value)
        }
        if let d = processingDelay, d < 0 { throw .negativeDuration(parameter: "processingDelay", value: d) }
        // Step 4: every count is at least one.
        for (name, value) in [
            ("layers", layers), ("mixesPerLayer", mixesPerLayer), ("providers", providers),
            ("clients", clients), ("pullSize", pullSize),
        ] where value < 1 {
            throw .countTooSmall(parameter: name, value: value, minimum: 1)
        }
        // Step 5: the run can hold the network.
        if clients > Self.maximumClients {
            throw .countTooLarge(parameter: "clients", value: clients, maximum: Self.maximumClients)
        }
        let (mixes, overflow) = layers.multipliedReportingOverflow(by: mixesPerLayer)
        if overflow || mixes > Self.maximumNodes {
            throw .countTooLarge(
                parameter: "layers × mixesPerLayer", value: overflow ? Int.max : mixes,
                maximum: Self.maximumNodes)
        }
        if providers > Self.maximumNodes {
            throw .countTooLarge(parameter: "providers", value: providers, maximum: Self.maximumNodes)
        }
    }
}

// MARK: - Presets

extension LoopixParameters {
    /// The names `preset(named:)` accepts.
    public static let presetNames = ["nym", "loopix-paper", "mixim"]

    /// Looks a preset up by name.
    public static func preset(named name: String) throws(LoopixError) -> LoopixParameters {
        switch name {
        case "nym": return .nym
        case "loopix-paper": return .loopixPaper
        case "mixim": return .mixim
        default: throw .unknownPreset(name)
        }
    }

    /// Nym's client defaults. Source: nymtech/nym, common/client-core/config-types/src/lib.rs at
    /// commit daed9cd15bc0 (2026-05-16), lines 24–26: DEFAULT_AVERAGE_PACKET_DELAY 15 ms (mean per
    /// hop, so µ = 1/0.015 s; 15 ms since PR #5754, 2025-05-14, 50 ms before),
    /// DEFAULT_MESSAGE_STREAM_AVERAGE_DELAY 20 ms (λ_P = 50/s), DEFAULT_LOOP_COVER_STREAM_AVERAGE_DELAY
    /// 200 ms (λ_L = 5/s); the same file has no drop stream (λ_D = 0) and documents routes "through
    /// three mix nodes" between the entry and the exit gateway (l = 3; gateways are providers).
    /// The client file has no mix-loop setting; we model none (λ_M = 0). Unlike the paper, a Nym
    /// client sends a loop cover message in an empty real-stream slot; we keep the paper's drop.
    /// Not from the source, chosen to keep a run small: 3 mixes per layer, 3 gateways, 100
    /// clients, a pull every 0.1 s of 10 messages (Nym gateways push over a websocket; a frequent
    /// pull models that), r = 5/s.
    public static let nym = LoopixParameters(
        lambdaP: 50, lambdaL: 5, lambdaD: 0, lambdaM: 0, mu: 1 / 0.015,
        layers: 3, mixesPerLayer: 3, providers: 3, clients: 100,
        pullInterval: 0.1, pullSize: 10, realMessageRate: 5)

    /// The Loopix paper's evaluation settings (arXiv 1703.00536v1, §5). From the paper: the
    /// network of "Experimental Setup" (six mix nodes in three layers of two, four providers, 500
    /// clients) and the rates of Fig. 10's caption (λ_P = λ_L = λ_D = 60 per minute and λ_M = 60
    /// per minute, so 1/s each; delays Exp(2), so µ = 2/s, mean 0.5 s). Not in the paper, our
    /// choice: a pull every 10 s of 50 messages (§3.2 only says pulls are sent "at constant time"
    /// and answered with "a constant number of messages"), r = 0.5/s (Fig. 10's users are
    /// "actively communicating" at an unstated real rate).
    public static let loopixPaper = LoopixParameters(
        lambdaP: 1, lambdaL: 1, lambdaD: 1, lambdaM: 1, mu: 2,
        layers: 3, mixesPerLayer: 2, providers: 4, clients: 500,
        pullInterval: 10, pullSize: 50, realMessageRate: 0.5)

    /// The MiXiM simulator's default scenario. Source: aniampio/Simulator at commit 4efb211
    /// (2021-07-16). test_config.json: topology stratified, layers 3, layer_size 3,
    /// clients.number 100, clients.rate_sending 1.0 (the mean gap of the payload stream, so
    /// λ_P = 1/s), cover_traffic false (λ_L = λ_D = 0), mixnodes.avg_delay 0.1 (µ = 10/s); no
    /// mix loops (λ_M = 0); classes/Node.py line 168: every hop adds 0.000386 s of processing.
    /// Only the target sender has real messages (r = 0; `TargetMessages.mixim` adds them). An
    /// empty slot sends a dummy to the sender itself (Node.py line 78) where our model sends a
    /// drop to the one provider: both cross three mixes, and a provider neither delays nor mixes,
    /// so mixing, latency and entropy are the same. MiXiM has no providers and no pulls: one
    /// provider and a pull every 10 s (of 50 messages) stand in for direct delivery and change
    /// no metric MiXiM reports (rare pulls keep the event count close to MiXiM's).
    public static let mixim = LoopixParameters(
        lambdaP: 1, lambdaL: 0, lambdaD: 0, lambdaM: 0, mu: 10,
        layers: 3, mixesPerLayer: 3, providers: 1, clients: 100,
        pullInterval: 10, pullSize: 50, realMessageRate: 0, processingDelay: 0.000386)
}
