import Dispatch
import Foundation

/// Order-keeping parallel map over all cores.
enum ParallelMap {
    /// `transform` applied to every element, on all cores; the result keeps the input order.
    static func map<T: Sendable, R: Sendable>(_ items: [T], _ transform: @Sendable (T) -> R) -> [R] {
        if items.count < 2 { return items.map(transform) }
        return [R](unsafeUninitializedCapacity: items.count) { buffer, initialized in
            let slots = SendableBuffer(buffer)
            // Many small pieces, handed out as threads come free, keep every core busy to the end
            // of the map even when other processes take turns on the cores.
            let chunks = min(items.count, ProcessInfoCores.count * 16)
            DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                let lo = items.count * chunk / chunks, hi = items.count * (chunk + 1) / chunks
                for i in lo..<hi { (slots.base + i).initialize(to: transform(items[i])) }
            }
            initialized = items.count
        }
    }
}

/// A buffer written from several threads at disjoint indices.
struct SendableBuffer<T>: @unchecked Sendable {
    // @unchecked: each concurrentPerform iteration writes only its own index range.
    let base: UnsafeMutablePointer<T>
    init(_ buffer: UnsafeMutableBufferPointer<T>) { base = buffer.baseAddress! }
}

/// The number of cores to use for parallel work.
enum ProcessInfoCores {
    /// Active processor count, at least 1.
    static let count = max(1, ProcessInfo.processInfo.activeProcessorCount)
}
