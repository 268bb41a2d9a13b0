/// The parameters of a Loopix network, with their units in their names.
///
/// Paper: Piotrowska et al., "The Loopix Anonymity System", USENIX Security 2017
/// (arXiv 1703.00536), §2–§4. SPEC.md, table "Loopix parameters".
///
/// Every rate is in events per second. The paper writes the per-hop delay parameter µ and calls
/// it both a rate and a mean; here `mu` is always the rate of the exponential delay and
/// `meanDelay` = 1/µ its mean in seconds.
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
    /// the user's behaviour open; its analysis of the buffer (§4.2) assumes a Poisson source.
    public var realMessageRate: Double

    /// Mean per-hop delay 1/µ, in seconds.
    public var meanDelay: Double { 1 / mu }

    /// The largest number of clients one run accepts. Each message in flight carries a
    /// probability vector over all clients (the sender-entropy metric, MiXiM's method), so memory
    /// grows with clients × messages in flight; 10 000 keeps a run well below a gigabyte.
    public static let maximumClients = 10_000
    /// The largest number of mixes (layers × mixes per layer) or providers one run accepts.
    public static let maximumNodes = 10_000

    public init(
        lambdaP: Double, lambdaL: Double, lambdaD: Double, lambdaM: Double, mu: Double,
        layers: Int, mixesPerLayer: Int, providers: Int, clients: Int,
        pullInterval: Double, pullSize: Int, realMessageRate: Double
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
    }

    /// Checks every parameter; the first violation ends in a typed error.
    ///
    /// SPEC.md [LOOPIX-PARAM-1].
    /// ```text
    /// λ_P > 0 ; µ > 0 ; pull interval > 0          (strictly positive)
    /// λ_L, λ_D, λ_M, r ≥ 0                         (0 switches a stream off)
    /// l ≥ 1 ; mixes per layer ≥ 1 ; providers ≥ 1 ; clients ≥ 1 ; pull size ≥ 1
    /// clients ≤ 10 000 ; l · mixes per layer ≤ 10 000 ; providers ≤ 10 000
    /// ```
    public func validate() throws(LoopixError) {
        // Step 1: every real-valued parameter is finite.
        let reals: [(String, Double)] = [
            ("lambdaP", lambdaP), ("lambdaL", lambdaL), ("lambdaD", lambdaD), ("lambdaM", lambdaM),
            ("mu", mu), ("pullInterval", pullInterval), ("realMessageRate", realMessageRate),
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

    /// Nym's client defaults. Source: REFERENCES §4, from nymtech/nym
    /// common/client-core/config-types/src/lib.rs: mean per-hop delay 15 ms (µ = 1/0.015 s),
    /// a real-message slot every 20 ms (λ_P = 50/s), loop cover every 200 ms (λ_L = 5/s), no drop
    /// stream (λ_D = 0), 3 mix layers between entry and exit gateways (gateways are providers).
    /// Nym mixes send no loop cover of their own (λ_M = 0). Not from the source, chosen to keep a
    /// run small: 3 mixes per layer, 3 gateways, 100 clients, a pull every 0.1 s of 10 messages
    /// (Nym gateways push over a websocket; a frequent pull models that), r = 5/s.
    public static let nym = LoopixParameters(
        lambdaP: 50, lambdaL: 5, lambdaD: 0, lambdaM: 0, mu: 1 / 0.015,
        layers: 3, mixesPerLayer: 3, providers: 3, clients: 100,
        pullInterval: 0.1, pullSize: 10, realMessageRate: 5)

    /// The Loopix paper's evaluation settings. Source: arXiv 1703.00536, §5, Fig. 10 (REFERENCES
    /// §4): 500 users, every rate 60 per minute (λ_P = λ_L = λ_D = λ_M = 1/s), Exp(2) delays
    /// (µ = 2/s, mean 0.5 s), 3 layers (the stratified topology of §2). Not from the paper, our
    /// choice: 2 mixes per layer, 4 providers, a pull every 10 s of 50 messages, r = 0.5/s.
    public static let loopixPaper = LoopixParameters(
        lambdaP: 1, lambdaL: 1, lambdaD: 1, lambdaM: 1, mu: 2,
        layers: 3, mixesPerLayer: 2, providers: 4, clients: 500,
        pullInterval: 10, pullSize: 50, realMessageRate: 0.5)

    /// The MiXiM simulator's stratified example. Source: the brief of this project and
    /// aniampio/Simulator test_config.json (REFERENCES §4): 3 layers of 3 mixes, 100 clients, mean
    /// delay 0.1 s (µ = 10/s), one message per second per client (λ_P = 1/s), no cover streams
    /// (cover_traffic false). MiXiM has no gateways; our providers forward without delay, so one
    /// provider is equivalent. Our choice: a pull every second of 5 messages, r = 0.5/s.
    public static let mixim = LoopixParameters(
        lambdaP: 1, lambdaL: 0, lambdaD: 0, lambdaM: 0, mu: 10,
        layers: 3, mixesPerLayer: 3, providers: 1, clients: 100,
        pullInterval: 1, pullSize: 5, realMessageRate: 0.5)
}
