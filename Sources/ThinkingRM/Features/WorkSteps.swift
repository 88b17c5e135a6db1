/// One computation of a solution: the operands it combines, the result it claims, and the number
/// the text shows right after it. Read from calculator annotations (`48/2 = <<48/2=24>>24`, as in
/// GSM8K) when a response has them, else from stated calculations (`48 / 2 = 24`).
public struct WorkStep: Sendable, Equatable {
    /// The operands, left to right.
    public var operands: [Double]
    /// The result the computation claims.
    public var result: Double
    /// The number written right after an annotation (nil for plain stated calculations or when
    /// none follows): a copy that differs from `result` is a slip in the text.
    public var shown: Double?
    /// Whether the claimed result is what the operands give (nil: cannot be judged).
    public var isTrue: Bool?
    /// The 0-based line the computation is on.
    public var line: Int
}

/// Finds a response's computations: calculator annotations (`<<lhs=result>>shown`) and, on lines
/// without one, the stated calculations `CalculationScanner` finds.
public enum WorkStepScanner {
    /// The computations of `response`, in order: calculator annotations, and the stated
    /// calculations of lines without one ("7/20 x 100% = 35%" after annotated lines).
    public static func scan(_ response: String) -> [WorkStep] {
        let annotated = annotations(response)
        var out: [WorkStep] = []
        out.reserveCapacity(annotated.count)
        var next = 0
        let checker = NumericCalculationChecker()
        var copy = response
        copy.withUTF8 { b in
            for (line, range) in TextLines.ranges(b, omittingEmpty: false).enumerated() {
                while next < annotated.count && annotated[next].line <= line { out.append(annotated[next]); next += 1 }
                let text = UnsafeBufferPointer(rebasing: b[range])
                // A line with an annotation is read from it: its visible expression restates it.
                if !annotated.isEmpty && Self.holdsAnnotation(text) { continue }
                for c in CalculationScanner.assemble(CalculationScanner.tokens(text)) {
                    out.append(
                        WorkStep(
                            operands: c.operands, result: c.stated, shown: nil, isTrue: checker.isTrue(c), line: line))
                }
            }
        }
        out += annotated[next...]
        return out
    }

    /// Whether `line` contains "<<".
    static func holdsAnnotation(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        guard line.count >= 2 else { return false }
        for i in 0..<(line.count - 1) where line[i] == 0x3C && line[i + 1] == 0x3C { return true }
        return false
    }

    /// Calculator annotations `<<a op b = c>>`, with the number that follows each one.
    static func annotations(_ response: String) -> [WorkStep] {
        let bytes = Array(response.utf8)
        var out: [WorkStep] = []
        var i = 0, line = 0
        let checker = NumericCalculationChecker()
        while i + 1 < bytes.count {
            if bytes[i] == 0x0A { line += 1 }
            guard bytes[i] == 0x3C, bytes[i + 1] == 0x3C else { i += 1; continue }
            var j = i + 2
            while j + 1 < bytes.count, !(bytes[j] == 0x3E && bytes[j + 1] == 0x3E), bytes[j] != 0x0A { j += 1 }
            guard j + 1 < bytes.count, bytes[j] == 0x3E else { i = j; continue }
            let inner = String(decoding: bytes[(i + 2)..<j], as: UTF8.self)
            i = j + 2
            guard let eq = inner.lastIndex(of: "="),
                let result = Double(inner[inner.index(after: eq)...].replacingOccurrences(of: ",", with: ""))
            else { continue }
            let lhs = String(inner[..<eq])
            let calcs = CalculationScanner.scan(lhs + "=" + String(result))
            let operands = calcs.first?.operands ?? ReasoningFeatures.numbers(in: lhs)
            let verdict = calcs.first.flatMap { checker.isTrue($0) }
            var k = i
            while k < bytes.count, bytes[k] == 0x20 || bytes[k] == 0x24 { k += 1 }
            var shownText = ""
            while k < bytes.count,
                (bytes[k] >= 0x30 && bytes[k] <= 0x39) || bytes[k] == 0x2E || bytes[k] == 0x2C
                    || (bytes[k] == 0x2D && shownText.isEmpty)
            {
                shownText.append(Character(UnicodeScalar(bytes[k])))
                k += 1
            }
            while shownText.hasSuffix(".") || shownText.hasSuffix(",") { shownText.removeLast() }
            let shown = Double(shownText.replacingOccurrences(of: ",", with: ""))
            out.append(WorkStep(operands: operands, result: result, shown: shown, isTrue: verdict, line: line))
        }
        return out
    }
}
