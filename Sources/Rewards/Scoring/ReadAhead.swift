import Dispatch

/// Reads the next chunk of a `ByteSource` on a thread of its own while the current chunk is scored.
///
/// Reading a chunk (a copy out of the page cache) otherwise ran on the main thread between
/// regions with the other cores idle. One read is in flight at a time, into a buffer no one else
/// touches until `finish` hands back how many bytes it read.
final class ReadAhead: @unchecked Sendable {
    // @unchecked: `source`, `buffer` and `result` are used on `queue` between `start` and `finish`,
    // and by the caller only after `finish` (whose `sync` orders the accesses).
    private let source: ByteSource
    private let queue = DispatchQueue(label: "rewardkit.read-ahead")
    private var result: Result<Int, IOFailure> = .success(0)
    /// The buffer the next chunk is read into; the caller may use it after `finish`.
    var buffer: [UInt8]

    /// A reader of `source` with a buffer of `capacity` bytes.
    init(source: ByteSource, capacity: Int) {
        self.source = source
        buffer = [UInt8](repeating: 0, count: capacity)
    }

    /// Starts reading into `buffer` from `offset` to its end.
    func start(at offset: Int) {
        queue.async { [self] in
            let count = buffer.count - offset
            result = buffer.withUnsafeMutableBytes { raw in
                // The buffer is never empty (it holds a whole chunk), so it has a base address.
                do throws(IOFailure) { return .success(try source.read(into: raw.baseAddress! + offset, count: count)) }
                catch { return .failure(error) }
            }
        }
    }

    /// Waits for the read started last; returns the bytes read (0 at the end of the input).
    func finish() throws(IOFailure) -> Int {
        queue.sync {}
        return try result.get()
    }
}
