/// An arithmetic operator as written in a response (`+`, `-`, `×`, `*`, `\times`, `/`, `÷`, ...).
public enum ArithmeticOperator: Sendable, Equatable {
    /// `+`
    case add
    /// `-`, `−`
    case subtract
    /// `×`, `*`, `x`, `·`, `\times`, `\cdot`
    case multiply
    /// `/`, `÷`, `\div`
    case divide

    /// Multiplication and division bind tighter than addition and subtraction.
    var binds: Int { self == .add || self == .subtract ? 1 : 2 }
}

/// A calculation a response states, `a op b (op c ...) = r`: operands, operators and the result
/// the response claims. `decimals` is how many decimals the claimed result was written with, so
/// a checker can accept "10 / 3 = 3.33".
public struct StatedCalculation: Sendable, Equatable {
    /// The operands, left to right.
    public var operands: [Double]
    /// The operators between them (`operands.count - 1` of them).
    public var operators: [ArithmeticOperator]
    /// The result the response states.
    public var stated: Double
    /// Decimals written in the stated result.
    public var decimals: Int
    /// True when written with `≈` or `\approx`: the checker allows more rounding.
    public var approximate: Bool

    /// A calculation.
    public init(
        operands: [Double], operators: [ArithmeticOperator], stated: Double, decimals: Int, approximate: Bool = false
    ) {
        self.operands = operands
        self.operators = operators
        self.stated = stated
        self.decimals = decimals
        self.approximate = approximate
    }

    /// The value of the left-hand side with the usual precedence, or nil (division by zero, or
    /// operands and operators that do not alternate).
    public var value: Double? {
        guard let first = operands.first, operands.count == operators.count + 1 else { return nil }
        // Two-level precedence: fold products into terms, then sum the terms.
        var terms: [Double] = [first]
        var signs: [Double] = [1]
        for (k, op) in operators.enumerated() {
            let x = operands[k + 1]
            switch op {
            case .add: terms.append(x); signs.append(1)
            case .subtract: terms.append(x); signs.append(-1)
            case .multiply: terms[terms.count - 1] *= x
            case .divide:
                if x == 0 { return nil }
                terms[terms.count - 1] /= x
            }
        }
        var sum = 0.0
        for (t, s) in zip(terms, signs) { sum += s * t }
        return sum
    }
}
