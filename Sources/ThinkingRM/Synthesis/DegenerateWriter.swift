import Rewards

/// The kinds of degenerate response `DegenerateWriter` builds from a problem: text that reasons
/// about nothing, as a policy emits once it games a learned judge. Each scores 0.
public enum DegenerateKind: String, Sendable, CaseIterable {
    /// Tags and fragments of tags with no content, sometimes before a bare answer.
    case tagSoup = "tag_soup"
    /// A line of the solution said again and again, or a phrase of it repeated within a line.
    case repeatedLine = "repeated_line"
    /// Words of the question copied, then a bare answer (right or wrong).
    case copiedQuestion = "copied_question"
    /// A bare answer (right or wrong) with no work.
    case answerOnly = "answer_only"
    /// The solution cut off inside a line, with no answer.
    case truncated
    /// An empty `<think>` block, then a bare answer (right or wrong).
    case emptyThink = "empty_think"
}

/// Writes degenerate responses from a GSM8K problem and its solution, so the model itself sees
/// text without reasoning scored 0 (`ReasoningGate` catches the crudest by rule; these teach the
/// model the near misses the gate lets through). The first wrong step is where the degeneration
/// starts: the first repeat, the bare answer after a copied question, the cut line, else step 0.
public struct DegenerateWriter: Sendable {
    /// How a bare answer line is written ("A: " or "#### ", as the problem's other versions).
    public var answerPrefix: String

    /// A writer whose answer lines follow `answerPrefix`.
    public init(answerPrefix: String = "A: ") { self.answerPrefix = answerPrefix }

    /// A degenerate response of `kind` to `question`, built from its `solution`.
    public func write(
        _ kind: DegenerateKind, solution: AnnotatedSolution, question: String, rng: inout SplitMix64
    ) -> DegradedSolution {
        let lines = solution.lines
        var steps: [String]
        var firstError = 0
        switch kind {
        case .tagSoup:
            let pieces = [
                "<think>", "</think>", "<answer>", "</answer>", "</t", "/t", "<t", "/a", "/an", "<<", ">>", "answ",
                "er>", "</", "think", "</answer", "<", ">",
            ]
            steps = [(0..<rng.int(6...40)).map { _ in rng.pick(pieces) }.joined()]
            if rng.chance(0.4) { steps.append(bareAnswer(solution, question: question, &rng)) }
        case .repeatedLine:
            let k = rng.chance(0.5) ? 0 : rng.int(0...(lines.count - 1))
            let words = lines[k].split(separator: " ")
            if words.count >= 4 && rng.chance(0.3) {
                // A phrase of the line looping within the line, as a sampler stuck in a cycle writes.
                let start = rng.int(0...(words.count - 3)), length = rng.int(2...min(6, words.count - start))
                let phrase = words[start..<(start + length)].joined(separator: " ")
                steps = Array(lines[..<k]) + [Array(repeating: phrase, count: rng.int(4...15)).joined(separator: " ")]
                firstError = k
            } else {
                steps = Array(lines[...k]) + Array(repeating: lines[k], count: rng.int(3...12))
                firstError = k + 1
            }
            if rng.chance(0.5) { steps.append(answerPrefix + solution.answer) }
        case .copiedQuestion:
            let words = question.split(separator: " ")
            let length = rng.chance(0.4) ? words.count : min(words.count, rng.int(8...20))
            let start = rng.int(0...(words.count - length))
            steps = [
                words[start..<(start + length)].joined(separator: " "), bareAnswer(solution, question: question, &rng),
            ]
            firstError = 1
        case .answerOnly:
            steps = [bareAnswer(solution, question: question, &rng)]
        case .truncated:
            // Cut inside a line, before its first calculation ends, so no prefix of sound steps
            // (which trains at 1) is the same text.
            let words = lines.map { $0.split(separator: " ") }
            let limits = words.map { w in min(w.count - 1, w.firstIndex { $0.contains("<<") } ?? w.count) }
            let cuttable = lines.indices.filter { limits[$0] >= 1 }
            if let k = cuttable.isEmpty ? nil : rng.pick(cuttable) {
                steps = Array(lines[..<k]) + [words[k].prefix(rng.int(1...limits[k])).joined(separator: " ")]
                firstError = k
            } else {
                steps = [String(lines[0].prefix(max(1, lines[0].count / 3)))]
            }
        case .emptyThink:
            let think = rng.pick(["<think></think>", "<think> </think>", "<think>\n</think>"])
            steps = think.split(separator: "\n").map(String.init)
            let answer = bareAnswer(solution, question: question, &rng)
            if rng.chance(0.5) { steps[steps.count - 1] += answer } else { steps.append(answer) }
        }
        return DegradedSolution(steps: steps, firstError: firstError, score: 0, flaw: nil, degenerate: kind)
    }

    /// The answer without work, right or (half the time) wrong, in one of the forms models write.
    func bareAnswer(_ solution: AnnotatedSolution, question: String, _ rng: inout SplitMix64) -> String {
        var answer = solution.answer
        if rng.chance(0.5) {
            let value = Double(answer.replacingOccurrences(of: ",", with: "")) ?? 0
            let others = ReasoningFeatures.numbers(in: question).filter { abs($0 - value) > 1e-9 }
            let wrong =
                rng.chance(0.5) && !others.isEmpty ? rng.pick(others) : value + Double(rng.pick([-2, -1, 1, 3, 10]))
            answer = SolutionNumber.text(wrong)
        }
        return rng.pick([
            answerPrefix + answer, "<answer>\(answer)</answer>", "The answer is \(answer).", "\\boxed{\(answer)}",
        ])
    }
}
