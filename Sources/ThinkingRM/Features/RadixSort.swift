/// LSD radix sort of non-negative Int32 keys, 11 bits a pass. Sorting the touched buckets is the
/// largest cost of hashed n-grams after hashing itself; the standard library's stable merge sort
/// is several times slower on these few-thousand-element arrays.
enum RadixSort {
    /// Sorts `keys` (all in 0..<below) ascending; `buffer` is scratch, reused between calls.
    static func sort(_ keys: inout [Int32], buffer: inout [Int32], below: Int) {
        let n = keys.count
        guard n > 1 else { return }
        if buffer.count < n { buffer = [Int32](repeating: 0, count: n) }
        var shift: Int32 = 0
        var counts = [Int](repeating: 0, count: 2049)
        while (1 << Int(shift)) < below {
            for k in 0..<counts.count { counts[k] = 0 }
            keys.withUnsafeMutableBufferPointer { src in
                buffer.withUnsafeMutableBufferPointer { dst in
                    for k in src { counts[Int((k >> shift) & 0x7FF) + 1] += 1 }
                    for d in 1..<2049 { counts[d] += counts[d - 1] }
                    for k in src {
                        let d = Int((k >> shift) & 0x7FF)
                        dst[counts[d]] = k
                        counts[d] += 1
                    }
                    for i in 0..<n { src[i] = dst[i] }
                }
            }
            shift += 11
        }
    }
}
