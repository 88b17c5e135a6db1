import JSONLines
import Rewards

/// Reads the typed fields of one JSON row and says precisely which field is wrong and why.
struct RMRowFields {
    let object: JSONValue
    let file: String
    let line: Int

    func error(_ field: String?, _ message: String) -> RMDataError {
        RMDataError(file: file, line: line, field: field, message: message)
    }

    /// A non-empty (after trimming) string; empty text would train the model on nothing.
    func text(_ field: String) throws(RMDataError) -> String {
        guard let value = object[field] else { throw error(field, "missing field '\(field)'") }
        guard case let .string(s) = value else {
            throw error(field, "field '\(field)' is \(value.kindName), expected a string")
        }
        guard s.contains(where: { !$0.isWhitespace }) else { throw error(field, "field '\(field)' is empty") }
        return s
    }

    /// A number in [0,1]; strings such as "0.5" are refused so a quoting mistake is not silently read.
    func unitScore(_ field: String) throws(RMDataError) -> Double {
        guard let value = object[field] else { throw error(field, "missing field '\(field)'") }
        guard case let .number(x) = value else {
            throw error(field, "field '\(field)' is \(value.kindName), expected a number in [0,1]")
        }
        guard x.isFinite, x >= 0, x <= 1 else {
            throw error(field, "field '\(field)' is \(RMNumberText.short(x)), expected a number in [0,1]")
        }
        return x
    }
}

/// Numbers in messages: "1.7", "3", not "1.7000000000000002".
enum RMNumberText {
    static func short(_ x: Double) -> String {
        if x == x.rounded(), abs(x) < 1e15 { return String(Int64(x)) }
        return String(x)
    }
}
