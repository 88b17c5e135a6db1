import Rewards

/// Small tables given in text: totals, averages, ranges and comparisons of rows.
enum TableProblems {
    static let tables = [
        ("bakery", "loaves sold", "loaves"), ("library", "books lent", "books"),
        ("cafe", "cups of coffee sold", "cups"), ("farm", "eggs collected", "eggs"),
    ]
    static let days = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]

    static func make(_ rng: inout SplitMix64) -> SynthProblem {
        let (place, measure, unit) = rng.pick(tables)
        var values = (0..<4).map { _ in rng.int(10...90) }
        let question: Int = rng.int(0...2)
        if question == 1 {
            // Keep the average whole so the correct solution has no rounding in it.
            values[3] += (4 - values.reduce(0, +) % 4) % 4
        }
        let rows = zip(days, values).map { ($0, $1) }
        let table: String
        switch rng.int(0...2) {
        case 0: table = rows.map { "\($0.0): \($0.1)" }.joined(separator: ", ")
        case 1:
            table =
                "\n| Day | \(measure) |\n|---|---|\n" + rows.map { "| \($0.0) | \($0.1) |" }.joined(separator: "\n")
                + "\n"
        default: table = rows.map { "on \($0.0) \($0.1)" }.joined(separator: "; ")
        }
        let intro = "The \(place) recorded \(measure) each day: \(table)."
        let g = values.map { StepOperand.given(Double($0)) }
        let hi = values.indices.max { values[$0] < values[$1] } ?? 0
        let lo = values.indices.min { values[$0] < values[$1] } ?? 0
        switch question {
        case 0:
            return SynthProblem(
                kind: .table, question: intro + " How many \(unit) in total over the four days?",
                steps: [
                    SynthStep(g, [.add, .add, .add], what: "\(unit) in total", why: "add the four days")
                ],
                wrongMethod: [
                    SynthStep(Array(g.prefix(3)), [.add, .add], what: "\(unit) in total", why: "add the days")
                ], unit: unit, topic: place)
        case 1:
            return SynthProblem(
                kind: .table, question: intro + " What is the average number of \(unit) per day?",
                steps: [
                    SynthStep(g, [.add, .add, .add], what: "\(unit) in total", why: "add the four days"),
                    SynthStep(
                        [.step(0), .given(4)], [.divide], what: "\(unit) per day on average",
                        why: "divide by the 4 days"),
                ],
                wrongMethod: [
                    SynthStep(
                        [g[hi], g[lo], .given(2)], [.add, .divide], what: "\(unit) per day on average",
                        why: "halfway between the highest and lowest day")
                ], unit: unit, topic: place)
        default:
            return SynthProblem(
                kind: .table,
                question: intro + " How many more \(unit) were there on the best day than on the worst day?",
                steps: [
                    SynthStep(
                        [g[hi], g[lo]], [.subtract], what: "more \(unit) on \(days[hi]) than on \(days[lo])",
                        why: "\(days[hi]) is the highest and \(days[lo]) the lowest")
                ],
                wrongMethod: [
                    SynthStep(
                        [g[3], g[0]], [.subtract], what: "more \(unit) on the best day",
                        why: "compare the last day with the first")
                ], unit: unit, topic: place)
        }
    }
}
