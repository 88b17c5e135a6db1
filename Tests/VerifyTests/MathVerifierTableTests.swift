import Testing

@testable import Verify

/// The table-driven cases in Fixtures/verifier/, one test instance per row.
@Suite struct MathVerifierTableTests {
    static let verifier = MathVerifier.forTests()
    static let strictVerifier = MathVerifier.forTests(strict: true)

    @Test(arguments: VerifierCase.all)
    func tableCase(_ c: VerifierCase) {
        let v = c.category == "strict" ? Self.strictVerifier : Self.verifier
        let r = v.verify(gold: c.gold, predicted: c.pred)
        #expect(r.isMatch == c.match, "reason=\(r.reason) gold=\(r.goldParsed ?? "-") pred=\(r.predictedParsed ?? "-")")
        #expect(r.reason != "budget")
    }

    @Test func everyCategoryHasCases() {
        for name in VerifierCase.categories {
            #expect(VerifierCase.load(name).count >= 10, "\(name)")
        }
    }
}
