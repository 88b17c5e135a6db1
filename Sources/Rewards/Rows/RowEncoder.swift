/// Writes output rows: the input object as it was written, plus the members RewardKit adds.
///
/// When the input has none of the added keys, the row is its own bytes up to the closing brace
/// followed by the new members: one copy. Otherwise the other members are copied one by one and
/// the stale ones (an old `rewards`, say) are replaced.
enum RowEncoder {
    /// Writes `row` (the line `bytes`, scanned into `members` and `keys`) with new members, then a
    /// newline. `writeAdded` appends the new `"key":value` members, comma-separated; `addedKeys`
    /// names them, so that stale members of those names (an old `rewards`, say) are dropped.
    static func write(
        _ bytes: UnsafeBufferPointer<UInt8>, members: [JSONScanner.Member], keys: [String],
        adding addedKeys: [String], _ writeAdded: (inout JSONWriter) -> Void, into out: inout JSONWriter
    ) {
        let replaced = keys.contains { addedKeys.contains($0) }
        var needsComma: Bool
        if !replaced, let close = lastByte(bytes, UInt8(ascii: "}")) {
            out.raw(UnsafeBufferPointer(rebasing: bytes[0..<close]))
            needsComma = !members.isEmpty
        } else {
            out.byte(UInt8(ascii: "{"))
            needsComma = false
            for (member, key) in zip(members, keys) where !addedKeys.contains(key) {
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

    private static func lastByte(_ bytes: UnsafeBufferPointer<UInt8>, _ target: UInt8) -> Int? {
        var i = bytes.count - 1
        while i >= 0 {
            if bytes[i] == target { return i }
            i -= 1
        }
        return nil
    }
}
