import JSONLines
import Rewards

/// Training rows from real solutions: every GSM8K-style `{question, answer}` row gives its
/// original solution and `degradedPerProblem` versions with a flaw written in by
/// `SolutionDegrader`, and with probability `degeneratePerProblem` one degenerate response
/// (`DegenerateWriter`). Deterministic under a seed, problem by problem.
public struct SolutionSynthesizer: Sendable {
    /// One question with its graded solutions (the original first).
    public struct Group: Sendable, Equatable {
        /// The question.
        public var question: String
        /// The original and its degraded versions.
        public var solutions: [DegradedSolution]
    }

    /// The seed.
    public var seed: UInt64
    /// Degraded versions per problem (fewer when a problem offers no place for a flaw).
    public var degradedPerProblem: Int
    /// The chance in [0,1] that a problem also gets one degenerate response, of a kind drawn
    /// uniformly.
    public var degeneratePerProblem: Double

    /// A synthesiser; `degradedPerProblem` between 1 and 16, `degeneratePerProblem` in [0,1].
    public init(seed: UInt64, degradedPerProblem: Int = 3, degeneratePerProblem: Double = 0) {
        self.seed = seed
        self.degradedPerProblem = max(1, min(16, degradedPerProblem))
        self.degeneratePerProblem = max(0, min(1, degeneratePerProblem))
    }

    /// The group for the `index`-th problem, or nil when its answer cannot be parsed.
    public func group(index: Int, question: String, answer: String) -> Group? {
        guard let solution = AnnotatedSolution(answer) else { return nil }
        var mix = SplitMix64(seed: seed ^ (UInt64(truncatingIfNeeded: index) &* 0x9E37_79B9_7F4A_7C15))
        var rng = SplitMix64(seed: mix.next())
        // One answer style per question, so the style never tells the original from a flaw.
        let degrader = SolutionDegrader(answerPrefix: rng.chance(0.5) ? "A: " : "#### ")
        var solutions = [degrader.original(solution)]
        var attempts = 0
        while solutions.count <= degradedPerProblem && attempts < degradedPerProblem * 4 {
            attempts += 1
            let flaw = rng.pick(SolutionFlaw.allCases)
            guard let d = degrader.degrade(solution, question: question, flaw: flaw, rng: &rng),
                !solutions.contains(where: { $0.response == d.response })
            else { continue }
            solutions.append(d)
        }
        // Drawn from a stream of its own, so the flawed versions stay those without the family.
        var side = SplitMix64(seed: mix.next())
        if degeneratePerProblem > 0 && side.chance(degeneratePerProblem) {
            let kind = side.pick(DegenerateKind.allCases)
            solutions.append(
                DegenerateWriter(answerPrefix: degrader.answerPrefix).write(
                    kind, solution: solution, question: question, rng: &side))
        }
        return solutions.count > 1 ? Group(question: question, solutions: solutions) : nil
    }

    /// Writes the groups as JSONL: pointwise rows `{question, response, score, steps,
    /// first_error, flaw}`, or with `pairs` one `{question, chosen, rejected}` per original and
    /// lower-graded version.
    public static func jsonl(_ groups: [Group], pairs: Bool) -> [UInt8] {
        var w = JSONWriter(capacity: groups.count * 2048)
        for g in groups {
            if pairs {
                for lower in g.solutions where lower.score < g.solutions[0].score {
                    w.value(
                        .object([
                            ("question", .string(g.question)), ("chosen", .string(g.solutions[0].response)),
                            ("rejected", .string(lower.response)),
                        ]))
                    w.byte(0x0A)
                }
                continue
            }
            for s in g.solutions {
                w.value(
                    .object([
                        ("question", .string(g.question)), ("response", .string(s.response)),
                        ("score", .number(s.score)),
                        ("steps", .array(s.steps.map { .string($0) })), ("first_error", .number(Double(s.firstError))),
                        ("flaw", (s.flaw?.rawValue ?? s.degenerate?.rawValue).map { .string($0) } ?? .null),
                    ]))
                w.byte(0x0A)
            }
        }
        return w.bytes
    }
}
