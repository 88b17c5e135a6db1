/// Prefix and suffix tests by UTF-8 bytes.
///
/// `Substring.hasSuffix` compares grapheme clusters through Unicode tables; for the fixed ASCII and
/// symbol affixes answers are checked against (`%`, `°`, `dollars`, `\frac`) bytes give the same
/// answer far faster.
extension Substring {
    /// Whether the text starts with the bytes of `prefix`.
    func hasUTF8Prefix(_ prefix: String) -> Bool {
        utf8.starts(with: prefix.utf8)
    }

    /// Whether the text ends with the bytes of `suffix`.
    func hasUTF8Suffix(_ suffix: String) -> Bool {
        let n = suffix.utf8.count
        return utf8.count >= n && utf8.suffix(n).elementsEqual(suffix.utf8)
    }

    /// The text without `prefix` (which it must start with).
    func droppingUTF8Prefix(_ prefix: String) -> Substring {
        self[utf8.index(startIndex, offsetBy: prefix.utf8.count)...]
    }

    /// The text without `suffix` (which it must end with).
    func droppingUTF8Suffix(_ suffix: String) -> Substring {
        self[..<utf8.index(endIndex, offsetBy: -suffix.utf8.count)]
    }
}
