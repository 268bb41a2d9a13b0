import Foundation
import SphinxSpec

/// The operations a Sphinx profile offers to vectors and oracle alike. The built-in profiles
/// (NymOracle, SphinxmixOracle) answer raw requests through the one table in OracleTable.swift;
/// ExternalSphinxProfile sends them to another implementation.
protocol SphinxOracleProfile: Sendable {
    /// The name requests use in "profile".
    var name: String { get }
    /// Whether the profile has the op `open_reply` (sphinxmix does; a nym SURB reply is
    /// recovered with ordinary `process`).
    var hasOpenReply: Bool { get }
    /// Answers a request given as raw fields (the invalid-case files send malformed ones).
    func handle(op: String, request: RequestFields) throws(OracleError) -> JSONValue
    func createForward(_ request: CreateForwardRequest) throws(OracleError) -> CreateForwardResponse
    func process(_ request: ProcessRequest) throws(OracleError) -> ProcessResponse
    func createSURB(_ request: CreateSURBRequest) throws(OracleError) -> CreateSURBResponse
    func useSURB(_ request: UseSURBRequest) throws(OracleError) -> UseSURBResponse
    /// nil when the profile has no `open_reply` (nym).
    func openReply(_ request: OpenReplyRequest) throws(OracleError) -> OpenReplyResponse?
}

extension SphinxOracleProfile {
    /// A built-in profile answers through the oracle's dispatch table.
    func handle(op: String, request: RequestFields) throws(OracleError) -> JSONValue {
        try OracleTable.answer(op, of: name, request)
    }
}

/// Runs a packet through its route with the profile's `process`, recording every hop.
enum RouteWalk {
    static func walk(
        _ profile: some SphinxOracleProfile, packet: Bytes, nodeSecrets: [Hex],
        associatedData: [Hex]?
    ) throws(OracleError) -> [HopRecord] {
        var records: [HopRecord] = []
        var current = packet
        for (index, secret) in nodeSecrets.enumerated() {
            let ad = associatedData.flatMap { index < $0.count ? $0[index] : nil }
            let result = try profile.process(
                ProcessRequest(node_secret: secret, packet: Hex(current), seen_replay_tags: nil, associated_data: ad))
            records.append(HopRecord(hop: index, packet_in: Hex(current), associated_data: ad, result: result))
            if result.outcome == "final" { break }
            guard let next = result.next_packet else { break }
            current = next.bytes
        }
        return records
    }
}

/// Checks the three Sphinx file types against a profile.
enum SphinxVectorCheck {
    static func compare<T: Encodable>(
        _ expected: T, _ actual: T, _ report: inout VerifyReport, _ id: String, _ step: String
    ) -> Bool {
        if let difference = JSONDiff.firstDifference(expected, actual) {
            report.fail(id, "\(step): first difference at \(difference)")
            return false
        }
        return true
    }

    static func verifyForward(_ file: ForwardFile, profile: some SphinxOracleProfile) -> VerifyReport {
        VerifyReport.checking(file) { group, test, report in
            let id = "tcId \(test.tcId)"
            do throws(OracleError) {
                let created = try profile.createForward(test.inputs.create_forward)
                guard compare(test.outputs.create_forward, created, &report, id, "create_forward") else { return }
                guard
                    checkHops(
                        test.outputs.hops, first: created.packet, secrets: test.inputs.node_secrets,
                        parameters: group.parameters, profile: profile, &report, id)
                else { return }
                report.pass()
            } catch {
                report.fail(id, "\(error.name): \(error.detail)")
            }
        }
    }

    /// Checks each hop: the packet arrives as recorded and processing returns what is recorded.
    static func checkHops(
        _ hops: [HopRecord], first: Hex, secrets: [Hex], parameters: ProfileParameters,
        profile: some SphinxOracleProfile,
        _ report: inout VerifyReport, _ id: String
    ) -> Bool {
        var expectedIn = first
        for record in hops {
            guard record.hop < secrets.count else {
                report.fail(id, "hop \(record.hop): no node secret")
                return false
            }
            guard record.packet_in == expectedIn else {
                report.fail(id, "hop \(record.hop): packet_in is not the previous hop's next_packet")
                return false
            }
            do throws(OracleError) {
                let result = try profile.process(
                    ProcessRequest(
                        node_secret: secrets[record.hop], packet: record.packet_in, seen_replay_tags: nil,
                        associated_data: record.associated_data,
                        header_len: parameters.profile == "sphinxmix" ? parameters.header_length : nil,
                        body_len: parameters.body_length))
                guard compare(record.result, result, &report, id, "hop \(record.hop) process") else { return false }
                if let next = result.next_packet { expectedIn = next }
            } catch {
                report.fail(id, "hop \(record.hop): \(error.name): \(error.detail)")
                return false
            }
        }
        return true
    }

