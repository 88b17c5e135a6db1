import Rewards

/// The flaws that are written over a finished solution's lines: insertions and repeats that leave
/// the calculations alone.
struct TextFlaws {
    var lines: [String]
    /// Where each step's line is, so insertions can land next to a step.
    var stepLines: [Int]
    let values: [Double]
    let steps: [SynthStep]

    mutating func insert(_ line: String, at index: Int) {
        lines.insert(line, at: index)
        stepLines = stepLines.map { $0 >= index ? $0 + 1 : $0 }
    }

    mutating func contradict(_ rng: inout SplitMix64) {
        let k = rng.int(0...(steps.count - 1))
        let wrong = values[k] + rng.pick([2, 5, -3, 7, 10, -1])
        insert(
            FlawPhrases.contradiction(
                value: SynthNumber.text(values[k]), wrong: SynthNumber.text(wrong),
                what: steps[k].what, &rng), at: stepLines[k] + 1)
    }

    mutating func repeatSteps(heavy: Bool, _ rng: inout SplitMix64) {
        let k = rng.int(0...(steps.count - 1))
        let line = lines[stepLines[k]]
        switch (heavy, rng.int(0...2)) {
        case (false, 0): insert(line, at: stepLines[k] + 1)
        case (false, 1): lines.append(FlawPhrases.repeatIntro(&rng)); lines.append(line)
        case (false, _):
            let filler = FlawPhrases.filler(&rng)
            insert(filler, at: stepLines[k]); insert(filler, at: stepLines[k] + 1)
        case (true, 0): for _ in 0..<3 { insert(line, at: stepLines[k] + 1) }
        default:
            // The whole working again, as a response that loops does.
            lines.append(FlawPhrases.repeatIntro(&rng))
            lines += stepLines.map { lines[$0] }
            lines += stepLines.map { lines[$0] }
        }
    }

    mutating func digress(topic: String, heavy: Bool, _ rng: inout SplitMix64) {
        for _ in 0..<(heavy ? 2 : 1) {
            insert(FlawPhrases.tangent(topic: topic, &rng), at: rng.int(0...lines.count))
        }
    }

    mutating func mixLanguage(heavy: Bool, _ rng: inout SplitMix64) {
        let k = rng.int(0...(steps.count - 1))
        // A whole foreign sentence, a foreign clause opening an English line, or (heavy) both.
        let sentence = heavy || rng.chance(0.6)
        if sentence {
            insert(FlawPhrases.foreign(value: SynthNumber.text(values[k]), &rng), at: stepLines[k] + 1)
        }
        if heavy || !sentence {
            let j = stepLines[rng.int(0...(stepLines.count - 1))]
            lines[j] = FlawPhrases.foreignClause(&rng) + lowered(lines[j])
        }
    }

    mutating func hedge(heavy: Bool, _ rng: inout SplitMix64) {
        let targets = heavy ? stepLines : [stepLines[rng.int(0...(stepLines.count - 1))]]
        for j in targets { lines[j] = FlawPhrases.hedgePrefix(&rng) + lowered(lines[j]) }
    }

    private func lowered(_ s: String) -> String {
        guard let first = s.first, first.isUppercase, !s.hasPrefix("I ") else { return s }
        return first.lowercased() + s.dropFirst()
    }
}
