/// The step-level verdict on one response: a score per step, the first step judged wrong, and
/// the whole response's thinking score.
public struct StepJudgement: Sendable, Equatable {
    /// Per step, the probability that the reasoning up to and including it is sound.
    public var stepScores: [Double]
    /// The first step judged wrong (0-based), -1 when none is.
    public var firstError: Int
    /// The whole response's thinking score in [0,1].
    public var score: Double
}

/// Judges a response step by step: the model scores every prefix of the steps (the question and
/// the steps so far; ungated, as a prefix is unfinished by design), and a step is wrong when that
/// score falls below `threshold` or when an equality chain it states is false by exact arithmetic
/// (`ChainCalculationCheck`). The whole response's score goes through `ReasoningGate`.
public struct StepJudge: Sendable {
    /// The model that scores prefixes and whole responses.
    public let model: ThinkingRewardModel
    /// Prefix scores below this mark a wrong step.
    public var threshold: Double
    /// The default mark: low, so a step is flagged on the model's word only when it is nearly
    /// sure, and otherwise on a false calculation (chosen on one half of the BIG-Bench Mistake
    /// and PRMBench questions, `docs/thinking-rm.md`).
    public static let defaultThreshold = 0.05
    /// Re-computes stated calculations.
    public var calculations = ChainCalculationCheck()

    /// A judge scoring with `model`.
    public init(model: ThinkingRewardModel, threshold: Double = StepJudge.defaultThreshold) {
        self.model = model
        self.threshold = threshold
    }

    /// The judgement of `steps` (a response already split) answering `question`.
    public func judge(question: String?, steps: [String]) -> StepJudgement {
        guard !steps.isEmpty else { return StepJudgement(stepScores: [], firstError: -1, score: 0) }
        var prefixes: [String] = []
        var text = ""
        for s in steps {
            text += text.isEmpty ? s : "\n" + s
            prefixes.append(text)
        }
        let scores = model.modelScores(
            questions: Array(repeating: question, count: prefixes.count), responses: prefixes)
        var first = -1
        for (k, s) in steps.enumerated() where scores[k] < threshold || calculations.falseLinks(in: s) > 0 {
            first = k
            break
        }
        let whole = ReasoningGate.apply(scores[scores.count - 1], question: question, response: text)
        return StepJudgement(stepScores: scores, firstError: first, score: whole)
    }

    /// The baseline `rm eval` compares with: the first step whose stated calculation
    /// (`CalculationScanner`, plain numbers) is false, -1 when none is.
    public static func firstFalseCalculation(
        _ steps: [String], checker: some CalculationChecker = NumericCalculationChecker()
    ) -> Int {
        steps.firstIndex { CalculationScanner.scan($0).contains { checker.isTrue($0) == false } } ?? -1
    }

    /// Steps of a response that has no `steps` list: `### Step N:` / `Step N:` sections when it
    /// has them, else its non-empty lines.
    public static func split(_ response: String) -> [String] {
        let lines = response.split(separator: "\n").map(String.init).filter { $0.contains { !$0.isWhitespace } }
        let isHeader: (String) -> Bool = { line in
            let t = line.drop { $0 == "#" || $0 == " " }
            return t.lowercased().hasPrefix("step ") && t.dropFirst(5).first?.isNumber == true
        }
        guard lines.contains(where: isHeader) else { return lines }
        var out: [String] = []
        for line in lines {
            if isHeader(line) || out.isEmpty { out.append(line) } else { out[out.count - 1] += "\n" + line }
        }
        return out
    }
}
