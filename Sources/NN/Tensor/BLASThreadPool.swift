#if canImport(Glibc)
import Glibc
#endif

/// OpenBLAS's worker threads, which the library starts as soon as it is loaded.
public enum BLASThreadPool {
    /// Stops OpenBLAS's idle worker threads; OpenBLAS starts them again on the first call that
    /// wants more than one thread. Returns whether this OpenBLAS build offers the call.
    ///
    /// Every process linking OpenBLAS starts its pool at load time, and each worker then spins in
    /// `sched_yield` for a while waiting for work. `rewardkit` links it for the reward model and
    /// the trainer, so without this every command pays that, also the ones that never multiply a
    /// matrix, and in a short `score` run it is a large share of the CPU. Call it once at start-up,
    /// before any thread calls BLAS.
    @discardableResult
    public static func stopIdleWorkers() -> Bool {
        typealias Shutdown = @convention(c) () -> Int32
        guard let symbol = shutdownSymbol else { return false }
        return unsafeBitCast(symbol, to: Shutdown.self)() == 0
    }

    /// Whether this OpenBLAS build lets `stopIdleWorkers` stop its pool.
    public static var isAvailable: Bool { shutdownSymbol != nil }

    /// OpenBLAS's `blas_thread_shutdown_`, looked up at run time: the serial and OpenMP builds of
    /// OpenBLAS may not export it, and linking against it would then fail.
    private static var shutdownSymbol: UnsafeMutableRawPointer? {
        #if canImport(Glibc)
        dlsym(UnsafeMutableRawPointer(bitPattern: 0), "blas_thread_shutdown_")
        #else
        nil
        #endif
    }
}
