import Foundation
import Store
import TestSupport
import Testing

/// `rewardkit score` with a served model: error rows name the line and the cause, the run
/// database caches replies (a second run calls nothing), `--no-cache` calls again, and the
/// summary reports the calls.
@Suite(.serialized) struct ScoreCommandModelTests {
    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static func rewardkit(_ arguments: [String], in dir: URL) throws -> Run {
        let process = Process()
        process.executableURL = BuiltBinary.rewardkit
        process.arguments = arguments
        process.currentDirectoryURL = dir
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }

    @Test func scoreCachesRepliesAndWritesErrorRows() async throws {
        let server = try StubServer()
        defer { server.stop() }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("rk-mc-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try """
        rewards:
          - {name: thinking, endpoint: {url: "\(server.url)", model: thinking-reward-model, retries: 1, backoff_s: 0.01}}
        """.write(to: dir.appendingPathComponent("rm.yaml"), atomically: true, encoding: .utf8)
        var rows = (1...6).map { "{\"prompt\": \"q\($0)\", \"response\": \"r\($0) @reply=<answer>0.\($0)</answer>\"}" }
        rows.insert("{\"id\": \"broken\", \"prompt\": \"q\", \"response\": \"@status=400:9\"}", at: 2)
        try (rows.joined(separator: "\n") + "\n").write(
            to: dir.appendingPathComponent("in.jsonl"), atomically: true, encoding: .utf8)
        let args = ["score", "in.jsonl", "--config", "rm.yaml", "--db", "run.sqlite"]

        let first = try await offPool { try Self.rewardkit(args, in: dir) }
        #expect(first.status == 3, "some rows are error rows: \(first.stderr)")
        let lines = first.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 7)
        let error = try #require(JSONSerialization.jsonObject(with: Data(lines[2].utf8)) as? [String: Any])
        #expect(error["line"] as? Int == 3 && error["id"] as? String == "broken")
        #expect(
            (error["error"] as? String ?? "").contains("reward 'thinking'")
                && (error["error"] as? String ?? "").contains("HTTP 400"))
        let scored = try lines.filter { !$0.contains("\"error\"") }.map { line in
            try #require((JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["reward"] as? Double)
        }
        #expect(scored == [0.1, 0.2, 0.3, 0.4, 0.5, 0.6])
        #expect(
            first.stderr.contains("model calls: thinking: 7 calls, 0 cache hits, 0 retries, 1 failed, latency ms p50"))
        let afterFirst = try server.requests().count
        #expect(afterFirst == 7)

        // Scoring the same rows again calls nothing but the row that failed (failures are not cached).
        let second = try await offPool { try Self.rewardkit(args, in: dir) }
        #expect(second.stdout == first.stdout)
        #expect(second.stderr.contains("thinking: 1 calls, 6 cache hits"))
        #expect(try server.requests().count == afterFirst + 1)

        let third = try await offPool { try Self.rewardkit(args + ["--no-cache"], in: dir) }
        #expect(third.stdout == first.stdout)
        #expect(try server.requests().count == afterFirst + 1 + 7)

        // The database holds the replies, not the key or the config's secrets.
        let store = try RunStore.open(at: dir.appendingPathComponent("run.sqlite").path)
        #expect(try store.modelReplyCount() == 6)
    }
}
