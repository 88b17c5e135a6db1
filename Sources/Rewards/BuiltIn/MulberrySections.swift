#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

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

    /// Finds the headers in `text`.
    ///
    /// A byte scan equivalent to matching `### (?:Image Description:|Rationales:|Let's think step
    /// by step\.?|Step (\d{1,9}):|The final answer is:)` left to right without overlaps: every
    /// scored row of a StepGRPO config reads its headers twice (StepRAR and StepRVR), and a regex
    /// match per header would cost as much as the whole answer check.
    public init(_ text: String) {
        var description: Int?, rationales: Int?, think: Int?, final: Int?
        var steps: [(Int, Int)] = []
        var bodyStarts: [Int] = []
        var contiguous = text
        contiguous.withUTF8 { b in
            guard let base = b.baseAddress else { return }
            var at = 0
            while at + 4 <= b.count, let hit = memchr(base + at, 0x23, b.count - at) {
                let i = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                guard let header = Self.header(b, at: i) else { at = i + 1; continue }
                switch header.kind {
                case .description: description = description ?? i
                case .rationales: rationales = rationales ?? i
                case .think: think = think ?? i
                case .final: final = final ?? i
                case let .step(n):
                    steps.append((n, i))
                    bodyStarts.append(header.end)
                }
                at = header.end
            }
        }
        self.description = description
        self.rationales = rationales
        self.thinkStepByStep = think
        self.steps = steps
        self.finalAnswer = final
        self.stepBodies = Self.bodies(startingAfter: bodyStarts, in: text)
    }

    private enum HeaderKind { case description, rationales, think, step(Int), final }

    /// The header starting at byte `i`, and the byte after it, if one does.
    private static func header(_ b: UnsafeBufferPointer<UInt8>, at i: Int) -> (kind: HeaderKind, end: Int)? {
        guard has(b, i, "### ") else { return nil }
        let j = i + 4
        if has(b, j, "Image Description:") { return (.description, j + 18) }
        if has(b, j, "Rationales:") { return (.rationales, j + 11) }
        if has(b, j, "Let's think step by step") {
            let end = j + 24
            return (.think, end < b.count && b[end] == UInt8(ascii: ".") ? end + 1 : end)
        }
        if has(b, j, "The final answer is:") { return (.final, j + 20) }
        if has(b, j, "Step ") {
            var k = j + 5, n = 0
            while k < b.count, k - (j + 5) < 9, b[k] >= 0x30, b[k] <= 0x39 {
                n = n * 10 + Int(b[k] - 0x30)
                k += 1
            }
            if k > j + 5, k < b.count, b[k] == UInt8(ascii: ":") { return (.step(n), k + 1) }
        }
        return nil
    }

    private static func has(_ b: UnsafeBufferPointer<UInt8>, _ at: Int, _ word: StaticString) -> Bool {
        let n = word.utf8CodeUnitCount
        guard at + n <= b.count, let base = b.baseAddress else { return false }
        return memcmp(base + at, word.utf8Start, n) == 0
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
            return index == 0
                ? "first step is numbered \(step.number)"
                : "step \(step.number) follows step \(steps[index - 1].number)"
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
            let hit = memchr(base + at, 0x0A, bytes.count - at)
        {
            let newline = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            if newline + 3 < bytes.count, bytes[newline + 1] == 0x23, bytes[newline + 2] == 0x23,
                bytes[newline + 3] == 0x23
            {
                return newline
            }
            at = newline + 1
        }
        return bytes.count
    }
}
