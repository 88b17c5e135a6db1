import Foundation
import TestSupport
import Testing

@testable import Verify

/// LaTeX whose backslashes became control characters (`"\frac12"` in Python or JSON source) is
/// read as meant; real line breaks and tabs stay. Cases: Fixtures/escape_accident_cases.jsonl.
@Suite struct EscapeAccidentsTests {
    struct Case: Decodable, Sendable { var text: String, repaired: String }

    static let cases: [Case] = (try? Fixture.load("escape_accident_cases.jsonl")) ?? []

    @Test func casesLoad() { #expect(Self.cases.count >= 10) }

    @Test(arguments: cases)
    func repairs(_ c: Case) {
        #expect(EscapeAccidents.repair(c.text) == c.repaired)
    }

    @Test func verifierReadsTheAccidentAsMeant() {
        let v = MathVerifier()
        #expect(v.verifyResponse(gold: "\u{0C}rac12", prediction: "0.5").isMatch)
        #expect(v.verifyResponse(gold: "6", prediction: "2\times 3 = \u{08}oxed{6}").isMatch)
        #expect(!v.verifyResponse(gold: "\u{0C}rac12", prediction: "0.25").isMatch)
    }
}
