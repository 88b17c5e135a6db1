import Foundation
import Verify

/// How a model's reply text becomes a score; a reply no rule can read is an error, never a 0.
public enum ReplyReader: Sendable {
    /// SophiaVL's rule, in order: `\box{x}` (or `\boxed{x}`), `<answer>x</answer>` with x
    /// matching `[01](\.\d)?`, the first bare decimal in [0, 1]; clipped to [0, 1].
    case sophiaVL
    /// xVerify: `Incorrect` -> 0, else `Correct` -> 1 (case-insensitive, brackets allowed).
    case correctIncorrect
    /// general-verifier: `Final Decision: Yes` -> 1, `No` -> 0.
    case finalDecision
    /// A user pattern whose first group is a number (a score, clipped to [0, 1]; as a verdict,
    /// >= 0.5 is correct) or a word (correct/yes/true vs incorrect/no/false).
    case pattern(RegexPattern, verdict: Bool)

    /// The score the reply states, or why it could not be read.
    public func read(_ reply: String) -> Result<Double, ReplyError> {
        switch self {
        case .sophiaVL:
            if let score = Self.sophiaVLScore(reply) { return .success(score) }
            return .failure(ReplyError(reply, "no score (\\box{x}, <answer>x</answer> or a number in [0, 1])"))
        case .correctIncorrect:
            let lower = reply.lowercased()
            if lower.contains("incorrect") { return .success(0) }
            if lower.contains("correct") { return .success(1) }
            return .failure(ReplyError(reply, "neither Correct nor Incorrect"))
        case .finalDecision:
            let lower = reply.lowercased()
            guard let range = lower.range(of: "final decision:", options: .backwards) else {
                return .failure(ReplyError(reply, "no 'Final Decision: Yes/No'"))
            }
            let rest = lower[range.upperBound...].drop { $0 == " " || $0 == "*" || $0 == "\"" }
            if rest.hasPrefix("yes") { return .success(1) }
            if rest.hasPrefix("no") { return .success(0) }
            return .failure(ReplyError(reply, "'Final Decision:' is followed by neither Yes nor No"))
        case let .pattern(regex, verdict):
            guard let match = regex.firstMatch(in: reply), let group = match[1] else {
                return .failure(
                    ReplyError(reply, "score_pattern '\(regex.pattern)' does not match (or has no group 1)"))
            }
            let text = group.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
            if let n = Double(text), n.isFinite {
                return .success(verdict ? (n >= 0.5 ? 1 : 0) : min(1, max(0, n)))
            }
            if ["correct", "yes", "true"].contains(text) { return .success(1) }
            if ["incorrect", "no", "false"].contains(text) { return .success(0) }
            return .failure(
                ReplyError(
                    reply,
                    "score_pattern group 1 is '\(text)', neither a number nor correct/incorrect, yes/no, true/false"))
        }
    }

    /// SophiaVL's reading of a score.
    static func sophiaVLScore(_ reply: String) -> Double? {
        for opener in ["\\boxed{", "\\box{"] {
            if let start = reply.range(of: opener), let end = reply[start.upperBound...].firstIndex(of: "}"),
                let n = Double(reply[start.upperBound..<end].trimmingCharacters(in: .whitespaces)), n.isFinite
            {
                return min(1, max(0, n))
            }
        }
        if let start = reply.range(of: "<answer>"),
            let end = reply.range(of: "</answer>", range: start.upperBound..<reply.endIndex)
        {
            let inner = reply[start.upperBound..<end.lowerBound].trimmingCharacters(in: .whitespacesAndNewlines)
            if isScoreToken(inner), let n = Double(inner) { return min(1, max(0, n)) }
        }
        // The first bare decimal in [0, 1].
        var i = reply.startIndex
        while i < reply.endIndex {
            guard reply[i].isASCII, reply[i].isNumber else { i = reply.index(after: i); continue }
            var j = i
            while j < reply.endIndex, reply[j].isASCII, reply[j].isNumber || reply[j] == "." {
                j = reply.index(after: j)
            }
            if let n = Double(reply[i..<j]), (0...1).contains(n) { return n }
            i = j
        }
        return nil
    }

    /// `[01](\.\d)?`
    private static func isScoreToken(_ s: String) -> Bool {
        let b = Array(s.utf8)
        guard let first = b.first, first == UInt8(ascii: "0") || first == UInt8(ascii: "1") else { return false }
        return b.count == 1
            || (b.count == 3 && b[1] == UInt8(ascii: ".") && (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(b[2]))
    }
}

/// A reply that could not be read: what was expected and the start of what came.
public struct ReplyError: Error, Sendable, CustomStringConvertible {
    /// The message.
    public let message: String

    init(_ reply: String, _ problem: String) {
        let excerpt = reply.count > 80 ? String(reply.prefix(80)) + "..." : reply
        message = "the model's reply could not be read: \(problem); reply: \(excerpt.debugDescription)"
    }

    public var description: String { message }
}
