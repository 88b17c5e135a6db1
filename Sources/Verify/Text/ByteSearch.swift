#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Substring search on UTF-8 bytes (`memchr` for the first byte, `memcmp` for the rest).
///
/// Swift's `String.firstRange(of:)` compares by grapheme cluster and is two orders of magnitude
/// slower; tags and headers are ASCII, where byte search gives the same answer.
public enum ByteSearch {
    /// Byte offset of the first `needle` at or after `start` in `text`, or nil.
    public static func firstOffset(of needle: String, in text: String, from start: Int = 0) -> Int? {
        var haystack = text, pattern = needle
        return haystack.withUTF8 { h in
            pattern.withUTF8 { n in find(n, in: h, from: start) }
        }
    }

    /// How many non-overlapping times `needle` occurs in `text`.
    public static func count(of needle: String, in text: String) -> Int {
        var haystack = text, pattern = needle
        return haystack.withUTF8 { h in
            pattern.withUTF8 { n in
                guard n.count > 0 else { return 0 }
                var count = 0, at = 0
                while let found = find(n, in: h, from: at) {
                    count += 1
                    at = found + n.count
                }
                return count
            }
        }
    }

    /// Byte offset of the last `needle` in `text`, or nil.
    public static func lastOffset(of needle: String, in text: String) -> Int? {
        var haystack = text, pattern = needle
        return haystack.withUTF8 { h in
            pattern.withUTF8 { n in
                guard n.count > 0 else { return nil }
                var last: Int?, at = 0
                while let found = find(n, in: h, from: at) {
                    last = found
                    at = found + 1
                }
                return last
            }
        }
    }

    /// Whether `text` contains `needle`.
    public static func contains(_ needle: String, in text: String) -> Bool {
        firstOffset(of: needle, in: text) != nil
    }

    private static func find(
        _ needle: UnsafeBufferPointer<UInt8>, in haystack: UnsafeBufferPointer<UInt8>, from start: Int
    ) -> Int? {
        guard needle.count > 0, start >= 0, start + needle.count <= haystack.count,
            let base = haystack.baseAddress, let n = needle.baseAddress
        else { return nil }
        // memmem is a GNU extension Swift's Glibc module does not export; memchr + memcmp is as fast here.
        let last = haystack.count - needle.count
        var at = start
        while at <= last {
            guard let hit = memchr(base + at, Int32(n[0]), last - at + 1) else { return nil }
            let offset = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            if memcmp(base + offset, n, needle.count) == 0 { return offset }
            at = offset + 1
        }
        return nil
    }
}
