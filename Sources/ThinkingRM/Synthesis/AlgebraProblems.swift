import Rewards

/// One-unknown linear problems, stated as equations or in words.
enum AlgebraProblems {
    static func make(_ rng: inout SplitMix64) -> SynthProblem {
        switch rng.int(0...2) {
        case 0:
            let a = rng.int(2...12), x = rng.int(-5...20), b = rng.int(1...40)
            let c = a * x + b
            let q = rng.pick([
                "Solve for x: \(a)x + \(b) = \(c).",
                "Find x if \(a)x + \(b) = \(c).",
                "\(a) times a number, plus \(b), equals \(c). What is the number?",
            ])
            return SynthProblem(
                kind: .algebra, question: q,
                steps: [
                    SynthStep(
                        [.given(Double(c)), .given(Double(b))], [.subtract], what: "the value of \(a)x",
                        why: "subtract \(b) from both sides"),
                    SynthStep(
                        [.step(0), .given(Double(a))], [.divide], what: "the value of x",
                        why: "divide both sides by \(a)"),
                ],
                wrongMethod: [
                    SynthStep(
                        [.given(Double(c)), .given(Double(b))], [.add], what: "the value of \(a)x",
                        why: "move \(b) to the other side"),
                    SynthStep(
                        [.step(0), .given(Double(a))], [.divide], what: "the value of x",
                        why: "divide both sides by \(a)"),
                ], unit: "", topic: "equations")
        case 1:
            let k = rng.int(2...5), cousin = rng.int(4...15)
            let sum = cousin * (k + 1)
            let name = rng.pick(ArithmeticProblems.names)
            let q =
                "\(name) is \(k) times as old as their cousin. Together their ages add up to \(sum). How old is the cousin?"
            return SynthProblem(
                kind: .algebra, question: q,
                steps: [
                    SynthStep(
                        [.given(Double(k)), .given(1)], [.add], what: "equal parts",
                        why: "\(name) counts as \(k) parts and the cousin as 1"),
                    SynthStep(
                        [.given(Double(sum)), .step(0)], [.divide], what: "years, the cousin's age",
                        why: "the total is shared over the parts"),
                ],
                wrongMethod: [
                    SynthStep(
                        [.given(Double(sum)), .given(Double(k))], [.divide], what: "years, the cousin's age",
                        why: "\(name) is \(k) times as old")
                ], unit: "years", topic: "ages")
        default:
            let n = rng.int(5...60)
            let total = 3 * n + 3
            let q = "The sum of three consecutive integers is \(total). What is the smallest of them?"
            return SynthProblem(
                kind: .algebra, question: q,
                steps: [
                    SynthStep(
                        [.given(Double(total)), .given(3)], [.subtract], what: "three times the smallest",
                        why: "the numbers are n, n + 1 and n + 2, so 3n + 3 is the sum"),
                    SynthStep([.step(0), .given(3)], [.divide], what: "the smallest integer", why: "divide by 3"),
                ],
                wrongMethod: [
                    SynthStep(
                        [.given(Double(total)), .given(3)], [.divide], what: "the smallest integer",
                        why: "share the sum over three numbers")
                ], unit: "", topic: "numbers")
        }
    }
}
