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

    private static let header = try! RegexPattern(
        #"### (?:(Image Description:)|(Rationales:)|(Let's think step by step\.?)|Step (\d{1,9}):|(The final answer is:))"#)

    /// Finds the headers in `text`.
    public init(_ text: String) {
        var description: Int?, rationales: Int?, think: Int?, final: Int?
        var steps: [(Int, Int)] = []
        for m in Self.header.allMatches(in: text) {
            let at = m.byteRange.lowerBound
            if m.groups[1] != nil { description = description ?? at }
            else if m.groups[2] != nil { rationales = rationales ?? at }
            else if m.groups[3] != nil { think = think ?? at }
            else if let digits = m[4], let n = Int(digits) { steps.append((n, at)) }
            else if m.groups[5] != nil { final = final ?? at }
        }
        self.description = description
        self.rationales = rationales
        self.thinkStepByStep = think
        self.steps = steps
        self.finalAnswer = final
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
}
