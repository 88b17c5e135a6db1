import Rewards
import Verify

/// Runs golden cases: verifier cases through an `AnswerVerifier`, reward cases through a
/// `Pipeline` built from each case's config (built once per distinct config).
public struct RegressionRunner: Sendable {
    /// Makes the verifier for a case's `precision`, `strict` and `extraction` settings (nil: the
    /// defaults; extraction defaults to `fallback`, as `rewardkit verify` reads a prediction).
    public typealias VerifierFactory =
        @Sendable (_ precision: Int?, _ strict: Bool?, _ extraction: ExtractionMode?) -> AnswerVerifier

    /// What one case gave.
    public struct Outcome: Sendable, Equatable {
        /// The case id.
        public var id: String
        /// `verifier` or `reward`.
        public var kind: String
        /// The case's tags.
        public var tags: [String]
        /// Whether the result equals the expectation.
        public var passed: Bool
        /// Verifier cases: the verdict.
        public var verdict: Bool?
        /// Reward cases: the components computed.
        public var rewards: [String: Double]?
        /// Why: the verifier's reason, or which components differ, or why the case could not run.
        public var reason: String
        /// What was expected, as text.
        public var expected: String
        /// Verifier cases: the gold and predicted answers.
        public var gold: String?, pred: String?
        /// Where the case came from.
        public var source: String

        /// Makes an outcome (the runner makes these; tools that store or compare them may too).
        public init(
            id: String, kind: String, tags: [String], passed: Bool, verdict: Bool?, rewards: [String: Double]?,
            reason: String, expected: String, gold: String?, pred: String?, source: String
        ) {
            self.id = id
            self.kind = kind
            self.tags = tags
            self.passed = passed
            self.verdict = verdict
            self.rewards = rewards
            self.reason = reason
            self.expected = expected
            self.gold = gold
            self.pred = pred
            self.source = source
        }
    }

    /// Builds the verifier for each case.
    public let verifier: VerifierFactory
    /// Allowed difference between an expected and a computed reward.
    public let tolerance: Double
    /// Rewards that reward cases may name.
    public let registry: RewardRegistry

    /// Makes a runner.
    public init(
        tolerance: Double = 1e-9, registry: RewardRegistry = .builtIn,
        verifier: @escaping VerifierFactory = RegressionRunner.standardVerifier
    ) {
        self.tolerance = tolerance
        self.registry = registry
        self.verifier = verifier
    }

    /// The verifier RewardKit uses: the tiered comparator with the case's precision and strictness.
    public static let standardVerifier: VerifierFactory = { precision, strict, extraction in
        var options = MathVerifier.Options()
        if let precision { options.precision = precision }
        if let strict { options.strict = strict }
        return AnswerVerifier(
            extractor: AnswerExtractor(mode: extraction ?? .fallback), comparator: TieredComparator(options: options))
    }

    /// Runs every case, in order.
    public func run(_ cases: [RegressionCase]) -> [Outcome] {
        var pipelines: [String: Result<Pipeline, ConfigError>] = [:]
        return cases.map { c in
            switch c.check {
            case let .verifier(gold, pred, expected, precision, strict, extraction):
                let verdict = verifier(precision, strict, extraction).verify(gold: gold, prediction: pred)
                return Outcome(
                    id: c.id, kind: c.kind, tags: c.tags, passed: verdict.isMatch == expected, verdict: verdict.isMatch,
                    rewards: nil, reason: verdict.reason, expected: String(expected), gold: gold, pred: pred,
                    source: c.source)
            case let .reward(trajectory, expected, configText, configName):
                let pipeline =
                    pipelines[configText]
                    ?? {
                        let built = Result { () throws(ConfigError) in
                            try Pipeline(spec: try RewardSpec.parse(configText, source: configName), registry: registry)
                        }
                        pipelines[configText] = built
                        return built
                    }()
                let expectedText = expected.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(
                    separator: " ")
                var outcome = Outcome(
                    id: c.id, kind: c.kind, tags: c.tags, passed: false, verdict: nil, rewards: nil,
                    reason: "", expected: expectedText, gold: nil, pred: nil, source: c.source)
                switch pipeline.map({ $0.score(trajectory) }) {
                case let .failure(e): outcome.reason = "config: \(e.message)"
                case let .success(.failure(e)): outcome.reason = e.description
                case let .success(.success(scored)):
                    let got = scored.rewards
                    outcome.rewards = got
                    let wrong = expected.sorted { $0.key < $1.key }.filter { key, want in
                        guard let value = got[key] else { return true }
                        return abs(value - want) > tolerance
                    }.map(\.key)
                    outcome.passed = wrong.isEmpty
                    outcome.reason =
                        wrong.isEmpty
                        ? "ok"
                        : wrong.map { "\($0): got \(got[$0].map { String($0) } ?? "none")" }.joined(separator: ", ")
                }
                return outcome
            }
        }
    }
}
