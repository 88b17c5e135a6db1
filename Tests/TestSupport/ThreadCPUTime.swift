import Foundation

/// CPU time of the calling thread. Hostile-input tests assert their cost with it rather than with
/// a wall-clock limit alone: the test runner may start a test's clock long before its body gets a
/// core (on 2 cores, behind other tests' work), which a wall-clock limit counts as the test's cost.
public enum ThreadCPUTime {
    /// Seconds of CPU the calling thread has used so far.
    public static func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    /// Runs `body` on the calling thread and returns the CPU seconds it used.
    public static func measure(_ body: () throws -> Void) rethrows -> Double {
        let start = now()
        try body()
        return now() - start
    }
}
