import Rewards
import TestSupport
import Testing

struct AnswerKindCase: Decodable, Sendable, CustomTestStringConvertible {
    var gold: String
    var kind: String
    var testDescription: String { gold }
}

/// The audit's answer-kind classifier on one gold answer of each kind (and the near misses between kinds).
@Suite struct AnswerKindTests {
    static let cases: [AnswerKindCase] = (try? Fixture.load("answer_kind_cases.jsonl")) ?? []

    @Test func tableLoadsAndCoversEveryKind() throws {
        let loaded = try Fixture.load("answer_kind_cases.jsonl", as: AnswerKindCase.self)
        #expect(Set(loaded.map(\.kind)) == Set(AnswerKind.allCases.map(\.rawValue)))
    }

    @Test(arguments: cases) func classifies(_ c: AnswerKindCase) {
        #expect(AnswerKind.classify(c.gold).rawValue == c.kind)
    }
}
