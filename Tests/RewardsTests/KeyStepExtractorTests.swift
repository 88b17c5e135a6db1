import Foundation
import TestSupport
import Testing

@testable import Rewards

/// One row of Fixtures/keystep_extraction_cases.jsonl.
struct ExtractionCase: Decodable, Sendable, CustomTestStringConvertible {
    var note: String
    var reference: String
    var max_per_step: Int?
    /// The canonical (first) form of each key step, in order; the count of steps too.
    var first_forms: [String]
    /// (group index, form) pairs that must be among that group's forms.
    var contains: [[Contained]]?
    var testDescription: String { note }

    enum Contained: Decodable, Sendable {
        case index(Int), form(String)
        init(from decoder: Decoder) throws {
            let c = try decoder.singleValueContainer()
            if let i = try? c.decode(Int.self) { self = .index(i) } else { self = .form(try c.decode(String.self)) }
        }
    }
}

@Suite struct KeyStepExtractorTests {
    static let cases: [ExtractionCase] = (try? Fixture.load("keystep_extraction_cases.jsonl")) ?? []

    @Test func tableLoads() throws {
        #expect(try Fixture.load("keystep_extraction_cases.jsonl", as: ExtractionCase.self).count >= 20)
    }

    @Test(arguments: cases) func extracts(_ c: ExtractionCase) {
        let groups = KeyStepExtractor(maxPerStep: c.max_per_step ?? 3).keySteps(from: c.reference)
        #expect(groups.map { $0.first ?? "" } == c.first_forms, "\(groups)")
        for pair in c.contains ?? [] {
            guard pair.count == 2, case let .index(i) = pair[0], case let .form(form) = pair[1] else {
                Issue.record("bad contains entry in \(c.note)")
                continue
            }
            #expect(i < groups.count && groups[i].contains(form), "\(form) not in \(i < groups.count ? groups[i] : [])")
        }
    }

    @Test func formsAreCappedAndUnique() {
        let groups = KeyStepExtractor(maxForms: 5).keySteps(from: "AB = 2 \\times 3 \\times 4 = 24 / 1 = 24")
        #expect(groups.allSatisfy { $0.count <= 5 && Set($0).count == $0.count })
    }

    @Test func everyFormOfAGroupMatchesTheReferenceStepItCameFrom() {
        // A key step must be found in the very text it was drawn from, whatever the matching.
        let reference = "So BD = \\frac{12}{2} = 6 and AD is a median; the total is 3 \\times 4 = 12 with 24 apples."
        let groups = KeyStepExtractor().keySteps(from: reference)
        #expect(groups.count == 3)
        #expect(KeyStepMatcher(matching: .normalized).matchedGroups(groups, in: reference) == groups.count)
        #expect(KeyStepMatcher(matching: .literal).matchedGroups(groups, in: reference) == groups.count)
    }

    @Test func annotatorTakesTheFirstReferenceField() throws {
        let annotator = KeyStepAnnotator()
        let both = #"{"answer":"6","solution":"x = 2 + 4 = 6","reference":"There are 24 apples."}"#
        #expect(try annotator.keySteps(forRow: both).get() == [["24 apples"]])
        #expect(try annotator.keySteps(forRow: #"{"answer":"6","solution":"x = 6"}"#).get().first?.first == "x=6")
        #expect(
            annotator.keySteps(forRow: #"{"reference":"  ","prompt":"p"}"#)
                == .failure(.noReference(fields: KeyStepAnnotator.referenceFields)))
        #expect(annotator.keySteps(forRow: "[1]") == .failure(.notAnObject(kind: "an array")))
    }
}
