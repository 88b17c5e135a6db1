import Foundation
import NIOCore

/// The connections open on one server and which of them are waiting for a request head. When
/// the cap is reached, the connection that has waited longest for a head is closed to make room:
/// a client that sends its request at once then always gets in, however many clients hold
/// half-sent requests, instead of queueing behind them until their timeouts run out.
final class ConnectionRegistry: @unchecked Sendable {
    // @unchecked: every stored property is guarded by `lock`; the event loops of all
    // connections call in.

    private let cap: Int?
    private let lock = NSLock()
    private var open = 0
    private var nextTicket = 0
    /// Connections waiting for a head, with the ticket that orders them by when they started waiting.
    private var waiting: [ObjectIdentifier: (ticket: Int, channel: any Channel)] = [:]

    /// Makes a registry for at most `cap` connections (nil: no cap, nothing is ever closed for room).
    init(cap: Int?) {
        self.cap = cap
    }

    /// A connection opened; returns the connection to close to keep under the cap, if one is waiting.
    func opened() -> (any Channel)? {
        lock.lock()
        defer { lock.unlock() }
        open += 1
        guard let cap, open >= cap, let oldest = waiting.min(by: { $0.value.ticket < $1.value.ticket }) else {
            return nil
        }
        waiting[oldest.key] = nil
        return oldest.value.channel
    }

    /// `channel` starts (or stops) waiting for a request head.
    func setWaiting(_ channel: any Channel, _ isWaiting: Bool) {
        lock.lock()
        defer { lock.unlock() }
        if isWaiting {
            waiting[ObjectIdentifier(channel)] = (nextTicket, channel)
            nextTicket += 1
        } else {
            waiting[ObjectIdentifier(channel)] = nil
        }
    }

    /// `channel` closed.
    func closed(_ channel: any Channel) {
        lock.lock()
        defer { lock.unlock() }
        open -= 1
        waiting[ObjectIdentifier(channel)] = nil
    }
}
