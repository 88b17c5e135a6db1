import Foundation
import JSONLines
import Rewards

/// The group-aware mode of `rm score`: every scored row's `rewards.thinking` and `reward` become
/// `GroupAgreement`'s combined score over its group (rows grouped by `group` / `qid` / `uid` /
/// `group_id` / `prompt_id`, else by prompt text), so a response's thinking reward also weighs
/// how many of its group reach the same final answer. Error rows pass as they are.
public struct GroupAwareRewriter: Sendable {
    /// How agreement and the row's own thinking score combine.
    public let agreement: GroupAgreement

    /// A rewriter combining with `agreement`.
    public init(agreement: GroupAgreement) { self.agreement = agreement }

    /// `scored` (one line per non-blank line of `input`, in order) with the scores replaced.
    public func rewrite(input: [UInt8], scored: [UInt8]) -> [UInt8] {
        let inputLines = JSONLText.nonBlankLines(String(decoding: input, as: UTF8.self)).map(\.1)
        var lines = String(decoding: scored, as: UTF8.self).split(separator: "\n").map(String.init)
        var groups: [String: [(line: Int, response: String, thinking: Double)]] = [:]
        for k in lines.indices where k < inputLines.count {
            guard let thinking = Self.thinking(in: lines[k]), let row = RMJSONLine.parse(inputLines[k]) else {
                continue
            }
            let key = Self.groupKey(row)
            var response = ""
            for name in ["response", "completion", "solution_str", "output"] {
                if case let .string(s)? = row[name] { response = s; break }
            }
            groups[key, default: []].append((k, response, thinking))
        }
        for members in groups.values {
            let combined = agreement.scores(responses: members.map(\.response), thinking: members.map(\.thinking))
            for (m, value) in zip(members, combined) { lines[m.line] = Self.replacing(lines[m.line], with: value) }
        }
        return Array((lines.joined(separator: "\n") + (lines.isEmpty ? "" : "\n")).utf8)
    }

    static func groupKey(_ row: JSONValue) -> String {
        for name in ["group", "qid", "uid", "group_id", "prompt_id"] {
            switch row[name] {
            case let .string(s)?: return "id:" + s
            case let .number(x)?: return "id:" + RMNumberText.short(x)
            default: continue
            }
        }
        for name in ["prompt", "question", "problem"] {
            if case let .string(s)? = row[name] { return "prompt:" + s }
        }
        return ""
    }

    static let thinkingKey = "\"rewards\":{\"thinking\":"

    /// The `rewards.thinking` number a scored row carries, nil for an error row.
    static func thinking(in line: String) -> Double? {
        guard let start = line.range(of: thinkingKey)?.upperBound else { return nil }
        let digits = line[start...].prefix { $0 != "}" && $0 != "," }
        return Double(digits)
    }

    /// `line` with its `rewards.thinking` and `reward` numbers set to `value`.
    static func replacing(_ line: String, with value: Double) -> String {
        var w = JSONWriter(capacity: 24)
        w.number(value)
        let text = String(decoding: w.bytes, as: UTF8.self)
        var out = line
        for key in [thinkingKey, "},\"reward\":"] {
            guard let start = out.range(of: key)?.upperBound else { continue }
            let end = out[start...].firstIndex { $0 == "}" || $0 == "," } ?? out.endIndex
            out.replaceSubrange(start..<end, with: text)
        }
        return out
    }
}
