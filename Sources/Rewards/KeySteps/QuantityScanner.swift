import Verify

/// Key numbers with their short context ("24 apples", "15%", "speed of 60"), for numbers that
/// are not already part of an equation.
enum QuantityScanner {
    /// One number with its context.
    struct Quantity: Equatable {
        /// The number as written ("1,200").
        var number: String
        /// Equivalent forms, the canonical first.
        var forms: [String]
        /// Byte range of the number in the text.
        var byteRange: Range<Int>
    }

    /// Function words that do not make a number's context.
    static let stopWords: Set<String> = [
        "and", "the", "are", "was", "were", "for", "from", "with", "that", "then", "than", "this", "which",
        "into", "each", "per", "more", "less", "times", "plus", "minus", "over", "gives", "get", "gets",
        "has", "have", "had", "its", "also", "out", "not", "but", "all", "can", "will", "one", "two",
        "step", "steps", "equals", "since", "because", "there", "these", "those", "they", "them", "their",
        // Verbs that follow a subject number ("500 earns", "5 notebooks cost"), not a unit.
        "earns", "costs", "cost", "makes", "takes", "buys", "pays", "sells", "gets", "needs", "uses", "leaves",
        "remains", "remain", "left", "more", "fewer", "many", "much", "what", "how", "who",
    ]

    // Constant patterns; the key-step extractor tests exercise both.
    private static let number = try! RegexPattern(
        #"(?<![\w.,\\^{])(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?!\w)(?!\.\d)(\s*(?:\\%|%|\s?percent\b|°|\^\\circ|\^\{\\circ\}|\s?degrees\b))?(?:\s+([A-Za-z]{3,}))?"#
    )
    // Only "of": "the box is 4 by 3" and "Anna is 3 times as old" name no quantity.
    private static let before = try! RegexPattern(#"\b([A-Za-z]{3,})\s+(of)\s+\$?$"#)

    /// The quantities of `text` whose byte ranges do not fall in `excluded`.
    static func quantities(in text: String, excluding excluded: [Range<Int>]) -> [Quantity] {
        var found: [Quantity] = []
        for m in number.allMatches(in: text) {
            guard let digits = m[1], let range = m.groups[1] else { continue }
            if excluded.contains(where: { $0.overlaps(range) }) { continue }
            let value = String(digits) + (m[2].map(String.init) ?? "")
            let plain = value.replacingOccurrences(of: ",", with: "")
            var forms: [String] = []
            if let unit = m[3].map({ String($0).trimmingWhitespace().lowercased() }) {
                if unit.contains("%") || unit.contains("percent") {
                    forms = [plain + "%", plain + "\\%", plain + " percent"]
                } else {
                    forms = [plain + "°", plain + "^\\circ", plain + "^{\\circ}", plain + " degrees"]
                }
            } else if let word = m[4].map({ $0.lowercased() }), !stopWords.contains(word) {
                forms = [plain + " " + word]
                if value != plain { forms.append(value + " " + word) }
            } else if let context = contextBefore(range.lowerBound, in: text) {
                forms = [context.word + " " + context.link + " " + plain]
                if context.link != "is" { forms.append(context.word + " is " + plain) }
            }
            guard !forms.isEmpty else { continue }
            if value != plain, !forms.contains(where: { $0.hasPrefix(value) }) {
                forms.append(value + String(forms[0].dropFirst(plain.count)))
            }
            found.append(Quantity(number: value, forms: forms, byteRange: range))
        }
        return found
    }

    /// "speed of" in "a speed of 60": a content word and its link just before byte `offset`.
    private static func contextBefore(_ offset: Int, in text: String) -> (word: String, link: String)? {
        let prefix = String(decoding: text.utf8.prefix(offset).suffix(40), as: UTF8.self)
        guard let m = before.firstMatch(in: prefix), let word = m[1]?.lowercased(), let link = m[2]?.lowercased(),
            !stopWords.contains(word)
        else { return nil }
        return (word, link)
    }
}
