/// The answer-keeping rewrites `QuestionExpander` draws from; each returns nil when it does not
/// apply safely to the text at hand.
enum Rewrites {
    static let instructionWrappers: [(prefix: String, suffix: String)] = [
        ("Solve the following problem.\n", ""),
        ("Read the problem carefully and answer the question.\n", ""),
        ("", "\nWork it out step by step, then give the final answer."),
        ("Here is a problem for you.\n", ""),
        ("", "\nAnswer the question above."),
    ]

    /// The prompt inside one of a few instruction wrappers.
    static func rephraseInstruction(_ prompt: String, rng: inout SplitMix64) -> String {
        let w = instructionWrappers[Int(rng.next() % UInt64(instructionWrappers.count))]
        return w.prefix + prompt + w.suffix
    }

    /// Connectives that mean the same in a word problem, in both directions.
    static let connectivePairs: [(String, String)] = [
        ("Then ", "After that, "), ("altogether", "in total"), ("in all", "in total"),
        ("However, ", "But "), ("Also, ", "In addition, "),
    ]

    /// The first connective found, replaced by its twin.
    static func swapConnectives(_ prompt: String) -> String? {
        for (a, b) in connectivePairs {
            if let r = prompt.range(of: a) { return prompt.replacingCharacters(in: r, with: b) }
            if let r = prompt.range(of: b) { return prompt.replacingCharacters(in: r, with: a) }
        }
        return nil
    }

    /// Words that show a sentence leans on another one; such a sentence is never moved.
    static let referenceWords: Set<String> = [
        "he", "she", "it", "they", "him", "her", "them", "his", "hers", "its", "their", "theirs", "this", "that",
        "these", "those", "then", "also", "each", "other", "another", "same", "more", "less", "fewer", "remaining",
        "rest", "left", "half", "twice", "double", "triple", "times", "as", "after", "before", "later", "next",
        "finally", "so", "but", "however", "therefore", "total", "altogether", "now", "again", "still", "first",
        "second", "third", "last", "there", "such", "both", "all", "every", "instead", "then,", "only",
    ]

    /// Two adjacent self-contained statements swapped; the question (last sentence) stays last.
    static func reorderStatements(_ prompt: String, rng: inout SplitMix64) -> String? {
        var sentences = SentenceSplitter.split(prompt)
        guard sentences.count >= 3 else { return nil }
        let statements = 0..<(sentences.count - 1)
        var candidates: [Int] = []
        for i in statements.dropLast() where isSelfContained(sentences[i]) && isSelfContained(sentences[i + 1]) {
            candidates.append(i)
        }
        guard !candidates.isEmpty else { return nil }
        let i = candidates[Int(rng.next() % UInt64(candidates.count))]
        // Keep each position's trailing spacing where it was, move only the words.
        let (a, aSpace) = splitTrailingSpace(sentences[i]), (b, bSpace) = splitTrailingSpace(sentences[i + 1])
        sentences[i] = b + aSpace
        sentences[i + 1] = a + bSpace
        return sentences.joined()
    }

    private static func isSelfContained(_ sentence: String) -> Bool {
        let trimmed = sentence.trimmingCharacters(in: .whitespacesAndNewlines)
        guard trimmed.hasSuffix("."), !trimmed.contains("?") else { return false }
        let words = trimmed.lowercased().split { !$0.isLetter && $0 != "," }.map(String.init)
        return !words.contains { referenceWords.contains($0) }
    }

    private static func splitTrailingSpace(_ s: String) -> (String, String) {
        let core = String(s.reversed().drop { $0 == " " || $0 == "\n" }.reversed())
        return (core, String(s.dropFirst(core.count)))
    }

