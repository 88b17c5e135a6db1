import NN
import Testing

@testable import GRPO

/// Sampling is a function of the seed, and its recorded log-probabilities are the policy's.
struct SamplingTests {
    static let config = PolicyConfig(dim: 16, heads: 2, layers: 1, maxSeqLen: 40)

    func generate(seed: UInt64, _ settings: SamplingSettings, policy: Policy) -> [Generation] {
        var rng = SeededRandom(seed: seed)
        let prompts = ["Ann has 3 pens.", "Bob has 12 eggs. He buys 4 more.", "x"].map {
            policy.tokenizer.promptIDs($0)
        }
        return Sampler.generate(policy, prompts: prompts, settings: settings, rng: &rng)
    }

    @Test func sameSeedSameSamples() {
        let policy = Policy(config: Self.config, seed: 5)
        let settings = SamplingSettings(temperature: 1, topP: 0.9, maxNewTokens: 12)
        let a = generate(seed: 11, settings, policy: policy)
        #expect(a == generate(seed: 11, settings, policy: policy))
        #expect(a.map(\.tokens) != generate(seed: 12, settings, policy: policy).map(\.tokens))
        #expect(a.allSatisfy { !$0.tokens.isEmpty && $0.tokens.count <= 12 })
    }

    @Test func tinyTopPIsGreedy() {
        let policy = Policy(config: Self.config, seed: 5)
        let greedy = generate(seed: 1, SamplingSettings(temperature: 0, maxNewTokens: 10), policy: policy)
        let nucleus = generate(seed: 99, SamplingSettings(temperature: 1, topP: 1e-6, maxNewTokens: 10), policy: policy)
        #expect(greedy.map(\.tokens) == nucleus.map(\.tokens))
    }

    @Test func recordedLogProbsMatchAFullForwardPass() {
        let policy = Policy(config: Self.config, seed: 8)
        let prompts = ["Ann has 3 pens.", "Bob has 12 eggs. He buys 4 more."].map { policy.tokenizer.promptIDs($0) }
        var rng = SeededRandom(seed: 3)
        let gens = Sampler.generate(policy, prompts: prompts, settings: SamplingSettings(maxNewTokens: 8), rng: &rng)
        let batch = SequenceBatch(prompts: prompts, responses: gens.map(\.tokens), maxSeqLen: Self.config.maxSeqLen)
        let (_, full) = batch.forward(policy.model)
        for (g, f) in zip(gens, full) {
            #expect(g.logProbs.count == f.count)
            for (a, b) in zip(g.logProbs, f) { #expect(abs(Double(a) - b) < 1e-4) }
        }
    }

    /// A prompt near the length limit stops only its own response: the others decode as they
    /// would alone (greedy, so the continuations must be identical).
    @Test func aLongPromptDoesNotCutOtherResponsesShort() {
        let policy = Policy(config: Self.config, seed: 4)
        let short = policy.tokenizer.promptIDs("Ann"),
            long = policy.tokenizer.promptIDs(String(repeating: "b", count: 33))
        let settings = SamplingSettings(temperature: 0, maxNewTokens: 30)
        var rng = SeededRandom(seed: 1)
        let alone = Sampler.generate(policy, prompts: [short], settings: settings, rng: &rng)
        let together = Sampler.generate(policy, prompts: [short, long], settings: settings, rng: &rng)
        #expect(together[0].tokens == alone[0].tokens)
        #expect(together[1].tokens.count <= 5)
        #expect(alone[0].tokens.count > 5 || alone[0].tokens.last == CharTokenizer.eos)
    }

    @Test func responsesStopAtTheModelsLengthLimit() {
        let policy = Policy(config: Self.config, seed: 2)
        let long = policy.tokenizer.promptIDs(String(repeating: "a", count: 35))  // 37 ids of 40
        var rng = SeededRandom(seed: 1)
        let g = Sampler.generate(policy, prompts: [long], settings: SamplingSettings(maxNewTokens: 20), rng: &rng)
        #expect(g[0].tokens.count <= 3)
    }
}
