import Testing

@testable import Verify

/// The public surface: verdicts, reasons, canonical forms, options.
@Suite struct MathVerifierAPITests {
    @Test func verifyReportsCanonicalFormsAndTime() {
        let r = MathVerifier().verify(gold: "$\\frac{3}{4}$", predicted: "0.75")
        #expect(r.isMatch)
        #expect(r.reason == "exact")
        #expect(r.goldParsed == "3/4")
        #expect(r.predictedParsed == "3/4")
        #expect(r.micros >= 0)
        #expect(r.verdict == Verdict(isMatch: true, reason: "exact"))
    }

    @Test(arguments: [
        ("1/2", "0.5", "exact"), ("\\pi", "3.1415927", "numeric"), ("x^2-1", "(x-1)(x+1)", "symbolic"),
        ("\\{1,2\\}", "\\{2,1\\}", "set"), ("(1,2)", "(1,2)", "tuple"), ("[1,2)", "[1,2)", "interval"),
        ("y=x+1", "x-y+1=0", "equation"), ("yes", "YES", "text"), ("1", "2", "mismatch"), ("\\frac{", "1", "parse"),
    ])
    func reasons(_ c: (String, String, String)) {
        #expect(MathVerifier.forTests().compare(gold: c.0, predicted: c.1).reason == c.2)
    }

    @Test func parseGivesTheTreeOrNil() {
        let v = MathVerifier.forTests()
        #expect(v.parse("$\\frac{1}{2}$")?.description == "1/2")
        #expect(v.parse("\\text{Yes}") == .text("yes"))
        #expect(v.parse("\\frac{") == nil)
        #expect(v.parse(String(repeating: "{", count: 10_000)) == nil)
    }

    @Test func comparatorProtocolUse() {
        let comparator: any AnswerComparator = MathVerifier()
        #expect(comparator.compare(gold: "2", predicted: "\\sqrt{4}").isMatch)
    }

    @Test func precisionOptionControlsDecimalRounding() {
        let loose = MathVerifier(options: .init(precision: 2))
        #expect(loose.compare(gold: "\\frac13", predicted: "0.33").isMatch)
        #expect(!MathVerifier().compare(gold: "\\frac13", predicted: "0.33").isMatch)
    }

    @Test func printedFormsParseBackToEqualValues() {
        for s in ["\\frac{x+1}{x-1}", "\\sqrt{2}+\\pi", "(1, 2]", "\\{1, 2\\}", "x^{-2}", "-\\frac{3}{4}", "2^{10}"] {
            let r = MathVerifier.forTests().verify(gold: s, predicted: s)
            guard let printed = r.goldParsed else { Issue.record("no parse for \(s)"); continue }
            #expect(MathVerifier.forTests().compare(gold: s, predicted: printed).isMatch, "\(s) -> \(printed)")
        }
    }
}
