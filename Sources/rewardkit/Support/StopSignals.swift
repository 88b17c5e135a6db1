import Dispatch
import Foundation
import Rewards

/// Turns SIGINT and SIGTERM into a `StopRequest` instead of ending the process, for as long as the
/// value lives; a second signal ends the process at once (status 128 + signal), as a user pressing
/// Ctrl-C twice expects.
final class StopSignals {
    private let sources: [any DispatchSourceSignal]

    /// Requests `stop` when the first signal arrives, then calls `then` (if given) with the signal
    /// number, on a background queue.
    init(_ stop: StopRequest, then: (@Sendable (Int32) -> Void)? = nil) {
        sources = [SIGINT, SIGTERM].map { number in
            // The default action must be off for the dispatch source to see the signal.
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                guard stop.request(signal: number) else { _exit(Self.exitStatus(for: number)) }
                then?(number)
            }
            source.resume()
            return source
        }
    }

    deinit {
        for source in sources { source.cancel() }
        signal(SIGINT, SIG_DFL)
        signal(SIGTERM, SIG_DFL)
    }

    /// The conventional exit status of a process stopped by `signal`: 130 for SIGINT, 143 for SIGTERM.
    static func exitStatus(for signal: Int32) -> Int32 { 128 + signal }
}
