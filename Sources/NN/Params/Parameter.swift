/// A trainable tensor: its value, the gradient accumulated by backward passes, and AdamW moments.
///
/// A class because models are trained in place and several views (a layer, the optimiser, a
/// checkpoint writer) must see the same storage. Not `Sendable`: one training loop owns it.
public final class Parameter {
    /// Current value.
    public var value: Matrix
    /// Gradient of the loss with respect to `value`; backward passes add into it.
    public var grad: Matrix
    /// AdamW first moment.
    public var firstMoment: Matrix
    /// AdamW second moment.
    public var secondMoment: Matrix
    /// Whether AdamW's decoupled weight decay applies (false for biases and norm gains).
    public var decays: Bool

    /// A parameter with the given initial value and zero gradient and moments.
    public init(_ value: Matrix, decays: Bool = true) {
        self.value = value
        self.grad = Matrix(rows: value.rows, cols: value.cols)
        self.firstMoment = Matrix(rows: value.rows, cols: value.cols)
        self.secondMoment = Matrix(rows: value.rows, cols: value.cols)
        self.decays = decays
    }

    /// Sets the gradient to zero, keeping its allocation.
    public func zeroGrad() { grad.fill(0) }
}

/// A parameter with its dotted path inside a model (e.g. `blocks.0.attn.qkv.weight`).
public struct NamedParameter {
    /// Dotted path, unique within one model.
    public let name: String
    /// The parameter itself.
    public let parameter: Parameter

    /// Pairs a name with a parameter.
    public init(_ name: String, _ parameter: Parameter) {
        self.name = name
        self.parameter = parameter
    }
}

/// Anything that owns parameters, directly or through child modules.
public protocol ParameterContainer: AnyObject {
    /// All parameters with names relative to this container, in a fixed order.
    func namedParameters() -> [NamedParameter]
}

extension ParameterContainer {
    /// The parameters without names, in the same order.
    public func parameters() -> [Parameter] { namedParameters().map(\.parameter) }

    /// Zeroes every gradient.
    public func zeroGrad() { for p in parameters() { p.zeroGrad() } }

    /// Total number of scalar parameters.
    public var parameterCount: Int { parameters().reduce(0) { $0 + $1.value.count } }
}

extension Array where Element == NamedParameter {
    /// The same parameters with `prefix + "."` put in front of each name.
    public func prefixed(_ prefix: String) -> [NamedParameter] {
        map { NamedParameter("\(prefix).\($0.name)", $0.parameter) }
    }
}
