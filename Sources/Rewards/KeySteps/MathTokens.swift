/// A rough tokenizer for the mathematical parts of solution prose: enough to tell where an
/// equation starts and ends inside a sentence ("so BD = 12/2 = 6 cm" gives `BD = 12/2 = 6`).
///
/// Works on Unicode scalars: it runs offline over reference solutions, not per scored response.
struct MathTokens {
    /// One token with its scalar range in the text.
    struct Token: Equatable {
        enum Kind: Equatable { case number, word, command, escape, space, symbol }
        var kind: Kind
        var text: String
        var range: Range<Int>
    }

    /// The tokens of `text`, in order.
    let tokens: [Token]

    // Letter words that still read as mathematics next to an `=` (functions, constants).
    private static let mathWords: Set<String> = ["sin", "cos", "tan", "log", "ln", "sqrt", "pi", "min", "max"]
    // Commands that introduce prose, not mathematics: an equation stops at them.
    private static let proseCommands: Set<String> = [
        "\\text", "\\mathrm", "\\mbox", "\\textbf", "\\quad", "\\qquad", "\\therefore", "\\because",
    ]
    private static let mathSymbols: Set<Unicode.Scalar> = [
        "+", "-", "*", "/", "=", "(", ")", "[", "]", "{", "}", "^", "_", "'", "|", "$",
        "×", "·", "÷", "−", "∠", "△", "°", "%", "√", "π", "²", "³", "≈", "⋅",
    ]

    init(_ text: String) {
        let s = Array(text.unicodeScalars)
        var tokens: [Token] = []
        var i = 0
        func isDigit(_ c: Unicode.Scalar) -> Bool { c.value >= 48 && c.value <= 57 }
        func isLetter(_ c: Unicode.Scalar) -> Bool {
            (c.value >= 65 && c.value <= 90) || (c.value >= 97 && c.value <= 122)
        }
        while i < s.count {
            let start = i
            let c = s[i]
            let kind: Token.Kind
            if isDigit(c) {
                i += 1
                while i < s.count {
                    if isDigit(s[i]) {
                        i += 1
                    } else if (s[i] == "." || s[i] == ","), i + 1 < s.count, isDigit(s[i + 1]) {
                        i += 2
                    } else {
                        break
                    }
                }
                kind = .number
            } else if isLetter(c) {
                while i < s.count, isLetter(s[i]) { i += 1 }
                kind = .word
            } else if c == "\\", i + 1 < s.count {
                i += 1
                if isLetter(s[i]) {
                    while i < s.count, isLetter(s[i]) { i += 1 }
                    kind = .command
                } else {
                    i += 1
                    kind = .escape
                }
            } else if c.properties.isWhitespace {
                while i < s.count, s[i].properties.isWhitespace { i += 1 }
                kind = .space
            } else {
                i += 1
                kind = .symbol
            }
            var piece = String.UnicodeScalarView()
            piece.append(contentsOf: s[start..<i])
            tokens.append(Token(kind: kind, text: String(piece), range: start..<i))
        }
        self.tokens = tokens
    }

    /// Whether `token` can be part of an equation.
    static func isMath(_ token: Token) -> Bool {
        switch token.kind {
        case .number, .escape, .space: return true
        case .command: return !proseCommands.contains(token.text)
        case .symbol: return token.text.unicodeScalars.first.map { mathSymbols.contains($0) } ?? false
        case .word:
            let t = token.text
            if t.unicodeScalars.count == 1 || mathWords.contains(t.lowercased()) { return true }
            // Point and segment names: AB, ABC, ABCD.
            return t.unicodeScalars.count <= 4 && t.unicodeScalars.allSatisfy { $0.value >= 65 && $0.value <= 90 }
        }
    }
}
