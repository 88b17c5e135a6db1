import JSONLines
import Rewards

extension RewardService {
    /// `POST /score`: rows in RewardKit's schema (any alias), as a JSON array or as JSONL, back
    /// scored in the same form and order. With a `group:` config the group step runs over the
    /// request's rows (advantages, trust), at `step` or the server's default step.
    ///
    /// A row that cannot be scored comes back as an error row (`line` is its 1-based line, or
    /// its 1-based position in an array) and the others are scored; only a body that is not
    /// rows at all is a 400. The rows go through `RowBatch`, as the Python package's do.
    public func score(_ body: UnsafeBufferPointer<UInt8>, step: Int?) -> ServerReply {
        switch RowBatch.lines(body) {
        case let .failure(refusal):
            return RequestError(status: 400, message: refusal.message).reply
        case let .success((lines, form)):
            let scorer = BatchScorer(
                rewards: .pipeline(pipeline),
                stage: pipeline.group.map { GroupStage(spec: $0, step: step ?? defaultStep) })
            let (output, summary, _) = scorer.score(lines)
            metrics.rowsScored.increment(by: Int64(summary.rows - summary.errors))
            if summary.errors > 0 { metrics.rowErrors.increment(by: Int64(summary.errors)) }
            vanishedTagsNotice.say(summary.vanishedTagsWarning)
            guard form == .jsonArray else {
                return ServerReply(status: 200, contentType: "application/x-ndjson", body: output)
            }
            return ServerReply(status: 200, body: RowBatch.jsonArray(ofLines: output))
        }
    }
}
