/// How per-token losses become one number (docs/methods.md, GRPO).
public enum LossAggregation: String, Sendable, CaseIterable, Codable {
    /// Mean over each sequence's tokens, then mean over sequences (the GRPO paper).
    case grpo
    /// Sum over all tokens divided by the number of tokens (DAPO).
    case tokenMean = "token_mean"
    /// Sum over all tokens divided by sequences times a constant length (Dr. GRPO).
    case drGRPO = "dr_grpo"

    /// The weight of each token of sequence `length` tokens long in a batch of `sequences`
    /// sequences with `totalTokens` tokens; `constantLength` is Dr. GRPO's divisor.
    public func tokenWeight(length: Int, sequences: Int, totalTokens: Int, constantLength: Int) -> Double {
        switch self {
        case .grpo: return length == 0 ? 0 : 1 / (Double(sequences) * Double(length))
        case .tokenMean: return totalTokens == 0 ? 0 : 1 / Double(totalTokens)
        case .drGRPO: return 1 / (Double(sequences) * Double(max(1, constantLength)))
        }
    }
}
