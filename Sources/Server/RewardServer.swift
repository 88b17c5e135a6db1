import Hummingbird
import HummingbirdCore
import Logging
import NIOCore
import NIOPosix

/// Builds and runs the HTTP application over a `RewardService`.
public enum RewardServer {
    /// The Hummingbird application: run it with `runService()` (graceful on SIGTERM and SIGINT:
    /// no new connections, in-flight requests answered, then it returns) or, in tests, inside a
    /// task that is cancelled. `onRunning` receives the bound port (useful with port 0).
    public static func application(
        service: RewardService, configuration: ServerConfiguration,
        eventLoopGroup: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton,
        logger: Logger = RewardServer.quietLogger(),
        onRunning: @escaping @Sendable (Int) async -> Void = { _ in }
    ) -> some ApplicationProtocol {
        let responder = RewardResponder(
            service: service, apiKey: configuration.apiKey.map { Array($0.utf8) },
            maxBodyBytes: configuration.maxBodyBytes)
        let limits = configuration.connectionLimits
        let registry = ConnectionRegistry(cap: limits.maxConnections)
        return Application(
            responder: responder,
            server: .http1(
                configuration: .init(additionalChannelHandlers: [ConnectionTimeouts(limits: limits, registry: registry)]
                )),
            configuration: ApplicationConfiguration(
                address: .hostname(configuration.host, port: configuration.port),
                serverName: "rewardkit", backlog: 4096,
                availableConnectionsDelegate: limits.maxConnections.map { MaximumAvailableConnections($0) }),
            onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? configuration.port) },
            eventLoopGroupProvider: .shared(eventLoopGroup), logger: logger)
    }

    /// Runs until SIGTERM or SIGINT, on `configuration.workers` event-loop threads, then finishes
    /// in-flight requests and returns.
    public static func run(
        service: RewardService, configuration: ServerConfiguration,
        onRunning: @escaping @Sendable (Int) async -> Void = { _ in }
    ) async throws {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: max(1, configuration.workers))
        let app = application(
            service: service, configuration: configuration, eventLoopGroup: group, onRunning: onRunning)
        // On failure (a taken port) the loops are left to the process's exit: tasks the failed
        // start left behind may still schedule on them, and a shut-down loop refuses them loudly.
        try await app.runService(gracefulShutdownSignals: [.sigterm, .sigint])
        try await group.shutdownGracefully()
    }

    /// A logger that reports warnings and worse: per-request info lines would cost more than
    /// scoring a sample.
    public static func quietLogger() -> Logger {
        var logger = Logger(label: "rewardkit.serve")
        logger.logLevel = .warning
        return logger
    }
}
