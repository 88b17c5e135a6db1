/// A stable fingerprint of a reward config's text: 64-bit FNV-1a over its UTF-8 bytes, as 16 hex digits.
///
/// FNV-1a rather than a cryptographic hash because the fingerprint only groups runs that used the
/// same config; it needs to be stable across machines and releases, not collision-resistant
/// against an adversary. The text is hashed exactly as given (no whitespace or line-ending
/// normalisation), so the hash names the bytes that were recorded next to it.
public enum ConfigHash {
    private static let offsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325
    private static let prime: UInt64 = 0x0000_0100_0000_01b3

    /// The 64-bit FNV-1a hash of `text`'s UTF-8 bytes.
    public static func fnv1a64(_ text: String) -> UInt64 {
        var hash = offsetBasis
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash &*= prime
        }
        return hash
    }

    /// The hash of `text` as 16 lowercase hex digits, zero-padded.
    public static func hex(_ text: String) -> String {
        let digits = String(fnv1a64(text), radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
