import JSONLines

/// A batch's results as columns, one entry per input row in input order: each component's score,
/// the total reward, and the error of a row that could not be scored (nil where it was); with a
/// group step also the advantage and the trust gamma. For callers that hold the rows as columns
/// already (Arrow tables, DataFrames: the Python package's Ray and Parquet scoring) and only need
/// the new columns back, not the rows rewritten.
///
/// An error row has nil in every number column. The values equal what `rewardkit score` writes for
/// the same rows; the error text is its `error` member.
public struct ScoreColumns: Sendable, Equatable {
    /// Component names, in config order.
    public var components: [String]
    /// Per component (parallel to `components`), the score of each row.
    public var rewards: [[Double?]]
    /// The total reward of each row (after trust weighting, when the group step has it).
    public var reward: [Double?]
    /// Why a row could not be scored; nil for a scored row.
    public var error: [String?]
    /// The advantage of each row; nil without a group step.
    public var advantage: [Double?]?
    /// The group's trust gamma of each row; nil unless the group step weights by trust.
    public var trust: [Double?]?

    /// The columns as one JSON object: {"components", "rewards": {name: [...]}, "reward", "error",
    /// "advantage"?, "trust"?}, with null for a missing value.
    public var json: [UInt8] {
        var out = JSONWriter(capacity: 64 + reward.count * 24 * (components.count + 2))
        func numbers(_ values: [Double?]) -> JSONValue { .array(values.map { $0.map(JSONValue.number) ?? .null }) }
        var members: [(key: String, value: JSONValue)] = [
            ("components", .array(components.map(JSONValue.string))),
            ("rewards", .object(zip(components, rewards).map { ($0, numbers($1)) })),
            ("reward", numbers(reward)),
            ("error", .array(error.map { $0.map(JSONValue.string) ?? .null })),
        ]
        if let advantage { members.append(("advantage", numbers(advantage))) }
        if let trust { members.append(("trust", numbers(trust))) }
        out.value(.object(members))
        return out.bytes
    }
}

extension BatchScorer {
    /// Scores JSONL `input` (one object per non-blank line) and returns one entry per line in each
    /// column. Refused for Share-GRPO, which writes a row per prompt variant rather than one per
    /// input row, and for precomputed rewards (nothing to score).
    public func columns(_ input: [UInt8]) -> Result<ScoreColumns, RowBatchError> {
        guard case let .pipeline(pipeline) = rewards else {
            return .failure(RowBatchError("columns need a pipeline to score with"))
        }
        if stage?.spec.estimator == .shareGRPO {
            return .failure(
                RowBatchError(
                    "share_grpo writes one row per prompt variant, not one per input row: score the rows instead of asking for columns"
                ))
        }
        let (lines, results, _) = outcomes(input)
        let names = pipeline.componentNames
        var columns = ScoreColumns(
            components: names, rewards: Array(repeating: [], count: names.count), reward: [], error: [])
        let weightsTrust = stage.map { $0.spec.trust.mode != .off } ?? false
        var advantage: [Double?] = [], trust: [Double?] = []
        for (i, line) in lines.enumerated() {
            switch line {
            case let .failed(_, error, _):
                for c in names.indices { columns.rewards[c].append(nil) }
                columns.reward.append(nil)
                columns.error.append(error.description)
                advantage.append(nil)
                trust.append(nil)
            case let .scored(_, _, scored, _):
                let result = results[i]
                for c in names.indices { columns.rewards[c].append(scored?.scores[c].value) }
                columns.reward.append(result?.reward)
                columns.error.append(nil)
                advantage.append(result?.advantage)
                trust.append(result?.trust)
            }
        }
        if stage != nil { columns.advantage = advantage }
        if weightsTrust { columns.trust = trust }
        return .success(columns)
    }
}
