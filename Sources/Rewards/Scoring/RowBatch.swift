import JSONLines

/// A batch of rows held in memory, sent as a JSON array or as JSONL, scored as `rewardkit score`
/// scores them and returned in the same form and order: the server's `/score` and the Python
/// package's `Scorer.score` both go through here.
///
/// A row that cannot be scored comes back as an error row (`line` is its 1-based line, or its
/// 1-based position in an array); only a body that is not rows at all is refused.
public enum RowBatch {
    /// How the rows were sent, and so how they are returned.
    public enum Form: Sendable { case jsonArray, jsonl }

    @available(*, deprecated, renamed: "RowBatchError")
    public typealias Refusal = RowBatchError

    /// The body's rows as JSONL (one row a line), and the form they came in.
    public static func lines(_ body: UnsafeBufferPointer<UInt8>) -> Result<(lines: [UInt8], form: Form), RowBatchError>
    {
        guard let first = body.firstIndex(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }) else {
            return .failure(RowBatchError("body is empty: send rows as a JSON array or as JSONL"))
        }
        guard body[first] == UInt8(ascii: "[") else { return .success((Array(body), .jsonl)) }
        switch JSONDocument.arrayElements(body) {
        case let .failure(e):
            return .failure(RowBatchError("body starts as a JSON array but is not valid JSON: \(e.description)"))
        case .success(nil):
            return .failure(RowBatchError("body is not a JSON array of rows"))
        case let .success(elements?):
            return .success((jsonl(body, elements), .jsonArray))
        }
    }

    /// Scores the body's rows with `pipeline` (and its group step at `step`, when it has one);
    /// returns the output rows in the body's form, with the row summary.
    public static func score(
        _ body: UnsafeBufferPointer<UInt8>, pipeline: Pipeline, step: Int, explain: Bool = false
    )
        -> Result<(output: [UInt8], summary: ScoreSummary), RowBatchError>
    {
        score(
            body,
            with: BatchScorer(
                rewards: .pipeline(pipeline), stage: pipeline.group.map { GroupStage(spec: $0, step: step) },
                explain: explain))
    }

    /// The body's rows through `scorer`, back in the body's form.
    public static func score(
        _ body: UnsafeBufferPointer<UInt8>, with scorer: BatchScorer
    ) -> Result<(output: [UInt8], summary: ScoreSummary), RowBatchError> {
        lines(body).map { lines, form in
            let (output, summary, _) = scorer.score(lines)
            return (form == .jsonArray ? jsonArray(ofLines: output) : output, summary)
        }
    }

    /// One element per line. A raw line break can only be white space between tokens in valid
    /// JSON (strings escape theirs), so it becomes a space and the element stays the same value.
    public static func jsonl(_ body: UnsafeBufferPointer<UInt8>, _ elements: [Range<Int>]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(body.count + elements.count)
        for range in elements {
            for b in body[range] { out.append(b == 0x0A || b == 0x0D ? 0x20 : b) }
            out.append(0x0A)
        }
        return out
    }

    /// JSONL output rows joined into one JSON array.
    public static func jsonArray(ofLines output: [UInt8]) -> [UInt8] {
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

/// Why a body is not rows at all.
public struct RowBatchError: Error, Sendable, CustomStringConvertible {
    /// What is wrong with the body.
    public var message: String
    /// Makes an error.
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
