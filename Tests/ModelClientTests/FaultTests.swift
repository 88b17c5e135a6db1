import Foundation
import ModelClient
import Rewards
import Testing

/// The thinking reward against a real loopback server that misbehaves on request: scores read in
/// order, retries, the breaker, and error rows that name the cause.
@Suite(.serialized) struct FaultTests {
    @Test func scoresAreReadInRowOrder() async throws {
        let server = try StubServer()
        defer { server.stop() }
        let pipeline = try modelPipeline(thinkingConfig(server, ", concurrency: 4"))
        // Different delays so replies arrive out of order; each row asks for its own score.
        let rows = (0..<24).map { i in
            Trajectory(prompt: "q\(i)", response: "step @delay=\((24 - i) * 3) @reply=<answer>0.\(i % 10)</answer>")
        }
        let results = try await offPool { pipeline.score(rows) }
        #expect(results.map(\.value) == (0..<24).map { Double(i: $0 % 10) })
        let usage = pipeline.modelUsage()[0]
        #expect(usage.calls == 24 && usage.failures == 0 && usage.retries == 0)
        #expect(try server.requests().count == 24)
    }

    @Test func transientFailuresAreRetriedUntilTheyPass() async throws {
        let server = try StubServer()
        defer { server.stop() }
        let pipeline = try modelPipeline(thinkingConfig(server, ", retries: 3"))
        let rows = [
            Trajectory(response: "a @status=500:2 @reply=<answer>0.8</answer>"),
            Trajectory(response: "b @status=429:1 @retry_after=0.3 @reply=<answer>0.6</answer>"),
            Trajectory(response: "c @drop=1 @reply=<answer>0.4</answer>"),
            Trajectory(response: "d @status=503:1 @reply=\\box{0.2}"),
        ]
        let started = Date()
        let results = try await offPool { pipeline.score(rows) }
        #expect(results.map(\.value) == [0.8, 0.6, 0.4, 0.2])
        // Row b waited the server's Retry-After (0.3 s) before its second attempt.
        #expect(Date().timeIntervalSince(started) >= 0.3)
        let usage = pipeline.modelUsage()[0]
        #expect(usage.retries == 5 && usage.failures == 0 && usage.calls == 4)
        #expect(try server.requests().count == 9)
    }

    @Test func finalFailuresAreErrorRowsNamingTheCause() async throws {
        let server = try StubServer()
        defer { server.stop() }
        let pipeline = try modelPipeline(thinkingConfig(server, ", retries: 2, timeout_s: 1"))
        let rows = [
            Trajectory(response: "ok @reply=<answer>0.9</answer>"),
            Trajectory(response: "bad request @status=400:9"),
            Trajectory(response: "always 500 @status=500:9"),
            Trajectory(response: "garbage @malformed"),
            Trajectory(response: "cut short @truncated"),
            Trajectory(response: "silence @hang"),
            Trajectory(response: "unreadable @reply=I_cannot_say"),
        ]
        let results = try await offPool { pipeline.score(rows) }
        #expect(results[0].value == 0.9)
        let messages = results.dropFirst().map { $0.errorMessage ?? "(scored \($0.value ?? -1))" }
        #expect(messages[0].contains("HTTP 400") && messages[0].contains("not retried"))
        #expect(messages[1].contains("failed after 3 attempts: HTTP 500"))
        #expect(messages[2].contains("not valid JSON"))
        #expect(messages[3].contains("failed after 3 attempts"))
        #expect(messages[4].contains("timed out after 1.0 s") && messages[4].contains("3 attempts"))
        #expect(messages[5].contains("could not be read") && messages[5].contains("I cannot say"))
        for m in messages { #expect(m.contains("thinking"), "names the component: \(m)") }
        let attempts = Dictionary(
            grouping: try server.requests(),
            by: { request in
                ((request["text"] as? String ?? "").components(separatedBy: "Reasoning process: ").last ?? "").split(
                    separator: " "
                ).first ?? ""
            })
        // No retry on a 4xx, on a reply that is not JSON, or on one that cannot be read.
        #expect(attempts["bad"]?.count == 1 && attempts["garbage"]?.count == 1 && attempts["unreadable"]?.count == 1)
        #expect(attempts["always"]?.count == 3 && attempts["silence"]?.count == 3)
        #expect(pipeline.modelUsage()[0].failures == 6)
    }

    @Test func theBreakerStopsCallingADeadServer() async throws {
        let server = try StubServer()
        defer { server.stop() }
        let pipeline = try modelPipeline(
            thinkingConfig(server, ", concurrency: 2, retries: 5, breaker_failures: 4, breaker_cooldown_s: 60"))
        let rows = (0..<40).map { Trajectory(response: "row \($0) @status=503:99") }
        let results = try await offPool { pipeline.score(rows) }
        #expect(results.allSatisfy { $0.errorMessage != nil })
        let open = results.filter { $0.errorMessage?.contains("circuit breaker open: ") == true }
        // Once open, the remaining rows fail at once with the breaker's message.
        #expect(open.count >= 36)
        let sent = try server.requests().count
        #expect(sent <= 8, "\(sent) requests reached the server")
        let usage = pipeline.modelUsage()[0]
        #expect(
            usage.breakerMessage?.contains("consecutive failed attempts calling \(server.url)/chat/completions") == true
        )
        #expect(usage.failures == 40)
    }

    @Test func aServerThatIsNotThereFailsFastWithOneMessage() async throws {
        // A port nothing listens on: connections are refused at once.
        let server = try StubServer()
        let url = server.url
        server.stop()
        let pipeline = try modelPipeline(
            "rewards:\n  - {name: thinking, endpoint: {url: \"\(url)\", model: m, retries: 2, backoff_s: 0.01, breaker_failures: 3}}\n"
        )
        let results = try await offPool { pipeline.score((0..<10).map { Trajectory(response: "r\($0)") }) }
        #expect(results.allSatisfy { $0.errorMessage != nil })
        #expect(results.contains { $0.errorMessage?.contains("circuit breaker open") == true })
    }
}

private extension Double {
    init(i: Int) { self = Double("0.\(i)") ?? 0 }
}
