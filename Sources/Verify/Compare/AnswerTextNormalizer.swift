/// Strips the LaTeX and Markdown wrapping that does not change an answer's meaning.
///
/// `$`, `\$`, `\(` `\)` `\[` `\]`, `\left` `\right`, `\displaystyle`, thin spaces (`\!` `\,` `\;`
/// `\:`) go; `\text{…}` and its kin become their contents; `\dfrac` and `\tfrac` become `\frac`;
/// `\%` becomes `%`; one trailing period goes. One linear pass with an explicit brace stack, so
/// deep nesting cannot overflow anything.
enum AnswerTextNormalizer {
    private static let unwrapped = ["text", "textbf", "textit", "textrm", "mathrm", "mathbf", "mbox", "textnormal"]
    private static let dropped = ["left", "right", "displaystyle"]

    /// The normalised answer, trimmed.
    static func normalize(_ text: String) -> String {
        var contiguous = text
        // Without `$`, braces or backslashes the loop below would copy every byte as it is.
        let plain = contiguous.withUTF8 { bytes in
            !bytes.contains {
                $0 == UInt8(ascii: "$") || $0 == UInt8(ascii: "{") || $0 == UInt8(ascii: "}")
                    || $0 == UInt8(ascii: "\\")
            }
        }
        return plain ? finish(text) : contiguous.withUTF8(normalize)
    }

    private static func normalize(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        // One entry per open brace: whether its closing brace is dropped with the command.
        var braces: [Bool] = []
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            switch b {
            case UInt8(ascii: "$"):
                i += 1
            case UInt8(ascii: "{"):
                braces.append(false)
                out.append(b)
                i += 1
            case UInt8(ascii: "}"):
                if braces.popLast() != true { out.append(b) }
                i += 1
            case UInt8(ascii: "\\"):
                i = command(bytes, at: i, into: &out, braces: &braces)
            default:
                out.append(b)
                i += 1
            }
        }
        return finish(String(decoding: out, as: UTF8.self))
    }

    /// The text trimmed, without one trailing period.
    private static func finish(_ text: String) -> String {
        var s = trim(text[...])
        if s.hasASCIISuffix(".") { s = trim(s.dropLast()) }
        return s.utf8.count == text.utf8.count ? text : String(s)
    }

    /// Handles the command starting at `at`; returns where scanning resumes.
    private static func command(
        _ bytes: UnsafeBufferPointer<UInt8>, at: Int, into out: inout [UInt8], braces: inout [Bool]
    ) -> Int {
        guard at + 1 < bytes.count else { return at + 1 }
        let next = bytes[at + 1]
        switch next {
        case UInt8(ascii: "$"), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "["), UInt8(ascii: "]"),
            UInt8(ascii: "!"), UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: ":"):
            return at + 2
        case UInt8(ascii: " "):
            out.append(next)
            return at + 2
        case UInt8(ascii: "%"):
            out.append(next)
            return at + 2
        default:
            break
        }
        var end = at + 1
        while end < bytes.count, isLetter(bytes[end]) { end += 1 }
        let name = String(decoding: bytes[(at + 1)..<end], as: UTF8.self)
        if unwrapped.contains(name) {
            var j = end
            while j < bytes.count, bytes[j] == UInt8(ascii: " ") { j += 1 }
            if j < bytes.count, bytes[j] == UInt8(ascii: "{") {
                braces.append(true)
                return j + 1
            }
            return end
        }
        if dropped.contains(name) { return end }
        if name == "dfrac" || name == "tfrac" {
            out.append(contentsOf: Array("\\frac".utf8))
            return end
        }
        if name.isEmpty {
            // `\{`, `\}`, `\\` and other escaped symbols stay as they are.
            out.append(contentsOf: bytes[at...(at + 1)])
            return at + 2
        }
        out.append(contentsOf: bytes[at..<end])
        return end
    }

    private static func isLetter(_ b: UInt8) -> Bool {
        (b | 0x20) >= UInt8(ascii: "a") && (b | 0x20) <= UInt8(ascii: "z")
    }

    static func trim(_ s: Substring) -> Substring { Whitespace.trim(s) }
}
