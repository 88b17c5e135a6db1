/// Keys and values of every attention layer for incremental causal decoding.
///
/// Each of the `batch` sequences has its own filled length, so prompts of different lengths can
/// decode together: prefill them right-padded to a common width, telling the model how many
/// tokens of each are real; later steps then write each sequence's token at its own position
/// (over the padding). Storage per layer is `[batch * capacity, dim]`; row `b * capacity + t` is
/// position `t` of sequence `b`.
public final class KVCache {
    /// Number of sequences decoded together.
    public let batch: Int
    /// Maximum number of positions per sequence.
    public let capacity: Int
    /// Model width (all heads side by side).
    public let dim: Int
    /// Positions filled for each sequence.
    public private(set) var lengths: [Int]
    var keys: [Matrix]
    var values: [Matrix]

    /// Empty cache for `layers` attention layers.
    public init(layers: Int, batch: Int, capacity: Int, dim: Int) {
        self.batch = batch
        self.capacity = capacity
        self.dim = dim
        lengths = [Int](repeating: 0, count: batch)
        keys = Array(repeating: Matrix(rows: batch * capacity, cols: dim), count: layers)
        values = keys
    }

    /// Number of attention layers the cache serves.
    public var layerCount: Int { keys.count }

    /// The filled length when every sequence has the same one (lockstep decoding), else nil.
    public var length: Int? { lengths.allSatisfy { $0 == lengths.first } ? lengths.first : nil }

    /// Positions still free in the fullest sequence.
    public var remaining: Int { capacity - (lengths.max() ?? 0) }

    /// Marks `counts[b]` more positions of sequence `b` as filled, after every layer has written them.
    public func advance(by counts: [Int]) {
        precondition(counts.count == batch, "KVCache: \(counts.count) counts for \(batch) sequences")
        for b in 0..<batch {
            precondition(
                counts[b] >= 0 && lengths[b] + counts[b] <= capacity,
                "KVCache: sequence \(b): \(lengths[b]) + \(counts[b]) positions exceed capacity \(capacity)")
            lengths[b] += counts[b]
        }
    }

    /// Marks `count` more positions of every sequence as filled.
    public func advance(by count: Int) { advance(by: [Int](repeating: count, count: batch)) }

    /// Forgets all positions (the storage is reused).
    public func reset() { lengths = [Int](repeating: 0, count: batch) }
}
