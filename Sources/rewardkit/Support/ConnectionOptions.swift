import ArgumentParser
import Foundation
import Server

/// `serve`'s read and keep-alive timeouts and its cap on open connections.
struct ConnectionOptions: ParsableArguments {
    @Option(
        name: .customLong("header-timeout"),
        help: ArgumentHelp(
            "Close a connection whose request head has not arrived in whole this many seconds after connecting (nginx's client_header_timeout).",
            valueName: "SECONDS"))
    var headerTimeout = 60.0

    @Option(
        name: .customLong("body-timeout"),
        help: ArgumentHelp(
            "Close a connection that sends no body bytes for this many seconds while a request body is due (nginx's client_body_timeout).",
            valueName: "SECONDS"))
    var bodyTimeout = 60.0

    @Option(
        name: .customLong("keepalive-timeout"),
        help: ArgumentHelp(
            "Close a kept-alive connection that starts no new request within this many seconds of the last response (nginx's keepalive_timeout).",
            valueName: "SECONDS"))
    var keepAliveTimeout = 75.0

    @Option(
        name: .customLong("max-connections"),
        help: ArgumentHelp(
            "Connections open at once; at the cap the one that has waited longest for a request head is closed, and with none waiting new clients wait in the listen backlog (default: the open-file limit less \(ConnectionOptions.reservedFiles) descriptors and 4 per worker kept for the server itself).",
            valueName: "N"))
    var maxConnections: Int?

    /// Descriptors kept for the process besides its event loops: standard streams, the listening
    /// socket, a checkpoint or config being read, the dynamic loader.
    static let reservedFiles = 32

    func validate() throws {
        for (flag, value) in [
            ("--header-timeout", headerTimeout), ("--body-timeout", bodyTimeout),
            ("--keepalive-timeout", keepAliveTimeout),
        ]
        where !(value > 0 && value <= 86_400) {
            throw ValidationError("\(flag) must be a number of seconds above 0 and at most 86400 (a day), got \(value)")
        }
        if let maxConnections, maxConnections < 1 {
            throw ValidationError("--max-connections must be at least 1, got \(maxConnections)")
        }
    }

    /// The limits for a server on `workers` event-loop threads. A cap the open-file limit cannot
    /// hold is a usage error naming the limit (raise it with `ulimit -n`, or lower the cap).
    func limits(workers: Int) throws -> ConnectionLimits {
        let fileLimit = Self.openFileLimit()
        let room = fileLimit.map { $0 - Self.reservedFiles - 4 * workers }
        if let room, room < 1 {
            throw CLIError(
                "the open-file limit (\(fileLimit ?? 0)) leaves no room for connections with \(workers) workers; raise it with ulimit -n",
                code: .usage)
        }
        if let maxConnections, let room, maxConnections > room {
            throw CLIError(
                "--max-connections \(maxConnections) needs more descriptors than the open-file limit (\(fileLimit ?? 0)) leaves for connections (\(room)); raise it with ulimit -n or lower --max-connections",
                code: .usage)
        }
        return ConnectionLimits(
            headTimeout: .seconds(headerTimeout), bodyTimeout: .seconds(bodyTimeout),
            keepAliveTimeout: .seconds(keepAliveTimeout), maxConnections: maxConnections ?? room)
    }

    /// The soft limit on open files, nil when unlimited (RLIM_INFINITY, all bits set).
    static func openFileLimit() -> Int? {
        var limit = rlimit()
        guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0, limit.rlim_cur != rlim_t.max else { return nil }
        return Int(clamping: limit.rlim_cur)
    }
}
