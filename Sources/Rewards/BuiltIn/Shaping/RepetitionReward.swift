/// `repetition`: open-r1's n-gram repetition penalty. With `n`-grams of words,
/// `value = (1 - unique / total) * max_penalty`: 0 for no repeats, down to `max_penalty`
/// (negative) for a response that repeats one n-gram. Responses shorter than n words score 0.
public struct RepetitionReward: Reward {
    public let name = "repetition"
    /// N-gram size in words.
    public let n: Int
    /// The most negative value (open-r1's default -1).
    public let maxPenalty: Double

    /// Makes the reward.
    public init(n: Int = 3, maxPenalty: Double = -1) {
        self.n = n
        self.maxPenalty = maxPenalty
    }

    /// Options: `ngram` (3), `max_penalty` (-1, must not be positive).
    public init(options: RewardOptions) throws(RewardError) {
        try options.requireOnly(["ngram", "max_penalty"])
        let n = try options.int("ngram", default: 3)
        let maxPenalty = try options.double("max_penalty", default: -1)
        guard n >= 1 else { throw RewardError("reward 'repetition': option 'ngram' must be at least 1") }
        guard maxPenalty <= 0 else {
            throw RewardError("reward 'repetition': option 'max_penalty' must not be positive, got \(maxPenalty)")
        }
        self.init(n: n, maxPenalty: maxPenalty)
    }

    public func score(_ trajectory: Trajectory) throws(RewardError) -> RewardScore {
        let words = trajectory.response.lowercased().split { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" }
        guard words.count >= n else { return RewardScore(0, "shorter than \(n) words") }
        var seen = Set<ArraySlice<Substring>>()
        let total = words.count - n + 1
        for i in 0..<total { seen.insert(words[i..<(i + n)]) }
        let repeated = 1 - Double(seen.count) / Double(total)
        return RewardScore(repeated * maxPenalty, "\(total - seen.count) of \(total) \(n)-grams repeat")
    }
}
