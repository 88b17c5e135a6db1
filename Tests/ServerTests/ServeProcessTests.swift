import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// `rewardkit serve` as a process: the port line, SIGTERM finishing a request in flight, exit
/// codes for bad flags and a taken port.
@Suite(.serialized) struct ServeProcessTests {
    static let binary = BuiltBinary.rewardkit

    struct Running {
        var process: Process
        var port: Int
        var stderr: Pipe
    }

    /// Starts `rewardkit serve ARGS --port 0` and reads the port from its first line; with
    /// `fileLimit`, under that open-file limit (`ulimit -n` in a shell that then execs it).
    static func start(
        _ arguments: [String] = ["--preset", "r1"], fileLimit: Int? = nil,
        environment: [String: String] = [:]
    ) throws -> Running {
        let process = Self.process(["serve", "--port", "0", "--workers", "1"] + arguments, fileLimit: fileLimit)
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        var text = ""
        let deadline = Date().addingTimeInterval(30)
        while !text.contains("\n"), Date() < deadline {
            let data = out.fileHandleForReading.availableData
            if data.isEmpty { break }
            text += String(decoding: data, as: UTF8.self)
        }
        guard let range = text.range(of: "http://127.0.0.1:"),
            let port = Int(text[range.upperBound...].prefix { $0.isNumber })
        else {
            process.terminate()
            throw LoopbackHTTP.Failure(description: "no port line; stdout: \(text)")
        }
        return Running(process: process, port: port, stderr: err)
    }

    /// `rewardkit ARGS`, under the open-file limit `fileLimit` when given (`ulimit -n` in a shell
    /// that then execs it, so the process id is rewardkit's).
    static func process(_ arguments: [String], fileLimit: Int? = nil) -> Process {
        let process = Process()
        if let fileLimit {
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", "ulimit -n \(fileLimit) && exec \"$0\" \"$@\"", binary.path] + arguments
        } else {
            process.executableURL = binary
            process.arguments = arguments
        }
        return process
    }

    /// Runs `rewardkit ARGS` to its exit; returns its status and what it wrote.
    static func runToExit(
        _ arguments: [String], fileLimit: Int? = nil
    ) throws -> (status: Int32, stdout: String, stderr: String) {
        let process = Self.process(arguments, fileLimit: fileLimit)
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Standard error first: what these commands write to standard output fits in a pipe.
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let stdout = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, stdout, stderr)
    }

    @Test func sigtermFinishesTheRequestInFlightThenExitsZero() throws {
        let server = try Self.start()
        defer { if server.process.isRunning { server.process.terminate() } }
        #expect(try LoopbackHTTP.send(port: server.port, method: "GET", path: "/health").status == 200)

        // A request whose head and half its body have arrived is in flight when SIGTERM lands.
        let body = #"{"query":["Q<think>t</think><answer>4</answer>"],"prompts":["Q"],"labels":["4"]}"#
        let fd = try LoopbackHTTP.connect(port: server.port)
        defer { close(fd) }
        let half = body.index(body.startIndex, offsetBy: body.count / 2)
        try LoopbackHTTP.write(
            fd,
            LoopbackHTTP.head(method: "POST", path: "/get_reward", headers: [:], bodyLength: body.utf8.count)
                + String(body[..<half]))
        // Time for the server to read the head and start the handler, even on a loaded machine.
        usleep(500_000)
        kill(server.process.processIdentifier, SIGTERM)
        usleep(300_000)
        #expect(server.process.isRunning, "the server must wait for the request in flight")
        try LoopbackHTTP.write(fd, String(body[half...]))
        let reply = try LoopbackHTTP.parse(LoopbackHTTP.readAll(fd))
        #expect(reply.status == 200)
        #expect(reply.body == #"{"rewards":[1.5],"scores":[1],"extra_logs":{"accuracy":[1],"format":[1],"error":[0]}}"#)

        server.process.waitUntilExit()
        #expect(server.process.terminationStatus == 0)
        let stderr = String(decoding: server.stderr.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(stderr.contains("rewardkit: stopped"), "\(stderr)")
        #expect(throws: (any Error).self) { try LoopbackHTTP.send(port: server.port, method: "GET", path: "/health") }
    }

    @Test func theKeyComesFromAFileOrAnEnvironmentVariable() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("rk-key-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let keyFile = dir.appendingPathComponent("key")
        try "from-file\n".write(to: keyFile, atomically: true, encoding: .utf8)
        let body = #"{"gold":"4","pred":"4"}"#
        for (arguments, environment, key) in [
            (["--api-key-file", keyFile.path], [String: String](), "from-file"),
            (["--api-key-env", "RK_TEST_KEY"], ["RK_TEST_KEY": "from-env"], "from-env"),
        ] {
            let server = try Self.start(["--preset", "r1"] + arguments, environment: environment)
            defer { server.process.terminate(); server.process.waitUntilExit() }
            #expect(
                try LoopbackHTTP.send(port: server.port, method: "POST", path: "/verify", body: body).status == 401,
                "\(arguments)")
            #expect(
                try LoopbackHTTP.send(
                    port: server.port, method: "POST", path: "/verify", headers: ["X-API-Key": key + "x"], body: body
                ).status == 401)
            #expect(
                try LoopbackHTTP.send(
                    port: server.port, method: "POST", path: "/verify", headers: ["X-API-Key": key], body: body
                ).status == 200,
                "\(arguments)")
        }
        // A missing file, an unset variable or an empty key is fatal and named; two sources are a usage error.
        try "\n".write(to: dir.appendingPathComponent("empty"), atomically: true, encoding: .utf8)
        for (arguments, code, message) in [
            (["--api-key-file", dir.appendingPathComponent("absent").path], Int32(1), "--api-key-file: cannot read"),
            (
                ["--api-key-file", dir.appendingPathComponent("empty").path], 1,
                "the API key in \(dir.appendingPathComponent("empty").path) is empty"
            ),
            (["--api-key-env", "RK_TEST_UNSET_KEY"], 1, "the environment variable RK_TEST_UNSET_KEY is not set"),
            (["--api-key-env", "RK_TEST_UNSET_KEY", "--api-key", "k"], 2, "not several"),
        ] {
            let r = try Self.runToExit(["serve", "--port", "0"] + arguments)
            #expect(r.status == code, "\(arguments): \(r.stderr)")
            #expect(r.stderr.contains(message), "\(arguments): \(r.stderr)")
        }
        // Help text is wrapped to the terminal width; compare with the line breaks taken out.
        let help = try Self.runToExit(["serve", "--help"]).stdout.split(whereSeparator: \.isWhitespace).joined(
            separator: " ")
        #expect(help.contains("prefer --api-key-file or --api-key-env"), "\(help)")
    }

    @Test func aTakenPortIsAFatalErrorAndBadFlagsAreUsageErrors() throws {
        let first = try Self.start()
        defer { first.process.terminate(); first.process.waitUntilExit() }
        for (arguments, code) in [
            (["--port", String(first.port)], Int32(1)), (["--port", "70000"], 2), (["--max-body", "0"], 2),
            (["--preset", "nope"], 2), (["--workers", "0"], 2), (["--header-timeout", "0"], 2),
            (["--keepalive-timeout", "-1"], 2), (["--max-connections", "0"], 2),
        ] {
            let r = try Self.runToExit(["serve"] + arguments)
            #expect(r.status == code, "\(arguments): \(r.stderr)")
        }
    }
}
