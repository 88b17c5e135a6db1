/// `overlong`: DAPO's soft overlong punishment. With `max_len` L and a buffer `cache` C:
/// 0 up to L - C; then falling linearly to -1 at L; -1 beyond.
public struct OverlongReward: Reward {
    public let name = "overlong"
    /// L: the length limit.
    public let maxLength: Int
    /// C: the soft buffer before the limit.
    public let cache: Int
    /// `words` or `chars`.
    public let unit: String

    /// Options: `max_len` (required, > 0), `cache` (default a quarter of max_len), `unit` (`words`).
    public init(options: RewardOptions) throws(RewardError) {
        try options.requireOnly(["max_len", "cache", "unit"])
        guard options["max_len"] != nil else { throw RewardError("reward 'overlong': option 'max_len' is required") }
        maxLength = try options.int("max_len", default: 0)
        cache = try options.int("cache", default: maxLength / 4)
        unit = try options.string("unit", default: "words", allowed: ResponseLength.units)
        guard maxLength > 0, cache > 0, cache <= maxLength else {
            throw RewardError("reward 'overlong': need 0 < cache <= max_len, got cache \(cache), max_len \(maxLength)")
        }
    }

    public func score(_ trajectory: Trajectory) throws(RewardError) -> RewardScore {
        let length = ResponseLength.of(trajectory.response, unit: unit)
        let soft = maxLength - cache
        if length <= soft { return RewardScore(0, "\(length) \(unit)") }
        if length <= maxLength {
            return RewardScore(Double(soft - length) / Double(cache), "\(length) \(unit), in the soft buffer")
        }
        return RewardScore(-1, "\(length) \(unit), over \(maxLength)")
    }
}
