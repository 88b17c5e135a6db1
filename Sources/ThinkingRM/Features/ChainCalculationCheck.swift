import Verify

/// Re-computes the equality chains a step states (`(7 - -7 * 4) = (7 - 28) = -21`,
/// `3 * 4 = 12`) with the Verify engine's exact arithmetic: each `=` links two arithmetic
/// expressions, and a link whose sides differ is a false calculation. Parentheses, signs and
/// nesting are allowed (unlike `CalculationScanner`); text with letters breaks a chain, so
/// `A = ...` only checks the arithmetic after the name.
public struct ChainCalculationCheck: Sendable {
    private let verifier: MathVerifier

    /// A check with the Verify engine's default options.
    public init(verifier: MathVerifier = MathVerifier()) { self.verifier = verifier }

    /// The number of false links in `step`.
    public func falseLinks(in step: String) -> Int {
        var count = 0
        for chain in Self.chains(step) {
            for (lhs, rhs) in zip(chain, chain.dropFirst()) where Self.isComputation(lhs) || Self.isComputation(rhs) {
                if !verifier.compare(gold: lhs, predicted: rhs).isMatch { count += 1 }
            }
        }
        return count
    }

    /// Runs of arithmetic text holding at least one `=`, split at each `=` into their sides
    /// (sides without a digit dropped, so `x = 3` compares nothing).
    static func chains(_ text: String) -> [[String]] {
        var out: [[String]] = []
        var current = ""
        func flush() {
            let sides = current.split(separator: "=", omittingEmptySubsequences: false).map {
                $0.trimmingCharacters(in: " .,:;")
            }
            current = ""
            guard sides.count >= 2 else { return }
            var run: [String] = []
            for side in sides {
                if side.contains(where: \.isNumber) && Self.isBalanced(side) {
                    run.append(side)
                } else {
                    if run.count >= 2 { out.append(run) }; run = []
                }
            }
            if run.count >= 2 { out.append(run) }
        }
        for ch in text {
            if ch.isNumber || " +-*/().=×÷−".contains(ch) {
                current.append(ch == "×" ? "*" : ch == "÷" ? "/" : ch == "−" ? "-" : ch)
            } else if ch == "," && current.last?.isNumber == true {
                continue
            } else {
                flush()
            }
        }
        flush()
        return out
    }

    /// True when `side` holds an operator between numbers (not just a number).
    static func isComputation(_ side: String) -> Bool {
        let body = side.drop { $0 == "-" || $0 == "(" || $0 == " " }
        return body.contains { "+-*/".contains($0) }
    }

    static func isBalanced(_ side: String) -> Bool {
        var depth = 0
        for ch in side {
            if ch == "(" { depth += 1 } else if ch == ")" { depth -= 1; if depth < 0 { return false } }
        }
        return depth == 0
    }
}

extension String {
    /// The string without `characters` at either end.
    fileprivate func trimmingCharacters(in characters: String) -> String {
        var s = Substring(self)
        while let f = s.first, characters.contains(f) { s.removeFirst() }
        while let l = s.last, characters.contains(l) { s.removeLast() }
        return String(s)
    }
}
extension Substring {
    fileprivate func trimmingCharacters(in characters: String) -> String {
        String(self).trimmingCharacters(in: characters)
    }
}
