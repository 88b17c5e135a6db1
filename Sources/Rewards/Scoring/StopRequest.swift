import Synchronization

/// A request, from another thread (a signal handler's queue), that a scoring run stop early: the
/// scorer reads no further input, finishes the rows it has in hand and returns.
public final class StopRequest: Sendable {
    private let signalNumber = Atomic<Int32>(0)

    /// Makes a request that is not yet made.
    public init() {}

    /// Asks the run to stop because of `signal` (SIGINT, SIGTERM); the first signal is the one kept.
    /// Returns false when a stop was already asked for.
    @discardableResult
    public func request(signal: Int32) -> Bool {
        signalNumber.compareExchange(expected: 0, desired: signal, ordering: .relaxed).exchanged
    }

    /// Whether a stop was asked for.
    public var isRequested: Bool { signalNumber.load(ordering: .relaxed) != 0 }

    /// The signal that asked for the stop, nil when none did.
    public var signal: Int32? {
        let value = signalNumber.load(ordering: .relaxed)
        return value == 0 ? nil : value
    }
}
