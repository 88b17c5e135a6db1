/// Finds the calculations a response states (`12 × 3 = 36`, `$40 - $15 = $25`, `a + b + c = d`,
/// `7 \times 8 = 56`) in one pass over the UTF-8 bytes. Conservative on purpose: anything that is
/// not plainly numbers and operators (variables, powers, percent signs, parentheses, units inside
/// the left side) breaks the chain, so algebra such as `3x + 2 = 11` is never judged as arithmetic.
public enum CalculationScanner {
    /// The stated calculations in `text`, in order.
    public static func scan(_ text: String) -> [StatedCalculation] {
        var copy = text
        return copy.withUTF8 { bytes in
            assemble(tokens(bytes))
        }
    }

    enum Token {
        case number(Double, decimals: Int, canStart: Bool)
        case op(ArithmeticOperator)
        case equals(approximate: Bool)
        case stop
    }

    static func assemble(_ tokens: [Token]) -> [StatedCalculation] {
        var out: [StatedCalculation] = []
        var operands: [Double] = [], ops: [ArithmeticOperator] = []
        var afterEquals = false, approximate = false
        func reset() { operands.removeAll(); ops.removeAll(); afterEquals = false }
        for (i, token) in tokens.enumerated() {
            switch token {
            case let .number(v, decimals, canStart):
                if afterEquals {
                    // "4 × 5 = 2 × 10" states an identity, not a result: do not judge it.
                    var followedByOp = false
                    if i + 1 < tokens.count, case .op = tokens[i + 1] { followedByOp = true }
                    if !followedByOp && !ops.isEmpty {
                        out.append(
                            StatedCalculation(
                                operands: operands, operators: ops, stated: v,
                                decimals: decimals, approximate: approximate))
                    }
                    reset()
                    operands = [v]  // the result may start the next step: "= 20 + 4 = 24"
                } else if operands.count == ops.count && (!operands.isEmpty || canStart) {
                    operands.append(v)
                } else {
                    reset()
                    if canStart { operands = [v] }
                }
            case let .op(o):
                if !afterEquals && operands.count == ops.count + 1 { ops.append(o) } else { reset() }
            case let .equals(a):
                if !afterEquals && operands.count == ops.count + 1 {
                    afterEquals = true; approximate = a
                } else {
                    reset()
                }
            case .stop:
                reset()
            }
        }
        return out
    }

    /// Words that state arithmetic in prose, read only between spaces (lower case ASCII).
    static let proseWords: [(word: [UInt8], token: Token)] = [
        (Array("times".utf8), .op(.multiply)), (Array("plus".utf8), .op(.add)), (Array("minus".utf8), .op(.subtract)),
        (Array("divided".utf8), .op(.divide)), (Array("is".utf8), .equals(approximate: false)),
        (Array("equals".utf8), .equals(approximate: false)), (Array("makes".utf8), .equals(approximate: false)),
    ]

    /// The index in `proseWords` and token of the word `b[i..<j]` (any case), nil for other words;
    /// compares bytes, so the scan allocates nothing per word.
    static func proseWord(_ b: UnsafeBufferPointer<UInt8>, from i: Int, to j: Int) -> (Int, Token)? {
        let length = j - i
        guard length >= 2 && length <= 7 else { return nil }
        for (index, entry) in proseWords.enumerated() where entry.word.count == length {
            var same = true
            for k in 0..<length where b[i + k] | 0x20 != entry.word[k] { same = false; break }
            if same { return (index, entry.token) }
        }
        return nil
    }

