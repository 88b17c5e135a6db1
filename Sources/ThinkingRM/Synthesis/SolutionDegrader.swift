import Foundation
import Rewards

/// The flaws `SolutionDegrader` writes into real solutions, each with a known first wrong step.
public enum SolutionFlaw: String, Sendable, CaseIterable {
    /// One annotation's operator changed; later steps follow the new value.
    case wrongOperation = "wrong_operation"
    /// One operand replaced by another quantity of the question.
    case wrongQuantity = "wrong_quantity"
    /// One operand misread (off by a little); later steps follow.
    case misreadNumber = "misread_number"
    /// A correct result copied wrongly into the text and used from there on.
    case digitSlip = "digit_slip"
    /// One step left out; the steps after it use a value nothing produced.
    case droppedStep = "dropped_step"
    /// The solution stops early and answers with an intermediate result.
    case stopsEarly = "stops_early"
    /// A step that computes something the question does not ask for (the answer stays right).
    case irrelevantStep = "irrelevant_step"
}

/// One degraded (or the original, or a degenerate) solution: its steps, the index of the first
/// wrong step (-1 for none) and its grade.
public struct DegradedSolution: Sendable, Equatable {
    /// The steps, one per line; the last is the final answer line.
    public var steps: [String]
    /// The first wrong step's index, -1 when every step is sound.
    public var firstError: Int
    /// The grade of the reasoning in [0,1]: 1 for the original, 0.5 for an irrelevant step,
    /// 0 for a flaw that changes the answer.
    public var score: Double
    /// The flaw written in, nil for the original and for a degenerate response.
    public var flaw: SolutionFlaw?
    /// The kind of degenerate response (`DegenerateWriter`), nil for the others.
    public var degenerate: DegenerateKind? = nil

    /// The steps joined into one response.
    public var response: String { steps.joined(separator: "\n") }
}

/// Writes flaws into real step-by-step solutions (GSM8K's, with calculator annotations) by
/// program: the wording stays human, the numbers stay consistent after the flaw (later
/// annotations are recomputed from the changed value, as a calculator-using model would write),
/// and the first wrong step is known.
public struct SolutionDegrader: Sendable {
    /// How the final answer line is written ("A: N" as GSM8K model samples, or "#### N").
    public var answerPrefix: String

    /// A degrader writing final answers after `answerPrefix`.
    public init(answerPrefix: String = "A: ") { self.answerPrefix = answerPrefix }

    /// The solution as given, its answer on the last line.
    public func original(_ solution: AnnotatedSolution) -> DegradedSolution {
        DegradedSolution(steps: solution.lines + [answerPrefix + solution.answer], firstError: -1, score: 1, flaw: nil)
    }

