/// A value a solution step uses: a number given in the question or the result of an earlier step.
public enum StepOperand: Sendable, Equatable {
    case given(Double)
    case step(Int)
}

/// One step of a worked solution: a calculation, what it computes and why.
public struct SynthStep: Sendable, Equatable {
    /// Operands, left to right.
    public var operands: [StepOperand]
    /// Operators between them.
    public var operators: [ArithmeticOperator]
    /// What the result is, as a noun phrase ("pencils in all").
    public var what: String
    /// Why this calculation, as a clause ("7 boxes hold 12 pencils each").
    public var why: String

    /// A step.
    public init(_ operands: [StepOperand], _ operators: [ArithmeticOperator], what: String, why: String) {
        self.operands = operands
        self.operators = operators
        self.what = what
        self.why = why
    }
}

/// A generated problem: the question, a correct worked solution, and a plausible wrong method
/// (the misconception a weak solver would use), each as steps whose last result is the answer.
public struct SynthProblem: Sendable, Equatable {
    /// The problem kind.
    public var kind: ProblemKind
    /// The question text.
    public var question: String
    /// The correct solution.
    public var steps: [SynthStep]
    /// A wrong but plausible method, all of whose arithmetic is right.
    public var wrongMethod: [SynthStep]
    /// The unit of the answer ("dollars", "km"; empty for none), for the closing sentence.
    public var unit: String
    /// A short sentence or topic word tangents can hang on ("pencils", "trains").
    public var topic: String
}

/// The kinds of problem the generator writes.
public enum ProblemKind: String, Sendable, CaseIterable {
    /// Multi-step whole-number word problems.
    case arithmetic
    /// Discounts, shares of a group, percent change.
    case percentage
    /// Speed and distance, filling rates, pay per hour.
    case rate
    /// One-unknown linear equations, in symbols or words.
    case algebra
    /// A small table given in the text.
    case table
    /// Areas, volumes and unit conversions.
    case measurement
}

/// Step results: evaluates a step list, with optional slips (a step whose stated result is off
/// by a delta; later steps use the slipped value, as a real solver would).
public enum StepEvaluator {
    /// The stated result of each step; `slips[k]` is added to step k's true result.
    public static func results(_ steps: [SynthStep], slips: [Int: Double] = [:]) -> [Double] {
        var values: [Double] = []
        for (k, step) in steps.enumerated() {
            var calc = StatedCalculation(
                operands: step.operands.map { operand(values, $0) },
                operators: step.operators, stated: 0, decimals: 0)
            let exact = calc.value ?? 0
            calc.stated = exact + (slips[k] ?? 0)
            values.append(calc.stated)
        }
        return values
    }

    static func operand(_ values: [Double], _ o: StepOperand) -> Double {
        switch o {
        case let .given(x): return x
        case let .step(k): return k < values.count ? values[k] : 0
        }
    }
}
