import JSONLines
import Rewards

// `rewardkit advantages` over C: rows that carry their rewards, through the group step.

/// Group advantages for rows sent as a JSON array (or JSONL) that carry `group` (or its aliases),
/// `reward` or `rewards`, and optionally `variant`: the rows `rewardkit advantages` writes, in the
/// same form. `group` is the `group:` section of a config as JSON ({"trust": {...}, "advantage":
/// {"estimator", "epsilon"}}); `step` is the training step for annealing. NULL with a message
/// for a bad group section or a body that is not rows.
@_cdecl("rk_advantages")
public func rkAdvantages(
    _ rows: UnsafePointer<CChar>?, _ rowsBytes: Int, _ group: UnsafePointer<CChar>?, _ groupBytes: Int, _ step: Int64,
    _ errorOut: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
) -> UnsafeMutablePointer<CChar>? {
    let spec: GroupSpec
    switch JSONDocument.parse(buffer(group, groupBytes)) {
    case let .failure(e):
        fail("group settings are not valid JSON: \(e.description)", errorOut)
        return nil
    case let .success(value):
        do throws(ConfigError) { spec = try GroupSpec(value) } catch {
            fail(error.message, errorOut)
            return nil
        }
    }
    switch RowBatch.score(
        buffer(rows, rowsBytes),
        with: BatchScorer(rewards: .precomputed, stage: GroupStage(spec: spec, step: Int(step))))
    {
    case let .failure(refusal):
        fail(refusal.message, errorOut)
        return nil
    case let .success((output, _)):
        return cString(output)
    }
}
