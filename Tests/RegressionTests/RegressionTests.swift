import Foundation
import Testing
import Verify

@testable import Regression
@testable import Rewards

#if canImport(FoundationXML)
import FoundationXML  // XMLParser lives here on Linux
#endif

@Suite struct RegressionTests {
    static func cases(_ lines: [String]) -> [RegressionCase] {
        lines.enumerated().map { try! RegressionCase.parse($1, source: "t:\($0 + 1)").get() }
    }

    @Test func verifierAndRewardCasesRunAndReportFailures() {
        let outcomes = RegressionRunner().run(
            Self.cases([
                #"{"id":"a","gold":"3/4","pred":"0.75","expected":true,"tags":["fractions"]}"#,
                #"{"id":"b","gold":"7","pred":"\\boxed{7} or \\boxed{8}","expected":false,"tags":["hedging"]}"#,
                #"{"id":"c","gold":"7","pred":"8","expected":true,"tags":["numbers"]}"#,
                #"{"id":"d","response":"<think>x</think><answer>5</answer>","answer":"5","expected_rewards":{"accuracy":1,"format":1}}"#,
                #"{"id":"e","response":"\\boxed{5}","answer":"5","preset":"sharegrpo","expected_rewards":{"accuracy":1,"format":1}}"#,
            ]))
        #expect(outcomes.map(\.passed) == [true, true, false, true, false])
        #expect(outcomes[1].reason == "hedged")
        #expect(outcomes[2].verdict == false)
        #expect(outcomes[4].reason == "format: got 0.0")
        #expect(outcomes[4].rewards == ["accuracy": 1, "format": 0])
    }

    @Test func toleranceAppliesToNumericRewards() {
        let c = Self.cases([
            #"{"id":"r","response":"<think>x</think><answer>5</answer>","answer":"5","config":{"rewards":[{"name":"format","weight":0.3}]},"expected_rewards":{"format":0.999}}"#
        ])
        #expect(RegressionRunner(tolerance: 1e-9).run(c)[0].passed == false)
        #expect(RegressionRunner(tolerance: 0.01).run(c)[0].passed == true)
    }

    @Test func badCasesNameTheirField() {
        let bad: [(String, String)] = [
            (#"{"gold":"1","pred":"1","expected":true}"#, "field 'id'"),
            (#"{"id":1,"pred":"1","expected":true}"#, "field 'gold'"),
            (#"{"id":1,"gold":"1","pred":"1","expected":"yes"}"#, "field 'expected'"),
            (#"{"id":1,"gold":"1","pred":"1","expected":true,"precision":-1}"#, "field 'precision'"),
            (#"{"id":1,"gold":"1","pred":"1","expected":true,"tags":"x"}"#, "field 'tags'"),
            (#"{"id":1,"response":"r","expected_rewards":{"a":"1"}}"#, "field 'expected_rewards'"),
            (#"{"id":1,"response":"r","expected_rewards":{"a":1},"preset":"r9"}"#, "'r9' is not a preset"),
            (#"{"id":1,"response":"r","expected_rewards":{"a":1},"preset":"r1","config":{}}"#, "not both"),
            ("{nope", "invalid JSON"),
        ]
        for (line, message) in bad {
            switch RegressionCase.parse(line, source: "x") {
            case .success: Issue.record("parsed: \(line)")
            case let .failure(e): #expect(e.description.contains(message), "\(e.description)")
            }
        }
    }

    @Test func flipsAreFoundInBothDirections() {
        let baseline: [String: BaselineComparison.Entry] = [
            "up": .init(verdict: false, rewards: nil), "down": .init(verdict: true, rewards: nil),
            "same": .init(verdict: true, rewards: nil), "reward": .init(verdict: nil, rewards: ["a": 1, "b": 0.5]),
            "gone": .init(verdict: true, rewards: nil),
        ]
        func outcome(_ id: String, _ verdict: Bool?, _ rewards: [String: Double]? = nil) -> RegressionRunner.Outcome {
            .init(
                id: id, kind: verdict == nil ? "reward" : "verifier", tags: [], passed: true, verdict: verdict,
                rewards: rewards,
                reason: "", expected: "", gold: nil, pred: nil, source: "")
        }
        let now = [
            outcome("up", true), outcome("down", false), outcome("same", true),
            outcome("reward", nil, ["a": 1, "b": 0.5000001]),
            outcome("new", true),
        ]
        let strict = BaselineComparison(outcomes: now, baseline: baseline, tolerance: 1e-9)
        #expect(strict.flips.map(\.id) == ["up", "down", "reward"])
        #expect(strict.flips[0] == .init(id: "up", was: "false", now: "true"))
        #expect(strict.flips[1] == .init(id: "down", was: "true", now: "false"))
        #expect(strict.added == ["new"] && strict.removed == ["gone"])
        let loose = BaselineComparison(outcomes: now, baseline: baseline, tolerance: 1e-3)
        #expect(loose.flips.map(\.id) == ["up", "down"])
    }

    @Test func reportTextJSONAndJUnit() throws {
        let outcomes = RegressionRunner().run(
            Self.cases([
                #"{"id":"ok","gold":"1","pred":"1","expected":true,"tags":["numbers"]}"#,
                #"{"id":"bad<&>","gold":"1","pred":"2","expected":true,"tags":["numbers"]}"#,
            ]))
        let comparison = BaselineComparison(
            outcomes: outcomes, baseline: ["ok": .init(verdict: false, rewards: nil)], tolerance: 0)
        let report = RegressionReport(
            outcomes: outcomes, unreadable: [("f:9", "field 'gold' is missing")], comparison: comparison,
            baselineName: "main")
        #expect(!report.isClean)
        let text = report.text()
        #expect(text.contains(#"FAIL bad<&> (t:2): gold "1" pred "2" expected true, got false (mismatch)"#))
        #expect(text.contains("FLIP ok: was false in baseline 'main', now true"))
        #expect(text.contains("UNREADABLE f:9"))
        #expect(text.hasSuffix("1 passed, 2 failed\n"))
        let json = try JSONSerialization.jsonObject(with: Data(report.json().utf8)) as! [String: Any]
        #expect(json["failed"] as? Int == 2 && json["flipped"] as? Int == 1)
        #expect((json["tag_pass_rates"] as? [String: Double])?["numbers"] == 0.5)
        let xml = report.junit()
        #expect(xml.contains(#"<testsuites name="rewardkit regress" tests="3" failures="3">"#))
        #expect(xml.contains(#"name="bad&lt;&amp;&gt;""#))
        #expect(xml.contains("flipped since baseline &apos;main&apos;: was false, now true"))
        // The XML parses.
        let parser = XMLParser(data: Data(xml.utf8))
        #expect(parser.parse())
    }
}
