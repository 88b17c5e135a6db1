import Dispatch
import Foundation

/// Order-keeping parallel map in chunks, each chunk with its own scratch state (a featuriser
/// keeps a 1 MB buffer, so it is made once per chunk, not per row).
enum ParallelChunks {
    /// `body(state, i)` for every `i` in `0..<count`, on all cores; results in index order.
    static func map<State, R>(count: Int, makeState: @Sendable () -> State,
                              _ body: @Sendable (inout State, Int) -> R) -> [R] {
        guard count > 0 else { return [] }
        let cores = max(1, ProcessInfo.processInfo.activeProcessorCount)
        // A few chunks per core so a core that other processes slow down does not hold the end.
        let chunks = min(count, cores * 4)
        return [R](unsafeUninitializedCapacity: count) { buffer, initialized in
            let slots = UnsafeSlots(base: buffer.baseAddress)
            DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                var state = makeState()
                let lo = count * chunk / chunks, hi = count * (chunk + 1) / chunks
                for i in lo..<hi { slots.base?.advanced(by: i).initialize(to: body(&state, i)) }
            }
            initialized = count
        }
    }
}

/// Result slots written from several threads at disjoint indices.
private struct UnsafeSlots<T>: @unchecked Sendable {
    // @unchecked: every chunk writes only its own index range, and the map waits for all of them.
    let base: UnsafeMutablePointer<T>?
}
