import Foundation

/// The node files in the catalog: how `generate` writes them and how `verify` picks their check
/// (SPEC.md §9.6).
enum NodeCatalog {
    static let mixSchema = NodeMixVectors.schema
    static let gatewaySchema = "loopix-node-gateway.schema.json"
    static let clientSchema = "loopix-node-client.schema.json"
    static let networkSchema = "loopix-node-network.schema.json"

    static func entries() -> [CatalogEntry] {
        [
            CatalogEntry(path: NodeMixVectors.path) { try DeterministicJSON.encode(NodeMixVectors.file()) },
            CatalogEntry(path: NodeNetworkVectors.gatewayPath) {
                try DeterministicJSON.encode(NodeNetworkVectors.gatewayFile())
            },
            CatalogEntry(path: NodeNetworkVectors.clientPath) {
                try DeterministicJSON.encode(NodeNetworkVectors.clientFile())
            },
            CatalogEntry(path: NodeNetworkVectors.networkPath) {
                try DeterministicJSON.encode(NodeNetworkVectors.networkFile())
            },
        ]
    }

    /// A checker for a node schema, or nil when the schema is not one of them. With an external
    /// oracle, the mix, gateway and client requests go to it; a whole network is not an op and
    /// is skipped.
    static func verify(schema: String, name: String, contents: Data, oracle: ExternalOracle?) throws -> VerifyReport? {
        let decoder = JSONDecoder()
        switch schema {
        case mixSchema:
            let file = try decoder.decode(VectorFile<NodeGroup<MixNodeTest>>.self, from: contents)
            return NodeVectorCheck.check(
                file, name: name, op: "mix_node", oracle: oracle, request: \.inputs.mix_node,
                response: \.outputs.mix_node, local: NodeOracle.mixNode
            ) { test in NodeVectorCheck.remakeMixPackets(test) }
        case gatewaySchema:
            let file = try decoder.decode(VectorFile<NodeGroup<GatewayNodeTest>>.self, from: contents)
            return NodeVectorCheck.check(
                file, name: name, op: "gateway_node", oracle: oracle, request: \.inputs.gateway_node,
                response: \.outputs.gateway_node, local: NodeOracle.gatewayNode
            ) { _ in nil }
        case clientSchema:
            let file = try decoder.decode(VectorFile<NodeGroup<ClientNodeTest>>.self, from: contents)
            return NodeVectorCheck.check(
                file, name: name, op: "client_node", oracle: oracle, request: \.inputs.client_node,
                response: \.outputs.client_node, local: NodeOracle.clientNode
            ) { _ in nil }
        case networkSchema:
            if oracle != nil { return VerifyReport() }
            return NodeVectorCheck.checkNetwork(
                try decoder.decode(VectorFile<NodeGroup<NetworkTest>>.self, from: contents), name: name)
        default:
            return nil
        }
    }
}
