import Rewards
import Testing

/// ExpandRows with an image maker: the field keeps its shape, the hint goes before the question
/// (after `<image>` placeholders), and a maker's error is the row's error.
@Suite("ExpandRows with images")
struct ExpandRowsImageTests {
    /// Variant 1 gets "X" paths and a hint; others unchanged; a path "bad" fails.
    struct FakeMaker: VariantImageMaker {
        func variants(ofImages paths: [String], line: Int, variants: Int) -> Result<[VariantImages], RowError> {
            if let bad = paths.first(where: { $0 == "bad" }) {
                return .failure(.image(path: bad, message: "cannot read"))
            }
            return .success(
                (0..<variants).map { v in
                    v == 1
                        ? VariantImages(paths: paths.map { "X" + $0 }, transform: "flip_both", hint: "Flipped.")
                        : VariantImages(paths: paths)
                })
        }
    }

    struct Case: Sendable, CustomTestStringConvertible {
        let line: String
        let variant1: String?  // a substring the variant-1 row must hold, nil for an error
        var testDescription: String { line }
    }

    @Test(arguments: [
        Case(line: #"{"prompt":"How many?","image":"a.png"}"#, variant1: #""prompt":"Flipped. "#),
        Case(line: #"{"prompt":"How many?","image":"a.png"}"#, variant1: #""image":"Xa.png""#),
        Case(
            line: #"{"prompt":"<image>How many?","images":["a.png","b.png"]}"#, variant1: #""prompt":"<image>Flipped. "#
        ),
        Case(
            line: #"{"prompt":"<image>\n<image> How many?","images":["a.png","b.png"]}"#,
            variant1: #""prompt":"<image>\n<image> Flipped. "#),
        Case(
            line: #"{"prompt":"<image>How many?","images":["a.png","b.png"]}"#,
            variant1: #""images":["Xa.png","Xb.png"]"#),
        Case(line: #"{"prompt":"How many?","images":["a.png"]}"#, variant1: #""image_transform":"flip_both""#),
        Case(line: #"{"prompt":"How many?","images":["bad"]}"#, variant1: nil),
        Case(line: #"{"prompt":"How many?","images":[{"bytes":"..."}]}"#, variant1: nil),
        Case(line: #"{"prompt":"How many?","image":3}"#, variant1: nil),
        // No images: expanded as text only.
        Case(line: #"{"prompt":"How many?","images":[]}"#, variant1: #""images":[]"#),
        Case(line: #"{"prompt":"How many?","image":null}"#, variant1: #""image":null"#),
    ])
    func expands(_ c: Case) throws {
        let expander = QuestionExpander(count: 3, seed: 2)
        switch ExpandRows.expand(c.line, number: 4, with: expander, images: FakeMaker()) {
        case let .success(text):
            let rows = text.split(separator: "\n")
            #expect(rows.count == 3)
            let expected = try #require(c.variant1, "expected an error, got \(text)")
            #expect(rows[1].contains(expected), "\(rows[1])")
            #expect(!rows[0].contains("image_transform") && !rows[2].contains("image_transform"))
            #expect(!rows[0].contains("Flipped.") && !rows[0].contains("\"X"))
        case let .failure(e):
            #expect(c.variant1 == nil, "unexpected error \(e)")
            #expect(e.description.contains("image"))
        }
    }

    @Test("without a maker, image rows pass through as before")
    func noMaker() throws {
        let text = try ExpandRows.expand(
            #"{"prompt":"How many?","image":"bad"}"#, number: 1, with: QuestionExpander(count: 2)
        ).get()
        #expect(
            text.split(separator: "\n").allSatisfy { $0.contains(#""image":"bad""#) && !$0.contains("image_transform") }
        )
    }
}
