import Foundation

/// This process's CPU time (all threads), for speed reports that a busy machine cannot fool.
enum CPUTime {
    /// User + system seconds so far.
    static func now() -> Double {
        let t = split()
        return t.user + t.system
    }

    /// User and system seconds so far. The sum is exact; Linux divides it between the two by
    /// sampling, so the split is approximate.
    static func split() -> (user: Double, system: Double) {
        var usage = rusage()
        #if canImport(Glibc)
        getrusage(RUSAGE_SELF.rawValue, &usage)
        #else
        getrusage(RUSAGE_SELF, &usage)
        #endif
        func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
        return (seconds(usage.ru_utime), seconds(usage.ru_stime))
    }
}
