import Foundation
import Synchronization

/// A message the server says once, however many requests give cause (to standard error unless
/// another sink is given).
public final class OnceNotice: Sendable {
    private let said = Atomic<Bool>(false)
    private let sink: @Sendable (String) -> Void

    /// Makes a notice that writes through `sink` (default: a line on standard error).
    public init(
        sink: @escaping @Sendable (String) -> Void = {
            FileHandle.standardError.write(Data(("rewardkit: " + $0 + "\n").utf8))
        }
    ) {
        self.sink = sink
    }

    /// Says `message` when it is not nil and nothing was said before.
    public func say(_ message: String?) {
        guard let message, !said.load(ordering: .relaxed),
            said.compareExchange(expected: false, desired: true, ordering: .relaxed).exchanged
        else { return }
        sink(message)
    }
}
