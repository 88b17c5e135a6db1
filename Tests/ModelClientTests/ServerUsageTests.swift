import Foundation
import ModelClient
import Rewards
import Server
import Testing

/// The server's side: `/score` and `/get_reward` send a request's rows to the model together, and
/// `/metrics` reports the model calls.
@Suite(.serialized) struct ServerUsageTests {
    @Test func metricsReportTheModelCalls() async throws {
        let server = try StubServer()
        defer { server.stop() }
        let service = RewardService(
            pipeline: try modelPipeline(
                thinkingConfig(server, ", retries: 2"),
                context: ModelClientContext(images: .inside(nil))))
        let body = """
            {"query": ["Q1 A @reply=<answer>0.2</answer>", "Q2 B @status=500:1 @reply=<answer>0.9</answer>", "Q3 C"], "prompts": ["Q1", "Q2", "Q3"]}
            """
        let reply = try await offPool {
            var bytes = Array(body.utf8)
            return bytes.withUnsafeMutableBufferPointer { service.getReward(UnsafeBufferPointer($0)) }
        }
        let json = try #require(JSONSerialization.jsonObject(with: Data(reply.body)) as? [String: Any])
        #expect(json["rewards"] as? [Double] == [0.2, 0.9, 0.5])
        let metrics = String(decoding: service.metricsReply().body, as: UTF8.self)
        #expect(metrics.contains("rewardkit_model_calls_total{component=\"thinking\"} 3"))
        #expect(metrics.contains("rewardkit_model_retries_total{component=\"thinking\"} 1"))
        #expect(metrics.contains("rewardkit_model_failures_total{component=\"thinking\"} 0"))
        #expect(metrics.contains("rewardkit_model_latency_milliseconds{component=\"thinking\",quantile=\"0.99\"}"))
    }

    @Test func theServerRefusesLocalImagePathsWithoutAnImageRoot() async throws {
        let server = try StubServer()
        defer { server.stop() }
        let service = RewardService(
            pipeline: try modelPipeline(thinkingConfig(server), context: ModelClientContext(images: .inside(nil))))
        let body = """
            {"prompt": "What?", "response": "x", "images": ["/etc/hostname"]}
            {"prompt": "What?", "response": "y @reply=<answer>1</answer>", "images": ["data:image/png;base64,iVBORw0KGgo="]}
            """
        let reply = try await offPool {
            var bytes = Array(body.utf8)
            return bytes.withUnsafeMutableBufferPointer { service.score(UnsafeBufferPointer($0), step: nil) }
        }
        let text = String(decoding: reply.body, as: UTF8.self)
        #expect(text.contains("refused") && text.contains("--image-root"))
        #expect(text.contains("\"reward\":1"))
        // The refused row never reached the model.
        #expect(try server.requests().count == 1)
    }
}
