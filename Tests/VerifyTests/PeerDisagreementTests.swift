import Foundation
import TestSupport
import Testing
import Verify

/// Every pair where RewardKit's verifier and math-verify 0.9.0 disagreed in a benchmark run
/// (`scripts/bench_verify.sh 2000`), classified by which side is right and why
/// (Fixtures/verifier_disagreements.jsonl). Where we are right, our verdict is pinned here.
@Suite struct PeerDisagreementTests {
    struct Case: Decodable, Sendable, CustomTestStringConvertible {
        let gold: String, pred: String, category: String
        let ours: Bool, peer: Bool, right: String, why: String, expected: Bool
        var testDescription: String { "\(gold) | \(pred)" }
    }

    static let cases: [Case] = (try? Fixture.load("verifier_disagreements.jsonl")) ?? []

    @Test func fixtureIsLoadedAndEveryDisagreementIsClassified() {
        #expect(Self.cases.count >= 50)
        #expect(Self.cases.allSatisfy { ["ours", "peer"].contains($0.right) && !$0.why.isEmpty && $0.ours != $0.peer })
    }

    @Test(arguments: cases.filter { $0.right == "ours" })
    func ourVerdictIsTheRightOne(_ c: Case) {
        #expect(MathVerifier().compare(gold: c.gold, predicted: c.pred).isMatch == c.expected, "\(c.why)")
    }
}
