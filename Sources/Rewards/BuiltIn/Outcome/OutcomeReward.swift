import Foundation
import Verify

/// `accuracy` by problem type, as SophiaVL scores outcomes (docs/methods.md, Trust-GRPO): the row's
/// `problem_type` picks the check.
/// - `math` (default), `numerical`: the final answer against the reference (`AccuracyReward`).
/// - `multiple_choice`: the chosen letters against the key, as sets (`A,C` = `C, A`); an option's
///   text stands for its letter.
/// - `ocr`: `exp(-WER)` of the answer's words against the reference's.
/// - `free_form`: the mean of ROUGE-1, ROUGE-2 and ROUGE-L F1 (without ROUGE-2 for a one-word reference).
/// Any other type is an error row, never a silent zero.
public struct OutcomeReward: Reward {
    public let name = "accuracy"
    /// The math path (and the answer extractor every path uses).
    public let math: AccuracyReward

    /// The problem types this reward knows.
    public static let problemTypes = ["math", "numerical", "multiple_choice", "ocr", "free_form"]

    /// Makes the reward around a math accuracy reward.
    public init(math: AccuracyReward = AccuracyReward()) { self.math = math }

    /// Builds from config options (those of `AccuracyReward`).
    public init(options: RewardOptions) throws(RewardError) {
        self.init(math: try AccuracyReward(options: options))
    }

    /// The response, the reference answer, the problem type and options.
    public var fieldsRead: TrajectoryFields { [.response, .answer, .problem] }

    public func score(_ trajectory: Trajectory) throws(RewardError) -> RewardScore {
        switch trajectory.problemType ?? "math" {
        case "math", "numerical":
            return try math.score(trajectory)
        case "multiple_choice":
            return try choice(trajectory)
        case "ocr":
            let (gold, answer) = try texts(trajectory)
            let wer = TextMetrics.wordErrorRate(reference: gold, hypothesis: answer)
            return RewardScore(exp(-wer), String(format: "WER %.3f", wer))
        case "free_form":
            let (gold, answer) = try texts(trajectory)
            let r1 = TextMetrics.rougeN(1, reference: gold, candidate: answer)
            let rl = TextMetrics.rougeL(reference: gold, candidate: answer)
            // A one-word reference has no bigram to recall, so ROUGE-2 is undefined, not 0: the
            // mean is over the metrics defined, and an exact one-word answer scores 1.
            guard TextMetrics.words(gold).count >= 2 else {
                return RewardScore(
                    (r1 + rl) / 2,
                    String(format: "ROUGE-1 %.3f, ROUGE-L %.3f (ROUGE-2 undefined for a one-word reference)", r1, rl))
            }
            let r2 = TextMetrics.rougeN(2, reference: gold, candidate: answer)
            return RewardScore(
                (r1 + r2 + rl) / 3, String(format: "ROUGE-1 %.3f, ROUGE-2 %.3f, ROUGE-L %.3f", r1, r2, rl))
        case let other:
            throw RewardError(
                "accuracy: unknown problem_type '\(other)' (known: \(Self.problemTypes.joined(separator: ", ")))")
        }
    }

    private func choice(_ t: Trajectory) throws(RewardError) -> RewardScore {
        let (gold, answer) = try texts(t)
        let options = t.options ?? []
        let reader = ChoiceAnswer(comparator: math.comparator)
        guard case let .letters(key)? = reader.reading(gold, options: options) else {
            throw RewardError("accuracy: the multiple-choice answer key '\(gold)' names no option letter")
        }
        let show = { (s: Set<Character>) in String(s.sorted()).map(String.init).joined(separator: ",") }
        switch reader.reading(answer, options: options) {
        case let .letters(chosen)?:
            return chosen == key
                ? RewardScore(1, "chose \(show(chosen))") : RewardScore(0, "chose \(show(chosen)), key \(show(key))")
        case let .contradiction(letter, value)?:
            return RewardScore(
                0, "answer names option \(letter) but states '\(value.prefix(40))', which is not that option")
        case nil:
            // A gold written as the option's text (MathVista) may be met by the answer's value itself.
            if ChoiceLetter.parse(gold) == nil, !answer.isEmpty,
                math.comparator.compare(gold: gold, predicted: answer).isMatch
            {
                return RewardScore(1, "answer matches the key's text")
            }
            return RewardScore(0, "answer '\(answer.prefix(60))' names no option")
        }
    }

    /// The reference answer and the response's answer (its extracted final answer, else the whole
    /// response, since OCR and free-form answers are often given bare).
    private func texts(_ t: Trajectory) throws(RewardError) -> (gold: String, answer: String) {
        guard let reference = t.answer, reference.contains(where: { !$0.isWhitespace }) else {
            throw RewardError("accuracy: the row has no answer (fields answer/ground_truth/label/solution/gold)")
        }
        let answer = math.extractor.extract(from: t.response).answer ?? t.response
        // A whole response is no choice: "names no option" then says so, instead of a prose match.
        return (math.extractor.referenceAnswer(from: reference), answer)
    }
}
