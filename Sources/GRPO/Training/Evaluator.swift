import NN
import Rewards

/// Greedy accuracy on held-out problems: the policy answers each once at temperature 0 and the
/// `accuracy` reward (the same answer check as `rewardkit score`) judges it.
public struct Evaluator {
    /// What an evaluation found.
    public struct Result: Sendable, Equatable, Codable {
        /// Share of problems answered correctly.
        public var accuracy: Double
        /// Problems asked.
        public var n: Int
        /// Share of responses in the expected format.
        public var formatRate: Double
        /// Mean response length in characters.
        public var meanLength: Double
        /// The first few (prompt, response, reference answer, correct) for a look by eye.
        public var examples: [Example]
    }

    /// One judged response.
    public struct Example: Sendable, Equatable, Codable {
        /// The problem.
        public var prompt: String
        /// What the policy wrote.
        public var response: String
        /// The reference answer.
        public var answer: String
        /// Whether the answer matched.
        public var correct: Bool
    }

    /// Examples kept in the result.
    public var exampleCount = 0

    /// The held-out problems.
    public let items: [TaskItem]
    /// The response format the policy was taught.
    public let format: ResponseFormat
    /// Most response tokens.
    public let maxNewTokens: Int
    /// Problems decoded together.
    public var chunk = 128

    /// An evaluator over `items`.
    public init(items: [TaskItem], format: ResponseFormat, maxNewTokens: Int) {
        self.items = items
        self.format = format
        self.maxNewTokens = maxNewTokens
    }

    /// Accuracy of `policy`.
    public func run(_ policy: Policy) throws -> Result {
        let pipeline = try Pipeline(
            spec: RewardSpec.parse(
                """
                rewards:
                  - {name: accuracy, weight: 1.0}
                  - {name: format, weight: 0, template: \(format.rawValue)}
                """, source: "evaluation"))
        var rng = SeededRandom(seed: 0)
        let settings = SamplingSettings(temperature: 0, topP: 1, maxNewTokens: maxNewTokens)
        var correct = 0.0, formatted = 0.0, length = 0.0
        var examples: [Example] = []
        for start in stride(from: 0, to: items.count, by: chunk) {
            let part = Array(items[start..<min(items.count, start + chunk)])
            let generations = Sampler.generate(
                policy, prompts: part.map { policy.tokenizer.promptIDs($0.prompt) }, settings: settings, rng: &rng)
            let trajectories = zip(part, generations).map { item, g in
                Trajectory(prompt: item.prompt, response: policy.tokenizer.decode(g.tokens), answer: item.answer)
            }
            for (t, scored) in zip(trajectories, pipeline.score(trajectories)) {
                length += Double(t.response.count)
                guard case let .success(s) = scored else { continue }
                correct += s.scores[0].value >= 1 ? 1 : 0
                if examples.count < exampleCount {
                    examples.append(
                        Example(
                            prompt: t.prompt ?? "", response: t.response, answer: t.answer ?? "",
                            correct: s.scores[0].value >= 1))
                }
                formatted += s.scores[1].value
            }
        }
        let n = Double(max(1, items.count))
        return Result(
            accuracy: correct / n, n: items.count, formatRate: formatted / n, meanLength: length / n, examples: examples
        )
    }
}
