import Verify

/// Named geometric relations in solution prose ("AD is a median", "AB is parallel to CD",
/// "triangle ABC is isosceles", "D is the midpoint of BC"), with the forms a model might use.
enum RelationScanner {
    /// One relation.
    struct Relation: Equatable {
        /// As the reference wrote it.
        var raw: String
        /// Equivalent forms, the canonical first.
        var forms: [String]
    }

    // A named figure: "AD", "triangle ABC", "△ABC", "\angle B".
    private static let figure =
        #"(?:(?i:triangle|angle|line|segment|circle|quadrilateral|side)\s+|△\s*|∠\s*|\\triangle\s*|\\angle\s*)?[A-Z]{1,4}\b"#
    private static let roles = [
        "perpendicular bisector", "angle bisector", "median", "altitude", "height", "bisector", "midpoint",
        "diameter", "radius", "chord", "tangent", "hypotenuse", "centroid", "incenter", "circumcenter", "center",
        "centre", "isosceles", "equilateral", "right", "parallel", "perpendicular", "similar", "congruent",
        "rectangle", "square", "parallelogram", "rhombus", "trapezoid",
    ]
    // Constant pattern; the key-step extractor tests exercise it.
    private static let pattern = try! RegexPattern(
        #"(?<![A-Za-z])("# + figure + #")\s+(?i:is|are)\s+(?:(?i:an?|the)\s+)?(?i:("# + roles.joined(separator: "|")
            + #"))(?:\s+(?i:triangle|angle|line))?(?:\s+(?i:of|to|with|on)\s+(?:(?i:the)\s+)?("# + figure + #"))?"#)

    /// Every relation in `text`, left to right.
    static func relations(in text: String) -> [Relation] {
        pattern.allMatches(in: text).compactMap { m in
            guard let subject = m[1].map(String.init), let role = m[2]?.lowercased(), let whole = m[0] else {
                return nil
            }
            let object = m[3].map(String.init)
            return Relation(
                raw: String(whole), forms: forms(subject: tidy(subject), role: role, object: object.map(tidy)))
        }
    }

    /// "triangle  ABC" and "\triangle ABC" read as "triangle ABC".
    private static func tidy(_ figure: String) -> String {
        var words = figure.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).map(String.init)
        if let first = words.first, first.hasPrefix("\\triangle") || first.hasPrefix("△") {
            words[0] = "triangle"
            let rest = first.drop { !$0.isUppercase }
            if !rest.isEmpty { words.insert(String(rest), at: 1) }
        }
        if let first = words.first, first.hasPrefix("\\angle") || first.hasPrefix("∠") {
            words[0] = "angle"
            let rest = first.drop { !$0.isUppercase }
            if !rest.isEmpty { words.insert(String(rest), at: 1) }
        }
        if let first = words.first {
            words[0] = first.count > 4 || first.first?.isLowercase == true ? first.lowercased() : first
        }
        return words.joined(separator: " ")
    }

    /// Other ways to write a figure: "triangle ABC" as "△ABC" and "\triangle ABC".
    private static func spellings(_ figure: String) -> [String] {
        if figure.hasPrefix("triangle ") {
            let name = figure.dropFirst("triangle ".count)
            return [figure, "△" + name, "\\triangle " + name, "\\triangle" + name]
        }
        if figure.hasPrefix("angle ") {
            let name = figure.dropFirst("angle ".count)
            return [figure, "∠" + name, "\\angle " + name]
        }
        return [figure]
    }

    private static func article(_ word: String) -> String {
        word.first.map { "aeiou".contains($0) } == true ? "an" : "a"
    }

    private static func forms(subject: String, role: String, object: String?) -> [String] {
        let symbols: [String: [String]] = [
            "parallel": ["∥", "\\parallel", "//", "||"], "perpendicular": ["⊥", "\\perp"],
            "similar": ["∼", "\\sim", "~"], "congruent": ["≅", "\\cong"],
        ]
        let name = subject.split(separator: " ").last.map(String.init) ?? subject
        if let object, let marks = symbols[role] {
            // A symmetric relation: both directions, words and symbols.
            var out: [String] = []
            for (a, b) in [(subject, object), (object, subject)] {
                out.append("\(a) is \(role) to \(b)")
                for x in spellings(a) {
                    for y in spellings(b) { for mark in marks { out.append("\(x) \(mark) \(y)") } }
                }
            }
            return out
        }
        switch role {
        case "isosceles", "equilateral", "right":
            var out = spellings(subject).map { "\($0) is \(role)" }
            out += [
                "\(role) triangle \(name)", "\(role) \(subject)", "\(subject) is \(article(role)) \(role) triangle",
            ]
            return out
        default:
            var out: [String] = []
            for s in spellings(subject) {
                if let object {
                    for o in spellings(object) {
                        out += ["\(s) is the \(role) of \(o)", "\(s) is \(article(role)) \(role) of \(o)"]
                    }
                }
                out += ["\(s) is \(article(role)) \(role)", "\(s) is the \(role)"]
            }
            out.append("\(role) \(subject)")
            if let object, role == "midpoint" || role == "center" || role == "centre" {
                out.append("\(role) of \(object)")
            }
            return out
        }
    }
}
