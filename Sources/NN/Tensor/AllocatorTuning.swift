#if canImport(Glibc)
import Glibc
#endif

/// Process-wide allocator settings for training loops (glibc only; a no-op elsewhere).
public enum AllocatorTuning {
    /// Keeps freed activation buffers in the heap instead of returning them to the OS after every
    /// step. Layers allocate megabyte-sized outputs per call; by default glibc trims the heap and
    /// the next step page-faults all of that memory back in (a noticeable share of a transformer
    /// step). Call once at start-up of a training or benchmark process; returns whether it applied.
    @discardableResult
    public static func keepFreedMemoryForReuse() -> Bool {
        #if canImport(Glibc)
        // mallopt is not in Swift's Glibc module map, so look it up at run time.
        typealias MallOpt = @convention(c) (Int32, Int32) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return false }
        let mallopt = unsafeBitCast(symbol, to: MallOpt.self)
        let trimThreshold: Int32 = -1, mmapThreshold: Int32 = -3  // M_TRIM_THRESHOLD, M_MMAP_THRESHOLD
        let trim = mallopt(trimThreshold, 1 << 30)
        let mmap = mallopt(mmapThreshold, 256 << 20)
        return trim == 1 && mmap == 1
        #else
        return false
        #endif
    }
}