    /// `solution` with `flaw` written in, or nil when this solution offers no place for it
    /// (no annotation the flaw applies to, an answer that would not change).
    public func degrade(
        _ solution: AnnotatedSolution, question: String, flaw: SolutionFlaw, rng: inout SplitMix64
    ) -> DegradedSolution? {
        var lines = solution.lines
        let sites = lines.indices.flatMap { l in AnnotatedSolution.annotations(lines[l]).indices.map { (l, $0) } }
        guard !sites.isEmpty else { return nil }
        switch flaw {
        case .wrongOperation, .wrongQuantity, .misreadNumber:
            let (l, a) = rng.pick(sites)
            let ann = AnnotatedSolution.annotations(lines[l])[a]
            guard let newLHS = changedLHS(ann.lhs, flaw: flaw, question: question, rng: &rng),
                let old = Double(ann.result), let new = AnnotatedSolution.evaluate(newLHS),
                new.isFinite, new >= 0, abs(new - old) > 1e-6
            else { return nil }
            lines[l] = rewrite(lines[l], ann, lhs: newLHS, value: new)
            return finish(
                lines, from: l, changes: [QuestionFeatures.key(old): SolutionNumber.text(new)], firstError: l,
                flaw: flaw)
        case .digitSlip:
            let (l, a) = rng.pick(sites)
            let ann = AnnotatedSolution.annotations(lines[l])[a]
            guard let value = Double(ann.result), let slipped = Self.slip(value, &rng) else { return nil }
            let map = [QuestionFeatures.key(value): SolutionNumber.text(slipped)]
            let replaced = AnnotatedSolution.replaceNumbers(lines[l], map, from: ann.range.upperBound)
            guard replaced != lines[l] else { return nil }
            lines[l] = replaced
            return finish(lines, from: l, changes: map, firstError: l, flaw: flaw)
        case .droppedStep:
            guard lines.count >= 2 else { return nil }
            let l = rng.int(0...(lines.count - 2))
            lines.remove(at: l)
            return DegradedSolution(
                steps: lines + [answerPrefix + solution.answer], firstError: l, score: 0, flaw: flaw)
        case .stopsEarly:
            guard lines.count >= 2 else { return nil }
            let keep = rng.int(1...(lines.count - 1))
            lines = Array(lines[..<keep])
            guard let last = lines.last.flatMap({ AnnotatedSolution.annotations($0).last }),
                last.result != solution.answer
            else { return nil }
            return DegradedSolution(steps: lines + [answerPrefix + last.result], firstError: keep, score: 0, flaw: flaw)
        case .irrelevantStep:
            let numbers = ReasoningFeatures.numbers(in: question).filter { $0 > 0 }
            guard numbers.count >= 2 else { return nil }
            let a = rng.pick(numbers), b = rng.pick(numbers.filter { $0 != a } + [a])
            let op = rng.pick(["+", "*"])
            let value = op == "+" ? a + b : a * b
            let (x, y, v) = (SolutionNumber.text(a), SolutionNumber.text(b), SolutionNumber.text(value))
            let line = rng.pick([
                "That is also \(x) \(op) \(y) = <<\(x)\(op)\(y)=\(v)>>\(v) in all.",
                "Note that \(x) \(op) \(y) = <<\(x)\(op)\(y)=\(v)>>\(v).",
                "Also, \(x) \(op) \(y) = <<\(x)\(op)\(y)=\(v)>>\(v).",
            ])
            let at = rng.int(0...(lines.count - 1))
            lines.insert(line, at: at)
            return DegradedSolution(
                steps: lines + [answerPrefix + solution.answer], firstError: at, score: 0.5, flaw: flaw)
        }
    }

    /// The annotation's left side with one operator or operand changed.
    func changedLHS(_ lhs: String, flaw: SolutionFlaw, question: String, rng: inout SplitMix64) -> String? {
        var chars = Array(lhs)
        if flaw == .wrongOperation {
            let ops = chars.indices.filter { i in "+-*/".contains(chars[i]) && i > 0 }
            guard !ops.isEmpty else { return nil }
            let i = rng.pick(ops)
            chars[i] = rng.pick(Array("+-*/").filter { $0 != chars[i] })
            return String(chars)
        }
        // Operand tokens: maximal runs of digits and dots.
        var tokens: [Range<Int>] = []
        var i = 0
        while i < chars.count {
            guard chars[i].isNumber || chars[i] == "." else { i += 1; continue }
            var j = i
            while j < chars.count, chars[j].isNumber || chars[j] == "." { j += 1 }
            tokens.append(i..<j)
            i = j
        }
        guard !tokens.isEmpty else { return nil }
        let t = rng.pick(tokens)
        guard let old = Double(String(chars[t])) else { return nil }
        let replacement: Double
        if flaw == .wrongQuantity {
            let others = ReasoningFeatures.numbers(in: question).filter { abs($0 - old) > 1e-9 && $0 > 0 }
            guard !others.isEmpty else { return nil }
            replacement = rng.pick(others)
        } else {
            replacement = old > 3 ? old + Double(rng.pick([-2, -1, 1, 2, 10])) : old + 1
        }
        chars.replaceSubrange(t, with: Array(SolutionNumber.text(replacement)))
        return String(chars)
    }

