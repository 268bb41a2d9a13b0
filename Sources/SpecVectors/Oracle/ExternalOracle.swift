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

    /// One running instance of the command.
    private final class Child {
        let process = Process()
        let input = Pipe()
        let output = Pipe()
        var buffer = Data()

        init(command: String) throws {
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", command]
            process.standardInput = input
            process.standardOutput = output
            try process.run()
        }

        /// Closes the input (end of requests) and gives the process `grace` seconds to exit.
        func stop(grace: Double) {
            try? input.fileHandleForWriting.close()
            let deadline = Date().addingTimeInterval(grace)
            while process.isRunning, Date() < deadline { usleep(20_000) }
            guard process.isRunning else { return }
            process.terminate()
            let killDeadline = Date().addingTimeInterval(0.5)
            while process.isRunning, Date() < killDeadline { usleep(10_000) }
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        }
    }

    /// Consecutive cases that hung before the oracle is given up (every later case then fails
    /// at once with `oracleBroken` instead of waiting the timeout again).
    static let hangsBeforeGivingUp = 3

    private let command: String
    private let timeout: Double
    private var child: Child?
    private var consecutiveHangs = 0
    private(set) var broken: String?

    /// Starts `command`. SPEC.md [ORACLE-EXTERNAL-2]: each request waits at most `timeout`
    /// seconds for its answer line. A request that times out, or whose answer never comes because
    /// the process ended (crash, exit), fails as `oracleTimeout` or `oracleCrashed`; the process is
    /// stopped and a fresh one started for the next request, so one bad case cannot hang the run
    /// or fail the cases after it. After `hangsBeforeGivingUp` timeouts in a row the oracle is
    /// given up (`oracleBroken`).
    public init(command: String, timeout: Double = 10) throws {
        precondition(timeout > 0, "the oracle timeout must be positive")
        // A write to an oracle that died would raise SIGPIPE and end this process; ignore it so
        // the write fails with an error instead (the tool's only pipes are the oracle's).
        signal(SIGPIPE, SIG_IGN)
        self.command = command
        self.timeout = timeout
        self.child = try Child(command: command)
    }

    deinit {
        child?.stop(grace: 2)
    }

    /// Sends `op` of `profile` with the request's fields; returns the raw response.
    func call(profile: String, op: String, fields: [String: JSONValue]) throws(OracleError) -> JSONValue {
        var object = fields
        object["op"] = .string(op)
        object["profile"] = .string(profile)
        return try call(.object(object))
    }

    /// Sends a typed request and decodes the response; one without the documented fields is
    /// `oracleMalformedResponse`.
    func call<Request: Encodable, Response: Decodable>(
        profile: String, op: String, _ request: Request, as type: Response.Type
    ) throws(OracleError) -> Response {
        let fields = try RequestFields.from(try RequestDecoding.encode(request), what: "request")
        let response = try call(profile: profile, op: op, fields: fields.object)
        do {
            return try response.decode(Response.self)
        } catch let error as DecodingError {
            let described = RequestDecoding.describe(error)
            throw OracleError("oracleMalformedResponse", "\(op): \(described.detail)")
        } catch {
            throw OracleError("oracleMalformedResponse", "\(op): the response does not have the documented fields")
        }
    }

    /// Sends one request; returns the response, or an OracleError for an error response.
    func call(_ request: JSONValue) throws(OracleError) -> JSONValue {
        if let broken { throw OracleError("oracleBroken", broken) }
        guard let line = try? DeterministicJSON.encodeLine(request) else {
            throw OracleError("internal", "the request could not be encoded")
        }
        let current: Child
        if let child {
            current = child
        } else {
            do {
                current = try Child(command: command)
            } catch {
                broken = "the oracle command could not be restarted"
                throw OracleError("oracleBroken", broken ?? "")
            }
            child = current
        }
        do {
            try current.input.fileHandleForWriting.write(contentsOf: line)
        } catch {
            restart()
            throw OracleError("oracleCrashed", "the oracle process does not read its input")
        }
        let answer: Data
        switch readLine(from: current) {
        case .line(let data):
            consecutiveHangs = 0
            answer = data
        case .ended:
            consecutiveHangs = 0
            restart()
            throw OracleError("oracleCrashed", "the oracle process ended without answering")
        case .timedOut:
            consecutiveHangs += 1
            restart()
            if consecutiveHangs >= Self.hangsBeforeGivingUp {
                broken = "the oracle timed out \(consecutiveHangs) times in a row"
            }
            throw OracleError("oracleTimeout", "no answer within \(timeout) s")
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

    /// Stops the current process (it may be hung or half-way through an answer that would
    /// desynchronise the next request); the next call starts a fresh one.
    private func restart() {
        child?.stop(grace: 0)
        child = nil
    }

    private enum ReadResult {
        case line(Data)
        case ended
        case timedOut
    }

    /// The next answer line, waiting at most `timeout` seconds in total (poll(2) on the pipe, so
    /// a silent process cannot block the read).
    private func readLine(from child: Child) -> ReadResult {
        let deadline = Date().addingTimeInterval(timeout)
        let descriptor = child.output.fileHandleForReading.fileDescriptor
        while true {
            if let newline = child.buffer.firstIndex(of: 0x0a) {
                let line = child.buffer[child.buffer.startIndex..<newline]
                child.buffer = Data(child.buffer[(newline + 1)...])
                return .line(Data(line))
            }
            let remaining = deadline.timeIntervalSinceNow
            if remaining <= 0 { return .timedOut }
            var request = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            let ready = poll(&request, 1, Int32(min(remaining * 1000, 60_000).rounded(.up)))
            if ready < 0, errno == EINTR { continue }
            if ready <= 0 { continue }
            var chunk = [UInt8](repeating: 0, count: 65_536)
            let count = read(descriptor, &chunk, chunk.count)
            if count < 0, errno == EINTR { continue }
            if count <= 0 { return .ended }
            child.buffer.append(contentsOf: chunk[0..<count])
        }
    }
}

/// A Sphinx profile answered by an external oracle.
struct ExternalSphinxProfile: SphinxOracleProfile {
    let name: String
    let hasOpenReply = true
    let oracle: ExternalOracle

    func handle(op: String, request: RequestFields) throws(OracleError) -> JSONValue {
        try oracle.call(profile: name, op: op, fields: request.object)
    }

    private func call<Request: Encodable, Response: Decodable>(_ op: String, _ request: Request, _ type: Response.Type)
        throws(OracleError) -> Response
    {
        try oracle.call(profile: name, op: op, request, as: type)
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
