import Rewards

/// Writes a solution to a synthetic problem in a style, with the given flaws written into it.
/// With no flaws it is a correct solution; each flaw changes the text in its own way (see `Flaw`).
public enum SolutionWriter {
    /// The response text. `rng` picks wordings, which step a flaw hits and the answer wrapper.
    public static func write(
        _ problem: SynthProblem, style: SolutionStyle, flaws: [FlawApplication],
        rng: inout SplitMix64
    ) -> String {
        func has(_ f: Flaw) -> Bool { flaws.contains { $0.flaw == f } }
        func heavy(_ f: Flaw) -> Bool { flaws.contains { $0.flaw == f && $0.heavy } }
        let steps = has(.wrongMethod) ? problem.wrongMethod : problem.steps
        let n = steps.count
        let exact = StepEvaluator.results(steps)

        var slipStep: Int? = nil, delta = 0.0
        if has(.arithmeticSlip) || has(.correctedSlip) {
            slipStep = rng.int(0...(n - 1))
            delta = rng.pick([1, -1, 2, -2, 10, -10, 3, 4, -3, 20])
        }
        // A carried slip changes every later value; a corrected one is fixed before it spreads.
        let values = has(.arithmeticSlip) ? StepEvaluator.results(steps, slips: [slipStep ?? 0: delta]) : exact
        let jumpStep: Int? = has(.unjustifiedJump) ? (n >= 2 ? rng.int(0...(n - 2)) : 0) : nil

        var lines: [String] = []
        if let opening = style.opening(&rng) { lines.append(opening) }
        var stepLines: [Int] = []
        for k in 0..<n {
            let step = steps[k]
            if k == jumpStep {
                stepLines.append(lines.count)
                lines.append(FlawPhrases.jump(value: SynthNumber.text(values[k]), what: step.what, &rng))
                continue
            }
            let stated = (has(.correctedSlip) && k == slipStep) ? exact[k] + delta : values[k]
            let calc = calculation(step, values: values, stated: stated, style: style, &rng)
            stepLines.append(lines.count)
            lines.append(style.line(step, calc: calc, k: k, last: k == n - 1, &rng))
            if has(.correctedSlip) && k == slipStep {
                let right = calculation(step, values: values, stated: exact[k], style: style, &rng)
                lines.append(
                    FlawPhrases.correction(
                        calc: right, right: SynthNumber.text(exact[k]),
                        wrong: SynthNumber.text(stated), &rng))
            }
        }

        let final = values[n - 1]
        var answer = final
        if has(.answerNotFollowing) {
            let candidates = (values.dropLast() + [final + 1, final - 1, final * 2, final + 10]).filter { $0 != final }
            answer = rng.pick(Array(candidates))
        }
        var text = TextFlaws(lines: lines, stepLines: stepLines, values: values, steps: steps)
        if has(.contradiction) { text.contradict(&rng) }
        if has(.repetition) { text.repeatSteps(heavy: heavy(.repetition), &rng) }
        if has(.tangent) { text.digress(topic: problem.topic, heavy: heavy(.tangent), &rng) }
        if has(.languageMixing) { text.mixLanguage(heavy: heavy(.languageMixing), &rng) }
        if has(.hedging) { text.hedge(heavy: heavy(.hedging), &rng) }

        let answerText = SynthNumber.text(answer)
        let closing =
            has(.hedging) && heavy(.hedging)
            ? FlawPhrases.hedgeClosing(answerText, &rng) : style.closing(answerText, unit: problem.unit, &rng)
        let body = (text.lines + [closing]).joined(separator: style.separator)
        // Some responses use the R1 template, as policy rollouts in training do.
        if rng.chance(0.25) { return "<think>\n\(body)\n</think>\n<answer>\(answerText)</answer>" }
        return body
    }

    /// "a op b op c = r" in the style's notation; parenthesised where precedence would misread it.
    static func calculation(
        _ step: SynthStep, values: [Double], stated: Double, style: SolutionStyle,
        _ rng: inout SplitMix64
    ) -> String {
        var left = SynthNumber.text(StepEvaluator.operand(values, step.operands[0]))
        for (k, op) in step.operators.enumerated() {
            if (op == .multiply || op == .divide) && k > 0
                && (step.operators[k - 1] == .add || step.operators[k - 1] == .subtract)
            {
                left = "(\(left))"
            }
            left +=
                " \(style.symbol(op, &rng)) \(SynthNumber.text(StepEvaluator.operand(values, step.operands[k + 1])))"
        }
        return "\(left) = \(SynthNumber.text(stated))"
    }
}
