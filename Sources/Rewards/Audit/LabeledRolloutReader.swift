import JSONLines

/// Reads an audit file: JSONL rows in the row codec's shape (response, answer and their aliases,
/// options) plus a boolean label field named by the caller.
///
/// A row that cannot be read becomes an `UnreadableRow` naming its line; it is never dropped.
public struct LabeledRolloutReader: Sendable {
    /// The member holding the label.
    public let labelField: String

    /// Makes a reader taking the label from `labelField`.
    public init(labelField: String) {
        self.labelField = labelField
    }

    /// The rollouts of `text` in line order, and the lines that could not be read.
    public func read(_ text: String) -> (rollouts: [LabeledRollout], unreadable: [UnreadableRow]) {
        var rollouts: [LabeledRollout] = [], unreadable: [UnreadableRow] = []
        for (number, line) in JSONLText.nonBlankLines(text) {
            switch rollout(String(line), line: number) {
            case let .success(r): rollouts.append(r)
            case let .failure(e): unreadable.append(UnreadableRow(line: number, message: e.message))
            }
        }
        return (rollouts, unreadable)
    }

    /// One row as a rollout, or why it is not one.
    public func rollout(_ json: String, line: Int) -> Result<LabeledRollout, AuditRowError> {
        let trajectory: Trajectory
        switch RowDecoder.decode(json) {
        case let .success(t): trajectory = t
        case let .failure(e): return .failure(AuditRowError(e.description))
        }
        guard let reference = trajectory.answer, reference.contains(where: { !$0.isWhitespace }) else {
            return .failure(AuditRowError("no reference answer (fields \(RowField.names(of: .answer)))"))
        }
        if let type = trajectory.problemType, !OutcomeReward.problemTypes.contains(type) {
            return .failure(
                AuditRowError(
                    "unknown problem_type '\(type)' (known: \(OutcomeReward.problemTypes.joined(separator: ", ")))"))
        }
        var bytes = json
        let document = bytes.withUTF8 { JSONDocument.parse($0) }
        guard case let .success(value) = document, let labelValue = value[labelField] else {
            return .failure(AuditRowError("no label field '\(labelField)'"))
        }
        guard let label = Self.truth(labelValue) else {
            return .failure(
                AuditRowError("field '\(labelField)' is \(Self.describe(labelValue)), expected true or false"))
        }
        return .success(
            LabeledRollout(
                line: line, response: trajectory.response, reference: reference,
                options: trajectory.options ?? [], problemType: trajectory.problemType, label: label))
    }

    /// A label as a boolean: JSON true/false, the strings "true"/"false" (any case) that CSV
    /// conversions leave behind, or the numbers 1 and 0.
    static func truth(_ value: JSONValue) -> Bool? {
        switch value {
        case let .bool(b): return b
        case let .string(s):
            switch s.lowercased() {
            case "true": return true
            case "false": return false
            default: return nil
            }
        case let .number(n): return n == 1 ? true : n == 0 ? false : nil
        default: return nil
        }
    }

    private static func describe(_ value: JSONValue) -> String {
        switch value {
        case let .string(s): return "the string \"\(s.prefix(40))\""
        case let .number(n): return "the number \(n)"
        default: return value.kindName
        }
    }
}

/// Why a row of an audit file is not a labelled rollout.
public struct AuditRowError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What is wrong, naming the field.
    public var message: String

    /// Makes an error.
    public init(_ message: String) { self.message = message }

    public var description: String { message }
}

@available(*, deprecated, renamed: "LabeledRolloutReader")
public typealias LabelledRolloutReader = LabeledRolloutReader
