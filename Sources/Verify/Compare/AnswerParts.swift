/// How many parts an answer lists at its top level: `1, 2, 3` has three, `(2,2), (6,2)` two,
/// `k = 45, n = 2` two, `x = 1 or x = -2` two, `(312, 123, 231)` and `1,000` one.
///
/// Several boxed answers are one set answer when the reference has several parts, and hedging
/// when it has one; this count decides which, from the text alone.
public enum AnswerParts {
    /// The number of top-level parts of `answer` (at least 1).
    public static func count(_ answer: String) -> Int {
        var b = Array(answer.utf8)
        // A set written whole (`\{1, 2, 3\}`) has the parts inside its braces.
        while b.first == 32 { b.removeFirst() }
        while b.last == 32 { b.removeLast() }
        if b.count > 4, b[0] == 92, b[1] == UInt8(ascii: "{"), b[b.count - 2] == 92, b[b.count - 1] == UInt8(ascii: "}")
        {
            b = Array(b[2..<(b.count - 2)])
        }
        var depth = 0, parts = 1, i = 0
        while i < b.count {
            let c = b[i]
            switch c {
            case UInt8(ascii: "("), UInt8(ascii: "["), UInt8(ascii: "{"): depth += 1
            case UInt8(ascii: ")"), UInt8(ascii: "]"), UInt8(ascii: "}"): depth = max(0, depth - 1)
            case UInt8(ascii: "\\"):
                // `\{` `\}` are braces of a set; any other command is skipped whole.
                if i + 1 < b.count, b[i + 1] == UInt8(ascii: "{") {
                    depth += 1; i += 1
                } else if i + 1 < b.count, b[i + 1] == UInt8(ascii: "}") {
                    depth = max(0, depth - 1); i += 1
                }
            case UInt8(ascii: ","), UInt8(ascii: ";"):
                if depth == 0, !isThousandsComma(b, i) { parts += 1 }
            case UInt8(ascii: " "):
                if depth == 0, word(b, i + 1, "and ") || word(b, i + 1, "or ") { parts += 1 }
            default: break
            }
            i += 1
        }
        return parts
    }

    /// A comma between a digit and exactly three digits (`1,000`), which groups thousands.
    private static func isThousandsComma(_ b: [UInt8], _ i: Int) -> Bool {
        guard i > 0, isDigit(b[i - 1]) else { return false }
        var k = i + 1, n = 0
        while k < b.count, isDigit(b[k]) { k += 1; n += 1 }
        return n == 3
    }

    private static func word(_ b: [UInt8], _ at: Int, _ w: String) -> Bool {
        let w = Array(w.utf8)
        guard at + w.count <= b.count else { return false }
        return zip(w, b[at...]).allSatisfy { $0 == $1 | 0x20 }
    }

    private static func isDigit(_ c: UInt8) -> Bool { c >= 48 && c <= 57 }
}
