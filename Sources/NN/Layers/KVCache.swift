/// Keys and values of every attention layer for incremental causal decoding.
///
/// All sequences of the batch advance in lockstep: `length` positions are filled for each of the
/// `batch` sequences (so sequences in one cache share their prompt length, as a GRPO group does).
/// Storage per layer is `[batch * capacity, dim]`; row `b * capacity + t` is position `t` of
/// sequence `b`.
public final class KVCache {
    /// Number of sequences decoded together.
    public let batch: Int
    /// Maximum number of positions per sequence.
    public let capacity: Int
    /// Model width (all heads side by side).
    public let dim: Int
    /// Positions already filled for every sequence.
    public private(set) var length = 0
    var keys: [Matrix]
    var values: [Matrix]

    /// Empty cache for `layers` attention layers.
    public init(layers: Int, batch: Int, capacity: Int, dim: Int) {
        self.batch = batch
        self.capacity = capacity
        self.dim = dim
        keys = Array(repeating: Matrix(rows: batch * capacity, cols: dim), count: layers)
        values = keys
    }

    /// Number of attention layers the cache serves.
    public var layerCount: Int { keys.count }

    /// Positions still free.
    public var remaining: Int { capacity - length }

    /// Marks `count` more positions as filled, after every layer has written them.
    public func advance(by count: Int) {
        precondition(length + count <= capacity, "KVCache: \(length) + \(count) positions exceed capacity \(capacity)")
        length += count
    }

    /// Forgets all positions (the storage is reused).
    public func reset() { length = 0 }
}
