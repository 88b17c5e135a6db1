import Rewards

/// Discounts, shares of a group and percent increases.
enum PercentageProblems {
    static func make(_ rng: inout SplitMix64) -> SynthProblem {
        switch rng.int(0...2) {
        case 0:
            let item = rng.pick(["jacket", "bicycle", "lamp", "pair of shoes", "backpack", "guitar"])
            let price = 20 * rng.int(2...15), off = 5 * rng.int(2...10)
            let q = rng.pick([
                "A \(item) costs $\(price). It is on sale for \(off)% off. What is the sale price?",
                "The regular price of a \(item) is $\(price). How much does it cost after a \(off)% discount?",
            ])
            return SynthProblem(
                kind: .percentage, question: q,
                steps: [
                    SynthStep(
                        [.given(Double(price)), .given(Double(off)), .given(100)], [.multiply, .divide],
                        what: "dollars of discount", why: "\(off)% of $\(price)"),
                    SynthStep(
                        [.given(Double(price)), .step(0)], [.subtract], what: "dollars, the sale price",
                        why: "the discount comes off the price"),
                ],
                wrongMethod: [
                    SynthStep(
                        [.given(Double(price)), .given(Double(off))], [.subtract], what: "dollars, the sale price",
                        why: "take \(off) off the price")
                ], unit: "dollars", topic: "shopping")
        case 1:
            let group = rng.pick([
                ("students", "walk to school"), ("members", "voted yes"), ("trees", "are oaks"),
                ("guests", "ordered fish"),
            ])
            let total = 20 * rng.int(2...20), pct = 5 * rng.int(1...19)
            let q = rng.pick([
                "Of \(total) \(group.0), \(pct)% \(group.1). How many of the \(group.0) do not?",
                "There are \(total) \(group.0) and \(pct)% of them \(group.1). How many \(group.0) are left over?",
            ])
            return SynthProblem(
                kind: .percentage, question: q,
                steps: [
                    SynthStep(
                        [.given(Double(total)), .given(Double(pct)), .given(100)], [.multiply, .divide],
                        what: "\(group.0) who \(group.1)", why: "\(pct)% of \(total)"),
                    SynthStep(
                        [.given(Double(total)), .step(0)], [.subtract], what: "\(group.0) who do not",
                        why: "the rest are the others"),
                ],
                wrongMethod: [
                    SynthStep(
                        [.given(Double(total)), .given(Double(pct))], [.subtract], what: "\(group.0) who do not",
                        why: "\(pct)% is \(pct) of them")
                ], unit: group.0, topic: group.0)
        default:
            let old = rng.pick([20, 25, 40, 50, 80, 100, 200, 400]), pct = rng.pick([10, 20, 25, 50, 75])
            let new = old + old * pct / 100
            let thing = rng.pick(["a ticket", "a bus pass", "a meal", "a gym membership"])
            let q = "The price of \(thing) went up from $\(old) to $\(new). By what percent did it rise?"
            return SynthProblem(
                kind: .percentage, question: q,
                steps: [
                    SynthStep(
                        [.given(Double(new)), .given(Double(old))], [.subtract], what: "dollars of increase",
                        why: "new price minus old price"),
                    SynthStep(
                        [.step(0), .given(Double(old)), .given(100)], [.divide, .multiply], what: "percent",
                        why: "the increase is compared with the old price"),
                ],
                wrongMethod: [
                    SynthStep(
                        [.given(Double(new)), .given(Double(old))], [.subtract], what: "dollars of increase",
                        why: "new price minus old price"),
                    SynthStep(
                        [.step(0), .given(Double(new)), .given(100)], [.divide, .multiply], what: "percent",
                        why: "the increase is compared with the new price"),
                ], unit: "percent", topic: "prices")
        }
    }
}
