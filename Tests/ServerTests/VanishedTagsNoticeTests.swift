import Rewards
import Server
import Synchronization
import Testing

/// The server says once, not per request, that responses arrive without the tags `format` needs.
@Suite struct VanishedTagsNoticeTests {
    final class Said: Sendable {
        let lines = Mutex<[String]>([])
    }

    static func service(_ said: Said) throws -> RewardService {
        RewardService(
            pipeline: try Pipeline(spec: try RewardSpec.preset("r1")),
            vanishedTagsNotice: OnceNotice { line in said.lines.withLock { $0.append(line) } })
    }

    static func getReward(_ service: RewardService, _ responses: [String]) {
        let queries = responses.map { "\"Q\($0)\"" }.joined(separator: ",")
        var body =
            #"{"query":[\#(queries)],"prompts":[\#(responses.map { _ in "\"Q\"" }.joined(separator: ","))],"labels":[\#(responses.map { _ in "\"4\"" }.joined(separator: ","))]}"#
        _ = body.withUTF8 { service.getReward($0) }
    }

    static func score(_ service: RewardService, _ responses: [String]) {
        var body = responses.map { #"{"prompt":"Q","response":"\#($0)","answer":"4"}"# }.joined(separator: "\n")
        _ = body.withUTF8 { service.score($0, step: nil) }
    }

    @Test func getRewardSaysItOnceForBatchesWithoutTags() throws {
        let said = Said()
        let service = try Self.service(said)
        Self.getReward(service, ["<think>a</think><answer>4</answer>", "4"])
        #expect(said.lines.withLock { $0.isEmpty })
        Self.getReward(service, ["2+2=4 4", "so 5"])
        Self.getReward(service, ["4", "5"])
        let lines = said.lines.withLock { $0 }
        #expect(lines.count == 1)
        #expect(lines.first?.contains("skip_special_tokens") == true)
    }

    @Test func scoreSaysItOnceForBatchesWithoutTags() throws {
        let said = Said()
        let service = try Self.service(said)
        Self.score(service, ["<think>a</think> 4", "4"])
        #expect(said.lines.withLock { $0.isEmpty })
        Self.score(service, ["4", "5"])
        Self.score(service, ["4", "5"])
        #expect(said.lines.withLock { $0.count } == 1)
    }
}
