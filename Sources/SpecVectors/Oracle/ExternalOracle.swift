import Foundation
import SphinxSpec

/// Another implementation's oracle, run as a child process that speaks the protocol of
/// SPEC.md §9.4 (one JSON request per line in, one JSON response per line out).
///
/// SPEC.md [ORACLE-EXTERNAL-1]: `vectors-gen verify --oracle CMD` starts `CMD` (through
/// `/bin/sh -c`), sends it the requests of every Sphinx and primitives test, and compares its
/// responses with the files: valid tests must match field for field (the first difference is
/// reported); `invalid` tests must be answered with an error (any name: names are ours);
/// `acceptable` tests pass with any well-formed answer. The node files node_mix, node_gateway
/// and node_client send their requests (SPEC.md §9.6); the other Loopix files and
/// node_network are not oracle-driven and are skipped.
public final class ExternalOracle: @unchecked Sendable {
    // @unchecked: the process and its pipes are used from one thread, by verify only.
    private let process = Process()
    private let input = Pipe()
    private let output = Pipe()
    private var buffer = Data()
    private(set) var broken: String?

    public init(command: String) throws {
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        process.standardInput = input
        process.standardOutput = output
        try process.run()
    }

    /// Closes the oracle's input (end of requests) and gives it two seconds to exit.
    deinit {
        try? input.fileHandleForWriting.close()
        for _ in 0..<20 where process.isRunning { usleep(100_000) }
        if process.isRunning { process.terminate() }
    }

    /// Sends one request; returns the response, or an OracleError for an error response.
    func call(_ request: JSONValue) throws(OracleError) -> JSONValue {
        if let broken { throw OracleError("oracleBroken", broken) }
        guard let line = try? DeterministicJSON.encodeLine(request) else {
            throw OracleError("internal", "the request could not be encoded")
        }
        do {
            try input.fileHandleForWriting.write(contentsOf: line)
        } catch {
            broken = "the oracle process does not read its input"
            throw OracleError("oracleBroken", broken ?? "")
        }
        guard let answer = readLine() else {
            broken = "the oracle process ended without answering"
            throw OracleError("oracleBroken", broken ?? "")
        }
        guard let value = try? JSONDecoder().decode(JSONValue.self, from: answer), case .object(let object) = value
        else {
            throw OracleError(
                "oracleMalformedResponse",
                "the response is not one JSON object: \(String(decoding: answer.prefix(120), as: UTF8.self))")
        }
        if case .string(let name)? = object["error"] {
            let detail: String
            if case .string(let text)? = object["detail"] { detail = text } else { detail = "" }
            throw OracleError(name, detail)
        }
        return value
    }

    private func readLine() -> Data? {
        while true {
            if let newline = buffer.firstIndex(of: 0x0a) {
                let line = buffer[buffer.startIndex..<newline]
                buffer = Data(buffer[(newline + 1)...])
                return Data(line)
            }
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { return nil }
            buffer.append(chunk)
        }
    }
}

/// A Sphinx profile answered by an external oracle.
struct ExternalSphinxProfile: SphinxOracleProfile {
    let name: String
    let hasOpenReply = true
    let oracle: ExternalOracle

    func handle(op: String, request: RequestFields) throws(OracleError) -> JSONValue {
        var object = request.object
        object["op"] = .string(op)
        object["profile"] = .string(name)
        return try oracle.call(.object(object))
    }

    private func call<Request: Encodable, Response: Decodable>(_ op: String, _ request: Request, _ type: Response.Type)
        throws(OracleError) -> Response
    {
        let fields = try RequestFields.from(try RequestDecoding.encode(request), what: "request")
        let response = try handle(op: op, request: fields)
        do {
            return try response.decode(Response.self)
        } catch let error as DecodingError {
            let described = RequestDecoding.describe(error)
            throw OracleError("oracleMalformedResponse", "\(op): \(described.detail)")
        } catch {
            throw OracleError("oracleMalformedResponse", "\(op): the response does not have the documented fields")
        }
    }

    func createForward(_ request: CreateForwardRequest) throws(OracleError) -> CreateForwardResponse {
        try call("create_forward", request, CreateForwardResponse.self)
    }
    func process(_ request: ProcessRequest) throws(OracleError) -> ProcessResponse {
        try call("process", request, ProcessResponse.self)
    }
    func createSURB(_ request: CreateSURBRequest) throws(OracleError) -> CreateSURBResponse {
        try call("create_surb", request, CreateSURBResponse.self)
    }
    func useSURB(_ request: UseSURBRequest) throws(OracleError) -> UseSURBResponse {
        try call("use_surb", request, UseSURBResponse.self)
    }
    func openReply(_ request: OpenReplyRequest) throws(OracleError) -> OpenReplyResponse? {
        try call("open_reply", request, OpenReplyResponse.self)
    }
}
