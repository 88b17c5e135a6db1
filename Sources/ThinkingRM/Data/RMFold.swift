/// A split by group: fold `index` of `count`, by FNV-1a of the group id (`qid`, `group`, ...),
/// stable across runs and machines. `rm eval --fold I/K` keeps fold I; `rm train --skip-fold I/K`
/// leaves it out, so a model can be trained on the other folds and measured on this one.
public struct RMFold: Sendable, Equatable {
    /// The fold, 0-based.
    public let index: UInt64
    /// How many folds.
    public let count: UInt64

    /// Reads `I/K` with `0 <= I < K`; nil for anything else.
    public init?(_ text: String) {
        let parts = text.split(separator: "/")
        guard parts.count == 2, let i = UInt64(parts[0]), let k = UInt64(parts[1]), k >= 1, i < k else { return nil }
        (index, count) = (i, k)
    }

    /// Whether the group with id `group` falls in this fold.
    public func contains(_ group: String) -> Bool { FNV1a.hash(group) % count == index }
}
