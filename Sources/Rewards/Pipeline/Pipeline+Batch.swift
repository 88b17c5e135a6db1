/// Scoring a batch when some reward calls a served model (`BatchReward`): each such reward gets
/// the batch's rows at once, so its requests go out together; the other rewards run row by row.
extension Pipeline {
    /// Whether some component is a `BatchReward` (directly or behind a format gate).
    public var callsModels: Bool {
        components.contains { Self.batchReward($0.reward) != nil }
    }

    /// The usage of every model-calling component, in config order.
    public func modelUsage() -> [RewardUsage] {
        components.compactMap { component in
            Self.batchReward(component.reward).map { reward in
                var usage = reward.usage()
                usage.name = component.name
                return usage
            }
        }
    }

    /// Scores `trajectories` as one batch: the same results as scoring each alone, in order. The
    /// rule rewards run first; a row one of them fails is not sent to any model.
    public func scoreBatch(_ trajectories: [Trajectory]) -> [Result<ScoredTrajectory, RowError>] {
        let cleaned = trajectories.map { spec.response.apply($0) }
        let rows = cleaned.map(\.0)
        var scores = [[RewardScore?]](
            repeating: [RewardScore?](repeating: nil, count: components.count), count: rows.count)
        var failures = [RowError?](repeating: nil, count: rows.count)
        let order = components.indices.sorted {
            (Self.batchReward(components[$0].reward) == nil ? 0 : 1, $0) < (
                Self.batchReward(components[$1].reward) == nil ? 0 : 1, $1
            )
        }
        for c in order {
            let component = components[c]
            let pending = rows.indices.filter { failures[$0] == nil }
            if let batch = Self.batchReward(component.reward) {
                let results = scoreWithAnswers(
                    batch, gate: (component.reward as? FormatGatedReward)?.gate, pending.map { rows[$0] })
                for (k, i) in pending.enumerated() {
                    switch results[k] {
                    case let .success(s): scores[i][c] = s
                    case let .failure(e): failures[i] = .reward(name: component.name, message: e.message)
                    }
                }
            } else {
                for i in pending {
                    do throws(RewardError) {
                        scores[i][c] = try best(component.reward, rows[i])
                    } catch {
                        failures[i] = .reward(name: component.name, message: error.message)
                    }
                }
            }
        }
        return rows.indices.map { i in
            if let failure = failures[i] { return .failure(failure) }
            let row = scores[i].map { $0 ?? RewardScore(0) }
            let total = zip(components, row).reduce(0.0) { $0 + $1.0.weight * $1.1.value }
            return .success(
                ScoredTrajectory(names: componentNames, scores: row, total: total, responseNote: cleaned[i].1))
        }
    }

    /// The best score of each row over its acceptable answers (one request per answer), with a
    /// format gate applied first when the entry has one (a gated-out row is never sent).
    private func scoreWithAnswers(
        _ reward: any BatchReward, gate: FormatReward?, _ rows: [Trajectory]
    ) -> [Result<RewardScore, RewardError>] {
        var out = [Result<RewardScore, RewardError>?](repeating: nil, count: rows.count)
        var expanded: [Trajectory] = [], owner: [Int] = []
        for (i, row) in rows.enumerated() {
            if let gate {
                do throws(RewardError) {
                    let format = try gate.score(row)
                    if format.value != 1 {
                        out[i] = .success(
                            RewardScore(
                                0, "format gate (\(gate.template.rawValue)): \(format.explanation ?? "not followed")"))
                        continue
                    }
                } catch {
                    out[i] = .failure(error)
                    continue
                }
            }
            expanded.append(row)
            owner.append(i)
            guard reward.fieldsRead.contains(.answer) else { continue }
            for answer in row.otherAnswers {
                var other = row
                other.answer = answer
                expanded.append(other)
                owner.append(i)
            }
        }
        for (k, result) in reward.score(batch: expanded).enumerated() {
            let i = owner[k]
            switch (out[i], result) {
            case (nil, _), (.success?, .failure): out[i] = result
            case let (.success(best)?, .success(s)) where s.value > best.value: out[i] = result
            default: break
            }
        }
        return out.map { $0 ?? .failure(RewardError("internal: no result for the row")) }
    }

    /// The model-calling reward of a component, looking through a format gate.
    static func batchReward(_ reward: any Reward) -> (any BatchReward)? {
        if let batch = reward as? any BatchReward { return batch }
        if let gated = reward as? FormatGatedReward { return gated.inner as? any BatchReward }
        return nil
    }
}
