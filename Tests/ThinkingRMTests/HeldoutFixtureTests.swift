import Foundation
import TestSupport
import Testing
import ThinkingRM

/// The hand-written held-out set: big enough, varied enough, and scored by the documented rubric.
@Suite struct HeldoutFixtureTests {
    static let path = Fixture.url("rm_heldout.jsonl").path

    @Test func loadsWithEnoughRowsAndQuestions() throws {
        let rows = try RMDataset.load(path: Self.path)
        #expect(rows.count >= 100)
        let byQuestion = Dictionary(grouping: rows, by: \.question)
        #expect(byQuestion.count >= 30)
        for (question, group) in byQuestion {
            #expect(group.count >= 3, "\(question)")
            #expect(Set(group.map(\.score)).count >= 2, "\(question)")
        }
        #expect(rows.allSatisfy { RMRubric.round($0.score) == $0.score })
    }

    /// Every hand score equals the rubric applied to the flaws the row lists.
    @Test func scoresFollowTheRubric() throws {
        struct Row: Decodable { let score: Double; let flaws: [String] }
        let rows: [Row] = try Fixture.load("rm_heldout.jsonl")
        for row in rows {
            let flaws = row.flaws.compactMap { name -> FlawApplication? in
                let parts = name.split(separator: ":")
                guard let flaw = Flaw(rawValue: String(parts[0])) else { return nil }
                return FlawApplication(flaw, heavy: parts.count > 1 && parts[1] == "heavy")
            }
            #expect(flaws.count == row.flaws.count, "unknown flaw in \(row.flaws)")
            #expect(RMRubric.score(flaws) == row.score, "\(row.flaws)")
        }
        // Every flaw kind appears somewhere in the set.
        let named = Set(rows.flatMap { $0.flaws.map { String($0.split(separator: ":")[0]) } })
        #expect(named == Set(Flaw.allCases.map(\.rawValue)))
    }

    /// The held-out questions are not ones the generator writes.
    @Test func notMadeByTheGenerator() throws {
        let held = Set(try RMDataset.load(path: Self.path).map(\.question))
        let synthetic = Set(RMSynthesizer(seed: 1).examples(count: 5000).map(\.question))
        #expect(held.isDisjoint(with: synthetic))
    }
}
