import Foundation
import JSONLines

/// Scores a whole batch of JSONL rows held in memory and, when given a group step, runs it over
/// them (Trust-GRPO totals, advantages, Share-GRPO expansion): `rewardkit score` with a `group:`
/// config, `rewardkit advantages`, and the server's `/score`.
///
/// Groups can span the whole input, so it is held in memory (about its own size again for the
/// output); plain file scoring without `group:` streams instead (`JSONLScorer`).
public struct BatchScorer: Sendable {
    /// Where each row's rewards come from.
    public enum Rewards: Sendable {
        /// Computed by a pipeline (`score`).
        case pipeline(Pipeline)
        /// Already in the row as `rewards` {component: value} and/or `reward` (`advantages`).
        case precomputed
    }

    /// Where rewards come from.
    public let rewards: Rewards
    /// The group step; nil scores rows one by one.
    public let stage: GroupStage?
    /// Add `explanations` to scored rows.
    public var explain = false

    /// Makes a scorer.
    public init(rewards: Rewards, stage: GroupStage?, explain: Bool = false) {
        self.rewards = rewards
        self.stage = stage
        self.explain = explain
    }

    typealias LineOutcome = Line

    /// One input line after scoring, before the group step.
    enum Line: Sendable {
        case failed(number: Int, RowError, range: Range<Int>)
        case scored(number: Int, range: Range<Int>, scored: ScoredTrajectory?, member: GroupStage.Member)
    }

    /// Scores `source` into `sink`; returns the row summary and the group summary.
    public func run(_ source: ByteSource, into sink: ByteSink) throws(IOError) -> (ScoreSummary, GroupStage.Summary) {
        let start = DispatchTime.now().uptimeNanoseconds
        var (output, summary, groupSummary) = score(try source.readAll())
        try sink.write(output)
        output = []
        summary.seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        return (summary, groupSummary)
    }

    /// Scores JSONL `input` (one object per line) and returns the output rows as JSONL, in input
    /// order, with the summaries. Nothing here can fail: a bad row becomes an error row.
    public func score(_ input: [UInt8]) -> (output: [UInt8], summary: ScoreSummary, groups: GroupStage.Summary) {
        let start = DispatchTime.now().uptimeNanoseconds
        let names: [String]
        if case let .pipeline(p) = rewards { names = p.componentNames } else { names = [] }
        var summary = ScoreSummary(componentNames: names)
        let (checked, resultOfLine, groupSummary) = outcomes(input)

        var out = JSONWriter(capacity: input.count + input.count / 4)
        input.withUnsafeBufferPointer { bytes in
            for (i, line) in checked.enumerated() {
                summary.rows += 1
                switch line {
                case let .failed(number, error, range):
                    summary.errors += 1
                    let row = UnsafeBufferPointer(rebasing: bytes[range])
                    let (members, keys) = RowDecoder.readableMembers(row)
                    RowEncoder.writeError(line: number, error, bytes: row, members: members, keys: keys, into: &out)
                case let .scored(_, range, scored, _):
                    guard let result = resultOfLine[i] else { continue }
                    if let scored {
                        for (c, s) in scored.scores.enumerated() { summary.componentSums[c] += s.value }
                        if scored.formatTagsMissing { summary.taglessFormatRows += 1 }
                    }
                    summary.rewardSum += result.reward
                    write(UnsafeBufferPointer(rebasing: bytes[range]), scored: scored, result: result, into: &out)
                }
            }
        }
        summary.bytes = input.count
        summary.seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        return (out.bytes, summary, groupSummary)
    }

    /// Each line's outcome after scoring and the group step (rows the step cannot use become
    /// error lines), the group result of each scored line by its index, and the group summary.
    func outcomes(_ input: [UInt8]) -> (lines: [Line], results: [Int: GroupStage.Result], groups: GroupStage.Summary) {
        let lines = input.withUnsafeBufferPointer { bytes in
            let spans = JSONLLines.nonBlank(bytes, firstLine: 1).lines
            let shared = SharedBytes(bytes: bytes)
            if case let .pipeline(pipeline) = rewards, pipeline.callsModels {
                // A reward calls a served model: decode every row, then score them as one batch
                // so the requests go out together.
                let decoded = spans.map { span in decode(shared.bytes, span.range, number: span.number) }
                let trajectories = decoded.compactMap { try? $0.get() }
                var results = pipeline.scoreBatch(trajectories).makeIterator()
                var lines: [Line] = []
                for (span, row) in zip(spans, decoded) {
                    switch row {
                    case let .failure(failure): lines.append(failure.line)
                    case let .success(t):
                        lines.append(evaluate(t, range: span.range, number: span.number, scored: results.next()))
                    }
                }
                return lines
            }
            return ParallelMap.map(spans) { span in evaluate(shared.bytes, span.range, number: span.number) }
        }
        // Rows the group step cannot use become error rows; the rest form the groups.
        var members: [GroupStage.Member] = [], memberLine: [Int] = []
        var checked = lines
        for (i, line) in lines.enumerated() {
            guard case let .scored(number, range, _, member) = line else { continue }
            if let error = stage?.check(member) {
                checked[i] = .failed(number: number, error, range: range)
            } else {
                members.append(member)
                memberLine.append(i)
            }
        }
        let (results, groupSummary) =
            stage?.run(members) ?? (
                members.map {
                    GroupStage.Result(reward: $0.total, advantage: nil, trust: nil, shared: nil)
                }, GroupStage.Summary()
            )
        var resultOfLine = [Int: GroupStage.Result]()
        for (m, i) in memberLine.enumerated() { resultOfLine[i] = results[m] }
        return (checked, resultOfLine, groupSummary)
    }

