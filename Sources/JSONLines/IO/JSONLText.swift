/// The lines of a small JSONL text read whole (case files, pair files, training data), for the
/// commands and loaders that go through them one by one.
public enum JSONLText {
    /// Every line holding something other than white space, with its 1-based line number (blank
    /// lines counted, so numbers match what an editor shows).
    public static func nonBlankLines(_ text: String) -> [(number: Int, line: Substring)] {
        text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            .filter { $0.element.contains { !$0.isWhitespace } }
            .map { ($0.offset + 1, $0.element) }
    }
}
