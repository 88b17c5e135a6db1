import Dispatch
import Foundation
import Synchronization

/// Order-keeping parallel map over all cores.
public enum ParallelMap {
    /// `transform` applied to every element, on all cores; the result keeps the input order.
    public static func map<T: Sendable, R: Sendable>(_ items: [T], _ transform: @Sendable (T) -> R) -> [R] {
        map(count: items.count, makeState: {}) { _, i in transform(items[i]) }
    }

    /// `body(&state, i)` for every `i` in `0..<count`, on all cores; results in index order. Each
    /// thread makes its own scratch `state` once (a featuriser's 1 MB buffer, say), not once a row.
    ///
    /// The calling thread works too, and helpers on the global queue join it. Many small pieces,
    /// handed out as threads come free, keep every core busy to the end of the map even when other
    /// processes take turns on the cores. A thread that finds no piece left waits asleep on a
    /// group: `concurrentPerform` has the caller spin in `sched_yield` for the last piece, CPU time
    /// that a loaded machine's other processes could use.
    public static func map<State, R>(
        count: Int, makeState: @Sendable () -> State,
        _ body: @Sendable (inout State, Int) -> R
    ) -> [R] {
        if count < 2 {
            var state = makeState()
            return (0..<count).map { body(&state, $0) }
        }
        return [R](unsafeUninitializedCapacity: count) { buffer, initialized in
            let slots = SendableBuffer(buffer)
            let pieces = min(count, ProcessInfoCores.count * 16)
            let next = PieceCounter()
            withoutActuallyEscaping(makeState) { makeState in
                withoutActuallyEscaping(body) { body in
                    let work = { @Sendable in
                        var state = makeState()
                        while true {
                            let piece = next.take()
                            guard piece < pieces else { return }
                            let lo = count * piece / pieces, hi = count * (piece + 1) / pieces
                            for i in lo..<hi { (slots.base + i).initialize(to: body(&state, i)) }
                        }
                    }
                    let group = DispatchGroup()
                    for _ in 1..<min(ProcessInfoCores.count, pieces) {
                        DispatchQueue.global().async(group: group, execute: work)
                    }
                    work()
                    group.wait()
                }
            }
            initialized = count
        }
    }
}

/// Hands out piece numbers 0, 1, 2, ... to the threads of one map.
private final class PieceCounter: Sendable {
    private let next = Atomic<Int>(0)
    /// The next piece number.
    func take() -> Int { next.add(1, ordering: .relaxed).oldValue }
}

/// A buffer written from several threads at disjoint indices.
struct SendableBuffer<T>: @unchecked Sendable {
    // @unchecked: each piece writes only its own index range.
    let base: UnsafeMutablePointer<T>
    init(_ buffer: UnsafeMutableBufferPointer<T>) { base = buffer.baseAddress! }
}

/// The number of cores to use for parallel work.
enum ProcessInfoCores {
    /// Active processor count, at least 1.
    static let count = max(1, ProcessInfo.processInfo.activeProcessorCount)
}
