/// The surface forms of one equation chain a model might write: LaTeX and plain (`\frac{12}{2}=6`,
/// `12/2=6`), `\times` / `×` / `*` / `\cdot`, `÷`, three spacings, the equation reversed
/// (`6=12/2`), and the evaluated result with its subject (`BD = 6`, `area is 24`).
enum EquationForms {
    /// The forms of `chain`, the canonical plain form first, at most `limit`.
    static func forms(of chain: EquationScanner.Chain, limit: Int) -> [String] {
        let sides = chain.sides.map(plain)
        let links = chain.approximate
        var out = OrderedForms(limit: limit)
        out.add(join(sides, links, spaced: false))
        out.add(chain.raw)
        // The whole chain, its last calculation, the subject with the result, then each other
        // link of the chain: a model may write any one of them.
        var cores: [(sides: [String], links: [Bool])] = [(sides, links)]
        if sides.count > 2 {
            cores.append((Array(sides.suffix(2)), [links[links.count - 1]]))
            cores.append(([sides[0], sides[sides.count - 1]], [links.contains(true)]))
            for i in 0..<(sides.count - 2) { cores.append(([sides[i], sides[i + 1]], [links[i]])) }
        }
        for core in cores {
            for rendered in renderings(core.sides) {
                out.add(join(rendered, core.links, spaced: false))
                out.add(join(rendered, core.links, spaced: true))
                out.add(join(rendered.map(spaced), core.links, spaced: true))
                if core.links.contains(true) { out.add(join(rendered, core.links, spaced: true, approx: "\\approx")) }
            }
            let reversed = Array(core.sides.reversed()), reversedLinks = Array(core.links.reversed())
            out.add(join(reversed, reversedLinks, spaced: false))
            out.add(join(reversed, reversedLinks, spaced: true))
        }
        if let subject = chain.subject, let result = sides.last {
            out.add("\(subject) is \(result)")
            out.add("\(subject) = \(result)")
            out.add("\(subject) of \(result)")
        }
        return out.forms
    }

    /// Sides joined by `=`, or `approx` where the reference wrote an approximation.
    private static func join(_ sides: [String], _ links: [Bool], spaced: Bool, approx: String = "≈") -> String {
        var out = sides.first ?? ""
        for (i, side) in sides.dropFirst().enumerated() {
            let mark = i < links.count && links[i] ? approx : "="
            out += spaced ? " \(mark) \(side)" : mark + side
        }
        return out
    }

    /// A side in compact plain notation: no white space, `*` for products, `/` for quotients,
    /// `\frac{a}{b}` as `a/b` (parenthesised when compound), `$`, `\left`, `\right` dropped.
    static func plain(_ side: String) -> String {
        var s = side
        for (from, to) in [
            ("\\dfrac", "\\frac"), ("\\tfrac", "\\frac"), ("\\times", "*"), ("\\cdot", "*"), ("×", "*"),
            ("·", "*"), ("⋅", "*"), ("\\div", "/"), ("÷", "/"), ("−", "-"), ("\\%", "%"),
            ("^{\\circ}", "°"), ("^\\circ", "°"), ("\\circ", "°"), ("\\left", ""), ("\\right", ""),
            ("\\,", ""), ("\\;", ""), ("\\!", ""), ("$", ""),
        ] {
            s = s.replacingOccurrences(of: from, with: to)
        }
        s = String(s.unicodeScalars.filter { !$0.properties.isWhitespace }.map(Character.init))
        s = replacingFracs(s)
        // "angle C" keeps its space: "angleC" is no way anyone writes it.
        for noun in ["angle", "side", "segment"] where s.hasPrefix(noun) && s.count > noun.count {
            s = noun + " " + s.dropFirst(noun.count)
        }
        return timesBetweenNumbers(s)
    }

