import Foundation
import TestSupport
import Testing
import ThinkingRM

/// The loader's errors for every kind of bad row (Fixtures/rm_loader_cases.jsonl), and round trips.
@Suite struct RMDatasetTests {
    struct LoaderCase: Decodable, CustomTestStringConvertible, Sendable {
        let name: String
        let kind: String
        let row: String
        let field: String?
        let error: String
        var testDescription: String { name }
    }

    static let cases: [LoaderCase] = (try? Fixture.load("rm_loader_cases.jsonl")) ?? []

    @Test func tableIsThere() { #expect(Self.cases.count >= 20) }

    @Test(arguments: cases)
    func badRowIsRejectedWithFieldAndLine(_ c: LoaderCase) {
        let errors =
            c.kind == "pair"
            ? RMDataset.parsePairs(c.row, file: "t.jsonl").errors
            : RMDataset.parseExamples(c.row, file: "t.jsonl").errors
        #expect(errors.count == 1)
        #expect(errors.first?.message == c.error.replacingOccurrences(of: "line 1: ", with: ""))
        #expect(errors.first?.description == "t.jsonl: \(c.error)")
        #expect(errors.first?.field == c.field)
        #expect(errors.first?.line == 1)
    }

    @Test func errorsNameTheirLineAndGoodRowsSurvive() {
        let text = """
            {"question": "q1", "response": "r1", "score": 0.4}

            {"question": "q2", "response": "r2", "score": 1.7}
            not json
            {"question": "q3", "response": "r3", "score": 1, "extra": [1, 2]}
            """
        let result = RMDataset.parseExamples(text, file: "d.jsonl")
        #expect(
            result.rows == [
                RMExample(question: "q1", response: "r1", score: 0.4),
                RMExample(question: "q3", response: "r3", score: 1),
            ])
        #expect(result.errors.map(\.line) == [3, 4])
        #expect(result.errors.first?.description == "d.jsonl: line 3: field 'score' is 1.7, expected a number in [0,1]")
    }

    @Test func loadThrowsTheFirstErrorAndReadsFiles() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("rm-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let good = dir.appendingPathComponent("good.jsonl").path
        let rows = [RMExample(question: "Q \"quoted\"", response: "line\nbreak 所以", score: 0.3)]
        try Data(RMWriter.jsonl(rows)).write(to: URL(fileURLWithPath: good))
        #expect(try RMDataset.load(path: good) == rows)

        let pairs = [RMPair(question: "q", chosen: "a", rejected: "b")]
        let pairPath = dir.appendingPathComponent("pairs.jsonl").path
        try Data(RMWriter.jsonl(pairs)).write(to: URL(fileURLWithPath: pairPath))
        #expect(try RMDataset.loadPairs(path: pairPath) == pairs)

        let bad = dir.appendingPathComponent("bad.jsonl").path
        try Data("{\"question\": \"q\", \"response\": \"r\", \"score\": 0.5}\n{\"question\": \"q\"}\n".utf8)
            .write(to: URL(fileURLWithPath: bad))
        #expect(throws: RMDataError(file: bad, line: 2, field: "response", message: "missing field 'response'")) {
            try RMDataset.load(path: bad)
        }
        #expect(throws: RMDataError.self) { try RMDataset.load(path: dir.appendingPathComponent("absent").path) }
    }
}
