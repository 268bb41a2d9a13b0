import ArgumentParser
import LoopixSpec

/// How the subcommands read `--preset` and `--mean-delay`: a name or value the model refuses is
/// a usage error (ArgumentParser's `ValidationError`), worded as the model words it.
enum CommandLineModel {
    /// The model parameters of a preset (`LoopixParameters.preset(named:)`).
    static func parameters(preset: String) throws -> LoopixParameters {
        do {
            return try LoopixParameters.preset(named: preset)
        } catch {
            throw ValidationError(error.description)
        }
    }

    /// The packet behaviour of a preset (LOOPIX-NODE-BEHAVIOUR).
    static func behaviour(preset: String) throws -> PacketBehaviour {
        do {
            return try PacketBehaviour.preset(named: preset)
        } catch {
            throw ValidationError(error.description)
        }
    }

    /// µ from `--mean-delay`: one over the mean per-hop delay (seconds), which must be positive
    /// and finite.
    static func mu(meanDelay: Double) throws -> Double {
        guard meanDelay > 0, meanDelay.isFinite else { throw ValidationError("--mean-delay must be > 0") }
        return 1 / meanDelay
    }
}
