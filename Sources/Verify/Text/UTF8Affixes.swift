#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Prefix and suffix tests by UTF-8 bytes.
///
/// `Substring.hasSuffix` compares grapheme clusters through Unicode tables; for the fixed ASCII and
/// symbol affixes answers are checked against (`%`, `°`, `dollars`, `\frac`) bytes give the same
/// answer far faster.
extension Substring {
    /// Whether the text starts with the bytes of `prefix`.
    func hasUTF8Prefix(_ prefix: String) -> Bool {
        let n = prefix.utf8.count
        guard utf8.count >= n else { return false }
        return Self.bytesEqual(utf8.prefix(n), prefix.utf8)
    }

    /// Whether the text ends with the bytes of `suffix`.
    func hasUTF8Suffix(_ suffix: String) -> Bool {
        let n = suffix.utf8.count
        guard utf8.count >= n else { return false }
        return Self.bytesEqual(utf8.suffix(n), suffix.utf8)
    }

    /// The text without `prefix` (which it must start with).
    func droppingUTF8Prefix(_ prefix: String) -> Substring {
        self[utf8.index(startIndex, offsetBy: prefix.utf8.count)...]
    }

    /// The text without `suffix` (which it must end with).
    func droppingUTF8Suffix(_ suffix: String) -> Substring {
        self[..<utf8.index(endIndex, offsetBy: -suffix.utf8.count)]
    }

    /// `hasPrefix(prefix)` for an ASCII `prefix` holding no CR or LF, the same answer by bytes when
    /// the bytes it covers and the one after are ASCII: between ASCII characters other than CR LF
    /// there is always a grapheme boundary, and an ASCII character equals only itself. Any other
    /// text is compared by characters.
    func hasASCIIPrefix(_ prefix: String) -> Bool {
        let byBytes: Bool?? = utf8.withContiguousStorageIfAvailable { u in
            let n = prefix.utf8.count
            guard u.count >= n, !u[0..<Swift.min(n + 1, u.count)].contains(where: { $0 >= 0x80 }) else { return nil }
            return u[0..<n].elementsEqual(prefix.utf8)
        }
        if let byBytes, let answer = byBytes { return answer }
        return hasPrefix(prefix)
    }

    /// `hasSuffix(suffix)` for an ASCII `suffix` holding no CR or LF: by bytes when the bytes it
    /// covers and the one before are ASCII (see `hasASCIIPrefix`), else by characters.
    func hasASCIISuffix(_ suffix: String) -> Bool {
        let byBytes: Bool?? = utf8.withContiguousStorageIfAvailable { u in
            let n = suffix.utf8.count
            guard u.count >= n, !u[Swift.max(0, u.count - n - 1)...].contains(where: { $0 >= 0x80 }) else { return nil }
            return u[(u.count - n)...].elementsEqual(suffix.utf8)
        }
        if let byBytes, let answer = byBytes { return answer }
        return hasSuffix(suffix)
    }

    /// Byte equality with `memcmp` when both sides are contiguous (native strings always are).
    private static func bytesEqual(_ a: Substring.UTF8View.SubSequence, _ b: String.UTF8View) -> Bool {
        // The unwraps run only for non-empty buffers, which have a base address.
        let fast = a.withContiguousStorageIfAvailable { x in
            b.withContiguousStorageIfAvailable { y in
                x.count == y.count && (x.count == 0 || memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0)
            }
        }
        if let fast, let result = fast { return result }
        return a.elementsEqual(b)
    }
}
