import Rewards

/// Labelled training data made by program: problems of several kinds, each with a correct
/// solution and several degraded versions scored by `RMRubric`. Deterministic under a seed, and
/// every problem draws from its own generator (seed mixed with its index), so problem i is the
/// same whatever else is generated.
public struct RMSynthesizer: Sendable {
    /// The seed.
    public var seed: UInt64
    /// Degraded versions written per problem (besides the correct one).
    public var degradedPerProblem: Int

    /// A synthesiser; `degradedPerProblem` between 1 and 16.
    public init(seed: UInt64, degradedPerProblem: Int = 4) {
        self.seed = seed
        self.degradedPerProblem = max(1, min(16, degradedPerProblem))
    }

    /// One generated problem with its graded responses (the first is the correct solution).
    public struct Group: Sendable {
        /// The problem.
        public var problem: SynthProblem
        /// Responses, each with its flaws and score.
        public var responses: [(text: String, flaws: [FlawApplication], score: Double)]
    }

    /// The generator for problem `index`.
    public func generator(_ index: Int) -> SplitMix64 {
        var mix = SplitMix64(seed: seed ^ (UInt64(truncatingIfNeeded: index) &* 0x9E37_79B9_7F4A_7C15))
        return SplitMix64(seed: mix.next())
    }

    /// The problem numbered `index` of a kind that cycles through `ProblemKind.allCases`.
    public func problem(_ index: Int) -> SynthProblem {
        var rng = generator(index)
        return Self.problem(kind: ProblemKind.allCases[index % ProblemKind.allCases.count], &rng)
    }

    /// A problem of `kind`.
    public static func problem(kind: ProblemKind, _ rng: inout SplitMix64) -> SynthProblem {
        switch kind {
        case .arithmetic: return ArithmeticProblems.make(&rng)
        case .percentage: return PercentageProblems.make(&rng)
        case .rate: return RateProblems.make(&rng)
        case .algebra: return AlgebraProblems.make(&rng)
        case .table: return TableProblems.make(&rng)
        case .measurement: return MeasurementProblems.make(&rng)
        }
    }

    /// Problem `index` with its correct solution and `degradedPerProblem` degraded ones.
    public func group(_ index: Int) -> Group {
        var rng = generator(index)
        let problem = Self.problem(kind: ProblemKind.allCases[index % ProblemKind.allCases.count], &rng)
        var responses: [(text: String, flaws: [FlawApplication], score: Double)] = []
        let correct = SolutionWriter.write(problem, style: rng.pick(SolutionStyle.allCases), flaws: [], rng: &rng)
        responses.append((correct, [], 1.0))
        for _ in 0..<degradedPerProblem {
            let flaws = FlawSampler.sample(&rng)
            let text = SolutionWriter.write(problem, style: rng.pick(SolutionStyle.allCases), flaws: flaws, rng: &rng)
            responses.append((text, flaws, RMRubric.score(flaws)))
        }
        return Group(problem: problem, responses: responses)
    }

    /// The first `count` pointwise rows, problem by problem.
    public func examples(count: Int) -> [RMExample] {
        var out: [RMExample] = []
        out.reserveCapacity(count)
        var index = 0
        while out.count < count {
            let g = group(index)
            for r in g.responses where out.count < count {
                out.append(RMExample(question: g.problem.question, response: r.text, score: r.score))
            }
            index += 1
        }
        return out
    }

    /// The first `count` pairwise rows: within each problem, every pair of responses whose scores
    /// differ, better one chosen.
    public func pairs(count: Int) -> [RMPair] {
        var out: [RMPair] = []
        out.reserveCapacity(count)
        var index = 0
        while out.count < count {
            let g = group(index)
            for (i, a) in g.responses.enumerated() {
                for b in g.responses[(i + 1)...] where a.score != b.score && out.count < count {
                    let (hi, lo) = a.score > b.score ? (a, b) : (b, a)
                    out.append(RMPair(question: g.problem.question, chosen: hi.text, rejected: lo.text))
                }
            }
            index += 1
        }
        return out
    }
}
