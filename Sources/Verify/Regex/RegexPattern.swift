import CPCRE2

/// A compiled PCRE2 pattern: compiled and JIT-compiled once, then matched from any thread.
///
/// This is the only regex engine in RewardKit. Patterns are UTF-8 with Unicode properties on.
/// Every match runs under PCRE2's match and depth limits, so catastrophic backtracking on hostile
/// input ends as "no match" instead of a hang.
public final class RegexPattern: @unchecked Sendable {
    // @unchecked: `code` and `context` are written only in init and freed in deinit; PCRE2
    // documents compiled (and JIT-compiled) code and an unmodified match context as safe to share.

    /// Compile-time options.
    public struct Options: OptionSet, Sendable {
        public let rawValue: UInt32
        public init(rawValue: UInt32) { self.rawValue = rawValue }
        /// Letters match either case.
        public static let caseInsensitive = Options(rawValue: UInt32(PCRE2_CASELESS))
        /// `.` also matches a newline.
        public static let dotAll = Options(rawValue: UInt32(PCRE2_DOTALL))
        /// `^` and `$` match at line starts and ends.
        public static let multiline = Options(rawValue: UInt32(PCRE2_MULTILINE))
    }

    /// The pattern text as given.
    public let pattern: String
    private let code: OpaquePointer
    private let context: OpaquePointer
    private let usesJIT: Bool

    /// The most backtracking steps one match may take before it is abandoned as "no match".
    public static let defaultMatchLimit: UInt32 = 1_000_000

    /// Compiles `pattern`; throws `RegexError.compile` with PCRE2's message and offset.
    public init(
        _ pattern: String, options: Options = [], matchLimit: UInt32 = RegexPattern.defaultMatchLimit
    ) throws(RegexError) {
        self.pattern = pattern
        var errorCode: Int32 = 0
        var errorOffset: Int = 0
        let flags = options.rawValue | UInt32(PCRE2_UTF) | UInt32(PCRE2_UCP)
        let compiled: OpaquePointer? = pattern.utf8CString.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: UInt8.self) { bytes in
                pcre2_compile_8(bytes.baseAddress, Int(bytes.count - 1), flags, &errorCode, &errorOffset, nil)
            }
        }
        guard let compiled else {
            throw RegexError.compile(pattern: pattern, offset: errorOffset, message: Self.message(for: errorCode))
        }
        guard let context = pcre2_match_context_create_8(nil) else {
            pcre2_code_free_8(compiled)
            throw RegexError.compile(pattern: pattern, offset: 0, message: "cannot allocate a match context")
        }
        pcre2_set_match_limit_8(context, matchLimit)
        pcre2_set_depth_limit_8(context, 10_000)
        self.code = compiled
        self.context = context
        self.usesJIT = pcre2_jit_compile_8(compiled, UInt32(PCRE2_JIT_COMPLETE)) == 0
    }

    deinit {
        pcre2_match_context_free_8(context)
        pcre2_code_free_8(code)
    }

    /// Whether the pattern matches anywhere in `text`.
    public func matches(_ text: String) -> Bool {
        firstMatch(in: text) != nil
    }

    /// The first match at or after the UTF-8 byte offset `start`, or nil.
    public func firstMatch(in text: String, fromByte start: Int = 0) -> RegexMatch? {
        var contiguous = text
        return contiguous.withUTF8 { bytes in match(bytes, text: text, start: start) }
    }

    /// Every non-overlapping match, left to right.
    public func allMatches(in text: String) -> [RegexMatch] {
        var contiguous = text
        return contiguous.withUTF8 { bytes in
            var found: [RegexMatch] = []
            var start = 0
            while start <= bytes.count, let m = match(bytes, text: text, start: start) {
                found.append(m)
                let end = m.byteRange.upperBound
                // An empty match must still move forward, by one whole character.
                start = end > m.byteRange.lowerBound ? end : Self.nextCharacterStart(bytes, after: end)
            }
            return found
        }
    }

    private func match(_ bytes: UnsafeBufferPointer<UInt8>, text: String, start: Int) -> RegexMatch? {
        guard start <= bytes.count, let data = pcre2_match_data_create_from_pattern_8(code, nil) else { return nil }
        defer { pcre2_match_data_free_8(data) }
        // Swift strings are valid UTF-8 already, so PCRE2 need not check again.
        let options = UInt32(PCRE2_NO_UTF_CHECK)
        // An empty buffer may have a nil base address; PCRE2 wants a real pointer.
        let empty: [UInt8] = [0]
        let rc: Int32 = empty.withUnsafeBufferPointer { fallback in
            let base = bytes.baseAddress ?? fallback.baseAddress
            if usesJIT {
                return pcre2_jit_match_8(code, base, bytes.count, start, options, data, context)
            }
            return pcre2_match_8(code, base, bytes.count, start, options, data, context)
        }
        guard rc > 0 else { return nil }  // no match, or a limit hit: both are "no match"
        let vector = pcre2_get_ovector_pointer_8(data)!
        let pairs = Int(pcre2_get_ovector_count_8(data))
        var groups: [Range<Int>?] = []
        groups.reserveCapacity(pairs)
        for i in 0..<pairs {
            // PCRE2_SIZE imports as Int, so PCRE2_UNSET (all bits set) reads as -1.
            let lo = Int(vector[2 * i]), hi = Int(vector[2 * i + 1])
            if lo < 0 || hi < 0 || i >= Int(rc) {
                groups.append(nil)
            } else {
                groups.append(lo..<hi)
            }
        }
        return RegexMatch(text: text, groups: groups)
    }

    private static func nextCharacterStart(_ bytes: UnsafeBufferPointer<UInt8>, after offset: Int) -> Int {
        var next = offset + 1
        while next < bytes.count, bytes[next] & 0xC0 == 0x80 { next += 1 }
        return next
    }

    private static func message(for code: Int32) -> String {
        var buffer = [UInt8](repeating: 0, count: 256)
        let n = pcre2_get_error_message_8(code, &buffer, buffer.count)
        return n > 0 ? String(decoding: buffer[0..<Int(n)], as: UTF8.self) : "PCRE2 error \(code)"
    }
}

/// One match of a `RegexPattern`: the whole match and its capture groups as byte ranges of `text`.
public struct RegexMatch: Sendable {
    /// The text that was searched.
    public let text: String
    /// Byte ranges (UTF-8 offsets) of group 0 (the whole match) and each capture group; nil if unset.
    public let groups: [Range<Int>?]

    /// Byte range of the whole match.
    public var byteRange: Range<Int> { groups[0]! }

    /// The text of capture group `index` (0 = whole match), or nil if it did not take part.
    public subscript(_ index: Int) -> Substring? {
        guard index < groups.count, let range = groups[index] else { return nil }
        let utf8 = text.utf8
        let lo = utf8.index(utf8.startIndex, offsetBy: range.lowerBound)
        let hi = utf8.index(lo, offsetBy: range.count)
        return text[lo..<hi]
    }
}
