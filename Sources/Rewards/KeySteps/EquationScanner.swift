/// Finds equations and calculations in solution prose: maximal runs of mathematical tokens that
/// hold an `=` outside braces, split into their sides ("so BD = 12/2 = 6 cm." gives the chain
/// `BD`, `12/2`, `6`), with the subject a sentence names before "is" ("the area is 6*4 = 24").
enum EquationScanner {
    /// One equation chain.
    struct Chain: Equatable {
        /// The sides, left to right, as written (white space trimmed).
        var sides: [String]
        /// Whether each link between neighbouring sides is `≈` / `\approx` rather than `=`.
        var approximate: [Bool]
        /// The whole chain as written.
        var raw: String
        /// The prose subject of the result ("area"), when the sentence names one.
        var subject: String?
        /// Scalar range of the chain in the text, so numbers inside it are not taken again.
        var range: Range<Int>
    }

    private static let linkingVerbs: Set<String> = ["is", "are", "was", "were", "equals", "be", "becomes"]
    private static let longestSide = 80

    /// Every chain in `text`, left to right.
    static func chains(in text: String) -> [Chain] {
        let tokens = MathTokens(text).tokens
        var chains: [Chain] = []
        var i = 0
        while i < tokens.count {
            guard MathTokens.isMath(tokens[i]), tokens[i].kind != .space else { i += 1; continue }
            var end = i
            var parens = 0
            // A comma inside parentheses belongs to a tuple or a point, "(5, 7)", not to the prose.
            while end < tokens.count, MathTokens.isMath(tokens[end]) || (parens > 0 && tokens[end].text == ",") {
                if tokens[end].text == "(" { parens += 1 }
                if tokens[end].text == ")" { parens -= 1 }
                end += 1
            }
            var last = end - 1
            while last > i, tokens[last].kind == .space { last -= 1 }
            if let chain = chain(tokens, i...last, text: text) { chains.append(chain) }
            i = end
        }
        return chains
    }

    private static func chain(_ tokens: [MathTokens.Token], _ run: ClosedRange<Int>, text: String) -> Chain? {
        var sides: [String] = []
        var approximate: [Bool] = []
        var current = figurePrefix(before: run.lowerBound, in: tokens)
        var depth = 0
        for k in run {
            let t = tokens[k]
            if t.text == "{" { depth += 1 }
            if t.text == "}" { depth -= 1 }
            let isApprox = t.text == "≈" || t.text == "\\approx"
            if (t.text == "=" || isApprox) && depth == 0 {
                sides.append(current)
                approximate.append(isApprox)
                current = ""
            } else {
                current += t.text
            }
        }
        sides.append(current)
        guard sides.count >= 2 else { return nil }
        sides = sides.map(clean)
        guard
            sides.allSatisfy({ side in
                !side.isEmpty && side.unicodeScalars.count <= longestSide
                    && side.unicodeScalars.contains { $0.properties.isAlphabetic || ($0.value >= 48 && $0.value <= 57) }
            })
        else { return nil }
        guard sides.contains(where: { $0.unicodeScalars.contains { $0.value >= 48 && $0.value <= 57 } }) else {
            return nil
        }
        let range = tokens[run.lowerBound].range.lowerBound..<tokens[run.upperBound].range.upperBound
        let raw = clean(figurePrefix(before: run.lowerBound, in: tokens) + run.map { tokens[$0].text }.joined())
        return Chain(
            sides: sides, approximate: approximate, raw: raw, subject: subject(before: run.lowerBound, in: tokens),
            range: range)
    }

    /// "angle " when the chain starts right after "angle" ("angle C = 70°"), so the side keeps
    /// its noun; else empty.
    private static func figurePrefix(before start: Int, in tokens: [MathTokens.Token]) -> String {
        var k = start - 1
        while k >= 0, tokens[k].kind == .space { k -= 1 }
        guard k >= 0, tokens[k].kind == .word, ["angle", "side", "segment"].contains(tokens[k].text.lowercased()) else {
            return ""
        }
        return tokens[k].text.lowercased() + " "
    }

    /// A side without surrounding white space, `$`, and a parenthesis the prose opened or closed.
    static func clean(_ side: String) -> String {
        var s = side.trimmingWhitespace()
        while s.hasPrefix("$") { s.removeFirst(); s = s.trimmingWhitespace() }
        while s.hasSuffix("$") { s.removeLast(); s = s.trimmingWhitespace() }
        let opens = s.filter { $0 == "(" }.count, closes = s.filter { $0 == ")" }.count
        if opens > closes, s.hasPrefix("(") { s.removeFirst() }
        if closes > opens, s.hasSuffix(")") { s.removeLast() }
        return s.trimmingWhitespace()
    }

    /// "area" in "the area is 6*4 = 24": the word before a linking verb just before the chain.
    private static func subject(before start: Int, in tokens: [MathTokens.Token]) -> String? {
        var k = start - 1
        while k >= 0, tokens[k].kind == .space { k -= 1 }
        guard k >= 0, tokens[k].kind == .word, linkingVerbs.contains(tokens[k].text.lowercased()) else { return nil }
        k -= 1
        while k >= 0, tokens[k].kind == .space { k -= 1 }
        guard k >= 0, tokens[k].kind == .word, tokens[k].text.count >= 3,
            !QuantityScanner.stopWords.contains(tokens[k].text.lowercased())
        else { return nil }
        return tokens[k].text.lowercased()
    }
}

extension String {
    /// The string without leading and trailing white space.
    func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(scalars[first...last])
    }
}
