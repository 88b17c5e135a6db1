import Foundation
import Rewards
import Server
import TestSupport
import Testing

/// Every endpoint and every error status over a real loopback socket, from the table in
/// Fixtures/server/http_cases.jsonl, against one server that requires an API key.
@Suite(.serialized) struct EndpointTests {
    struct Case: Decodable, CustomStringConvertible, Sendable {
        var name: String
        var method: String
        var path: String
        /// `good` (default), `none`, `wrong` or `bearer`.
        var key: String?
        var body: String?
        var status: Int
        var field: String?
        var exact: String?
        var contains: [String]?
        var description: String { name }
    }

    static let key = "k3y-for-tests"

    static func headers(_ mode: String?) -> [String: String] {
        switch mode ?? "good" {
        case "none": return [:]
        case "wrong": return ["X-API-Key": "not-the-key"]
        case "bearer": return ["Authorization": "Bearer \(key)"]
        default: return ["X-API-Key": key]
        }
    }

    @Test func everyCaseOfTheTable() async throws {
        let cases = try Fixture.load("server/http_cases.jsonl", as: Case.self)
        #expect(cases.count >= 25)
        let configuration = ServerConfiguration(port: 0, apiKey: Self.key)
        try await InProcessServer.with(try InProcessServer.r1(), configuration) { port in
            for c in cases {
                let reply = try await LoopbackHTTP.request(
                    port: port, method: c.method, path: c.path,
                    headers: Self.headers(c.key), body: c.body ?? "")
                #expect(reply.status == c.status, "\(c.name): \(reply.body)")
                if let exact = c.exact { #expect(reply.body == exact, "\(c.name)") }
                for fragment in c.contains ?? [] { #expect(reply.body.contains(fragment), "\(c.name): \(reply.body)") }
                if reply.status >= 400 {
                    // Every refusal is a JSON object with an error message (and the field, when one is at fault).
                    let object = try JSONSerialization.jsonObject(with: Data(reply.body.utf8)) as? [String: Any]
                    #expect(object?["error"] is String, "\(c.name): \(reply.body)")
                    #expect(object?["field"] as? String == c.field, "\(c.name): \(reply.body)")
                    #expect(reply.headers["content-type"] == "application/json")
                }
            }
        }
    }

    @Test func bodiesOverTheLimitAre413WhetherOrNotTheLengthIsKnownFirst() async throws {
        let configuration = ServerConfiguration(port: 0, maxBodyBytes: 1024)
        try await InProcessServer.with(try InProcessServer.r1(), configuration) { port in
            let big = "{\"query\":[\"" + String(repeating: "x", count: 2000) + "\"],\"prompts\":[\"\"]}"
            let declared = try await LoopbackHTTP.request(port: port, method: "POST", path: "/get_reward", body: big)
            #expect(declared.status == 413)
            #expect(declared.body.contains("over the limit of 1024"))
            // Chunked: no Content-Length, so the limit trips while the body is read.
            let chunked = try await LoopbackHTTP.offThread {
                let fd = try LoopbackHTTP.connect(port: port)
                defer { close(fd) }
                let head =
                    "POST /score HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nTransfer-Encoding: chunked\r\n\r\n"
                let chunk = String(repeating: "y", count: 800)
                try LoopbackHTTP.write(fd, head + String(chunk.utf8.count, radix: 16) + "\r\n" + chunk + "\r\n")
                try? LoopbackHTTP.write(fd, String(chunk.utf8.count, radix: 16) + "\r\n" + chunk + "\r\n0\r\n\r\n")
                return try LoopbackHTTP.parse(LoopbackHTTP.readAll(fd))
            }
            #expect(chunked.status == 413)
            let small = try await LoopbackHTTP.request(
                port: port, method: "POST", path: "/get_reward",
                body: "{\"query\":[\"Q<answer>1</answer>\"],\"prompts\":[\"Q\"],\"labels\":[\"1\"]}")
            #expect(small.status == 200)
        }
    }

    @Test func metricsCountRequestsErrorsAndRows() async throws {
        try await InProcessServer.with(try InProcessServer.r1()) { port in
            let body =
                "{\"query\":[\"Q<answer>1</answer>\",\"bad\"],\"prompts\":[\"Q\",\"Q\"],\"labels\":[\"1\",\"1\"]}"
            for _ in 0..<3 {
                _ = try await LoopbackHTTP.request(port: port, method: "POST", path: "/get_reward", body: body)
            }
            _ = try await LoopbackHTTP.request(port: port, method: "POST", path: "/get_reward", body: "{")
            let text = try await LoopbackHTTP.request(port: port, method: "GET", path: "/metrics").body
            #expect(text.contains("rewardkit_http_requests_total{endpoint=\"get_reward\"} 4"), "\(text)")
            #expect(text.contains("rewardkit_http_errors_total{endpoint=\"get_reward\",status=\"400\"} 1"), "\(text)")
            #expect(text.contains("rewardkit_rows_scored_total 3"))
            #expect(text.contains("rewardkit_row_errors_total 3"))
            #expect(
                text.contains("rewardkit_http_request_duration_seconds_count{endpoint=\"get_reward\"} 4"), "\(text)")
        }
    }
}
