import Verify

/// `format`: 1 when the response follows the chosen template, else 0 with the reason.
///
/// Templates:
/// - `think_answer`: `<think>…</think>` then `<answer>…</answer>`, one of each, nothing outside
///   but white space (the R1 / EasyR1 format).
/// - `boxed`: `<think>…</think>` then text containing `\boxed{…}` (the R1-ShareVL format).
/// - `mulberry`: the `###` sections of R1-VL in order: Image Description, Rationales, Let's think
///   step by step, Step 1..n (numbered in order), The final answer is.
public struct FormatReward: Reward {
    /// The response layouts this reward can check.
    public enum Template: String, Sendable, CaseIterable {
        case thinkAnswer = "think_answer"
        case boxed
        case mulberry
    }

    public let name = "format"
    /// The template checked.
    public let template: Template

    /// Makes the reward for `template`.
    public init(template: Template) {
        self.template = template
    }

    /// Builds from config options: `template` (default `think_answer`).
    public init(options: RewardOptions) throws(RewardError) {
        try options.requireOnly(["template"])
        let raw = try options.string("template", default: Template.thinkAnswer.rawValue,
                                     allowed: Template.allCases.map(\.rawValue))
        self.init(template: Template(rawValue: raw)!)
    }

    public func score(_ trajectory: Trajectory) throws(RewardError) -> RewardScore {
        let problem: String?
        switch template {
        case .thinkAnswer: problem = Self.thinkAnswerProblem(trajectory.response)
        case .boxed: problem = Self.boxedProblem(trajectory.response)
        case .mulberry: problem = MulberrySections(trajectory.response).formatProblem
        }
        return problem.map { RewardScore(0, $0) } ?? RewardScore(1)
    }

    private static let thinkAnswerShape = try! RegexPattern(
        #"\A\s*<think>.*?</think>\s*<answer>.*?</answer>\s*\z"#, options: [.dotAll])
    private static let boxedShape = try! RegexPattern(
        #"\A\s*<think>.*?</think>.*\\boxed\{.*\}.*\z"#, options: [.dotAll])

    static func thinkAnswerProblem(_ text: String) -> String? {
        for tag in ["<think>", "</think>", "<answer>", "</answer>"] {
            let n = occurrences(of: tag, in: text)
            if n != 1 { return n == 0 ? "missing \(tag)" : "\(n) \(tag) tags, expected one" }
        }
        return thinkAnswerShape.matches(text) ? nil : "not <think>…</think> then <answer>…</answer> alone"
    }

    static func boxedProblem(_ text: String) -> String? {
        for tag in ["<think>", "</think>"] {
            let n = occurrences(of: tag, in: text)
            if n != 1 { return n == 0 ? "missing \(tag)" : "\(n) \(tag) tags, expected one" }
        }
        return boxedShape.matches(text) ? nil : "no \\boxed{…} after </think>"
    }

    static func occurrences(of needle: String, in text: String) -> Int {
        var count = 0
        var rest = text[...]
        while let r = rest.firstRange(of: needle) {
            count += 1
            rest = rest[r.upperBound...]
        }
        return count
    }
}
