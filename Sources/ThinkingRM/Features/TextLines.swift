/// The lines of UTF-8 text as byte ranges, split where `String.split(separator: "\n")` splits: at
/// a line feed that does not end a "\r\n" (a Character of its own, unequal to "\n"). Scanning
/// bytes spares the Character walk that splitting a String pays on every byte.
enum TextLines {
    /// The line ranges of `bytes`; empty lines are kept unless `omittingEmpty`.
    static func ranges(_ bytes: UnsafeBufferPointer<UInt8>, omittingEmpty: Bool) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var start = 0
        for i in 0..<bytes.count where bytes[i] == 0x0A && (i == 0 || bytes[i - 1] != 0x0D) {
            if !omittingEmpty || i > start { out.append(start..<i) }
            start = i + 1
        }
        if !omittingEmpty || bytes.count > start { out.append(start..<bytes.count) }
        return out
    }

    /// Whether `line` holds a character that is not whitespace (Character.isWhitespace; lines
    /// with non-ASCII bytes are decoded to ask it).
    static func hasContent(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        var ascii = true
        for b in line {
            if b >= 0x80 { ascii = false; break }
            if !(b == 0x20 || (b >= 0x09 && b <= 0x0D)) { return true }
        }
        if ascii { return false }
        return String(decoding: line, as: UTF8.self).contains { !$0.isWhitespace }
    }
}
