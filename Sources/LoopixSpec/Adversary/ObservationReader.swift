import Foundation

extension ObservationFile {
    /// Reads an observation file (a run's, or one a user brings). Any malformed line ends in
    /// `AdversaryError.badObservation` with its line number (1 = the header).
    ///
    /// SPEC.md [LOOPIX-ADV-FILE-READ].
    /// ```text
    /// lines are split at "\n"; one empty last line (the final newline) is allowed, no other
    /// line 1: a header of format loopix-observation/1 with every public parameter; counts ≥ 1,
    ///         µ > 0, rates ≥ 0, all finite
    /// line n ≥ 2: a JSON object with exactly the keys t, from, to; t finite, not below the
    ///         previous line's; from and to a node name (c, p or m + decimal index) that exists in
    ///         the header's network (index < clients, providers, layers · mixesPerLayer)
    /// ```
    public static func parseObservation(_ text: String) throws(AdversaryError) -> (Header, [LinkEvent]) {
        let lines = splitLines(text)
        // Step 1: the header.
        guard let first = lines.first, let header = try? JSONDecoder().decode(Header.self, from: Data(first.utf8)),
            header.format == Header.formatName
        else { throw .badObservation(line: 1, reason: "not a \(Header.formatName) header") }
        let counts = [header.clients, header.providers, header.layers, header.mixesPerLayer, header.pullSize]
        let rates = [header.lambdaP, header.lambdaL, header.lambdaD, header.lambdaM, header.pullInterval]
        guard counts.allSatisfy({ $0 >= 1 }), header.mu.isFinite, header.mu > 0,
            rates.allSatisfy({ $0.isFinite && $0 >= 0 })
        else { throw .badObservation(line: 1, reason: "a count below 1, µ not > 0 or a rate not finite and ≥ 0") }
        // Step 2: the events.
        var events: [LinkEvent] = []
        events.reserveCapacity(lines.count - 1)
        for (offset, l) in lines.dropFirst().enumerated() {
            let number = offset + 2
            let e = try event(l, line: number)
            guard e.t.isFinite else { throw .badObservation(line: number, reason: "time not finite") }
            guard let from = node(e.from, header), let to = node(e.to, header) else {
                throw .badObservation(
                    line: number, reason: "unknown node \"\(node(e.from, header) == nil ? e.from : e.to)\"")
            }
            if let last = events.last, e.t < last.time {
                throw .badObservation(line: number, reason: "time goes backwards (\(e.t) after \(last.time))")
            }
            events.append(LinkEvent(time: e.t, from: from, to: to))
        }
        return (header, events)
    }

    /// Reads a ground-truth file for an observation of `events` events.
    ///
    /// SPEC.md LOOPIX-ADV-FILE-READ, the truth: line 1 `{"events":N,"format":"loopix-ground-truth/1"}`
    /// with N = `events`; then N lines with exactly the keys message (an integer ≥ 0 or null) and
    /// kind (a message kind or null). Errors are `badObservation` with the truth file's line.
    public static func parseTruth(_ text: String, events: Int) throws(AdversaryError) -> [ObserverRecording.TruthEntry]
    {
        let lines = splitLines(text)
        guard let first = lines.first, let header = try? JSONDecoder().decode(TruthHeader.self, from: Data(first.utf8)),
            header.format == truthFormatName
        else { throw .badObservation(line: 1, reason: "not a \(truthFormatName) header") }
        guard header.events == events, lines.count - 1 == events else {
            throw .badObservation(
                line: 1,
                reason: "\(header.events) events announced, \(lines.count - 1) lines, observation has \(events)")
        }
        var out: [ObserverRecording.TruthEntry] = []
        out.reserveCapacity(events)
        for (offset, l) in lines.dropFirst().enumerated() {
            guard let keys = keys(of: l), keys == ["message", "kind"],
                let t = try? JSONDecoder().decode(TruthLine.self, from: Data(l.utf8)), (t.message ?? 0) >= 0
            else {
                throw .badObservation(
                    line: offset + 2, reason: "not {\"kind\": kind or null, \"message\": n ≥ 0 or null}")
            }
            out.append(ObserverRecording.TruthEntry(message: t.message, kind: t.kind))
        }
        return out
    }

    /// The lines of a file; the final newline ends the last line rather than starting an empty one.
    static func splitLines(_ text: String) -> [Substring] {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        if lines.last == "" { lines.removeLast() }
        return lines
    }

    /// One event line, its keys checked (a misspelt or extra key is refused, not ignored).
    static func event(_ l: Substring, line number: Int) throws(AdversaryError) -> EventLine {
        guard let keys = keys(of: l) else {
            throw .badObservation(line: number, reason: "not a JSON object (truncated?)")
        }
        guard keys == ["t", "from", "to"] else {
            throw .badObservation(line: number, reason: "keys \(keys.sorted()), expected [from, t, to]")
        }
        guard let e = try? JSONDecoder().decode(EventLine.self, from: Data(l.utf8)) else {
            throw .badObservation(line: number, reason: "t must be a number, from and to strings")
        }
        return e
    }

    /// The keys of a JSON object line, nil when the line is not one.
    static func keys(of l: Substring) -> Set<String>? {
        guard let object = try? JSONSerialization.jsonObject(with: Data(l.utf8)) as? [String: Any] else { return nil }
        return Set(object.keys)
    }

    /// A node name that exists in the header's network.
    static func node(_ name: String, _ h: Header) -> NetworkNode? {
        guard let n = NetworkNode(name: name), String(name.dropFirst()) == String(Int(name.dropFirst()) ?? -1) else {
            return nil
        }
        switch n {
        case .client(let i): return i < h.clients ? n : nil
        case .provider(let i): return i < h.providers ? n : nil
        case .mix(let i): return i < h.layers * h.mixesPerLayer ? n : nil
        }
    }
}
