/// A set of 64-bit hashes with open addressing. The keys are already FNV-1a hashes, so hashing
/// them again through `Hasher` (SipHash), as `Set<UInt64>` does, would be most of the cost of the
/// word features; this uses the key's own bits.
struct HashSet64: Sendable {
    private var slots: [UInt64]
    private var mask: Int
    private var hasZero = false

    /// A set sized for about `capacity` keys.
    init(capacity: Int) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = [UInt64](repeating: 0, count: size)
        mask = size - 1
    }

    /// A set of `keys`.
    init(_ keys: some Collection<UInt64>) {
        self.init(capacity: keys.count)
        for k in keys { _ = insert(k) }
    }

    /// True if `key` is in the set.
    @inline(__always)
    func contains(_ key: UInt64) -> Bool {
        if key == 0 { return hasZero }
        var i = Int(truncatingIfNeeded: key ^ (key >> 29)) & mask
        while true {
            let s = slots[i]
            if s == key { return true }
            if s == 0 { return false }
            i = (i + 1) & mask
        }
    }

    /// Inserts `key`; false if it was already there. The caller sizes the set so it never fills.
    @inline(__always)
    mutating func insert(_ key: UInt64) -> Bool {
        if key == 0 { defer { hasZero = true }; return !hasZero }
        var i = Int(truncatingIfNeeded: key ^ (key >> 29)) & mask
        while true {
            let s = slots[i]
            if s == key { return false }
            if s == 0 { slots[i] = key; return true }
            i = (i + 1) & mask
        }
    }
}
