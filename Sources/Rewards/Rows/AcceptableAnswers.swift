import JSONLines

/// A reference as rows and requests write it: a string, a number, or a list of them, each one an
/// acceptable answer (any match counts). Shared by the row codec and the server's OpenRLHF labels.
public enum AcceptableAnswers {
    /// Why a value is no reference, in words that follow the field's name ("is an object, expected ...").
    public struct Problem: Error, Sendable, Equatable {
        /// What is wrong with the value.
        public let problem: String
    }

    /// The answers of `value`, the first one first; nil for `null`.
    public static func read(_ value: JSONValue) throws(Problem) -> (first: String, others: [String])? {
        switch value {
        case .null: return nil
        case .string, .number: return (try text(value, item: nil), [])
        case let .array(items):
            guard !items.isEmpty else { throw Problem(problem: "is an empty list, expected at least one acceptable answer") }
            var texts: [String] = []
            for (i, item) in items.enumerated() { texts.append(try text(item, item: i)) }
            return (texts[0], Array(texts.dropFirst()))
        default:
            throw Problem(problem: "is \(value.kindName), expected a string, a number or a list of acceptable answers")
        }
    }

    private static func text(_ value: JSONValue, item: Int?) throws(Problem) -> String {
        switch value {
        case let .string(s): return s
        case let .number(n): return n == n.rounded() && abs(n) < 1e15 ? String(Int64(n)) : String(n)
        default:
            let at = item.map { "item \($0) " } ?? ""
            throw Problem(problem: "\(at)is \(value.kindName), expected a string or a number")
        }
    }
}