    /// The side list in each product and quotient notation that applies.
    private static func renderings(_ sides: [String]) -> [[String]] {
        var out: [[String]] = [sides]
        let joined = sides.joined()
        if joined.contains("*") {
            for mark in ["×", "\\times ", "\\cdot ", "·"] {
                out.append(sides.map { $0.replacingOccurrences(of: "*", with: mark) })
            }
        }
        if joined.contains("/") {
            out.append(sides.map { $0.replacingOccurrences(of: "/", with: "÷") })
            out.append(sides.map(latexFraction))
        }
        if joined.contains("angle ") {
            out.append(sides.map { $0.replacingOccurrences(of: "angle ", with: "∠") })
            out.append(sides.map { $0.replacingOccurrences(of: "angle ", with: "\\angle ") })
        }
        return out.map { $0.map { $0.trimmingWhitespace() } }
    }

    /// "12 / 2" from "12/2": binary operators spaced.
    private static func spaced(_ side: String) -> String {
        var out = ""
        var previous: Character?
        for c in side {
            if "+*/×÷·".contains(c) || (c == "-" && previous.map { $0.isNumber || $0.isLetter || $0 == ")" } == true) {
                out += " \(c) "
            } else {
                out.append(c)
            }
            previous = c
        }
        return out.replacingOccurrences(of: "  ", with: " ").trimmingWhitespace()
    }

    /// `a/b` as `\frac{a}{b}` when the side is exactly one quotient of two simple terms.
    private static func latexFraction(_ side: String) -> String {
        let parts = side.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2,
            parts.allSatisfy({ p in !p.isEmpty && !p.contains(where: { "+-*×÷·=".contains($0) }) || isParenthesised(p) }
            )
        else {
            return side
        }
        let strip = { (p: Substring) in isParenthesised(p) ? String(p.dropFirst().dropLast()) : String(p) }
        return "\\frac{\(strip(parts[0]))}{\(strip(parts[1]))}"
    }

    private static func isParenthesised(_ p: Substring) -> Bool {
        p.hasPrefix("(") && p.hasSuffix(")") && p.dropFirst().dropLast().allSatisfy { $0 != "(" && $0 != ")" }
    }

    /// `\frac{a}{b}` rewritten as `a/b`, innermost first; malformed ones left as written.
    private static func replacingFracs(_ text: String) -> String {
        var s = Array(text)
        var guardCount = 0
        while guardCount < 32, let at = firstFrac(s) {
            guardCount += 1
            guard let (a, afterA) = group(s, from: at + 5), let (b, afterB) = group(s, from: afterA) else { break }
            let wrap = { (x: [Character]) -> String in
                let t = String(x)
                return t.dropFirst().contains(where: { "+-*/".contains($0) }) ? "(\(t))" : t
            }
            s.replaceSubrange(at..<afterB, with: Array(wrap(a) + "/" + wrap(b)))
        }
        return String(s)
    }

    private static func firstFrac(_ s: [Character]) -> Int? {
        guard s.count >= 5 else { return nil }
        for i in 0...(s.count - 5) where s[i] == "\\" && String(s[(i + 1)..<(i + 5)]) == "frac" { return i }
        return nil
    }

    private static func group(_ s: [Character], from start: Int) -> ([Character], Int)? {
        guard start < s.count else { return nil }
        guard s[start] == "{" else { return ([s[start]], start + 1) }
        var depth = 0
        for i in start..<s.count {
            if s[i] == "{" { depth += 1 }
            if s[i] == "}" {
                depth -= 1
                if depth == 0 { return (Array(s[(start + 1)..<i]), i + 1) }
            }
        }
        return nil
    }

    /// "5x3" (x read as "times" between numbers) as "5*3".
    private static func timesBetweenNumbers(_ s: String) -> String {
        let c = Array(s)
        guard c.count >= 3 else { return s }
        var out = c
        for i in 1..<(c.count - 1) where c[i] == "x" && c[i - 1].isNumber && c[i + 1].isNumber { out[i] = "*" }
        return String(out)
    }
}

/// Forms in insertion order without repeats, up to a limit.
struct OrderedForms {
    private(set) var forms: [String] = []
    private var seen: Set<String> = []
    let limit: Int

    init(limit: Int) { self.limit = limit }

    mutating func add(_ form: String) {
        let f = form.trimmingWhitespace()
        guard !f.isEmpty, forms.count < limit, seen.insert(f).inserted else { return }
        forms.append(f)
    }
}
