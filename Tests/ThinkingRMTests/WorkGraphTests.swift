import Foundation
import Testing

@testable import ThinkingRM

/// The computation-graph features, folds by group id, and outcome-labelled training rows.
@Suite struct WorkGraphTests {
    static let question =
        "Janet’s ducks lay 16 eggs per day. She eats 3 for breakfast and bakes muffins with 4. She sells the rest for $2 per egg. How many dollars does she make every day?"

    struct GraphCase: Sendable, CustomTestStringConvertible {
        let name: String, response: String, answer: Double?
        let offPath: Double, dead: Double, reuse: Double, fractional: Double
        var testDescription: String { name }
    }

    static let graphCases: [GraphCase] = [
        GraphCase(
            name: "sound: every number feeds the answer once",
            response: "16 - 3 - 4 = <<16-3-4=9>>9 eggs\n9 * 2 = <<9*2=18>>18\nA: 18", answer: 18,
            offPath: 0, dead: 0, reuse: 0, fractional: 0),
        GraphCase(
            name: "a question number left off the answer's path, a dead computation",
            response: "3 + 4 = <<3+4=7>>7 eggs\n16 * 2 = <<16*2=32>>32\nA: 32", answer: 32,
            offPath: 2, dead: 1, reuse: 0, fractional: 0),
        GraphCase(
            name: "a question number used twice",
            response: "16 - 3 = <<16-3=13>>13\n13 - 3 = <<13-3=10>>10\n10 * 2 = <<10*2=20>>20\nA: 20", answer: 20,
            offPath: 1, dead: 0, reuse: 1, fractional: 0),
        GraphCase(
            name: "a fractional intermediate result",
            response: "16 / 3 = <<16/3=5.5>>5.5\n5.5 - 4 = <<5.5-4=1.5>>1.5\n1.5 * 2 = <<1.5*2=3>>3\nA: 3", answer: 3,
            offPath: 0, dead: 0, reuse: 0, fractional: 2),
        GraphCase(
            name: "no computations: every number is off the path",
            response: "She makes 18 dollars.\nA: 18", answer: 18, offPath: 4, dead: 0, reuse: 0, fractional: 0),
    ]

    @Test(arguments: graphCases)
    func graphFeatures(_ c: GraphCase) {
        let f = WorkGraphFeatures(question: Self.question, work: WorkStepScanner.scan(c.response), answer: c.answer)
        #expect(f.quantitiesOffPath == c.offPath)
        #expect(f.deadComputations == c.dead)
        #expect(f.quantityReuse == c.reuse)
        #expect(f.fractionalResults == c.fractional)
        #expect(f.values.count == WorkGraphFeatures.names.count)
    }

    @Test func linesWithoutAnnotationsAddTheirStatedCalculations() {
        let work = WorkStepScanner.scan(
            "8 + 12 = <<8+12=20>>20 puppies\n3 + 4 = <<3+4=7>>7 spotted\n7/20 x 100% = 35%\nA: 35")
        #expect(work.map(\.result) == [20, 7, 35])
        #expect(work.map(\.line) == [0, 1, 2])
        #expect(work[2].shown == nil && work[2].isTrue == true)
    }

    @Test func aFractionalCountIsSeenOnlyWhenTheQuestionAsksHowMany() {
        let work = WorkStepScanner.scan("16 / 3 = <<16/3=5.33>>5.33\nA: 5.33")
        #expect(WorkGraphFeatures(question: Self.question, work: work, answer: 5.33).fractionalCount == 1)
        #expect(WorkGraphFeatures(question: "What is 16 divided by 3?", work: work, answer: 5.33).fractionalCount == 0)
    }

    @Test func foldsSplitByGroupIdAndRejectBadText() throws {
        let folds = try (0..<3).map { try #require(RMFold("\($0)/3")) }
        for id in ["0", "17", "q-42"] { #expect(folds.filter { $0.contains(id) }.count == 1) }
        for bad in ["3/3", "1", "a/2", "1/0", "-1/2"] { #expect(RMFold(bad) == nil) }
    }

    @Test func outcomeLabelledRowsTrainAndAFoldIsLeftOut() throws {
        let rows =
            (0..<20).map { i in
                #"{"qid": \#(i), "question": "What is \#(i) + 1?", "response": "\#(i) + 1 = \#(i + 1)", "is_correct": \#(i % 2 == 0)}"#
            } + [#"{"question": "No group", "response": "1 + 1 = 2", "score": 1}"#]
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("rk-fold-\(getpid()).jsonl").path
        try rows.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let all = try RMTrainingRows.load(path: path)
        #expect(all.examples.count == 21 && all.skipped == 0)
        #expect(all.examples.filter { $0.score == 1 }.count == 11)
        let fold = try #require(RMFold("1/2"))
        let kept = try RMTrainingRows.load(path: path, skipping: fold)
        let inFold = (0..<20).filter { fold.contains("\($0)") }.count
        #expect(inFold > 0 && kept.skipped == inFold && kept.examples.count == 21 - inFold)
        #expect(
            kept.examples.allSatisfy { e in
                !(0..<20).contains { fold.contains("\($0)") && e.question == "What is \($0) + 1?" }
            })
    }

    @Test func aRowWithNeitherScoreNorOutcomeNamesTheField() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("rk-noscore-\(getpid()).jsonl").path
        try #"{"question": "q", "response": "r"}"#.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(throws: RMDataError.self) { try RMTrainingRows.load(path: path) }
        do { _ = try RMTrainingRows.load(path: path) } catch { #expect("\(error)".contains("score")) }
    }
}
