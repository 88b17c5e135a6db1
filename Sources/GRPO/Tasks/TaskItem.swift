/// One training problem: the prompt, its reference answer, and (when known) the reference
/// reasoning steps and StepRAR key steps.
public struct TaskItem: Sendable, Equatable {
    /// The question the policy reads.
    public var prompt: String
    /// The reference answer.
    public var answer: String
    /// Reference reasoning, one step per entry (e.g. `"7+5=12"`); SFT imitates it.
    public var steps: [String]
    /// Key-step groups for StepRAR (each a list of equivalent forms); nil when unknown.
    public var keySteps: [[String]]?

    /// An item.
    public init(prompt: String, answer: String, steps: [String] = [], keySteps: [[String]]? = nil) {
        self.prompt = prompt
        self.answer = answer
        self.steps = steps
        self.keySteps = keySteps
    }
}

/// How a response lays out its reasoning and answer; the rewards' format templates read the same.
public enum ResponseFormat: String, Sendable, CaseIterable {
    /// `<think>steps</think><answer>A</answer>` (R1, SophiaVL).
    case thinkAnswer = "think_answer"
    /// R1-VL's Mulberry sections: description, rationales, `### Step N:`, final answer.
    case mulberry
    /// `<think>steps</think>\boxed{A}` (Share-GRPO's release).
    case boxed

    /// The reference response for `item` in this format.
    public func render(_ item: TaskItem) -> String {
        let steps = item.steps.isEmpty ? item.keySteps?.compactMap(\.first) ?? [] : item.steps
        switch self {
        case .thinkAnswer:
            return "<think>\(steps.joined(separator: " "))</think><answer>\(item.answer)</answer>"
        case .boxed:
            return "<think>\(steps.joined(separator: " "))</think>\\boxed{\(item.answer)}"
        case .mulberry:
            var text = "### Image Description:\n### Rationales:\n"
            for (i, s) in steps.enumerated() { text += "### Step \(i + 1): \(s)\n" }
            return text + "### The final answer is: \(item.answer)"
        }
    }
}
