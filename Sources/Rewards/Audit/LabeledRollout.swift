/// One labeled rollout of an audit file: what a verifier judges (response, reference, options)
/// and the label saying whether the response is in fact correct.
public struct LabeledRollout: Sendable, Equatable {
    /// The 1-based line of the row in its file, so reports point at it.
    public var line: Int
    /// The response as the model wrote it.
    public var response: String
    /// The reference answer (or reference reasoning ending in one).
    public var reference: String
    /// Multiple-choice options; empty when the row has none.
    public var options: [String]
    /// The row's `problem_type` (nil: math), which picks how `accuracy` scores it.
    public var problemType: String?
    /// Whether the response is correct, by the row's label field.
    public var label: Bool

    /// Makes a rollout.
    public init(
        line: Int, response: String, reference: String, options: [String] = [], problemType: String? = nil, label: Bool
    ) {
        self.line = line
        self.response = response
        self.reference = reference
        self.options = options
        self.problemType = problemType
        self.label = label
    }
}

/// A line of an audit file that could not be read as a labelled rollout, and why.
public struct UnreadableRow: Sendable, Equatable {
    /// The 1-based line.
    public var line: Int
    /// What is wrong, naming the field ("field 'is_correct' is a string, expected true or false").
    public var message: String

    /// Makes an unreadable-row note.
    public init(line: Int, message: String) {
        self.line = line
        self.message = message
    }
}

@available(*, deprecated, renamed: "LabeledRollout")
public typealias LabelledRollout = LabeledRollout