    /// Decodes one line (any thread); a line that cannot be used is its error line.
    private func decode(
        _ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, number: Int
    ) -> Result<Trajectory, LineError> {
        let needsResponse: Bool
        if case .pipeline = rewards { needsResponse = true } else { needsResponse = false }
        switch RowDecoder.decode(UnsafeBufferPointer(rebasing: bytes[range]), requireResponse: needsResponse) {
        case let .failure(e): return .failure(LineError(line: .failed(number: number, e, range: range)))
        case let .success(row):
            if stage?.spec.estimator == .shareGRPO && row.trajectory.group == nil {
                return .failure(
                    LineError(
                        line: .failed(
                            number: number,
                            .badField(
                                name: "group",
                                problem: "is missing: share_grpo needs the question id shared by its variants"),
                            range: range)))
            }
            return .success(row.trajectory)
        }
    }

    /// Decodes and scores one line (any thread).
    private func evaluate(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, number: Int) -> Line {
        switch decode(bytes, range, number: number) {
        case let .failure(failure): return failure.line
        case let .success(t): return evaluate(t, range: range, number: number, scored: nil)
        }
    }

    /// Scores a decoded row (or takes the batch's result for it, `scored`) and makes its group member.
    private func evaluate(
        _ t: Trajectory, range: Range<Int>, number: Int, scored batchResult: Result<ScoredTrajectory, RowError>?
    ) -> Line {
        switch rewards {
        case let .pipeline(pipeline):
            switch batchResult ?? pipeline.score(t) {
            case let .failure(e): return .failed(number: number, e, range: range)
            case let .success(scored):
                return .scored(
                    number: number, range: range, scored: scored, member: pipeline.groupMember(for: t, scored: scored))
            }
        case .precomputed:
            guard t.reward != nil || t.rewards != nil else {
                return .failed(
                    number: number,
                    .badField(name: "reward", problem: "is missing: give `reward` (total) or `rewards` (components)"),
                    range: range)
            }
            let components = t.rewards ?? [:]
            let outcome = t.rewards.map { $0.filter { $0.key != "thinking" }.values.reduce(0, +) } ?? t.reward ?? 0
            let member = GroupStage.Member(
                group: t.groupKey, variant: t.variant,
                total: t.reward ?? components.values.reduce(0, +),
                outcome: outcome, thinking: components["thinking"])
            return .scored(number: number, range: range, scored: nil, member: member)
        }
    }

    /// Writes a scored row, or with Share-GRPO one row per prompt variant.
    private func write(
        _ row: UnsafeBufferPointer<UInt8>, scored: ScoredTrajectory?, result: GroupStage.Result,
        into out: inout JSONWriter
    ) {
        guard case let .success(members) = RowDecoder.members(row) else { return }
        var additions = RowAdditions(
            scored: scored, reward: result.reward, advantage: result.advantage, trust: result.trust, explain: explain)
        guard let shared = result.shared else {
            RowEncoder.write(row, members: members, adding: additions.keys, { additions.write(into: &$0) }, into: &out)
            return
        }
        for s in shared {
            additions.advantage = s.advantage
            additions.promptVariant = s.promptVariant
            additions.shared = s.shared
            RowEncoder.write(row, members: members, adding: additions.keys, { additions.write(into: &$0) }, into: &out)
        }
    }
}

/// A line that cannot be scored, as the line it becomes.
private struct LineError: Error {
    let line: BatchScorer.LineOutcome
}

/// Input bytes shared read-only by the threads that score lines.
private struct SharedBytes: @unchecked Sendable {
    // @unchecked: the buffer outlives the parallel map and nobody writes to it meanwhile.
    let bytes: UnsafeBufferPointer<UInt8>
}
