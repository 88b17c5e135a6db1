import Foundation
import Verify

/// `format`: 1 when the response follows the chosen template, else 0 with the reason.
///
/// Templates:
/// - `think_answer`: `<think>…</think>` then `<answer>…</answer>`, one of each, nothing outside
///   but white space (the R1 / EasyR1 format).
/// - `boxed`: `<think>…</think>` then text containing `\boxed{…}` (the R1-ShareVL format).
/// - `mulberry`: the `###` sections of R1-VL in order: Image Description, Rationales, Let's think
///   step by step, Step 1..n (numbered in order), The final answer is.
public struct FormatReward: Reward {
    /// The response layouts this reward can check.
    public enum Template: String, Sendable, CaseIterable {
        case thinkAnswer = "think_answer"
        case boxed
        case mulberry
    }

    public let name = "format"
    /// The template checked.
    public let template: Template

    /// Makes the reward for `template`.
    public init(template: Template) {
        self.template = template
    }

    /// Builds from config options: `template` (default `think_answer`).
    public init(options: RewardOptions) throws(RewardError) {
        try options.requireOnly(["template"])
        let raw = try options.string(
            "template", default: Template.thinkAnswer.rawValue,
            allowed: Template.allCases.map(\.rawValue))
        self.init(template: Template(rawValue: raw)!)
    }

    /// The response alone.
    public var fieldsRead: TrajectoryFields { .response }

    public func score(_ trajectory: Trajectory) throws(RewardError) -> RewardScore {
        let problem: String?
        switch template {
        case .thinkAnswer: problem = Self.thinkAnswerProblem(trajectory.response)
        case .boxed: problem = Self.boxedProblem(trajectory.response)
        case .mulberry: problem = MulberrySections(trajectory.response).formatProblem
        }
        return problem.map { RewardScore(0, $0) } ?? RewardScore(1)
    }

    private static let boxedShape = try! RegexPattern(
        #"\A\s*<think>.*?</think>.*\\boxed\{.*\}.*\z"#, options: [.dotAll])

    private static let thinkAnswerTags = ["<think>", "</think>", "<answer>", "</answer>"]

    static func thinkAnswerProblem(_ text: String) -> String? {
        var contiguous = text
        return contiguous.withUTF8 { utf8 in
            let (counts, offsets) = tagCounts(utf8)
            for (k, tag) in thinkAnswerTags.enumerated() where counts[k] != 1 {
                return counts[k] == 0 ? "missing \(tag)" : "\(counts[k]) \(tag) tags, expected one"
            }
            // With each tag present once, the template holds when the tags are in order and only
            // white space lies outside <think>…</think> and <answer>…</answer>: the same as matching
            // \A\s*<think>.*?</think>\s*<answer>.*?</answer>\s*\z, without a backtracking scan.
            let inOrder = offsets[0] < offsets[1] && offsets[1] < offsets[2] && offsets[2] < offsets[3]
            let blank = { (range: Range<Int>) in utf8[range].allSatisfy { $0 == 0x20 || (0x09...0x0D).contains($0) } }
            let shaped =
                inOrder && blank(0..<offsets[0]) && blank(offsets[1] + 8..<offsets[2])
                && blank(offsets[3] + 9..<utf8.count)
            return shaped ? nil : "not <think>…</think> then <answer>…</answer> alone"
        }
    }

    /// How many times each think/answer tag occurs, and where first, in one pass over the `<`
    /// bytes: every tag starts with the only `<` it holds, so occurrences cannot overlap and the
    /// counts are those of a search per tag.
    private static func tagCounts(_ utf8: UnsafeBufferPointer<UInt8>) -> (counts: SIMD4<Int>, firsts: SIMD4<Int>) {
        var counts = SIMD4<Int>(repeating: 0), firsts = SIMD4<Int>(repeating: -1)
        guard let base = utf8.baseAddress else { return (counts, firsts) }
        var at = 0
        while at < utf8.count, let hit = memchr(base + at, Int32(UInt8(ascii: "<")), utf8.count - at) {
            let i = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            // The tags are compared through static pointers: indexing an array of arrays per `<`
            // would retain and release the inner arrays every time.
            let k: Int
            if hasTag("<think>", base, i, utf8.count) {
                k = 0
            } else if hasTag("</think>", base, i, utf8.count) {
                k = 1
            } else if hasTag("<answer>", base, i, utf8.count) {
                k = 2
            } else if hasTag("</answer>", base, i, utf8.count) {
                k = 3
            } else {
                k = -1
            }
            if k >= 0 {
                if counts[k] == 0 { firsts[k] = i }
                counts[k] += 1
            }
            at = i + 1
        }
        return (counts, firsts)
    }

    /// Whether `tag` is written at offset `i` of the `count` bytes at `base`.
    @inline(__always) private static func hasTag(
        _ tag: StaticString, _ base: UnsafePointer<UInt8>, _ i: Int, _ count: Int
    ) -> Bool {
        let n = tag.utf8CodeUnitCount
        return i + n <= count && memcmp(base + i, tag.utf8Start, n) == 0
    }

    static func boxedProblem(_ text: String) -> String? {
        for tag in ["<think>", "</think>"] {
            let n = ByteSearch.count(of: tag, in: text)
            if n != 1 { return n == 0 ? "missing \(tag)" : "\(n) \(tag) tags, expected one" }
        }
        return boxedShape.matches(text) ? nil : "no \\boxed{…} after </think>"
    }
}
