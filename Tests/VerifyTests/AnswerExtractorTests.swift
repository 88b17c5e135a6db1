import TestSupport
import Testing

@testable import Verify

struct ExtractorCase: Decodable, Sendable, CustomTestStringConvertible {
    var text: String
    var answer: String?
    var anchor: String?
    var hedged: Bool
    var note: String
    var testDescription: String { note }
}

struct ReferenceCase: Decodable, Sendable, CustomTestStringConvertible {
    var reference: String
    var gold: String
    var note: String
    var testDescription: String { note }
}

@Suite struct AnswerExtractorTests {
    static let cases: [ExtractorCase] = (try? Fixture.load("extractor_cases.jsonl")) ?? []
    static let references: [ReferenceCase] = (try? Fixture.load("reference_cases.jsonl")) ?? []

    @Test func tablesLoad() throws {
        #expect(try Fixture.load("extractor_cases.jsonl", as: ExtractorCase.self).count >= 50)
        #expect(try Fixture.load("reference_cases.jsonl", as: ReferenceCase.self).count >= 8)
        #expect(Self.cases.count >= 50)
    }

    @Test(arguments: cases) func extracts(_ c: ExtractorCase) {
        let found = AnswerExtractor().extract(from: c.text)
        #expect(found.answer == c.answer)
        #expect(found.anchor?.rawValue == c.anchor)
        #expect(found.isHedged == c.hedged)
        // The chosen answer is always the rightmost candidate.
        #expect(found.candidates.last == c.answer)
    }

    @Test(arguments: references) func readsGoldFromReference(_ c: ReferenceCase) {
        #expect(AnswerExtractor().referenceAnswer(from: c.reference) == c.gold)
    }

    /// The table runs the default extractor; the user's patterns and the fallback have tests of their own.
    @Test func everyAnchorIsCovered() {
        let covered = Set(Self.cases.compactMap(\.anchor))
        let needsSettings: Set<AnswerAnchor> = [.custom, .lastExpression]
        #expect(covered == Set(AnswerAnchor.allCases.filter { !needsSettings.contains($0) }.map(\.rawValue)))
    }

    @Test(
        arguments: [
            ("She makes 9 * 2 = 18 dollars every day.", "18"), ("so x is $\\frac{1}{2}$ here", "\\frac{1}{2}"),
            ("In total 1,234 people came.", "1,234"), ("It rose by 12.5% this year.", "12.5%"),
            ("we get -4 in the end", "-4"),
            ("$x = 2$ and then 7 more", "7"), ("first $5$, then at last $x^2+1$.", "x^2+1"),
        ] as [(String, String)])
    func fallbackTakesTheLastExpression(_ text: String, _ answer: String) {
        let found = AnswerExtractor(mode: .fallback).extract(from: text)
        #expect(found.answer == answer)
        #expect(found.anchor == .lastExpression)
        // Anchored extraction never guesses.
        #expect(AnswerExtractor().extract(from: text).answer == nil)
    }

    @Test func fallbackStillPrefersAnchorsAndFindsNothingInProse() {
        let fallback = AnswerExtractor(mode: .fallback)
        #expect(fallback.extract(from: "We have 3 cats. The answer is 5, not 6 or 7.").answer == "5")
        #expect(fallback.extract(from: "There is no number in this text at all.").answer == nil)
    }

    @Test func customAnchorsComeBeforeThePhrases() throws {
        let custom = AnswerExtractor(customAnchors: [try RegexPattern("result\\s*=", options: [.caseInsensitive])])
        let found = custom.extract(from: "Answer: 8\nResult = 7 (checked)")
        #expect(found.answer == "7 (checked)")
        #expect(found.anchor == .custom)
        #expect(custom.extract(from: "Answer: 8").anchor == .answerColon)
    }

