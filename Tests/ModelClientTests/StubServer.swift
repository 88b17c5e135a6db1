import Foundation

/// The loopback OpenAI-compatible server of openai_stub.py, started as a child process for one
/// test and stopped by it (SIGTERM to its own pid; it also stops when its standard input closes).
final class StubServer: @unchecked Sendable {
    let process = Process()
    let port: Int
    let log: URL
    private let input = Pipe()

    /// Starts the stub with extra flags (`--delay-ms 50`, ...).
    init(_ flags: [String] = []) throws {
        log = FileManager.default.temporaryDirectory.appendingPathComponent("rk-stub-\(UUID().uuidString).jsonl")
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
            "openai_stub.py")
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script.path, "--port", "0", "--log", log.path] + flags
        let out = Pipe()
        process.standardOutput = out
        process.standardInput = input
        try process.run()
        // The first line says the port.
        var line = Data()
        while !line.contains(UInt8(ascii: "\n")) {
            let chunk = out.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            line.append(chunk)
        }
        guard let text = String(data: line, encoding: .utf8), let last = text.split(separator: " ").last,
            let port = Int(last.trimmingCharacters(in: .whitespacesAndNewlines))
        else {
            process.terminate()
            throw StubError("openai_stub.py did not say its port: \(String(decoding: line, as: UTF8.self))")
        }
        self.port = port
    }

    /// The base URL (`http://127.0.0.1:PORT/v1`).
    var url: String { "http://127.0.0.1:\(port)/v1" }

    /// The requests the server received, one object per request, in arrival order.
    func requests() throws -> [[String: Any]] {
        guard let text = try? String(contentsOf: log, encoding: .utf8) else { return [] }
        return try text.split(separator: "\n").map { line in
            guard let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else {
                throw StubError("bad log line")
            }
            return object
        }
    }

    func stop() {
        if process.isRunning { process.terminate() }
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
        try? FileManager.default.removeItem(at: log)
    }

    deinit { stop() }
}

struct StubError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// Runs blocking work (a batch waits on the network) on a thread of its own, not on one of the
/// few cooperative threads that other suites' in-process servers need.
func offPool<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        Thread { continuation.resume(with: Result { try work() }) }.start()
    }
}