    /// `line` with annotation `ann` given a new left side and value: the visible expression
    /// before it and the copy after it follow.
    func rewrite(_ line: String, _ ann: AnnotatedSolution.Annotation, lhs: String, value: Double) -> String {
        var before = String(line[..<ann.range.lowerBound])
        let after = String(line[ann.range.upperBound...])
        // The visible expression: the text back from "=" over digits, operators and spacing.
        let allowed = Set("0123456789.,$ +-*/x×()")
        var tail = before
        while let last = tail.last, last == " " || last == "$" { tail.removeLast() }
        if tail.last == "=" {
            tail.removeLast()
            var start = tail.endIndex
            while start > tail.startIndex, allowed.contains(tail[tail.index(before: start)]) {
                start = tail.index(before: start)
            }
            let segment = tail[start...]
            let visible = segment.trimmingCharacters(in: .whitespaces)
            if visible.contains(where: \.isNumber) {
                // Keep the writer's spacing and multiplication sign, so the edit leaves no trace.
                let spacedStyle = visible.contains(" ")
                var shown = lhs.map { "+-*/".contains($0) && spacedStyle ? " \($0) " : String($0) }.joined()
                if visible.contains("x") { shown = shown.replacingOccurrences(of: "*", with: "x") }
                let lead = segment.prefix { $0 == " " }
                let trail = segment.reversed().prefix { $0 == " " }
                before = String(tail[..<start]) + lead + shown + String(trail) + String(before[tail.endIndex...])
            }
        }
        let v = SolutionNumber.text(value)
        let old = ann.result
        var newAfter = after
        if let r = Double(old) { newAfter = AnnotatedSolution.replaceNumbers(after, [QuestionFeatures.key(r): v]) }
        // Only the first number after the annotation is its copy; replaceNumbers changes all
        // equal ones, which later text also means.
        return before + "<<" + lhs + "=" + v + ">>" + newAfter
    }

    /// Recomputes every annotation after line `from` with the changed values carried forward,
    /// then appends the final answer (the last annotation's shown value).
    func finish(
        _ input: [String], from: Int, changes: [Int64: String], firstError: Int, flaw: SolutionFlaw
    ) -> DegradedSolution? {
        var lines = input
        var map = changes
        for l in (from + 1)..<max(from + 1, lines.count) {
            var line = AnnotatedSolution.replaceNumbers(lines[l], map)
            for ann in AnnotatedSolution.annotations(line).reversed() {
                guard let value = AnnotatedSolution.evaluate(ann.lhs) else { return nil }
                if let old = Double(ann.result), abs(old - value) > 1e-9 {
                    map[QuestionFeatures.key(old)] = SolutionNumber.text(value)
                }
                line = rewrite(line, ann, lhs: ann.lhs, value: value)
            }
            lines[l] = line
        }
        guard let lastLine = lines.last(where: { $0.contains("<<") }) else { return nil }
        let tailNumbers = ReasoningFeatures.numbers(
            in: String(lastLine[(lastLine.range(of: ">>", options: .backwards)?.upperBound ?? lastLine.startIndex)...]))
        guard
            let answer = tailNumbers.first
                ?? AnnotatedSolution.annotations(lastLine).last.flatMap({ Double($0.result) })
        else { return nil }
        return DegradedSolution(
            steps: lines + [answerPrefix + SolutionNumber.text(answer)], firstError: firstError, score: 0, flaw: flaw)
    }

    /// `x` with one digit changed, or nil for a number without digits to change.
    static func slip(_ x: Double, _ rng: inout SplitMix64) -> Double? {
        var digits = Array(SolutionNumber.text(x))
        let positions = digits.indices.filter { digits[$0].isNumber }
        guard !positions.isEmpty else { return nil }
        let p = rng.pick(positions)
        guard let d = digits[p].wholeNumberValue else { return nil }
        digits[p] = Character(String((d + rng.pick([1, 2, 9])) % 10))
        return Double(String(digits))
    }
}
