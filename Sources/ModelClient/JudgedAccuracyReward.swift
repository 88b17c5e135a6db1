import Rewards
import Verify

/// `accuracy` with `judge:`: the rule engine decides first; a row it rejects that has an
/// extracted answer goes to an answer-judge model (xVerify, general-verifier, or a prompt file),
/// whose verdict stands. With `judge_all: true` every row goes to the judge and its verdict is the
/// score (the rule's verdict is in the explanation), for measuring the rules' false rejects.
public struct JudgedAccuracyReward: BatchReward {
    /// The component name: `accuracy`.
    public let name: String
    /// The rule-based reward (the registry's `accuracy` built from the other options).
    let rule: any Reward
    /// Finds the answer the judge is asked about.
    let extractor: AnswerExtractor
    let prompter: ModelPrompter
    let judgeAll: Bool

    /// Builds from the rule's options plus `judge: {url, model, prompt, ...}` and `judge_all`;
    /// the rule reward comes from `base`.
    public init(options: RewardOptions, base: RewardRegistry, context: ModelClientContext) throws(RewardError) {
        let endpoint = try ModelEndpoint(options, key: "judge", defaultPrompt: "xverify", defaultMaxTokens: 32)
        judgeAll = try options.bool("judge_all", default: false)
        let ruleOptions = RewardOptions(
            rewardName: options.rewardName, values: options.values.filter { $0.key != "judge" && $0.key != "judge_all" }
        )
        rule = try base.make(ruleOptions)
        extractor = (rule as? OutcomeReward)?.math.extractor ?? AnswerExtractor()
        let template = try PromptTemplate(
            name: endpoint.prompt, scorePattern: endpoint.scorePattern, system: endpoint.system,
            judge: true, rewardName: options.rewardName)
        name = options.rewardName
        let caller = try ModelCaller(
            endpoint: endpoint, promptName: endpoint.prompt, componentName: options.rewardName, cache: context.cache)
        prompter = ModelPrompter(
            template: template, caller: caller, images: ImageContent(policy: context.images), sendsImages: false)
    }

    public var fieldsRead: TrajectoryFields { rule.fieldsRead.union([.prompt, .response, .answer]) }

    public func score(_ trajectory: Trajectory) throws(RewardError) -> RewardScore {
        try score(batch: [trajectory])[0].get()
    }

    public func score(batch: [Trajectory]) -> [Result<RewardScore, RewardError>] {
        var out = [Result<RewardScore, RewardError>](
            repeating: .failure(RewardError("internal: not judged")), count: batch.count)
        var asked: [Int] = [], ruleScores: [Int: RewardScore] = [:], bodies: [Result<[UInt8], RewardError>] = []
        for (i, t) in batch.enumerated() {
            let ruled: RewardScore
            do throws(RewardError) { ruled = try rule.score(t) } catch {
                out[i] = .failure(error)
                continue
            }
            let why = ruled.explanation.map { ": \($0)" } ?? ""
            if ruled.value >= 1 && !judgeAll {
                out[i] = .success(RewardScore(ruled.value, "rule\(why)"))
                continue
            }
            let extracted = extractor.extract(from: t.response).answer
            if extracted == nil && !judgeAll {
                out[i] = .success(RewardScore(ruled.value, "rule\(why) (no extracted answer: judge not asked)"))
                continue
            }
            ruleScores[i] = ruled
            asked.append(i)
            bodies.append(prompter.body(t, answer: extracted ?? ""))
        }
        let model = prompter.caller.endpoint.model
        for (k, result) in prompter.scores(bodies).enumerated() {
            let i = asked[k]
            let ruled = ruleScores[i] ?? RewardScore(0)
            out[i] = result.map { verdict in
                let said = verdict.value >= 1 ? "correct" : "incorrect"
                let ruleSaid = "rule said \(ruled.value)\(ruled.explanation.map { " (\($0))" } ?? "")"
                return RewardScore(
                    verdict.value, "judge \(model): \(said) ('\(ModelPrompter.excerpt(verdict.reply))'); \(ruleSaid)")
            }
        }
        return out
    }

    public func usage() -> RewardUsage { prompter.caller.usage() }
}
