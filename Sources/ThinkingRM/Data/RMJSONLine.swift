import Foundation
import JSONLines
import Rewards

/// Parses one JSONL line into a `JSONValue` with Foundation's decoder; the fast scanner in
/// Rewards is internal, and these files are small enough that clarity wins over speed.
enum RMJSONLine {
    static func parse(_ line: Substring) -> JSONValue? {
        try? JSONDecoder().decode(DecodedJSON.self, from: Data(line.utf8)).value
    }
}

/// A JSONValue as Decodable. Bool is tried before Double so `true` is never read as 1.
private struct DecodedJSON: Decodable {
    let value: JSONValue

    init(from decoder: Decoder) throws {
        if var array = try? decoder.unkeyedContainer() {
            var items: [JSONValue] = []
            while !array.isAtEnd { items.append(try array.decode(DecodedJSON.self).value) }
            value = .array(items)
            return
        }
        if let object = try? decoder.container(keyedBy: AnyKey.self) {
            // Keys come back unordered; order does not matter for reading fields by name.
            var members: [(key: String, value: JSONValue)] = []
            for key in object.allKeys.sorted(by: { $0.stringValue < $1.stringValue }) {
                members.append((key.stringValue, try object.decode(DecodedJSON.self, forKey: key).value))
            }
            value = .object(members)
            return
        }
        let single = try decoder.singleValueContainer()
        if single.decodeNil() {
            value = .null
        } else if let b = try? single.decode(Bool.self) {
            value = .bool(b)
        } else if let x = try? single.decode(Double.self) {
            value = .number(x)
        } else {
            value = .string(try single.decode(String.self))
        }
    }
}

private struct AnyKey: CodingKey {
    let stringValue: String
    init(stringValue: String) { self.stringValue = stringValue }
    var intValue: Int? { nil }
    init?(intValue: Int) { nil }
}
