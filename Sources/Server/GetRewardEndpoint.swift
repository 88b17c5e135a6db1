import JSONLines
import Rewards

extension RewardService {
    /// Batches at least this large are scored on all cores; smaller ones inline, since a single
    /// sample takes microseconds and a thread hop would cost more than the work.
    static let parallelThreshold = 32

    /// `POST /get_reward`, OpenRLHF's remote reward protocol: `rewards` (weighted totals),
    /// `scores` (totals over the largest possible total, clamped to [0, 1]) and `extra_logs` with
    /// one list per component plus `error` (1 for a sample that could not be scored).
    ///
    /// A sample that cannot be scored gets reward 0 and `extra_logs.error` 1, and its message in
    /// a top-level `errors` list (present only then), instead of failing the request: OpenRLHF
    /// retries a failed request five times and then stops the run, while the sample would fail
    /// the same way every time. A body of the wrong shape is a 400 naming the field.
    public func getReward(_ body: UnsafeBufferPointer<UInt8>) -> ServerReply {
        let request: OpenRLHFRequest
        switch OpenRLHFRequest.decode(body) {
        case let .success(r): request = r
        case let .failure(e): return e.reply
        }
        let n = request.queries.count
        var results = [Result<ScoredTrajectory, RowError>?](repeating: nil, count: n)
        var trajectories: [Trajectory] = [], indices: [Int] = []
        trajectories.reserveCapacity(n)
        for i in 0..<n {
            switch request.trajectory(i) {
            case let .success(t): trajectories.append(t); indices.append(i)
            case let .failure(e): results[i] = .failure(e)
            }
        }
        // A reward that calls a served model gets the whole batch at once, whatever its size.
        let scored =
            trajectories.count >= Self.parallelThreshold || pipeline.callsModels
            ? pipeline.score(trajectories) : trajectories.map { pipeline.score($0) }
        for (k, i) in indices.enumerated() { results[i] = scored[k] }
        vanishedTagsNotice.say(pipeline.vanishedTagsWarning(scored))
        return ServerReply(status: 200, body: encodeRewards(results.map { $0 ?? .failure(.noResponse) }))
    }

    private func encodeRewards(_ results: [Result<ScoredTrajectory, RowError>]) -> [UInt8] {
        var totals: [Double] = [], failed = 0
        totals.reserveCapacity(results.count)
        for r in results {
            switch r {
            case let .success(s): totals.append(s.total)
            case .failure: totals.append(0); failed += 1
            }
        }
        metrics.rowsScored.increment(by: Int64(results.count - failed))
        if failed > 0 { metrics.rowErrors.increment(by: Int64(failed)) }

        var out = JSONWriter(capacity: 96 + results.count * (24 + 8 * pipeline.components.count))
        out.ascii("{\"rewards\":")
        list(totals, into: &out)
        out.ascii(",\"scores\":")
        list(totals.map(score(ofTotal:)), into: &out)
        out.ascii(",\"extra_logs\":{")
        for (c, name) in pipeline.componentNames.enumerated() {
            out.key(name)
            list(results.map { r in if case let .success(s) = r { s.scores[c].value } else { 0 } }, into: &out)
            out.byte(UInt8(ascii: ","))
        }
        out.key("error")
        list(results.map { r in if case .failure = r { 1 } else { 0 } }, into: &out)
        out.byte(UInt8(ascii: "}"))
        if failed > 0 {
            out.ascii(",\"errors\":[")
            for (i, r) in results.enumerated() {
                if i > 0 { out.byte(UInt8(ascii: ",")) }
                if case let .failure(e) = r { out.string(e.description) } else { out.ascii("null") }
            }
            out.byte(UInt8(ascii: "]"))
        }
        out.byte(UInt8(ascii: "}"))
        return out.bytes
    }

    private func list(_ values: [Double], into out: inout JSONWriter) {
        out.byte(UInt8(ascii: "["))
        for (i, v) in values.enumerated() {
            if i > 0 { out.byte(UInt8(ascii: ",")) }
            out.number(v)
        }
        out.byte(UInt8(ascii: "]"))
    }
}
