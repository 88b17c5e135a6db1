#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Verify

/// The `###` section headers of a Mulberry-style response (R1-VL), with their byte offsets.
///
/// Shared by the `format` reward's `mulberry` template and the StepGRPO rewards, so both read the
/// headers the same way.
public struct MulberrySections: Sendable {
    /// Byte offset of the first `### Image Description:`, if any.
    public let description: Int?
    /// Byte offset of the first `### Rationales:`, if any.
    public let rationales: Int?
    /// Byte offset of the first `### Let's think step by step.`, if any.
    public let thinkStepByStep: Int?
    /// Every `### Step N:` header in order: its number and byte offset.
    public let steps: [(number: Int, offset: Int)]
    /// Byte offset of the first `### The final answer is:`, if any.
    public let finalAnswer: Int?
    /// Byte ranges of the step bodies that StepRAR searches for key steps, exactly as the
    /// released regex `### Step \d+:\s*(.*?)(?=\n###|\Z)` (dot-all) finds them: white space after
    /// the header skipped, the body running to the next line starting `###` or the end. A header
    /// that lies inside an earlier body (an empty step swallows the next header, as the regex does)
    /// starts no body of its own.
    public let stepBodies: [Range<Int>]

    private static let header = try! RegexPattern(
        #"### (?:(Image Description:)|(Rationales:)|(Let's think step by step\.?)|Step (\d{1,9}):|(The final answer is:))"#)

    /// Finds the headers in `text`.
    public init(_ text: String) {
        var description: Int?, rationales: Int?, think: Int?, final: Int?
        var steps: [(Int, Int)] = []
        var bodyStarts: [Int] = []
        for m in Self.header.allMatches(in: text) {
            let at = m.byteRange.lowerBound
            if m.groups[1] != nil { description = description ?? at }
            else if m.groups[2] != nil { rationales = rationales ?? at }
            else if m.groups[3] != nil { think = think ?? at }
            else if let digits = m[4], let n = Int(digits) {
                steps.append((n, at))
                bodyStarts.append(m.byteRange.upperBound)
            }
            else if m.groups[5] != nil { final = final ?? at }
        }
        self.description = description
        self.rationales = rationales
        self.thinkStepByStep = think
        self.steps = steps
        self.finalAnswer = final
        self.stepBodies = Self.bodies(startingAfter: bodyStarts, in: text)
    }

    /// Why the response does not follow the full template in order, or nil when it does.
    public var formatProblem: String? {
        guard let description else { return "missing ### Image Description:" }
        guard let rationales else { return "missing ### Rationales:" }
        guard let think = thinkStepByStep else { return "missing ### Let's think step by step." }
        guard let first = steps.first else { return "missing ### Step 1:" }
        guard let final = finalAnswer else { return "missing ### The final answer is:" }
        if rationales < description { return "rationales before image description" }
        if think < rationales { return "step-by-step header before rationales" }
        if first.offset < think { return "step 1 before the step-by-step header" }
        for (index, step) in steps.enumerated() where step.number != index + 1 {
            return index == 0 ? "first step is numbered \(step.number)" : "step \(step.number) follows step \(steps[index - 1].number)"
        }
        if let last = steps.last, final < last.offset { return "answer before step \(last.number)" }
        return nil
    }

    /// The step bodies joined by newlines: the text StepRAR matches key steps against.
    /// `text` must be the text these sections were read from.
    public func stepText(of text: String) -> String {
        guard !stepBodies.isEmpty else { return "" }
        var contiguous = text
        return contiguous.withUTF8 { utf8 in
            var joined: [UInt8] = []
            joined.reserveCapacity(stepBodies.reduce(0) { $0 + $1.count + 1 })
            for (i, body) in stepBodies.enumerated() where body.upperBound <= utf8.count {
                if i > 0 { joined.append(0x0A) }
                joined.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[body]))
            }
            return String(decoding: joined, as: UTF8.self)
        }
    }

    private static func bodies(startingAfter headerEnds: [Int], in text: String) -> [Range<Int>] {
        guard !headerEnds.isEmpty else { return [] }
        var contiguous = text
        return contiguous.withUTF8 { bytes in
            var ranges: [Range<Int>] = []
            var previousEnd = -1
            for headerEnd in headerEnds where headerEnd > previousEnd {
                var start = headerEnd
                while start < bytes.count, bytes[start] == 0x20 || (0x09...0x0D).contains(bytes[start]) { start += 1 }
                let end = bodyEnd(bytes, from: start)
                ranges.append(start..<end)
                previousEnd = end
            }
            return ranges
        }
    }

    /// Where `.*?(?=\n###|\Z)` stops when started at `start`: the first "\n###" at or after it,
    /// else the very end (the release is Python, whose `\Z` is the end of the text only).
    private static func bodyEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var at = start
        while at < bytes.count, let base = bytes.baseAddress,
              let hit = memchr(base + at, 0x0A, bytes.count - at) {
            let newline = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            if newline + 3 < bytes.count, bytes[newline + 1] == 0x23, bytes[newline + 2] == 0x23, bytes[newline + 3] == 0x23 {
                return newline
            }
            at = newline + 1
        }
        return bytes.count
    }
}
