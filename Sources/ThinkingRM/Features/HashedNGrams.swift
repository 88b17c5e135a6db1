import Foundation

/// One non-zero coordinate of a sparse feature vector.
public struct SparseEntry: Sendable, Equatable {
    /// The coordinate, in 0..<dimension.
    public var index: Int32
    /// Its value.
    public var value: Float

    /// An entry.
    public init(index: Int32, value: Float) {
        self.index = index
        self.value = value
    }
}

/// Word 1-2-grams and character 3-5-grams hashed (FNV-1a) into a fixed dimension, returned as an
/// L2-normalised sparse vector sorted by index. Text is lowercased (ASCII) and whitespace runs
/// become one space first, so layout differences do not change the features.
///
/// The type keeps a dense scratch buffer between calls (that is what makes it fast), so make one
/// per thread and reuse it; it is a value type, so copies never share the buffer.
public struct HashedNGrams: Sendable {
    /// The number of hash buckets.
    public let dimension: Int
    /// The dense count buffer, behind a class so no array copy-on-write check can copy its 1 MB;
    /// `features` gives a copy of this struct its own buffer before writing (value semantics).
    private var scratch: CountBuffer
    private var touched: [Int32] = []
    private var normalised: [UInt8] = []
    private var sortBuffer: [Int32] = []
    /// Per-bucket weights applied before normalising (inverse document frequency), or nil.
    public var bucketWeights: [Float]?
    /// Counts become `1 + ln(count)` before weighting (TF-IDF's sublinear term frequency).
    public var sublinearCounts = false

    /// A featuriser with `dimension` buckets (2^18 by default: few collisions on 1 KB texts,
    /// and the scratch buffer still fits in L2).
    public init(dimension: Int = 1 << 18) {
        self.dimension = max(1, dimension)
        scratch = CountBuffer(count: self.dimension)
    }

    /// The sparse, L2-normalised n-gram vector of `text` (empty for empty text).
    public mutating func features(of text: String) -> [SparseEntry] {
        normalise(text)
        // Work on locals through raw buffers: appending to captured arrays inside the loops
        // paid for uniqueness and exclusivity checks on every n-gram.
        if !isKnownUniquelyReferenced(&scratch) { scratch = CountBuffer(count: dimension) }
        let counts = scratch.pointer
        var touched = self.touched
        self.touched = []
        let n = normalised.count
        // At most three char grams per byte and two word grams per word (< one per byte).
        let bound = 5 * n + 4
        if touched.count < bound { touched = [Int32](repeating: 0, count: bound) }
        let dim = UInt64(dimension)
        var used = 0
        do {
            touched.withUnsafeMutableBufferPointer { touched in
                normalised.withUnsafeBufferPointer { bytes in
                    @inline(__always) func add(_ h: UInt64) {
                        let i = Int(h % dim)
                        if counts[i] == 0 { touched[used] = Int32(i); used += 1 }
                        counts[i] += 1
                    }
                    // Character 3-5-grams; a family tag keeps them apart from word grams.
                    for start in 0..<n {
                        var h = FNV1a.step(FNV1a.offset, 0x01)
                        var len = 0
                        while len < 5 && start + len < n {
                            h = FNV1a.step(h, bytes[start + len])
                            len += 1
                            if len >= 3 { add(h) }
                        }
                    }
                    // Words: runs of letters, digits and non-ASCII bytes (so CJK text forms words too).
                    var previous: UInt64? = nil
                    var i = 0
                    while i < n {
                        guard Self.isWordByte(bytes[i]) else { i += 1; continue }
                        var h = FNV1a.step(FNV1a.offset, 0x02)
                        while i < n && Self.isWordByte(bytes[i]) { h = FNV1a.step(h, bytes[i]); i += 1 }
                        add(h)
                        if let p = previous { add(FNV1a.fold(FNV1a.step(p, 0x03), h)) }
                        previous = h
                    }
                }
            }
        }
        swap(&self.touched, &touched)
        return collect(used)
    }

    private mutating func collect(_ used: Int) -> [SparseEntry] {
        let counts = scratch.pointer
        var keys = Array(touched[0..<used])
        RadixSort.sort(&keys, buffer: &sortBuffer, below: dimension)
        if sublinearCounts || bucketWeights != nil {
            let weights = bucketWeights ?? []
            for i in keys {
                var c = counts[Int(i)]
                // Most n-grams occur once, and 1 + ln 1 is exactly 1: skip the logarithm.
                if sublinearCounts && c != 1 { c = 1 + log(c) }
                if Int(i) < weights.count { c *= weights[Int(i)] }
                counts[Int(i)] = c
            }
        }
        var sum: Float = 0
        for i in keys { sum += counts[Int(i)] * counts[Int(i)] }
        let scale = sum > 0 ? 1 / sum.squareRoot() : 0
        var out: [SparseEntry] = []
        out.reserveCapacity(keys.count)
        for i in keys {
            out.append(SparseEntry(index: i, value: counts[Int(i)] * scale))
            counts[Int(i)] = 0
        }
        return out
    }

    private mutating func normalise(_ text: String) {
        normalised.removeAll(keepingCapacity: true)
        var lastSpace = true
        for b in text.utf8 {
            if b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D {
                if !lastSpace { normalised.append(0x20) }
                lastSpace = true
            } else {
                normalised.append(b >= 0x41 && b <= 0x5A ? b | 0x20 : b)
                lastSpace = false
            }
        }
        if normalised.last == 0x20 { normalised.removeLast() }
    }

    @inline(__always)
    private static func isWordByte(_ b: UInt8) -> Bool {
        (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39) || b >= 0x80
    }
}

/// A zeroed Float buffer owned by one `HashedNGrams` (freed with it).
final class CountBuffer: @unchecked Sendable {
    // @unchecked: only the `HashedNGrams` value that uniquely references it writes to it.
    let pointer: UnsafeMutablePointer<Float>

    init(count: Int) {
        pointer = .allocate(capacity: count)
        pointer.initialize(repeating: 0, count: count)
    }

    deinit { pointer.deallocate() }
}
