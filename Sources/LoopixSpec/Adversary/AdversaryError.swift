/// Every way an attack's input can be refused. The cases carry positions and parameter names,
/// never packet contents.
public enum AdversaryError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A line of an observation file that is not what SPEC.md LOOPIX-ADV-FILE describes.
    case badObservation(line: Int, reason: String)
    /// An attack parameter outside its range (for example a fraction above 1).
    case parameterOutOfRange(parameter: String, value: Double)
    /// The run's parameters do not fit the attack (for example a tracer without clients' sends).
    case unsuitable(String)

    public var description: String {
        switch self {
        case .badObservation(let l, let r): return "observation file, line \(l): \(r)"
        case .parameterOutOfRange(let p, let v): return "\(p) is out of range (got \(v))"
        case .unsuitable(let s): return s
        }
    }
}
