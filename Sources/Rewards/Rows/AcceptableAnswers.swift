import JSONLines

/// A reference as rows and requests write it: a string, a number, or a list of them, each one an
/// acceptable answer (any match counts). Shared by the row codec and the server's OpenRLHF labels.
public enum AcceptableAnswers {
    @available(*, deprecated, renamed: "AcceptableAnswersError")
    public typealias Problem = AcceptableAnswersError

    /// The answers of `value`, the first one first; nil for `null`.
    public static func read(_ value: JSONValue) throws(AcceptableAnswersError) -> (first: String, others: [String])? {
        switch value {
        case .null: return nil
        case .string, .number: return (try text(value, item: nil), [])
        case let .array(items):
            guard !items.isEmpty else {
                throw AcceptableAnswersError("is an empty list, expected at least one acceptable answer")
            }
            var texts: [String] = []
            for (i, item) in items.enumerated() { texts.append(try text(item, item: i)) }
            return (texts[0], Array(texts.dropFirst()))
        default:
            throw AcceptableAnswersError(
                "is \(value.kindName), expected a string, a number or a list of acceptable answers")
        }
    }

    private static func text(_ value: JSONValue, item: Int?) throws(AcceptableAnswersError) -> String {
        switch value {
        case let .string(s): return s
        case let .number(n): return n == n.rounded() && abs(n) < 1e15 ? String(Int64(n)) : String(n)
        default:
            let at = item.map { "item \($0) " } ?? ""
            throw AcceptableAnswersError("\(at)is \(value.kindName), expected a string or a number")
        }
    }
}

/// Why a value is no reference, in words that follow the field's name ("is an object, expected ...").
public struct AcceptableAnswersError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What is wrong with the value.
    public var message: String
    /// Makes an error.
    public init(_ message: String) { self.message = message }
    public var description: String { message }

    @available(*, deprecated, renamed: "message")
    public var problem: String { message }
}
