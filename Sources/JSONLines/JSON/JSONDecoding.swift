import Foundation

/// Turns byte ranges found by `JSONScanner` into Swift values. The ranges were validated by the
/// scan, so decoding here does not check the grammar again.
package enum JSONDecoding {
    /// The string whose content (between the quotes) is `range`, escapes resolved.
    package static func string(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, hasEscape: Bool) -> String {
        guard let base = bytes.baseAddress, !range.isEmpty else { return "" }
        // Written straight into the String's own storage: one copy of the bytes, no more.
        return String(unsafeUninitializedCapacity: range.count) { out in
            guard hasEscape else {
                out.baseAddress!.update(from: base + range.lowerBound, count: range.count)
                return range.count
            }
            return unescape(base, range, into: out)
        }
    }

    /// Copies `range` into `out` resolving escapes; runs without a backslash are copied in bulk.
    /// Returns the bytes written (never more than the range, since every escape shrinks).
    private static func unescape(
        _ base: UnsafePointer<UInt8>, _ range: Range<Int>, into out: UnsafeMutableBufferPointer<UInt8>
    ) -> Int {
        var written = 0
        var i = range.lowerBound
        let end = range.upperBound
        while i < end {
            let run: Int
            if let hit = memchr(base + i, Int32(UInt8(ascii: "\\")), end - i) {
                run = base.distance(to: hit.assumingMemoryBound(to: UInt8.self)) - i
            } else {
                run = end - i
            }
            (out.baseAddress! + written).update(from: base + i, count: run)
            written += run
            i += run
            guard i < end else { break }
            let e = base[i + 1]
            i += 2
            switch e {
            case UInt8(ascii: "b"): out[written] = 0x08; written += 1
            case UInt8(ascii: "f"): out[written] = 0x0C; written += 1
            case UInt8(ascii: "n"): out[written] = 0x0A; written += 1
            case UInt8(ascii: "r"): out[written] = 0x0D; written += 1
            case UInt8(ascii: "t"): out[written] = 0x09; written += 1
            case UInt8(ascii: "u"):
                var scalar = hex4(base, i)
                i += 4
                // A high surrogate followed by an escaped low surrogate is one character.
                if (0xD800...0xDBFF).contains(scalar), i + 6 <= end,
                    base[i] == UInt8(ascii: "\\"), base[i + 1] == UInt8(ascii: "u")
                {
                    let low = hex4(base, i + 2)
                    if (0xDC00...0xDFFF).contains(low) {
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                        i += 6
                    }
                }
                // A lone surrogate cannot be text; it becomes U+FFFD as most decoders do.
                UTF8.encode(Unicode.Scalar(scalar) ?? "\u{FFFD}") {
                    out[written] = $0; written += 1
                }
            default: out[written] = e; written += 1  // \" \\ \/
            }
        }
        return written
    }

    private static func hex4(_ bytes: UnsafePointer<UInt8>, _ at: Int) -> UInt32 {
        var v: UInt32 = 0
        for k in 0..<4 { v = v << 4 | (hexValue(bytes[at + k]) ?? 0) }
        return v
    }

    /// The full value tree of a validated value range.
    package static func value(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> JSONValue {
        var reader = TreeReader(bytes: bytes, position: range.lowerBound)
        return reader.read()
    }

    /// Builds a `JSONValue` from text already known to be valid.
    private struct TreeReader {
        let bytes: UnsafeBufferPointer<UInt8>
        var position: Int

        mutating func skipWhitespace() {
            while position < bytes.count {
                switch bytes[position] {
                case 0x20, 0x09, 0x0A, 0x0D: position += 1
                default: return
                }
            }
        }

        mutating func read() -> JSONValue {
            skipWhitespace()
            switch bytes[position] {
            case UInt8(ascii: "\""): return .string(readString())
            case UInt8(ascii: "{"):
                position += 1
                var members: [(key: String, value: JSONValue)] = []
                skipWhitespace()
                if bytes[position] == UInt8(ascii: "}") { position += 1; return .object(members) }
                while true {
                    skipWhitespace()
                    let key = readString()
                    skipWhitespace()
                    position += 1  // ':'
                    members.append((key, read()))
                    skipWhitespace()
                    let b = bytes[position]
                    position += 1
                    if b == UInt8(ascii: "}") { return .object(members) }
                }
            case UInt8(ascii: "["):
                position += 1
                var items: [JSONValue] = []
                skipWhitespace()
                if bytes[position] == UInt8(ascii: "]") { position += 1; return .array(items) }
                while true {
                    items.append(read())
                    skipWhitespace()
                    let b = bytes[position]
                    position += 1
                    if b == UInt8(ascii: "]") { return .array(items) }
                }
            case UInt8(ascii: "t"): position += 4; return .bool(true)
            case UInt8(ascii: "f"): position += 5; return .bool(false)
            case UInt8(ascii: "n"): position += 4; return .null
            default:
                let start = position
                while position < bytes.count, isNumberByte(bytes[position]) { position += 1 }
                return .number(number(bytes, start..<position))
            }
        }

        mutating func readString() -> String {
            // The text is valid, so re-scanning the string only finds its end and escapes.
            var scanner = JSONScanner(bytes, at: position)
            let (content, escaped) = (try? scanner.scanString()) ?? (position..<position, false)
            position = scanner.position
            return JSONDecoding.string(bytes, content, hasEscape: escaped)
        }

        func isNumberByte(_ b: UInt8) -> Bool {
            (b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9")) || b == UInt8(ascii: "-") || b == UInt8(ascii: "+")
                || b == UInt8(ascii: ".") || b == UInt8(ascii: "e") || b == UInt8(ascii: "E")
        }
    }

    /// The number written in `range` (validated JSON number syntax).
    package static func number(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Double {
        Double(String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)) ?? .nan
    }

    /// The text of a value range as written (for numbers used as ids, say).
    package static func raw(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }
}