    static func verifySURB(_ file: SURBFile, profile: some SphinxOracleProfile) -> VerifyReport {
        VerifyReport.checking(file) { group, test, report in
            let id = "tcId \(test.tcId)"
            do throws(OracleError) {
                let created = try profile.createSURB(test.inputs.create_surb)
                guard compare(test.outputs.create_surb, created, &report, id, "create_surb") else { return }
                let used = try profile.useSURB(
                    UseSURBRequest(
                        surb: created.surb, message: test.inputs.reply_message,
                        payload_size: test.inputs.reply_payload_size))
                guard compare(test.outputs.use_surb, used, &report, id, "use_surb") else { return }
                guard
                    checkHops(
                        test.outputs.hops, first: used.packet, secrets: test.inputs.node_secrets,
                        parameters: group.parameters, profile: profile, &report, id)
                else { return }
                if let expectedOpen = test.outputs.open_reply {
                    guard let last = test.outputs.hops.last?.result.payload, let kept = created.kept_keys else {
                        report.fail(id, "open_reply: no final payload or kept keys")
                        return
                    }
                    let opened = try profile.openReply(
                        OpenReplyRequest(kept_keys: kept, surb_id: created.surb_id, payload: last))
                    guard let opened, compare(expectedOpen, opened, &report, id, "open_reply") else {
                        if opened == nil { report.fail(id, "open_reply: the profile has no such op") }
                        return
                    }
                }
                report.pass()
            } catch {
                report.fail(id, "\(error.name): \(error.detail)")
            }
        }
    }

    /// A profile's invalid-inputs file: every case run through `profile` and numbered, in one
    /// group; the outputs record what this implementation returns. A case marked invalid that is
    /// accepted stops generation.
    static func invalidFile(
        _ algorithm: String, header: [String], notes: [String: FlagNote], parameters: ProfileParameters,
        cases: [InvalidCase], profile: some SphinxOracleProfile
    ) throws(OracleError) -> InvalidFile {
        var tests: [InvalidTest] = []
        for c in cases {
            var test = InvalidTest(
                tcId: tests.count + 1, comment: c.comment, flags: c.flags, result: c.result, op: c.op,
                inputs: c.inputs, outputs: InvalidOutputs(error: nil, response: nil))
            test.outputs = run(test, profile: profile)
            if test.result == .invalid && test.outputs.error == nil {
                throw OracleError("internal", "invalid case \(test.tcId) (\(c.comment)) was accepted")
            }
            tests.append(test)
        }
        return InvalidFile(
            algorithm: algorithm, schema: "sphinx-invalid.schema.json", header: header, notes: notes,
            testGroups: [SphinxGroup(parameters: parameters, tests: tests)])
    }

    /// What running an invalid test's op gives: the error name, or the response.
    static func run(_ test: InvalidTest, profile: some SphinxOracleProfile) -> InvalidOutputs {
        do throws(OracleError) {
            let fields = try RequestFields.from(test.inputs, what: "inputs")
            let response = try profile.handle(op: test.op, request: fields)
            if test.op == "process", case .object(let object) = response,
                object["outcome"] == .string("final"), case .string(let reason)? = object["payload_error"]
            {
                return InvalidOutputs(error: reason, response: nil)
            }
            return InvalidOutputs(error: nil, response: response)
        } catch {
            return InvalidOutputs(error: error.name, response: nil)
        }
    }

    /// - Parameter strictNames: whether error names and acceptable outcomes must be ours
    ///   (true for this implementation; false for an external oracle, whose names may differ
    ///   and which may decide acceptable cases either way).
    static func verifyInvalid(_ file: InvalidFile, profile: some SphinxOracleProfile, strictNames: Bool = true)
        -> VerifyReport
    {
        VerifyReport.checking(file) { _, test, report in
            let id = "tcId \(test.tcId) (\(test.comment))"
            let got = run(test, profile: profile)
            if !strictNames {
                if let error = got.error, error.hasPrefix("oracle") {
                    report.fail(id, "the oracle failed: \(error)")
                } else if test.result == .invalid && got.error == nil {
                    report.fail(id, "accepted an invalid input")
                } else {
                    report.pass()
                }
                return
            }
            switch test.result {
            case .invalid:
                if got.error == nil {
                    report.fail(id, "accepted an invalid input")
                } else if got.error != test.outputs.error {
                    report.fail(
                        id, "rejected with \(got.error ?? ""), the file records \(test.outputs.error ?? "none")")
                } else {
                    report.pass()
                }
            case .acceptable, .valid:
                if got == test.outputs {
                    report.pass()
                } else {
                    report.fail(
                        id,
                        "our behaviour changed: recorded \(test.outputs.error ?? "a response"), now \(got.error ?? "a response")"
                    )
                }
            }
        }
    }
}

/// One case of an invalid-inputs file before it is run: an oracle request and what it must give.
struct InvalidCase {
    var comment: String
    var flags: [String]
    var result: TestResult
    var op: String
    var inputs: JSONValue
}
