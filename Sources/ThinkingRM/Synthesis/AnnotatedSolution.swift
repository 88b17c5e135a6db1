import Foundation

/// A GSM8K-style reference solution taken apart for editing: its lines (the `#### N` line
/// dropped) and final answer. Calculator annotations `<<lhs=result>>` stay in the text; the
/// editing helpers find them, recompute them and rewrite the numbers around them.
public struct AnnotatedSolution: Sendable, Equatable {
    /// The solution's lines without the final `#### N` line.
    public var lines: [String]
    /// The final answer after `####`.
    public var answer: String

    /// Parses `text`; nil when it has no `####` answer or no annotated line.
    public init?(_ text: String) {
        guard let marker = text.range(of: "####") else { return nil }
        answer = text[marker.upperBound...].trimmingCharacters(in: .whitespacesAndNewlines)
        lines = text[..<marker.lowerBound].split(separator: "\n").map(String.init).filter {
            !$0.allSatisfy(\.isWhitespace)
        }
        guard !answer.isEmpty, lines.contains(where: { $0.contains("<<") }) else { return nil }
    }

    /// One annotation of a line: where it is and what it says.
    struct Annotation {
        var range: Range<String.Index>
        var lhs: String
        var result: String
    }

    /// The annotations of `line`, in order.
    static func annotations(_ line: String) -> [Annotation] {
        var out: [Annotation] = []
        var search = line.startIndex
        while let open = line.range(of: "<<", range: search..<line.endIndex),
            let close = line.range(of: ">>", range: open.upperBound..<line.endIndex)
        {
            let inner = line[open.upperBound..<close.lowerBound]
            if let eq = inner.lastIndex(of: "=") {
                out.append(
                    Annotation(
                        range: open.lowerBound..<close.upperBound, lhs: String(inner[..<eq]),
                        result: String(inner[inner.index(after: eq)...])))
            }
            search = close.upperBound
        }
        return out
    }

    /// The value of an annotation's left side (`48/2`, `3*4+1`), or nil when it is not plain
    /// arithmetic.
    static func evaluate(_ lhs: String) -> Double? {
        CalculationScanner.scan(lhs.replacingOccurrences(of: " ", with: "") + "=0").first?.value
    }

    /// `line` with every number equal to a key of `map` (compared to 4 decimals, thousands
    /// commas ignored) replaced by its value, starting at `from`.
    static func replaceNumbers(_ line: String, _ map: [Int64: String], from: String.Index? = nil) -> String {
        var out = ""
        var i = from ?? line.startIndex
        out += line[line.startIndex..<i]
        while i < line.endIndex {
            let c = line[i]
            let prevIsWord =
                i > line.startIndex && (line[line.index(before: i)].isLetter || line[line.index(before: i)] == ".")
            guard c.isASCII, c.isNumber, !prevIsWord else { out.append(c); i = line.index(after: i); continue }
            var j = i
            var token = ""
            while j < line.endIndex, line[j].isASCII, line[j].isNumber || line[j] == "." || line[j] == "," {
                token.append(line[j])
                j = line.index(after: j)
            }
            while let last = token.last, last == "." || last == "," { token.removeLast(); j = line.index(before: j) }
            if let v = Double(token.replacingOccurrences(of: ",", with: "")), let new = map[QuestionFeatures.key(v)] {
                out += new
            } else {
                out += token
            }
            i = j
        }
        return out
    }
}

/// Numbers as GSM8K solutions write them: integers plainly, others with up to four decimals.
enum SolutionNumber {
    static func text(_ x: Double) -> String {
        if x == x.rounded(), abs(x) < 1e15 { return String(Int64(x)) }
        var s = String(format: "%.4f", x)
        while s.hasSuffix("0") { s.removeLast() }
        if s.hasSuffix(".") { s.removeLast() }
        return s
    }
}
