import TestSupport
import Testing

@testable import Verify

struct ComparatorCase: Decodable, Sendable, CustomTestStringConvertible {
    var gold: String
    var predicted: String
    var match: Bool
    var reason: String
    var note: String
    var testDescription: String { note }
}

@Suite struct SimpleAnswerComparatorTests {
    static let cases: [ComparatorCase] = (try? Fixture.load("comparator_cases.jsonl")) ?? []
    let comparator = SimpleAnswerComparator()

    @Test func tableLoads() throws {
        #expect(try Fixture.load("comparator_cases.jsonl", as: ComparatorCase.self).count >= 90)
        #expect(Self.cases.count >= 90)
    }

    @Test(arguments: cases) func compares(_ c: ComparatorCase) {
        let verdict = comparator.compare(gold: c.gold, predicted: c.predicted)
        #expect(verdict == Verdict(isMatch: c.match, reason: c.reason))
    }

    @Test(arguments: cases) func matchingIsSymmetric(_ c: ComparatorCase) {
        #expect(comparator.compare(gold: c.predicted, predicted: c.gold).isMatch == c.match)
    }

    @Test func reasonsAreOneWord() {
        let allowed: Set<String> = ["numeric", "choice", "text", "mismatch", "empty"]
        #expect(Set(Self.cases.map(\.reason)) == allowed)
    }

    @Test func choiceLetterForms() {
        #expect(ChoiceLetter.parse("option c") == "C")
        #expect(ChoiceLetter.parse("D. twelve") == "D")
        #expect(ChoiceLetter.parse("D.twelve") == nil)
        #expect(ChoiceLetter.parse("(AB)") == nil)
        #expect(ChoiceLetter.parse("1") == nil)
        #expect(ChoiceLetter.stripLabel("(B) red") == "red")
        #expect(ChoiceLetter.stripLabel("red") == "red")
    }

    @Test func numbersAreExactFractions() {
        #expect(SimpleNumberParser.parse("1,234.5")?.value == .exact(numerator: 2469, denominator: 2))
        #expect(SimpleNumberParser.parse("-\\frac{6}{4}")?.value == .exact(numerator: -3, denominator: 2))
        #expect(SimpleNumberParser.parse("2¾")?.value == .exact(numerator: 11, denominator: 4))
        #expect(SimpleNumberParser.parse("9223372036854775808")?.value == .approximate(9_223_372_036_854_775_808))
        #expect(SimpleNumberParser.parse("1/2/3") == nil)
        #expect(SimpleNumberParser.parse("--5") == nil)
        #expect(SimpleNumberParser.parse("") == nil)
    }
}

@Suite(.timeLimit(.minutes(10))) struct SimpleAnswerComparatorHostileInputTests {
    let comparator = SimpleAnswerComparator()

    @Test func deeplyNestedTextCommands() {
        let cpu = ThreadCPUTime.measure {
            let nested = String(repeating: #"\text{"#, count: 10_000) + "7" + String(repeating: "}", count: 10_000)
            #expect(comparator.compare(gold: "7", predicted: nested) == Verdict(isMatch: true, reason: "numeric"))
        }
        #expect(cpu < 10, "\(cpu) s of CPU")
    }

    @Test func unbalancedBraces() {
        let cpu = ThreadCPUTime.measure {
            let open = String(repeating: "{", count: 10_000)
            #expect(!comparator.compare(gold: "7", predicted: open).isMatch)
            #expect(!comparator.compare(gold: String(repeating: "}", count: 10_000), predicted: open).isMatch)
        }
        #expect(cpu < 10, "\(cpu) s of CPU")
    }

    @Test func longAnswers() {
        let cpu = ThreadCPUTime.measure {
            let digits = String(repeating: "9", count: 100_000)
            #expect(comparator.compare(gold: digits, predicted: digits).isMatch)
            #expect(!comparator.compare(gold: digits, predicted: digits + "8").isMatch)
            let prose = String(repeating: "a b ", count: 100_000)
            #expect(
                comparator.compare(gold: prose, predicted: prose.uppercased()) == Verdict(isMatch: true, reason: "text")
            )
        }
        #expect(cpu < 10, "\(cpu) s of CPU")
    }
}
