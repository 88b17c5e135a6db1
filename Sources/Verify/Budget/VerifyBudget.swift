#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Limits on one verification: a cap on work steps and on wall time, checked cheaply as it runs.
///
/// A budget is a plain value: each `compare` call starts its own meter from it, so it is safe to
/// share one budget across threads and HTTP handlers.
public struct VerifyBudget: Sendable, Equatable {
    /// The most work steps (tokens, tree nodes, arithmetic on big numbers) one comparison may take.
    public var maxSteps: Int
    /// The most wall time one comparison may take, in microseconds.
    public var maxMicros: Int

    /// Makes a budget; the defaults give any realistic answer pair ample room and stop at 20 ms.
    public init(maxSteps: Int = 2_000_000, maxMicros: Int = 20_000) {
        self.maxSteps = maxSteps
        self.maxMicros = maxMicros
    }

    /// The default budget: 2 million steps, 20 ms.
    public static let standard = VerifyBudget()
}

/// Thrown inside the engine when a comparison has used up its budget.
struct BudgetExceededError: Error, Sendable {}

/// Monotonic time in nanoseconds, without Foundation.
@inline(__always)
package func monotonicNanos() -> UInt64 {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return UInt64(ts.tv_sec) &* 1_000_000_000 &+ UInt64(ts.tv_nsec)
}

/// The running count of one comparison against its budget. One meter per call, never shared.
final class BudgetMeter {
    private var steps = 0
    private var sinceClock = 0
    private let maxSteps: Int
    private let deadline: UInt64
    /// Where the stack stood when the comparison began, to bound recursion by bytes, not levels.
    private let stackBase: UInt
    /// Stack a comparison may use: fits the 512 KiB threads of servers and dispatch with room
    /// to spare, in debug builds too (whose frames are several times larger).
    static let maxStackBytes: UInt = 160 * 1024
    /// Reading the clock costs ~20 ns; doing it every 512 steps keeps overhead negligible.
    private static let clockEvery = 512

    init(_ budget: VerifyBudget) {
        maxSteps = budget.maxSteps
        deadline = monotonicNanos() &+ UInt64(max(0, budget.maxMicros)) &* 1000
        stackBase = Self.stackAddress()
    }

    @inline(__always)
    private static func stackAddress() -> UInt {
        var marker: UInt8 = 0
        return withUnsafeMutablePointer(to: &marker) { UInt(bitPattern: $0) }
    }

    /// Charges `cost` steps; throws once the steps or the wall time are spent.
    @inline(__always)
    func charge(_ cost: Int = 1) throws(BudgetExceededError) {
        steps &+= cost
        sinceClock &+= cost
        if steps > maxSteps { throw BudgetExceededError() }
        // Stacks grow down; deep recursion (nested braces, towers) ends here, not in a crash.
        if stackBase &- Self.stackAddress() > Self.maxStackBytes && stackBase > Self.stackAddress() {
            throw BudgetExceededError()
        }
        if sinceClock >= Self.clockEvery {
            sinceClock = 0
            if monotonicNanos() > deadline { throw BudgetExceededError() }
        }
    }

    /// Checks the clock now, for callers about to do one large piece of work.
    func checkClock() throws(BudgetExceededError) {
        if monotonicNanos() > deadline { throw BudgetExceededError() }
    }
}
