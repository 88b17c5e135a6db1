import NIOCore
import NIOHTTPTypes

/// How long `serve` waits on a client before closing its connection, and how many connections
/// it keeps open at once: slow or silent clients must not hold sockets (and file descriptors)
/// for good.
///
/// The defaults follow nginx: `client_header_timeout` and `client_body_timeout` are 60 s,
/// `keepalive_timeout` 75 s.
public struct ConnectionLimits: Sendable, Equatable {
    /// From a connection's start until its first request head has arrived in whole.
    public var headTimeout: Duration
    /// Between two reads of a request body (a body that keeps arriving is never cut off).
    public var bodyTimeout: Duration
    /// From the end of a response until the next request's head has arrived in whole.
    public var keepAliveTimeout: Duration
    /// Connections open at once. Reaching it closes the connection that has waited longest for
    /// a request head; when none is waiting, the server accepts no more until one closes (new
    /// clients wait in the listen backlog). Nil: no cap.
    public var maxConnections: Int?

    /// Makes limits; the defaults are nginx's and no connection cap (the command line sets one
    /// from the file limit).
    public init(
        headTimeout: Duration = .seconds(60), bodyTimeout: Duration = .seconds(60),
        keepAliveTimeout: Duration = .seconds(75), maxConnections: Int? = nil
    ) {
        self.headTimeout = headTimeout
        self.bodyTimeout = bodyTimeout
        self.keepAliveTimeout = keepAliveTimeout
        self.maxConnections = maxConnections
    }
}

/// Closes a connection whose client is too slow: no whole request head within `headTimeout` of
/// connecting (or `keepAliveTimeout` after the last response), or no body bytes for `bodyTimeout`
/// while a body is due. While a request is being answered no timer runs: scoring may take long,
/// and that is the server's time, not the client's. It also tells the `ConnectionRegistry` when
/// the connection waits for a head, which makes it the first to go when the cap is reached.
final class ConnectionTimeouts: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    private let limits: ConnectionLimits
    private let registry: ConnectionRegistry
    /// Requests whose head has arrived and whose response has not ended.
    private var unanswered = 0
    /// Whether a request's head has arrived but not its end.
    private var readingBody = false
    private var timer: Scheduled<Void>?
    /// Whether the response being written says `Connection: close` (a refused body).
    private var closeAfterResponse = false

    init(limits: ConnectionLimits, registry: ConnectionRegistry) {
        self.limits = limits
        self.registry = registry
    }

    func handlerAdded(context: ChannelHandlerContext) {
        registry.opened()?.close(promise: nil)
        registry.setWaiting(context.channel, true)
        arm(limits.headTimeout, context: context)
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        registry.closed(context.channel)
        disarm()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head:
            registry.setWaiting(context.channel, false)
            unanswered += 1
            readingBody = true
            arm(limits.bodyTimeout, context: context)
        case .body:
            arm(limits.bodyTimeout, context: context)
        case .end:
            readingBody = false
            if unanswered == 0 {
                // Answered before its body was read (a refusal): the connection is idle from here.
                waitForNextRequest(context: context)
            } else {
                disarm()
            }
        }
        context.fireChannelRead(data)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        switch unwrapOutboundIn(data) {
        case let .head(response):
            closeAfterResponse = response.headerFields[.connection] == "close"
        case .end:
            unanswered -= 1
            if closeAfterResponse {
                // The server reads nothing more from this request: close once the reply is out,
                // so a client still sending its body sees the end at once instead of its timeout.
                let channel = context.channel
                let written = promise ?? context.eventLoop.makePromise()
                written.futureResult.whenComplete { _ in channel.close(promise: nil) }
                context.write(data, promise: written)
                return
            }
            if unanswered == 0 && !readingBody { waitForNextRequest(context: context) }
        case .body:
            break
        }
        context.write(data, promise: promise)
    }

    private func waitForNextRequest(context: ChannelHandlerContext) {
        registry.setWaiting(context.channel, true)
        arm(limits.keepAliveTimeout, context: context)
    }

    private func arm(_ timeout: Duration, context: ChannelHandlerContext) {
        timer?.cancel()
        let channel = context.channel
        timer = context.eventLoop.scheduleTask(in: TimeAmount(timeout)) { channel.close(promise: nil) }
    }

    private func disarm() {
        timer?.cancel()
        timer = nil
    }
}
