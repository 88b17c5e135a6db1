import Foundation
import TestSupport
import Testing

@testable import ModelClient

/// How replies become scores: the table in Fixtures/model-client/replies.jsonl.
struct ReplyReaderTests {
    struct Case: Decodable, Sendable {
        let reader: String
        let reply: String
        let score: Double?
    }

    @Test func repliesReadAsTheTableSays() throws {
        let cases = try Fixture.load("model-client/replies.jsonl", as: Case.self)
        #expect(cases.count >= 15)
        for c in cases {
            let reader: ReplyReader =
                switch c.reader {
                case "sophiavl": .sophiaVL
                case "xverify": .correctIncorrect
                default: .finalDecision
                }
            let read = try? reader.read(c.reply).get()
            #expect(read == c.score, "\(c.reader) reading \(c.reply.debugDescription)")
        }
    }

    @Test func aPromptFileReadsWithItsPattern() throws {
        let judge = try PromptTemplate(
            name: try promptFile("Q {question} R {response} G {reference}"), scorePattern: "verdict: *(\\w+)",
            system: nil, judge: true, rewardName: "accuracy")
        #expect(try judge.reader.read("Verdict: YES").get() == 1)
        #expect(try judge.reader.read("verdict: 0.2").get() == 0)
        #expect((try? judge.reader.read("no verdict here").get()) == nil)
        let score = try PromptTemplate(
            name: try promptFile("{response}"), scorePattern: "score=([0-9.]+)", system: nil, judge: false,
            rewardName: "thinking")
        #expect(try score.reader.read("score=0.35").get() == 0.35)
        #expect(try score.reader.read("score=7").get() == 1)
    }

    @Test func placeholdersAreFilledOnceAndOnlyKnownOnes() {
        let filled = PromptTemplate.fill(
            "Q: {question} R: {response} {other} {", ["question": "what is {response}?", "response": "4"])
        #expect(filled == "Q: what is {response}? R: 4 {other} {")
    }

    @Test func sophiaVLLayoutMarksTheImageAndDropsDollars() throws {
        let t = try PromptTemplate(
            name: "sophiavl", scorePattern: nil, system: nil, judge: false, rewardName: "thinking")
        let text = t.render(question: "Area?", response: "$x=2$ so 4", reference: "", answer: "", hasImage: true)
        #expect(text.contains("Question: <image> Area?"))
        #expect(text.contains("Reasoning process: x=2 so 4"))
        #expect(text.contains("<answer>your_score</answer>"))
        #expect(t.system == "You are a helpful assistant.")
    }

    @Test func endpointURLsResolve() {
        #expect(ModelEndpoint.resolve("http://h:8000/v1", api: .chat) == "http://h:8000/v1/chat/completions")
        #expect(ModelEndpoint.resolve("http://h:8000/", api: .completions) == "http://h:8000/v1/completions")
        #expect(
            ModelEndpoint.resolve("https://h/x/v1/chat/completions", api: .chat) == "https://h/x/v1/chat/completions")
        #expect(ModelEndpoint.resolve("h:8000", api: .chat) == nil)
    }

    @Test func sha256MatchesKnownDigests() {
        #expect(SHA256.hex([]) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(
            SHA256.hex(Array(String(repeating: "a", count: 1000).utf8))
                == "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
    }

    private func promptFile(_ text: String) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("rk-prompt-\(UUID().uuidString).txt")
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }
}
