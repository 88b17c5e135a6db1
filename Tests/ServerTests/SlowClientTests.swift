import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// `rewardkit serve` under a low open-file limit: more half-sent requests held open than the
/// limit do not keep a normal request out, and slow clients are closed by the timeouts.
@Suite(.serialized) struct SlowClientTests {
    static let fileLimit = 128
    /// More than `fileLimit`: without a cap and timeouts they would use up the server's descriptors.
    static let slowClients = 150

    /// Opens `count` connections that each send part of a request and stop: even ones inside the
    /// head, odd ones after the head, inside the body.
    static func openSlowClients(_ count: Int, port: Int) throws -> [Int32] {
        var fds: [Int32] = []
        for i in 0..<count {
            let fd = try LoopbackHTTP.connect(port: port)
            fds.append(fd)
            try LoopbackHTTP.write(
                fd,
                i.isMultiple(of: 2)
                    ? "POST /get_reward HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Le"
                    : LoopbackHTTP.head(method: "POST", path: "/get_reward", headers: [:], bodyLength: 100)
                        + #"{"query":"#)
        }
        return fds
    }

    // The waits below run on threads of their own (LoopbackHTTP.offThread): blocking a
    // cooperative thread for seconds starves the in-process servers of other suites.

    @Test func halfSentRequestsOverTheFileLimitMakeRoomForANormalRequest() async throws {
        var ownLimit = rlimit()
        getrlimit(Int32(RLIMIT_NOFILE.rawValue), &ownLimit)
        try #require(
            ownLimit.rlim_cur > rlim_t(Self.slowClients + 64), "the test process needs descriptors for its own sockets")
        // Timeouts longer than the client's 20 s receive timeout: only the cap can let the request in.
        let server = try ServeProcessTests.start(
            ["--preset", "r1", "--header-timeout", "40", "--body-timeout", "40"], fileLimit: Self.fileLimit)
        defer { if server.process.isRunning { server.process.terminate() }; server.process.waitUntilExit() }
        let slow = try Self.openSlowClients(Self.slowClients, port: server.port)
        defer { for fd in slow { close(fd) } }

        // The default cap (the limit less 32 and 4 per worker) keeps the server's sockets below its
        // file limit; a few more may be accepted in the read that reaches the cap.
        let cap = Self.fileLimit - 32 - 4
        let pid = server.process.processIdentifier
        let sockets = try await LoopbackHTTP.offThread {
            usleep(500_000)
            return Self.openSockets(of: pid)
        }
        #expect(sockets <= cap + 4, "\(sockets) sockets open in the server")

        let reply = try await LoopbackHTTP.request(
            port: server.port, method: "POST", path: "/verify", body: #"{"gold":"4","pred":"4"}"#)
        #expect(reply.status == 200)
        #expect(reply.body.contains(#""match":true"#), "\(reply.body)")
        // Room was made by closing the clients that had waited longest for their head.
        let stillOpen = try await LoopbackHTTP.offThread {
            Self.waitUntilClosed(slow, deadline: Date().addingTimeInterval(5))
        }
        #expect(stillOpen <= cap, "\(stillOpen) of \(Self.slowClients) slow sockets still open")
        #expect(server.process.isRunning)
    }

    @Test func slowHeadsBodiesAndIdleKeepAlivesAreClosedByTheirTimeouts() async throws {
        let server = try ServeProcessTests.start(
            [
                "--preset", "r1", "--header-timeout", "1", "--body-timeout", "1",
                "--keepalive-timeout", "1",
            ], fileLimit: Self.fileLimit)
        defer { if server.process.isRunning { server.process.terminate() }; server.process.waitUntilExit() }
        // Half-sent requests, and a kept-alive connection answered once and then silent.
        let idle = try LoopbackHTTP.connect(port: server.port)
        let slow = try Self.openSlowClients(20, port: server.port) + [idle]
        defer { for fd in slow { close(fd) } }
        try LoopbackHTTP.write(idle, "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")

        // A body that keeps coming, a byte at a time well inside the body timeout, is read to the end.
        let body = #"{"gold":"4","pred":"4"}"#
        let port = server.port
        let reply = try await LoopbackHTTP.offThread {
            let steady = try LoopbackHTTP.connect(port: port)
            defer { close(steady) }
            try LoopbackHTTP.write(
                steady, LoopbackHTTP.head(method: "POST", path: "/verify", headers: [:], bodyLength: body.utf8.count))
            for byte in body {
                usleep(100_000)
                try LoopbackHTTP.write(steady, String(byte))
            }
            return try LoopbackHTTP.parse(LoopbackHTTP.readAll(steady))
        }
        #expect(reply.status == 200 && reply.body.contains(#""match":true"#), "\(reply.body)")

        let stillOpen = try await LoopbackHTTP.offThread {
            Self.waitUntilClosed(slow, deadline: Date().addingTimeInterval(20))
        }
        #expect(stillOpen == 0, "\(stillOpen) of \(slow.count) slow sockets still open")
        #expect(server.process.isRunning)
    }

    @Test func aConnectionRefusedBeforeItsBodyWasReadIsClosedWhenIdle() async throws {
        let server = try ServeProcessTests.start(["--preset", "r1", "--max-body", "16", "--keepalive-timeout", "1"])
        defer { if server.process.isRunning { server.process.terminate() }; server.process.waitUntilExit() }
        let port = server.port
        // The declared length is over --max-body: the 413 goes out before the body is read. The
        // connection is kept alive (no Connection: close) and then says nothing more.
        let (reply, closed) = try await LoopbackHTTP.offThread {
            let fd = try LoopbackHTTP.connect(port: port)
            defer { close(fd) }
            let body = #"{"gold":"4","pred":"4","pad":"xxxxxxxx"}"#
            try LoopbackHTTP.write(
                fd, "POST /verify HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: \(body.utf8.count)\r\n\r\n")
            usleep(200_000)
            try LoopbackHTTP.write(fd, body)
            let reply = try LoopbackHTTP.parse(LoopbackHTTP.readAll(fd))
            return (reply, Self.waitUntilClosed([fd], deadline: Date().addingTimeInterval(10)) == 0)
        }
        #expect(reply.status == 413)
        #expect(closed, "the idle connection stayed open")
    }

    @Test func aCapTheFileLimitCannotHoldIsAUsageError() throws {
        let r = try ServeProcessTests.runToExit(
            ["serve", "--port", "0", "--workers", "1", "--max-connections", "1000"], fileLimit: Self.fileLimit)
        #expect(r.status == 2, "\(r.stderr)")
        #expect(
            r.stderr.contains(
                "--max-connections 1000 needs more descriptors than the open-file limit (\(Self.fileLimit))"),
            "\(r.stderr)")
    }

    /// Sockets among the process's open descriptors (Linux /proc).
    static func openSockets(of pid: Int32) -> Int {
        let dir = "/proc/\(pid)/fd"
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []
        return names.filter {
            ((try? FileManager.default.destinationOfSymbolicLink(atPath: dir + "/" + $0)) ?? "").hasPrefix("socket:")
        }.count
    }

    /// Waits until the server has closed every socket in `fds` (a read returns end of file or a
    /// reset) or `deadline` passes; returns how many are still open.
    static func waitUntilClosed(_ fds: [Int32], deadline: Date) -> Int {
        var open = Set(fds)
        var buffer = [UInt8](repeating: 0, count: 4096)
        while !open.isEmpty, Date() < deadline {
            var polls = open.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
            guard poll(&polls, nfds_t(polls.count), 200) > 0 else { continue }
            for p in polls where p.revents != 0 {
                let n = buffer.withUnsafeMutableBytes { recv(p.fd, $0.baseAddress, $0.count, Int32(MSG_DONTWAIT)) }
                if n == 0 || (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK) { open.remove(p.fd) }
            }
        }
        return open.count
    }
}
