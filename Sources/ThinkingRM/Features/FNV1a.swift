/// 64-bit FNV-1a: a fixed, seedless hash, so feature indices are the same on every run and machine
/// (Swift's `Hasher` is randomly seeded per process and would scramble saved models).
public enum FNV1a {
    /// The FNV-1a 64-bit offset basis.
    public static let offset: UInt64 = 0xcbf2_9ce4_8422_2325
    /// The FNV-1a 64-bit prime.
    public static let prime: UInt64 = 0x0000_0100_0000_01b3

    /// Folds one byte into `hash`.
    @inline(__always)
    public static func step(_ hash: UInt64, _ byte: UInt8) -> UInt64 {
        (hash ^ UInt64(byte)) &* prime
    }

    /// The hash of `text`'s UTF-8 bytes.
    public static func hash(_ text: String) -> UInt64 {
        var h = offset
        for b in text.utf8 { h = step(h, b) }
        return h
    }

    /// Folds all eight bytes of `value` into `hash` (used to chain word hashes into n-gram hashes).
    @inline(__always)
    public static func fold(_ hash: UInt64, _ value: UInt64) -> UInt64 {
        var h = hash, v = value
        for _ in 0..<8 { h = step(h, UInt8(truncatingIfNeeded: v)); v >>= 8 }
        return h
    }
}
