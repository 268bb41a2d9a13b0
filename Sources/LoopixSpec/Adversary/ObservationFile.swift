import Foundation

/// The observer's view as a file: JSON lines, one header line and then one line per link event,
/// and the ground truth as a second file of the same shape (SPEC.md [LOOPIX-ADV-FILE]).
///
/// ```text
/// {"format":"loopix-observation/1","clients":40,"layers":3,...}        header: public parameters
/// {"t":0.0123,"from":"c3","to":"p1"}                                  one line per link event
///
/// {"format":"loopix-ground-truth/1","events":N}                        the truth file's header
/// {"message":17,"kind":"real"}  or  {"message":null,"kind":null}      line i: event i's message
/// ```
public enum ObservationFile {
    /// The header: the parameters Loopix makes public (every node may know them), nothing else.
    public struct Header: Codable, Equatable, Sendable {
        public var format: String
        public var clients: Int
        public var providers: Int
        public var layers: Int
        public var mixesPerLayer: Int
        public var mu: Double
        public var lambdaP: Double
        public var lambdaL: Double
        public var lambdaD: Double
        public var lambdaM: Double
        public var pullInterval: Double
        public var pullSize: Int

        public static let formatName = "loopix-observation/1"

        public init(parameters p: LoopixParameters) {
            format = Self.formatName
            clients = p.clients
            providers = p.providers
            layers = p.layers
            mixesPerLayer = p.mixesPerLayer
            mu = p.mu
            lambdaP = p.lambdaP
            lambdaL = p.lambdaL
            lambdaD = p.lambdaD
            lambdaM = p.lambdaM
            pullInterval = p.pullInterval
            pullSize = p.pullSize
        }
    }

    struct EventLine: Codable {
        var t: Double
        var from: String
        var to: String
    }

    struct TruthHeader: Codable {
        var format: String
        var events: Int
    }

    struct TruthLine: Codable {
        var message: Int?
        var kind: MessageKind?

        // Written explicitly so that a dummy's line says `null` rather than leaving keys out.
        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(message, forKey: .message)
            try c.encode(kind, forKey: .kind)
        }
    }

    public static let truthFormatName = "loopix-ground-truth/1"

    private static func line<T: Encodable>(_ value: T) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(value), let s = String(data: data, encoding: .utf8) else {
            preconditionFailure("BUG: a plain struct of numbers and strings did not encode")
        }
        return s
    }

    /// The observation file's text (the attacker's input).
    public static func observationText(_ events: [LinkEvent], parameters: LoopixParameters) -> String {
        var out = line(Header(parameters: parameters)) + "\n"
        for e in events {
            out += line(EventLine(t: e.time, from: e.from.name, to: e.to.name)) + "\n"
        }
        return out
    }

    /// The ground-truth file's text (for scoring only; never an attack's input).
    public static func truthText(_ truth: [ObserverRecording.TruthEntry]) -> String {
        var out = line(TruthHeader(format: truthFormatName, events: truth.count)) + "\n"
        for t in truth { out += line(TruthLine(message: t.message, kind: t.kind)) + "\n" }
        return out
    }
}
