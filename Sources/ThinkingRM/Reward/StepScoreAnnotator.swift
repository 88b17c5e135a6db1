import JSONLines
import Rewards

/// Adds the step-level judgement to scored rows: for every input row with a `steps` list whose
/// scored row succeeded, `step_scores` (one number per step) and `first_error` (-1 for none)
/// go in before the scored row's closing brace. Rows without steps and error rows pass as they are.
public struct StepScoreAnnotator: Sendable {
    /// The judge that scores the steps.
    public let judge: StepJudge

    /// An annotator judging with `judge`.
    public init(judge: StepJudge) { self.judge = judge }

    /// `scored` (JSONL, one line per non-blank line of `input`, in order) with the step fields added.
    public func annotate(input: [UInt8], scored: [UInt8]) -> [UInt8] {
        let inputLines = JSONLText.nonBlankLines(String(decoding: input, as: UTF8.self)).map(\.1)
        let scoredLines = String(decoding: scored, as: UTF8.self).split(
            separator: "\n", omittingEmptySubsequences: true)
        var out: [UInt8] = []
        out.reserveCapacity(scored.count + scored.count / 4)
        for (k, line) in scoredLines.enumerated() {
            out.append(contentsOf: fields(for: k < inputLines.count ? inputLines[k] : nil, scored: line).utf8)
            out.append(0x0A)
        }
        return out
    }

    private func fields(for input: Substring?, scored: Substring) -> String {
        guard let input, scored.hasSuffix("}"), scored.contains("\"rewards\":"),
            let row = RMJSONLine.parse(input), case let .array(items)? = row["steps"]
        else { return String(scored) }
        let steps = items.compactMap { item -> String? in if case let .string(s) = item { return s } else { return nil }
        }
        guard steps.count == items.count, !steps.isEmpty else { return String(scored) }
        var question: String?
        for name in ["prompt", "question", "problem", "input"] {
            if case let .string(s)? = row[name] { question = s; break }
        }
        let judgement = judge.judge(question: question, steps: steps)
        var w = JSONWriter(capacity: 32 + 24 * steps.count)
        w.ascii(",\"step_scores\":")
        w.value(.array(judgement.stepScores.map { .number(($0 * 10_000).rounded() / 10_000) }))
        w.ascii(",\"first_error\":")
        w.number(Double(judgement.firstError))
        return String(scored.dropLast()) + String(decoding: w.bytes, as: UTF8.self) + "}"
    }
}
