import JSONLines

/// One rollout to score: the prompt, the model's response, and what the row says about it.
///
/// Rows from other frameworks map onto this through the aliases in docs/architecture.md (see `RowDecoder`).
public struct Trajectory: Sendable, Equatable {
    /// The prompt text (the last user message for chat rows); optional.
    public var prompt: String?
    /// The response text (the last assistant message for chat rows).
    public var response: String
    /// The reference answer, or reference reasoning that ends in one.
    public var answer: String?
    /// Other acceptable references when the row lists several (`answer` holds the first): a
    /// reward that reads the answer counts the best of them (`Pipeline.score`).
    public var otherAnswers: [String] = []
    /// Group id for group methods; `nil` means "group by prompt text".
    public var group: String?
    /// Share-GRPO: the question variant that produced the response.
    public var variant: String?
    /// StepRAR key steps: each group lists equivalent surface forms of one step.
    public var keySteps: [[String]]?
    /// `math` (default), `multiple_choice`, `numerical`, `ocr`, `free_form`, or another label.
    public var problemType: String?
    /// Multiple-choice options, in order (option A first).
    public var options: [String]?
    /// Reward components already computed upstream (`rewards` in the row).
    public var rewards: [String: Double]?
    /// Total reward already computed upstream (`reward` in the row).
    public var reward: Double?
    /// The row's `images` (or `image`) field as written: paths, URLs, data URIs or content parts,
    /// one or a list (verl, EasyR1, TRL); read by rewards that send the picture to a model.
    public var images: JSONValue?

    /// Makes a trajectory; only the response is required.
    public init(
        prompt: String? = nil, response: String, answer: String? = nil, group: String? = nil,
        variant: String? = nil, keySteps: [[String]]? = nil, problemType: String? = nil,
        options: [String]? = nil, rewards: [String: Double]? = nil, reward: Double? = nil
    ) {
        self.prompt = prompt
        self.response = response
        self.answer = answer
        self.group = group
        self.variant = variant
        self.keySteps = keySteps
        self.problemType = problemType
        self.options = options
        self.rewards = rewards
        self.reward = reward
    }

    /// Whether a prompt the row decoder left undecoded (no reward reads it) ends with `<think>`:
    /// the one thing `ResponseCleanup` needs from it, read from the row's bytes.
    var skippedPromptEndsInThink = false

    /// The id that decides which responses are compared with each other.
    public var groupKey: String { group ?? prompt ?? "" }
}
