import ArgumentParser
import Foundation
import SpecVectors

extension ExplainProfile: ExpressibleByArgument {}

/// `vectors-gen explain`: one packet's journey, step by step, with every value. SPEC.md §9.7.
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Follow one packet through every step: creation, the wire, each hop, delivery.",
        discussion: """
            Prints each SPEC.md step in order with its ID, the paper's symbol, what it computes and \
            the value. The same arguments always print the same bytes (the seed names the random \
            source). --surb follows a SURB round trip instead: created by the receiver, used by the \
            replier, opened by the receiver. --error (bolt4, which has no SURB) follows an onion \
            that one hop answers with an error return, back to the origin. --json prints the same \
            content as JSON (bytes in full).
            """
    )

    enum ColorChoice: String, ExpressibleByArgument, CaseIterable {
        case auto, always, never
    }

    @Option(name: .long, help: "The profile: \(ExplainProfile.allCases.map(\.rawValue).joined(separator: ", ")).")
    var profile: ExplainProfile = .nym

    @Option(name: .long, help: "The number of hops (nym: 1 to 5; sphinxmix: 1 to 6; bolt4: 1 to 37, as they fit).")
    var hops: Int = 3

    @Option(name: .long, help: "Any text: it names the random source.")
    var seed: String = "demo"

    @Option(
        name: .long,
        help: "The message (or, with --surb, the reply) as text; bolt4: every hop's payload, as opaque bytes.")
    var message: String = "hello"

    @Flag(name: .long, help: "Follow a SURB round trip instead of a forward packet (nym, sphinxmix).")
    var surb = false

    @Flag(name: .long, help: "bolt4: follow an error return from the failing hop back to the origin.")
    var error = false

    @Option(name: .long, help: "bolt4 with --error: the hop that fails, counted from 0 (default: the last).")
    var failingHop: Int?

    @Option(name: .long, help: "bolt4: the associated data in hex (Lightning: the payment hash; default: none).")
    var associatedData: String = ""

    @Flag(name: .long, help: "Print every byte string in full (default: first 8 and last 4 bytes).")
    var full = false

    @Flag(name: .long, help: "Print JSON instead of text.")
    var json = false

    @Option(name: .long, help: "Colour: auto (only on a terminal, and not when NO_COLOR is set), always, never.")
    var color: ColorChoice = .auto

    func run() throws {
        guard !(surb && error) else { throw ValidationError("--surb and --error are different journeys: pick one") }
        guard failingHop == nil || error else { throw ValidationError("--failing-hop needs --error") }
        guard let ad = Explain.bytes(hex: associatedData) else { throw ValidationError("--associated-data is not hex") }
        let walkthrough: Walkthrough
        do {
            walkthrough = try Explain.walkthrough(
                profile: profile, flow: surb ? .surb : error ? .error : .forward, hops: hops, seed: seed,
                message: message, associatedData: ad, failingHop: failingHop)
        } catch {
            throw ValidationError(error.description)
        }
        if json {
            print(try walkthrough.json(), terminator: "")
            return
        }
        let useColor: Bool
        switch color {
        case .always: useColor = true
        case .never: useColor = false
        case .auto: useColor = isatty(STDOUT_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
        }
        print(walkthrough.text(full: full, color: useColor), terminator: "")
    }
}
