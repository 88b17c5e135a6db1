/// Splits a word problem into sentences, keeping each sentence's own spacing and punctuation.
enum SentenceSplitter {
    /// Sentences in order; joining them gives back the text exactly.
    static func split(_ text: String) -> [String] {
        var sentences: [String] = []
        var current = ""
        let chars = Array(text)
        var i = 0
        while i < chars.count {
            current.append(chars[i])
            let end = chars[i] == "." || chars[i] == "?" || chars[i] == "!" || chars[i] == "\n"
            // A period between digits is a decimal point, not a sentence end.
            let decimal =
                chars[i] == "." && i > 0 && i + 1 < chars.count && chars[i - 1].isNumber && chars[i + 1].isNumber
            if end && !decimal {
                // Keep the following spaces with this sentence, so the pieces rejoin exactly.
                while i + 1 < chars.count, chars[i + 1] == " " { i += 1; current.append(" ") }
                sentences.append(current)
                current = ""
            }
            i += 1
        }
        if !current.isEmpty { sentences.append(current) }
        return sentences
    }
}
