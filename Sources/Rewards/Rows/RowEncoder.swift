import Foundation
import JSONLines

/// Writes output rows: the input object as it was written, plus the members RewardKit adds.
///
/// When the input has none of the added keys, the row is its own bytes up to the closing brace
/// followed by the new members: one copy. Otherwise the other members are copied one by one and
/// the stale ones (an old `rewards`, say) are replaced.
enum RowEncoder {
    /// Writes `row` (the line `bytes`, scanned into `members`) with new members, then a newline.
    /// `writeAdded` appends the new `"key":value` members, comma-separated; `addedKeys` names them,
    /// so that stale members of those names (an old `rewards`, say) are dropped.
    static func write(
        _ bytes: UnsafeBufferPointer<UInt8>, members: [JSONScanner.Member],
        adding addedKeys: [String], _ writeAdded: (inout JSONWriter) -> Void, into out: inout JSONWriter
    ) {
        // Keys are compared as bytes: most rows have none of the added keys, and decoding every
        // key to a String to find that out costs more than the comparison.
        let isAdded = { (member: JSONScanner.Member) in isKey(member, in: bytes, oneOf: addedKeys) }
        let replaced = members.contains(where: isAdded)
        var needsComma: Bool
        if !replaced, let close = lastByte(bytes, UInt8(ascii: "}")) {
            out.raw(UnsafeBufferPointer(rebasing: bytes[0..<close]))
            needsComma = !members.isEmpty
        } else {
            out.byte(UInt8(ascii: "{"))
            needsComma = false
            for member in members where !isAdded(member) {
                if needsComma { out.byte(UInt8(ascii: ",")) }
                out.raw(UnsafeBufferPointer(rebasing: bytes[member.whole]))
                needsComma = true
            }
        }
        if needsComma { out.byte(UInt8(ascii: ",")) }
        writeAdded(&out)
        out.byte(UInt8(ascii: "}"))
        out.byte(0x0A)
    }

    /// Writes an error row: `{"line": N, "error": "…", …input members that could be read}`.
    static func writeError(
        line: Int, _ error: RowError, bytes: UnsafeBufferPointer<UInt8>?, members: [JSONScanner.Member],
        keys: [String], into out: inout JSONWriter
    ) {
        out.byte(UInt8(ascii: "{"))
        out.key("line")
        out.number(Double(line))
        out.byte(UInt8(ascii: ","))
        out.key("error")
        out.string(error.description)
        if let bytes {
            for (member, key) in zip(members, keys) where key != "line" && key != "error" {
                out.byte(UInt8(ascii: ","))
                out.raw(UnsafeBufferPointer(rebasing: bytes[member.whole]))
            }
        }
        out.byte(UInt8(ascii: "}"))
        out.byte(0x0A)
    }

    /// Whether the key of `member` is one of `keys`.
    private static func isKey(
        _ member: JSONScanner.Member, in bytes: UnsafeBufferPointer<UInt8>, oneOf keys: [String]
    ) -> Bool {
        if member.keyHasEscape { return keys.contains(JSONDecoding.string(bytes, member.key, hasEscape: true)) }
        guard let base = bytes.baseAddress else { return false }
        let count = member.key.count
        for key in keys where key.utf8.count == count {
            var key = key
            if key.withUTF8({ $0.baseAddress.map { memcmp($0, base + member.key.lowerBound, count) == 0 } ?? true }) {
                return true
            }
        }
        return false
    }

    private static func lastByte(_ bytes: UnsafeBufferPointer<UInt8>, _ target: UInt8) -> Int? {
        var i = bytes.count - 1
        while i >= 0 {
            if bytes[i] == target { return i }
            i -= 1
        }
        return nil
    }
}
