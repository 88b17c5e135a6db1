import Rewards

extension RewardService {
    /// `POST /score`: rows in RewardKit's schema (any alias), as a JSON array or as JSONL, back
    /// scored in the same form and order. With a `group:` config the group step runs over the
    /// request's rows (advantages, trust), at `step` or the server's default step.
    ///
    /// A row that cannot be scored comes back as an error row (`line` is its 1-based line, or
    /// its 1-based position in an array) and the others are scored; only a body that is not
    /// rows at all is a 400.
    public func score(_ body: UnsafeBufferPointer<UInt8>, step: Int?) -> ServerReply {
        guard let first = body.firstIndex(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }) else {
            return RequestError(status: 400, message: "body is empty: send rows as a JSON array or as JSONL").reply
        }
        let isArray = body[first] == UInt8(ascii: "[")
        let lines: [UInt8]
        if isArray {
            switch JSONDocument.arrayElements(body) {
            case let .failure(e):
                return RequestError(status: 400, message: "body starts as a JSON array but is not valid JSON: \(e.description)").reply
            case .success(nil):
                return RequestError(status: 400, message: "body is not a JSON array of rows").reply
            case let .success(elements?):
                lines = Self.jsonl(body, elements)
            }
        } else {
            lines = Array(body)
        }
        let scorer = BatchScorer(rewards: .pipeline(pipeline), stage: pipeline.group.map { GroupStage(spec: $0, step: step ?? defaultStep) })
        let (output, summary, _) = scorer.score(lines)
        metrics.rowsScored.increment(by: Int64(summary.rows - summary.errors))
        if summary.errors > 0 { metrics.rowErrors.increment(by: Int64(summary.errors)) }
        vanishedTagsNotice.say(summary.vanishedTagsWarning)
        guard isArray else { return ServerReply(status: 200, contentType: "application/x-ndjson", body: output) }
        return ServerReply(status: 200, body: Self.jsonArray(ofLines: output))
    }

    /// One element per line. A raw line break can only be white space between tokens in valid
    /// JSON (strings escape theirs), so it becomes a space and the element stays the same value.
    static func jsonl(_ body: UnsafeBufferPointer<UInt8>, _ elements: [Range<Int>]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(body.count + elements.count)
        for range in elements {
            for b in body[range] { out.append(b == 0x0A || b == 0x0D ? 0x20 : b) }
            out.append(0x0A)
        }
        return out
    }

    /// JSONL output rows joined into one JSON array.
    static func jsonArray(ofLines output: [UInt8]) -> [UInt8] {
        var out: [UInt8] = [UInt8(ascii: "[")]
        out.reserveCapacity(output.count + 2)
        var first = true
        for line in output.split(separator: 0x0A, omittingEmptySubsequences: true) {
            if !first { out.append(UInt8(ascii: ",")) }
            out.append(contentsOf: line)
            first = false
        }
        out.append(UInt8(ascii: "]"))
        return out
    }
}
