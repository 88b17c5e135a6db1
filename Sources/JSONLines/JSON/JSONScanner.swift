/// A validating JSON reader over raw bytes that does not build a tree.
///
/// A row is scanned once: every value is checked against the JSON grammar (and its strings
/// against UTF-8), but only the top-level members are remembered, as byte ranges. The fields a
/// reward needs are decoded afterwards from those ranges; everything else is copied to the output
/// as the bytes it was. This keeps a row to one pass and no copies it does not need.
package struct JSONScanner {
    /// One top-level member: where its key (without quotes) and its value lie in the buffer.
    package struct Member {
        /// Key bytes between the quotes, escapes not yet decoded.
        package var key: Range<Int>
        /// Whether the key holds a backslash escape (then it must be decoded before comparing).
        package var keyHasEscape: Bool
        /// From the opening quote of the key to the end of the value: the member as written.
        package var whole: Range<Int>
        /// The value as written.
        package var value: Range<Int>
        /// Whether the value is a string holding a backslash escape.
        package var valueHasEscape: Bool
    }

    /// Deeper nesting than this is refused, so hostile rows cannot exhaust the stack.
    package static let maxDepth = 512

    package let bytes: UnsafeBufferPointer<UInt8>
    /// The next byte to read.
    package var position: Int

    package init(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int = 0) {
        self.bytes = bytes
        self.position = offset
    }

    /// Scans a whole text that should be one JSON object; returns its members in order, or nil
    /// when the text is valid JSON of another kind (an array, a string, ...).
    package mutating func scanObjectMembers() throws(JSONError) -> [Member]? {
        skipWhitespace()
        guard position < bytes.count else { throw JSONError("empty text", at: position) }
        if bytes[position] != UInt8(ascii: "{") {
            try scanValue(depth: 0)
            try expectEnd()
            return nil
        }
        position += 1
        var members: [Member] = []
        members.reserveCapacity(12)
        skipWhitespace()
        if peek() == UInt8(ascii: "}") {
            position += 1
            try expectEnd()
            return members
        }
        while true {
            skipWhitespace()
            guard peek() == UInt8(ascii: "\"") else { throw JSONError("expected a quoted key", at: position) }
            let start = position
            let (key, escaped) = try scanString()
            skipWhitespace()
            guard peek() == UInt8(ascii: ":") else { throw JSONError("expected ':' after a key", at: position) }
            position += 1
            skipWhitespace()
            let valueStart = position
            var valueEscaped = false
            if peek() == UInt8(ascii: "\"") {
                valueEscaped = try scanString().1
            } else {
                try scanValue(depth: 1)
            }
            members.append(
                Member(
                    key: key, keyHasEscape: escaped, whole: start..<position, value: valueStart..<position,
                    valueHasEscape: valueEscaped))
            skipWhitespace()
            switch peek() {
            case UInt8(ascii: ","): position += 1
            case UInt8(ascii: "}"):
                position += 1
                try expectEnd()
                return members
            default: throw JSONError("expected ',' or '}' in an object", at: position)
            }
        }
    }

    /// Scans a whole text that should be one JSON array; returns the range of each element, or
    /// nil when the text is valid JSON of another kind.
    package mutating func scanArrayElements() throws(JSONError) -> [Range<Int>]? {
        skipWhitespace()
        guard position < bytes.count else { throw JSONError("empty text", at: position) }
        if bytes[position] != UInt8(ascii: "[") {
            try scanValue(depth: 0)
            try expectEnd()
            return nil
        }
        position += 1
        var elements: [Range<Int>] = []
        skipWhitespace()
        if peek() == UInt8(ascii: "]") {
            position += 1
            try expectEnd()
            return elements
        }
        while true {
            skipWhitespace()
            let start = position
            try scanValue(depth: 1)
            elements.append(start..<position)
            skipWhitespace()
            switch peek() {
            case UInt8(ascii: ","): position += 1
            case UInt8(ascii: "]"):
                position += 1
                try expectEnd()
                return elements
            default: throw JSONError("expected ',' or ']' in an array", at: position)
            }
        }
    }

    /// Scans a whole text holding one JSON value of any kind.
    package mutating func scanDocument() throws(JSONError) {
        skipWhitespace()
        try scanValue(depth: 0)
        try expectEnd()
    }

    private mutating func expectEnd() throws(JSONError) {
        skipWhitespace()
        if position != bytes.count { throw JSONError("unexpected text after the value", at: position) }
    }

    @inline(__always) private func peek() -> UInt8 {
        position < bytes.count ? bytes[position] : 0
    }

    @inline(__always) private mutating func skipWhitespace() {
        while position < bytes.count {
            switch bytes[position] {
            case 0x20, 0x09, 0x0A, 0x0D: position += 1
            default: return
            }
        }
    }

    /// Scans one value starting at `position`.
    package mutating func scanValue(depth: Int) throws(JSONError) {
        guard depth <= Self.maxDepth else { throw JSONError("nesting deeper than \(Self.maxDepth)", at: position) }
        switch peek() {
        case UInt8(ascii: "\""): _ = try scanString()
        case UInt8(ascii: "{"): try scanObject(depth: depth)
        case UInt8(ascii: "["): try scanArray(depth: depth)
        case UInt8(ascii: "t"): try scanLiteral("true")
        case UInt8(ascii: "f"): try scanLiteral("false")
        case UInt8(ascii: "n"): try scanLiteral("null")
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): try scanNumber()
        default:
            throw JSONError(position < bytes.count ? "unexpected character" : "unexpected end of text", at: position)
        }
    }

    private mutating func scanObject(depth: Int) throws(JSONError) {
        position += 1
        skipWhitespace()
        if peek() == UInt8(ascii: "}") { position += 1; return }
        while true {
            skipWhitespace()
            guard peek() == UInt8(ascii: "\"") else { throw JSONError("expected a quoted key", at: position) }
            _ = try scanString()
            skipWhitespace()
            guard peek() == UInt8(ascii: ":") else { throw JSONError("expected ':' after a key", at: position) }
            position += 1
            skipWhitespace()
            try scanValue(depth: depth + 1)
            skipWhitespace()
            switch peek() {
            case UInt8(ascii: ","): position += 1
            case UInt8(ascii: "}"): position += 1; return
            default: throw JSONError("expected ',' or '}' in an object", at: position)
            }
        }
    }

    private mutating func scanArray(depth: Int) throws(JSONError) {
        position += 1
        skipWhitespace()
        if peek() == UInt8(ascii: "]") { position += 1; return }
        while true {
            skipWhitespace()
            try scanValue(depth: depth + 1)
            skipWhitespace()
            switch peek() {
            case UInt8(ascii: ","): position += 1
            case UInt8(ascii: "]"): position += 1; return
            default: throw JSONError("expected ',' or ']' in an array", at: position)
            }
        }
    }

    private mutating func scanLiteral(_ word: StaticString) throws(JSONError) {
        let n = word.utf8CodeUnitCount
        guard position + n <= bytes.count else { throw JSONError("unexpected end of text", at: position) }
        let expected = word.utf8Start
        for i in 0..<n where bytes[position + i] != expected[i] {
            throw JSONError("unexpected character", at: position + i)
        }
        position += n
    }

    private mutating func scanNumber() throws(JSONError) {
        let start = position
        if peek() == UInt8(ascii: "-") { position += 1 }
        if peek() == UInt8(ascii: "0") {
            position += 1
        } else if isDigit(peek()) {
            while isDigit(peek()) { position += 1 }
        } else {
            throw JSONError("a number needs digits", at: start)
        }
        if peek() == UInt8(ascii: ".") {
            position += 1
            guard isDigit(peek()) else { throw JSONError("a decimal point needs digits after it", at: position) }
            while isDigit(peek()) { position += 1 }
        }
        if peek() == UInt8(ascii: "e") || peek() == UInt8(ascii: "E") {
            position += 1
            if peek() == UInt8(ascii: "+") || peek() == UInt8(ascii: "-") { position += 1 }
            guard isDigit(peek()) else { throw JSONError("an exponent needs digits", at: position) }
            while isDigit(peek()) { position += 1 }
        }
    }

    @inline(__always) private func isDigit(_ b: UInt8) -> Bool { b &- UInt8(ascii: "0") < 10 }

    /// Scans a string at `position` (on its opening quote); returns the content range and whether
    /// it holds escapes. Checks escapes, control characters and UTF-8 as it goes.
    package mutating func scanString() throws(JSONError) -> (Range<Int>, Bool) {
        position += 1
        let start = position
        var escaped = false
        while position < bytes.count {
            skipPlainASCII()
            guard position < bytes.count else { break }
            let b = bytes[position]
            if b == UInt8(ascii: "\"") {
                let content = start..<position
                position += 1
                return (content, escaped)
            } else if b == UInt8(ascii: "\\") {
                escaped = true
                try scanEscape()
            } else if b < 0x20 {
                throw JSONError("control character in a string", at: position)
            } else if b < 0x80 {
                position += 1
            } else {
                try scanUTF8Sequence()
            }
        }
        throw JSONError("unterminated string", at: start - 1)
    }

    /// Skips plain ASCII string content (no quote, backslash, control character or non-ASCII
    /// byte), the common case in long responses: 16 bytes at a time in vector registers, then 8 at a
    /// time in a word. Stops on the first other byte, found from the block's flags: most strings
    /// (keys, answers, ids) end inside their first block, and reading them on byte by byte from
    /// the block's start would cost more than the vector scan of a long response.
    @inline(__always) private mutating func skipPlainASCII() {
        guard let base = bytes.baseAddress else { return }
        let quotes = SIMD16<UInt8>(repeating: 0x22), backslashes = SIMD16<UInt8>(repeating: 0x5C)
        let space = SIMD16<UInt8>(repeating: 0x20), high = SIMD16<UInt8>(repeating: 0x80)
        while position + 16 <= bytes.count {
            let v = UnsafeRawPointer(base + position).loadUnaligned(as: SIMD16<UInt8>.self)
            // In wrapping unsigned bytes, exactly 0x20...0x7F satisfy `v - 0x20 < 0x60`.
            let outside = (v &- space) .>= high &- space
            let special = (v .== quotes) .| (v .== backslashes) .| outside
            guard any(special) else {
                position += 16
                continue
            }
            // Byte k of the block is flagged in byte k of the words, counted from the low end.
            let flags = unsafeBitCast(
                SIMD16<UInt8>(repeating: 0).replacing(with: 0xFF, where: special), to: SIMD2<UInt64>.self)
            let low = UInt64(littleEndian: flags[0]), upper = UInt64(littleEndian: flags[1])
            position += low != 0 ? low.trailingZeroBitCount / 8 : 8 + upper.trailingZeroBitCount / 8
            return
        }
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        while position + 8 <= bytes.count {
            let w = UInt64(littleEndian: UnsafeRawPointer(base + position).loadUnaligned(as: UInt64.self))
            let quote = w ^ (ones &* 0x22), backslash = w ^ (ones &* 0x5C)
            // A zero byte in x shows as a high bit in (x - ones) & ~x & highs. Borrows can flag bytes
            // above a true hit, never below one, so the lowest flag is the first special byte.
            let special =
                (((quote &- ones) & ~quote) | ((backslash &- ones) & ~backslash) | ((w &- ones &* 0x20) & ~w) | w)
                & highs
            if special != 0 {
                position += special.trailingZeroBitCount / 8
                return
            }
            position += 8
        }
    }

    private mutating func scanEscape() throws(JSONError) {
        position += 1
        switch peek() {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"),
            UInt8(ascii: "f"), UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
            position += 1
        case UInt8(ascii: "u"):
            guard position + 4 < bytes.count else { throw JSONError("short \\u escape", at: position) }
            for i in 1...4 where hexValue(bytes[position + i]) == nil {
                throw JSONError("bad \\u escape", at: position + i)
            }
            position += 5
        default:
            throw JSONError("bad escape", at: position)
        }
    }

    /// Checks one multi-byte UTF-8 sequence (no overlongs, no surrogates, at most U+10FFFF).
    private mutating func scanUTF8Sequence() throws(JSONError) {
        let b0 = bytes[position]
        let length: Int
        var lower: UInt8 = 0x80, upper: UInt8 = 0xBF
        switch b0 {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; lower = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; upper = 0x9F
        case 0xF0: length = 4; lower = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; upper = 0x8F
        default: throw JSONError("invalid UTF-8", at: position, encoding: true)
        }
        guard position + length <= bytes.count else { throw JSONError("invalid UTF-8", at: position, encoding: true) }
        let b1 = bytes[position + 1]
        guard b1 >= lower && b1 <= upper else { throw JSONError("invalid UTF-8", at: position, encoding: true) }
        for i in 2..<length where bytes[position + i] & 0xC0 != 0x80 {
            throw JSONError("invalid UTF-8", at: position, encoding: true)
        }
        position += length
    }
}

/// The value of one hex digit, or nil.
@inline(__always) func hexValue(_ b: UInt8) -> UInt32? {
    switch b {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(b - UInt8(ascii: "0"))
    case UInt8(ascii: "a")...UInt8(ascii: "f"): return UInt32(b - UInt8(ascii: "a") + 10)
    case UInt8(ascii: "A")...UInt8(ascii: "F"): return UInt32(b - UInt8(ascii: "A") + 10)
    default: return nil
    }
}
