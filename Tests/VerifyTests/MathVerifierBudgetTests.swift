import Foundation
import Testing

@testable import Verify

/// Hostile answers end as "no match" (usually reason `budget`), never as a crash or a hang.
/// No wall-clock assertions here: the budget itself is what bounds time.
@Suite struct MathVerifierBudgetTests {
    let verifier = MathVerifier()

    static let hostile: [(String, String)] = [
        (String(repeating: "{", count: 10_000) + "1" + String(repeating: "}", count: 10_000), "1"),
        (String(repeating: "(", count: 10_000) + "1" + String(repeating: ")", count: 10_000), "1"),
        (String(repeating: "\\left(", count: 5000) + "x" + String(repeating: "\\right)", count: 5000), "x"),
        ("1", String(repeating: "-", count: 100_000) + "1"),
        (String(repeating: "1", count: 1_000_000), "1"),
        (String(repeating: "1+", count: 300_000) + "1", "300001"),
        ("1e999999", "1e999998"),
        ("2^{2^{2^{2^{2^{2^{2^{2}}}}}}}", "3"),
        ("9^{9^{9^{9}}}", "9^{9^{9^{9}}}+1"),
        ("x" + String(repeating: "^x", count: 5000), "x"),
        (String(repeating: "\\frac{", count: 5000) + "1" + String(repeating: "}{2}", count: 5000), "1"),
        ("99999999999!", "1"),
        ("\\binom{10^{9}}{10^{6}}", "1"),
        (String(repeating: "\\sin(", count: 3000) + "x" + String(repeating: ")", count: 3000), "x"),
        (String(repeating: "|", count: 10_001), "1"),
        ("\\begin{pmatrix}" + String(repeating: "1&", count: 50_000) + "1\\end{pmatrix}", "1"),
    ]

    @Test(arguments: 0..<hostile.count)
    func hostileInputEndsWithoutAMatch(_ index: Int) {
        let (gold, pred) = Self.hostile[index]
        let r = verifier.verify(gold: gold, predicted: pred)
        #expect(!r.isMatch)
        #expect(["budget", "mismatch", "parse"].contains(r.reason), "\(r.reason)")
        // And the other way round.
        #expect(!verifier.verify(gold: pred, predicted: gold).isMatch)
    }

    @Test func deepNestingAndHugeStringsReportBudget() {
        #expect(verifier.compare(gold: Self.hostile[0].0, predicted: "1").reason == "budget")
        #expect(verifier.compare(gold: Self.hostile[4].0, predicted: "1").reason == "budget")
    }

    @Test func aTinyStepBudgetStopsAnOrdinaryComparison() {
        let tight = MathVerifier(options: .init(budget: VerifyBudget(maxSteps: 20, maxMicros: 1_000_000)))
        let r = tight.compare(gold: "(x+1)^{10}", predicted: "(1+x)^{10}")
        #expect(r == Verdict(isMatch: false, reason: "budget"))
        #expect(MathVerifier().compare(gold: "(x+1)^{10}", predicted: "(1+x)^{10}").isMatch)
    }

    @Test func aZeroTimeBudgetStopsWork() {
        let none = MathVerifier(options: .init(budget: VerifyBudget(maxSteps: 10_000_000, maxMicros: 0)))
        // Long enough to reach a clock check (every 512 steps).
        let long = (1...300).map { "x^{\($0)}" }.joined(separator: "+")
        #expect(none.compare(gold: long, predicted: long + "+1").reason == "budget")
    }

    @Test func worksFromManyThreadsAtOnce() async {
        let pairs = [("\\frac12", "0.5", true), ("x^2-1", "(x-1)(x+1)", true), ("\\{1,2\\}", "\\{2,3\\}", false)]
        let v = verifier
        let results = await withTaskGroup(of: Bool.self) { group in
            for k in 0..<64 {
                let (g, p, expected) = pairs[k % pairs.count]
                group.addTask { v.compare(gold: g, predicted: p).isMatch == expected }
            }
            var all: [Bool] = []
            for await ok in group { all.append(ok) }
            return all
        }
        #expect(results.count == 64 && results.allSatisfy { $0 })
    }
}

/// Nesting is capped low enough to fit the smallest thread stacks servers use (512 KiB).
@Suite struct MathVerifierStackTests {
    @Test(arguments: ["\\frac{1}{", "\\sqrt{", "(", "{", "\\left(", "-(", "2^{", "\\sin(", "\\{", "|"])
    func deepestAcceptedNestingFitsASmallStack(_ opener: String) async {
        let closer: String
        switch opener {
        case "(", "-(", "\\sin(": closer = ")"
        case "\\left(": closer = "\\right)"
        case "\\{": closer = "\\}"
        case "|": closer = "|"
        default: closer = "}"
        }
        let tail = opener == "\\frac{1}{" ? "}" : ""
        var outcomes: [String] = []
        for depth in [30, 60, 119, 200] {
            let s = String(repeating: opener, count: depth) + "x" + String(repeating: closer + tail, count: depth)
            let reason: String = await withCheckedContinuation { done in
                let thread = Thread {
                    done.resume(returning: MathVerifier.forTests().compare(gold: s, predicted: s + "+1").reason)
                }
                thread.stackSize = 512 * 1024
                thread.start()
            }
            outcomes.append(reason)
        }
        #expect(outcomes.count == 4)
        #expect(outcomes.last == "budget")
    }
}
