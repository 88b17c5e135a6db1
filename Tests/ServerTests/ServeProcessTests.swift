#if canImport(Glibc)
import Glibc
#endif
import Foundation
import TestSupport
import Testing

/// `rewardkit serve` as a process: the port line, SIGTERM finishing a request in flight, exit
/// codes for bad flags and a taken port.
@Suite(.serialized) struct ServeProcessTests {
    static let binary = BuiltBinary.rewardkit

    struct Running {
        var process: Process
        var port: Int
        var stderr: Pipe
    }

    /// Starts `rewardkit serve ARGS --port 0` and reads the port from its first line.
    static func start(_ arguments: [String] = ["--preset", "r1"]) throws -> Running {
        let process = Process()
        process.executableURL = binary
        process.arguments = ["serve", "--port", "0", "--workers", "1"] + arguments
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
              let port = Int(text[range.upperBound...].prefix { $0.isNumber }) else {
            process.terminate()
            throw LoopbackHTTP.Failure(description: "no port line; stdout: \(text)")
        }
        return Running(process: process, port: port, stderr: err)
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
        try LoopbackHTTP.write(fd, LoopbackHTTP.head(method: "POST", path: "/get_reward", headers: [:], bodyLength: body.utf8.count)
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

    @Test func aTakenPortIsAFatalErrorAndBadFlagsAreUsageErrors() throws {
        let first = try Self.start()
        defer { first.process.terminate(); first.process.waitUntilExit() }
        for (arguments, code) in [(["--port", String(first.port)], Int32(1)), (["--port", "70000"], 2), (["--max-body", "0"], 2),
                                  (["--preset", "nope"], 2), (["--workers", "0"], 2)] {
            let process = Process()
            process.executableURL = Self.binary
            process.arguments = ["serve"] + arguments
            process.standardOutput = Pipe()
            let err = Pipe()
            process.standardError = err
            try process.run()
            let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            #expect(process.terminationStatus == code, "\(arguments): \(stderr)")
        }
    }
}
