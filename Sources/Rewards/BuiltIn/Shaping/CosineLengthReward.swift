import Foundation

/// `length`: open-r1's cosine-scaled length reward. Correct answers earn more when short
/// (from `max_correct` at length 0 down to `min_correct` at `max_len`); wrong answers are
/// punished less when long (from `max_wrong` at 0, the most negative, up to `min_wrong`), so a
/// model that cannot solve a problem is pushed to think longer rather than to stop early.
/// `value = lo + (hi - lo) * (1 + cos(pi * min(len, max_len) / max_len)) / 2`.
public struct CosineLengthReward: Reward {
    public let name = "length"
    /// Decides correctness.
    public let accuracy: OutcomeReward
    /// Values for correct answers at max length and at length 0.
    public let minCorrect: Double, maxCorrect: Double
    /// Values for wrong answers at max length and at length 0 (open-r1's -0.5 and -1).
    public let minWrong: Double, maxWrong: Double
    /// The length at which the schedule ends.
    public let maxLength: Int
    /// `words` or `chars`.
    public let unit: String

    /// Options: `min_correct` (0.5), `max_correct` (1), `min_wrong` (-0.5), `max_wrong` (-1),
    /// `max_len` (1000), `unit` (`words`), and the accuracy options (`comparator`).
    public init(options: RewardOptions) throws(RewardError) {
        try options.requireOnly([
            "min_correct", "max_correct", "min_wrong", "max_wrong", "max_len", "unit", "comparator",
        ])
        minCorrect = try options.double("min_correct", default: 0.5)
        maxCorrect = try options.double("max_correct", default: 1)
        minWrong = try options.double("min_wrong", default: -0.5)
        maxWrong = try options.double("max_wrong", default: -1)
        maxLength = try options.int("max_len", default: 1000)
        unit = try options.string("unit", default: "words", allowed: ResponseLength.units)
        guard maxLength > 0 else { throw RewardError("reward 'length': option 'max_len' must be positive") }
        let accuracyOptions = options.values.filter { $0.key == "comparator" }
        accuracy = try OutcomeReward(options: RewardOptions(rewardName: "accuracy", values: accuracyOptions))
    }

    public func score(_ trajectory: Trajectory) throws(RewardError) -> RewardScore {
        let correct = try accuracy.score(trajectory).value >= 1
        let length = ResponseLength.of(trajectory.response, unit: unit)
        let progress = Double(min(length, maxLength)) / Double(maxLength)
        let cosine = (1 + cos(Double.pi * progress)) / 2
        // At length 0 cosine is 1, giving the `at0` value; at max_len it is 0, giving `atMax`.
        let (atMax, at0) = correct ? (minCorrect, maxCorrect) : (minWrong, maxWrong)
        return RewardScore(atMax + (at0 - atMax) * cosine, "\(correct ? "correct" : "wrong"), \(length) \(unit)")
    }
}