    static func tokens(_ b: UnsafeBufferPointer<UInt8>) -> [Token] {
        var out: [Token] = []
        let n = b.count
        var i = 0
        var negative = false
        func stop() { if case .stop? = out.last {} else if !out.isEmpty { out.append(.stop) } }
        func isDigit(_ k: Int) -> Bool { k < n && b[k] >= 0x30 && b[k] <= 0x39 }
        func isLetter(_ k: Int) -> Bool { k >= 0 && k < n && ((b[k] | 0x20) >= 0x61 && (b[k] | 0x20) <= 0x7A) }
        while i < n {
            let c = b[i]
            switch c {
            case 0x20, 0x09, 0x24: i += 1  // space, tab, '$' (currency or LaTeX math)
            case 0x30...0x39:
                let prev: UInt8 = i > 0 ? b[i - 1] : 0x20
                // A number glued to a letter, power, subscript or brace is part of something else.
                let canStart = !(isLetter(i - 1) || prev == 0x5E || prev == 0x5F || prev == 0x7B || prev == 0x2E)
                var value = 0.0, decimals = 0
                while i < n {
                    if isDigit(i) {
                        value = value * 10 + Double(b[i] - 0x30); i += 1
                    } else if b[i] == 0x2C && isDigit(i + 1) && isDigit(i + 2) && isDigit(i + 3) && !isDigit(i + 4) {
                        i += 1
                    } else {
                        break
                    }
                }
                if i < n && b[i] == 0x2E && isDigit(i + 1) {
                    i += 1
                    var scale = 0.1
                    while isDigit(i) { value += Double(b[i] - 0x30) * scale; scale /= 10; decimals += 1; i += 1 }
                }
                out.append(.number(negative ? -value : value, decimals: decimals, canStart: canStart))
                negative = false
                if i < n && b[i] == 0x25 {
                    // A percent sign before "=" or at the end is a unit ("7/20 x 100% = 35%");
                    // before anything else it starts an expression of another kind ("20% of 80").
                    var j = i + 1
                    while j < n && b[j] == 0x20 { j += 1 }
                    if j == n || [0x3D, 0x0A, 0x2E, 0x2C, 0x29, 0x3B].contains(b[j]) { i += 1 } else { stop() }
                } else if i < n && (isLetter(i) || b[i] == 0x5E) {
                    stop()
                }  // 5km, 2^3
            case 0x2B: out.append(.op(.add)); i += 1
            case 0x2D:
                // A minus glued to a digit where no number precedes is a sign: "= -5", "(-3".
                var afterNumber = false
                if case .number? = out.last { afterNumber = true }
                if !afterNumber && isDigit(i + 1) { negative = true } else { out.append(.op(.subtract)) }
                i += 1
            case 0x2A: out.append(.op(.multiply)); i += 1
            case 0x2F: out.append(.op(.divide)); i += 1
            case 0x3D:
                out.append(.equals(approximate: false)); i += 1
                while i < n && b[i] == 0x3D { i += 1 }
            case 0x78, 0x58:  // "x" between spaces is multiplication; otherwise a variable
                if i > 0 && b[i - 1] == 0x20 && i + 1 < n && b[i + 1] == 0x20 {
                    out.append(.op(.multiply))
                } else {
                    stop()
                }
                i += 1
            case 0x41...0x5A, 0x61...0x7A:
                // Prose arithmetic between spaces: "3 times 4 is 12", "20 divided by 4 equals 5".
                var j = i
                while isLetter(j) { j += 1 }
                let spaced = (i == 0 || b[i - 1] == 0x20) && (j == n || b[j] == 0x20)
                if spaced, let (word, token) = Self.proseWord(b, from: i, to: j) {
                    out.append(token)
                    if word == 3, j + 3 <= n, b[j] == 0x20, (b[j + 1] | 0x20) == 0x62, (b[j + 2] | 0x20) == 0x79 {
                        j += 3
                    }  // "divided by"
                } else {
                    stop()
                }
                i = j
            case 0x5C:  // LaTeX commands
                var j = i + 1
                while isLetter(j) { j += 1 }
                let name = String(decoding: UnsafeBufferPointer(rebasing: b[(i + 1)..<j]), as: UTF8.self)
                switch name {
                case "times", "cdot": out.append(.op(.multiply))
                case "div": out.append(.op(.divide))
                case "approx": out.append(.equals(approximate: true))
                case "":
                    if j < n, b[j] == 0x2C || b[j] == 0x3B || b[j] == 0x20 || b[j] == 0x24 { j += 1 } else { stop() }
                default: stop()
                }
                i = max(j, i + 1)
            case 0xC2 where i + 1 < n && b[i + 1] == 0xB7: out.append(.op(.multiply)); i += 2
            case 0xC3 where i + 1 < n && b[i + 1] == 0x97: out.append(.op(.multiply)); i += 2
            case 0xC3 where i + 1 < n && b[i + 1] == 0xB7: out.append(.op(.divide)); i += 2
            case 0xE2 where i + 2 < n && b[i + 1] == 0x88 && b[i + 2] == 0x92: out.append(.op(.subtract)); i += 3
            case 0xE2 where i + 2 < n && b[i + 1] == 0x8B && b[i + 2] == 0x85: out.append(.op(.multiply)); i += 3
            case 0xE2 where i + 2 < n && b[i + 1] == 0x89 && b[i + 2] == 0x88:
                out.append(.equals(approximate: true)); i += 3
            default: stop(); i += 1
            }
        }
        return out
    }
}