    @Test func distinctCandidatesKeepFirstOfEach() {
        let found = AnswerExtractor().extract(from: #"\boxed{1} \boxed{2} \boxed{ 1 } \boxed{3}"#)
        #expect(found.candidates == ["1", "2", "1", "3"])
        #expect(found.distinctCandidates == ["1", "2", "3"])
        #expect(found.isHedged)
    }
}

/// Hostile input: each case must end (the suite has a time limit), stay under 10 s of CPU and give the right answer.
@Suite(.timeLimit(.minutes(10))) struct AnswerExtractorHostileInputTests {
    let extractor = AnswerExtractor()

    @Test func tenThousandNestedBraces() {
        let cpu = ThreadCPUTime.measure {
            let text =
                #"\boxed{"# + String(repeating: "{", count: 10_000) + "1" + String(repeating: "}", count: 10_000) + "}"
            let answer = extractor.extract(from: text).answer
            #expect(answer?.count == 20_001)
            #expect(answer?.hasPrefix("{{{") == true)
        }
        #expect(cpu < 10, "\(cpu) s of CPU")
    }

    @Test func tenThousandNestedBoxesUnwrap() {
        let cpu = ThreadCPUTime.measure {
            let text = String(repeating: #"\boxed{"#, count: 10_000) + "7" + String(repeating: "}", count: 10_000)
            let found = extractor.extract(from: text)
            #expect(found.answer == "7")
            #expect(!found.isHedged)
        }
        #expect(cpu < 10, "\(cpu) s of CPU")
    }

    @Test func unclosedBoxesEverywhere() {
        let cpu = ThreadCPUTime.measure {
            let opens = String(repeating: #"\boxed{"#, count: 100_000)
            #expect(extractor.extract(from: opens).answer == nil)
            #expect(extractor.extract(from: opens + "\nAnswer: 3").answer == "3")
        }
        #expect(cpu < 10, "\(cpu) s of CPU")
    }

    @Test func strayClosingBraces() {
        let cpu = ThreadCPUTime.measure {
            let text = String(repeating: "}", count: 100_000) + #"\boxed{2}"#
            #expect(extractor.extract(from: text).answer == "2")
        }
        #expect(cpu < 10, "\(cpu) s of CPU")
    }

    @Test func megabyteOfProseThenAnswer() {
        let cpu = ThreadCPUTime.measure {
            let text = String(repeating: "word ", count: 200_000) + #"\boxed{42}"#
            let found = extractor.extract(from: text)
            #expect(found.answer == "42")
            #expect(found.candidates == ["42"])
        }
        #expect(cpu < 10, "\(cpu) s of CPU")
    }

    /// A single-tag answer keeps its one candidate inline; it must read and compare as the array did.
    @Test func aSingleCandidateReadsAsAnArray() {
        let cpu = ThreadCPUTime.measure {
            var found = extractor.extract(from: "<answer> 42 </answer>")
            #expect(found == Extraction(answer: "42", anchor: .answerTag, candidates: ["42"], isHedged: false))
            #expect(found.candidates == ["42"])
            #expect(found != Extraction(answer: "42", anchor: .answerTag, candidates: [], isHedged: false))
            // A new answer leaves the candidates as they were, as for a stored array.
            found.answer = "7"
            #expect(found.candidates == ["42"])
            found.candidates = ["1", "7"]
            #expect(found.candidates == ["1", "7"])
            #expect(Extraction.none.candidates.isEmpty)
        }
        #expect(cpu < 10, "\(cpu) s of CPU")
    }

    /// The phrase anchors are skipped when their literal is missing; when it is there they still run.
    @Test(
        arguments: [
            ("The answer is 978.", "978"), ("The answer: 978", "978"), ("So the final answer is 12.", "12"),
            ("### The final answer is: 5", "5"), ("The FINAL answer is 3", "3"), ("la réponse, final answer is 4", "4"),
        ] as [(String, String?)])
    func phraseAnchorsNeedTheirLiteral(_ text: String, _ answer: String?) {
        let long = String(repeating: "word ", count: 60) + text
        #expect(extractor.extract(from: text).answer == answer)
        #expect(extractor.extract(from: long).answer == answer)
    }

    @Test func megabyteOfIdenticalBoxes() {
        let cpu = ThreadCPUTime.measure {
            let found = extractor.extract(from: String(repeating: #"\boxed{1}"#, count: 120_000))
            #expect(found.answer == "1")
            #expect(!found.isHedged)
            #expect(found.candidates.count <= 65_536 / 9 + 1)
        }
        #expect(cpu < 10, "\(cpu) s of CPU")
    }

    @Test func megabyteOfTagsAndBackslashes() {
        let cpu = ThreadCPUTime.measure {
            #expect(extractor.extract(from: String(repeating: "<answer>", count: 130_000)).answer == nil)
            #expect(extractor.extract(from: String(repeating: "</answer>", count: 120_000)).answer == nil)
            #expect(extractor.extract(from: String(repeating: "\\", count: 1_000_000)).answer == nil)
            #expect(extractor.extract(from: String(repeating: "final answer is ", count: 70_000)).answer == nil)
        }
        #expect(cpu < 10, "\(cpu) s of CPU")
    }

    @Test func onlyTheTailIsRead() {
        let cpu = ThreadCPUTime.measure {
            let text = #"\boxed{1}"# + String(repeating: "x", count: 70_000) + "\nAnswer: 2"
            let found = extractor.extract(from: text)
            #expect(found.answer == "2")
            #expect(found.anchor == .answerColon)
            #expect(AnswerExtractor(maxBytes: 200_000).extract(from: text).answer == "1")
        }
        #expect(cpu < 10, "\(cpu) s of CPU")
    }

    @Test func cutInsideAMultibyteCharacter() {
        let cpu = ThreadCPUTime.measure {
            let text = String(repeating: "é", count: 40_000) + #"\boxed{é}"#
            #expect(extractor.extract(from: text).answer == "é")
            // The cut drops the split character: what is left is one whole `é`, a bare answer.
            #expect(AnswerExtractor(maxBytes: 3).extract(from: "ééé").answer == "é")
        }
        #expect(cpu < 10, "\(cpu) s of CPU")
    }
}

/// The phrase search skips 16 bytes at a time to the first letter of its word; an anchor must be
/// found at every offset, in any case, behind text full of near misses.
@Suite struct AnchorSearchOffsetTests {
    @Test(arguments: 0...40)
    func answerColonIsFoundAtEveryOffset(_ offset: Int) {
        let filler = String(repeating: "xyz ", count: 10).prefix(offset) + "Answers vary; the ANSWER was long. "
        let text = String(repeating: "q", count: 300) + filler + "Answer: 42"
        #expect(AnswerExtractor().extract(from: text).answer == "42")
        #expect(AnswerExtractor().extract(from: text).anchor == .answerColon)
    }

    @Test func bareReferencesAreTrimmedAndAnchoredOnesExtracted() {
        let extractor = AnswerExtractor()
        #expect(extractor.referenceAnswer(from: "  72 ") == "72")
        #expect(extractor.referenceAnswer(from: "so 6 * 12 = 72\n#### 72") == "72")
        #expect(extractor.referenceAnswer(from: "Answer: 72") == "72")
        #expect(extractor.referenceAnswer(from: "\\boxed{72}") == "72")
    }
}
