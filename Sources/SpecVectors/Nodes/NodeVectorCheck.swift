import Foundation
import LoopixSpec
import SphinxSpec

/// Checks the node files: every input packet is remade from its source, every request is run
/// again (by this implementation or by another implementation's oracle) and its response
/// compared field by field; a network run is run again and its links compared.
/// SPEC.md §9.6 (VEC-NODE-MIX-1 … VEC-NODE-NETWORK-1, ORACLE-EXTERNAL-1).
enum NodeVectorCheck {
    /// Builds each test's network from its inputs, runs it and compares every link.
    static func checkNetwork(_ file: VectorFile<NodeGroup<NetworkTest>>, name: String) -> VerifyReport {
        VerifyReport.checking(file) { _, test, report in
            let label = "\(name) tc\(test.tcId)"
            do {
                let run = try NodeNetworkRun(test.inputs)
                report.record(label, difference: JSONDiff.firstDifference(test.outputs, run.outputs, path: "outputs"))
            } catch {
                report.fail(label, "the network cannot be built: \(error)")
            }
        }
    }

    /// Runs each test's request and compares the response (and, first, the test's own check).
    static func check<Inputs, Outputs, Request: Encodable>(
        _ file: VectorFile<NodeGroup<NodeTest<Inputs, Outputs>>>, name: String, op: String, oracle: ExternalOracle?,
        request: KeyPath<NodeTest<Inputs, Outputs>, Request>,
        response: KeyPath<NodeTest<Inputs, Outputs>, NodeResponse>,
        local: (Request) throws(OracleError) -> NodeResponse, extra: (NodeTest<Inputs, Outputs>) -> String?
    ) -> VerifyReport {
        VerifyReport.checking(file) { _, test, report in
            let label = "\(name) tc\(test.tcId)"
            if let problem = extra(test) {
                report.fail(label, problem)
                return
            }
            do throws(OracleError) {
                let got: NodeResponse
                if let oracle {
                    got = try oracle.call(profile: "nym", op: op, test[keyPath: request], as: NodeResponse.self)
                } else {
                    got = try local(test[keyPath: request])
                }
                report.record(
                    label, difference: JSONDiff.firstDifference(test[keyPath: response], got, path: "outputs.\(op)"))
            } catch {
                report.fail(label, "\(error.name): \(error.detail)")
            }
        }
    }

    /// Remakes every input packet of a mix test from its source; nil when all match.
    static func remakeMixPackets(_ test: MixNodeTest) -> String? {
        let inputs = test.inputs.mix_node.inputs
        for source in test.inputs.packets {
            guard inputs.indices.contains(source.input) else {
                return "inputs.packets: input \(source.input) does not exist"
            }
            let base: Bytes
            if let request = source.create_forward {
                guard let made = try? NymOracle().createForward(request) else {
                    return "inputs.packets[input \(source.input)].create_forward does not make a packet"
                }
                base = made.packet.bytes
            } else if let j = source.from_input, j < source.input, inputs.indices.contains(j) {
                base = inputs[j].packet.bytes
            } else {
                return "inputs.packets[input \(source.input)] names no source"
            }
            let remade = NodeMixVectors.Maker.apply(
                source.change, offset: source.offset, length: source.length,
                prefix: source.prefix?.bytes, to: base)
            if remade != inputs[source.input].packet.bytes {
                return "inputs.mix_node.inputs[\(source.input)].packet is not what its source makes"
            }
        }
        return nil
    }
}

extension VerifyReport {
    /// A test passes when the first difference between its outputs and ours is nil.
    mutating func record(_ label: String, difference: String?) {
        if let difference { fail(label, difference) } else { pass() }
    }
}