    /// Small whole numbers written as words, or number words written as digits (not both ways in
    /// one rewrite); never inside a formula, a decimal, a money amount or a percentage.
    static func restateNumbers(_ prompt: String, rng: inout SplitMix64) -> String? {
        let tokens = Token.split(prompt)
        let toWords = rng.next() % 2 == 0
        for direction in toWords ? [true, false] : [false, true] {
            var changed = false
            var out = ""
            for (i, t) in tokens.enumerated() {
                if direction, t.isNumber, let n = Int(t.text), let word = NumberWords.word(for: n),
                    isPlainContext(tokens, i)
                {
                    out += startsSentence(tokens, i) ? word.prefix(1).uppercased() + word.dropFirst() : word
                    changed = true
                } else if !direction, t.isWord, let n = NumberWords.value(of: t.text), isPlainContext(tokens, i) {
                    out += String(n)
                    changed = true
                } else {
                    out += t.text
                }
            }
            if changed { return out }
        }
        return nil
    }

    /// Whether the number at `i` stands in plain words: not in a formula, a decimal, a thousands
    /// group, a money amount or a percentage. A full stop or comma after it is fine unless a digit
    /// follows at once (`3.5`, `1,200`).
    private static func isPlainContext(_ tokens: [Token], _ i: Int) -> Bool {
        let mathy: Set<Character> = [
            "+", "-", "*", "/", "=", "^", "$", "%", "×", "÷", "\\", "{", "}", "(", ")", ":", "€", "£", "_",
        ]
        let before = i > 0 ? tokens[i - 1].text : "", after = i + 1 < tokens.count ? tokens[i + 1].text : ""
        if let b = before.last, mathy.contains(b) || b == "." || b == "," { return false }
        if let a = after.first, mathy.contains(a) { return false }
        if after == "." || after == "," {
            if i + 2 < tokens.count, tokens[i + 2].isNumber { return false }
        }
        return true
    }

    private static func startsSentence(_ tokens: [Token], _ i: Int) -> Bool {
        var j = i - 1
        while j >= 0, tokens[j].text.allSatisfy({ $0 == " " }) { j -= 1 }
        return j < 0 || tokens[j].text.hasSuffix(".") || tokens[j].text.hasSuffix("\n") || tokens[j].text.hasSuffix("?")
    }

    /// Options shuffled; the labels in the prompt and the answer letter follow their texts.
    static func shuffleOptions(_ q: QuestionExpander.Question, rng: inout SplitMix64) -> QuestionExpander.Question? {
        guard let options = q.options, options.count >= 2, options.count <= 26,
            let answer = q.answer?.trimmingCharacters(in: .whitespaces), answer.count == 1,
            let answerLetter = answer.uppercased().first, let answerIndex = Self.letters.firstIndex(of: answerLetter),
            answerIndex < options.count
        else { return nil }
        // Every option must appear in the prompt as "(L) text" so the listing can be relabelled.
        var spans: [Range<String.Index>] = []
        for (i, option) in options.enumerated() {
            guard let r = q.prompt.range(of: "(\(letters[i])) \(option)") else { return nil }
            spans.append(r)
        }
        var order = Array(options.indices)
        while order == Array(options.indices) { order.shuffle(using: &rng) }
        // New position p shows old option order[p].
        var prompt = q.prompt
        for (p, span) in spans.enumerated().reversed() {
            prompt.replaceSubrange(span, with: "(\(letters[p])) \(options[order[p]])")
        }
        guard let newIndex = order.firstIndex(of: answerIndex) else { return nil }
        return QuestionExpander.Question(
            prompt: prompt, answer: String(letters[newIndex]), options: order.map { options[$0] })
    }

    static let letters = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
}

/// A run of letters, a run of digits, or one other character.
struct Token {
    var text: String
    var isNumber: Bool
    var isWord: Bool

    static func split(_ text: String) -> [Token] {
        var tokens: [Token] = []
        var current = "", kind = 0  // 1 letters, 2 digits
        func flush() {
            if !current.isEmpty { tokens.append(Token(text: current, isNumber: kind == 2, isWord: kind == 1)) }
            current = ""
            kind = 0
        }
        for c in text {
            let k = c.isLetter ? 1 : (c.isASCII && c.isNumber ? 2 : 0)
            if k == 0 { flush(); tokens.append(Token(text: String(c), isNumber: false, isWord: false)); continue }
            if k != kind { flush() }
            kind = k
            current.append(c)
        }
        flush()
        return tokens
    }
}
