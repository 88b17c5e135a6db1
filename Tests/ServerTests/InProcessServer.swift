import Hummingbird
import Logging
import Rewards
import Server

/// Runs the app in this process on a free loopback port for the length of `body`.
enum InProcessServer {
    actor PortBox {
        var port: Int?
        func set(_ p: Int) { port = p }
    }

    static func with<T: Sendable>(
        _ service: RewardService, _ configuration: ServerConfiguration = ServerConfiguration(port: 0),
        _ body: @Sendable (Int) async throws -> T
    ) async throws -> T {
        var configuration = configuration
        configuration.host = "127.0.0.1"
        configuration.port = 0
        let box = PortBox()
        // Stopping by cancellation makes Hummingbird log errors that are expected here.
        var logger = Logger(label: "rewardkit.serve.tests")
        logger.logLevel = .critical
        let app = RewardServer.application(service: service, configuration: configuration, logger: logger) { port in
            await box.set(port)
        }
        let task = Task { try await app.runService(gracefulShutdownSignals: []) }
        defer { task.cancel() }
        var port: Int?
        for _ in 0..<2000 {
            port = await box.port
            if port != nil { break }
            try await Task.sleep(for: .milliseconds(5))
        }
        guard let port else { throw LoopbackHTTP.Failure(description: "server did not start within 10 s") }
        let result = try await body(port)
        task.cancel()
        _ = await task.result
        return result
    }

    static func r1() throws -> RewardService {
        RewardService(pipeline: try Pipeline(spec: try RewardSpec.preset("r1")))
    }
}
