import Verify

/// Multiple-choice answers: one letter (`B`, `(B)`, `B. text`) or several (`A,C`, `A and C`),
/// compared as sets; an option's text stands for its letter.
enum ChoiceAnswer {
    /// The set of letters an answer names, reading option texts through `options`; nil when the
    /// answer is not a choice.
    static func letters(_ answer: String, options: [String]) -> Set<Character>? {
        if let one = ChoiceLetter.parse(answer) { return [one] }
        // Several letters: "A,C", "A, C", "A and C", "AC" is not accepted (it could be a word).
        let parts = answer.replacingOccurrences(of: " and ", with: ",").split(separator: ",")
        if parts.count > 1 {
            var set = Set<Character>()
            for part in parts {
                guard let l = ChoiceLetter.parse(String(part)) else { return nil }
                set.insert(l)
            }
            return set
        }
        let text = normalised(answer)
        let matches = options.prefix(26).enumerated().filter { normalised(ChoiceLetter.stripLabel($0.element)) == text }
        if matches.count == 1 { return [Character(Unicode.Scalar(UInt8(65 + matches[0].offset)))] }
        return nil
    }

    private static func normalised(_ s: String) -> String {
        String(s.lowercased().filter { !$0.isWhitespace && $0 != "." })
    }
}
