import Rewards

/// `thinking` with `endpoint:`: a served thinking reward model (SophiaVL's, through vLLM) judges
/// each response's reasoning; the score is read from its reply (`ReplyReader`), in [0, 1].
///
/// A batch's requests go out together (bounded in flight); a row whose call fails or whose reply
/// cannot be read is an error row naming the cause, never a 0.
public struct RemoteThinkingReward: BatchReward {
    /// The component name: `thinking`.
    public let name: String
    let prompter: ModelPrompter

    /// Builds from `{endpoint: {...}}`; `context` brings the reply cache and the image policy.
    public init(options: RewardOptions, context: ModelClientContext) throws(RewardError) {
        try options.requireOnly(["endpoint"])
        let endpoint = try ModelEndpoint(options, key: "endpoint", defaultPrompt: "sophiavl", defaultMaxTokens: 64)
        let template = try PromptTemplate(
            name: endpoint.prompt, scorePattern: endpoint.scorePattern, system: endpoint.system,
            judge: false, rewardName: options.rewardName)
        name = options.rewardName
        let caller = try ModelCaller(
            endpoint: endpoint, promptName: endpoint.prompt, componentName: options.rewardName, cache: context.cache)
        prompter = ModelPrompter(
            template: template, caller: caller, images: ImageContent(policy: context.images),
            sendsImages: endpoint.api == .chat)
    }

    /// The prompt, the response and the images; the reference only when the prompt file asks for it.
    public var fieldsRead: TrajectoryFields {
        prompter.template.text.contains("{reference}")
            ? [.prompt, .response, .answer, .images] : [.prompt, .response, .images]
    }

    public func score(_ trajectory: Trajectory) throws(RewardError) -> RewardScore {
        try score(batch: [trajectory])[0].get()
    }

    public func score(batch: [Trajectory]) -> [Result<RewardScore, RewardError>] {
        let model = prompter.caller.endpoint.model
        return prompter.scores(batch.map { prompter.body($0) }).map { result in
            result.map { RewardScore($0.value, "\(model): \(ModelPrompter.excerpt($0.reply))") }
        }
    }

    public func usage() -> RewardUsage { prompter.caller.usage() }
}
