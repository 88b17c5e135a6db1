/// Extracts StepRAR key steps from a reference solution by rule, with equivalent forms for each
/// (the paper used GPT-4 for this and its release shipped only the prompt; docs/methods.md, StepGRPO).
///
/// The reference is split into steps (the `### Step N:` bodies of a Mulberry solution, else its
/// lines, else its sentences). In each step it takes equations and calculations, named relations,
/// then key numbers with their context, in that priority, at most `maxPerStep`; a step already
/// taken earlier (same normalised canonical form, or a number that an earlier equation had as
/// its result) is dropped.
public struct KeyStepExtractor: Sendable {
    /// The most key steps taken from one step of the reference.
    public var maxPerStep: Int
    /// The most forms listed for one key step.
    public var maxForms: Int

    /// Makes an extractor.
    public init(maxPerStep: Int = 3, maxForms: Int = 24) {
        self.maxPerStep = max(1, maxPerStep)
        self.maxForms = max(1, maxForms)
    }

    /// The key steps of `reference`, in order.
    public func extract(from reference: String) -> [KeyStep] {
        var result: [KeyStep] = []
        var seen: Set<String> = []
        var usedNumbers: Set<String> = []
        for step in Self.steps(of: reference) {
            var taken: [KeyStep] = []
            let chains = EquationScanner.chains(in: step)
            for chain in chains {
                let forms = EquationForms.forms(of: chain, limit: maxForms)
                guard let first = forms.first, seen.insert(Self.key(first)).inserted else { continue }
                taken.append(KeyStep(kind: .equation, text: chain.raw, forms: forms))
                // A later "6 apples" repeats the result of "24*0.25 = 6"; operands are not results.
                if let result = chain.sides.last { usedNumbers.formUnion(Self.numbers(in: result)) }
            }
            for relation in RelationScanner.relations(in: step) {
                let forms = Array(relation.forms.prefix(maxForms))
                guard let first = forms.first, seen.insert(Self.key(first)).inserted else { continue }
                taken.append(KeyStep(kind: .relation, text: relation.raw, forms: forms))
            }
            let excluded = Self.byteRanges(chains.map(\.range), in: step)
            for quantity in QuantityScanner.quantities(in: step, excluding: excluded) {
                let plain = quantity.number.replacingOccurrences(of: ",", with: "")
                guard !usedNumbers.contains(plain), let first = quantity.forms.first,
                    seen.insert(Self.key(first)).inserted
                else { continue }
                usedNumbers.insert(plain)
                taken.append(KeyStep(kind: .quantity, text: first, forms: Array(quantity.forms.prefix(maxForms))))
            }
            result += taken.prefix(maxPerStep)
        }
        return result
    }

    /// The key steps as a row's `key_steps`: one list of equivalent forms per step.
    public func keySteps(from reference: String) -> [[String]] {
        extract(from: reference).map(\.forms)
    }

    /// The reasoning steps of a reference: Mulberry step bodies, else non-blank lines (answer
    /// lines left out), else sentences.
    public static func steps(of reference: String) -> [String] {
        let sections = MulberrySections(reference)
        if !sections.stepBodies.isEmpty {
            let utf8 = Array(reference.utf8)
            return sections.stepBodies.map { String(decoding: utf8[$0], as: UTF8.self) }
        }
        let lines = reference.split(whereSeparator: \.isNewline).map { String($0).trimmingWhitespace() }
            .filter { !$0.isEmpty && !isAnswerLine($0) }
        if lines.count > 1 { return lines }
        return sentences(lines.first ?? "")
    }

    private static func isAnswerLine(_ line: String) -> Bool {
        let lower = line.lowercased()
        return lower.hasPrefix("####") || lower.hasPrefix("###") || lower.hasPrefix("answer:")
            || lower.contains("final answer") || lower.hasPrefix("the answer is")
    }

    /// Sentences split at ". ", "? ", "! " before a capital letter; decimals stay whole.
    private static func sentences(_ text: String) -> [String] {
        var out: [String] = []
        var current = ""
        let chars = Array(text)
        var i = 0
        while i < chars.count {
            current.append(chars[i])
            if ".?!".contains(chars[i]), i + 2 < chars.count, chars[i + 1] == " ", chars[i + 2].isUppercase {
                out.append(current.trimmingWhitespace())
                current = ""
            }
            i += 1
        }
        if !current.trimmingWhitespace().isEmpty { out.append(current.trimmingWhitespace()) }
        return out.filter { !isAnswerLine($0) }
    }

    /// The dedupe key: the normalised form StepRAR compares.
    private static func key(_ form: String) -> String {
        String(decoding: KeyStepNormalizer.normalize(form), as: UTF8.self)
    }

    private static func numbers(in side: String) -> Set<String> {
        var out: Set<String> = []
        var current = ""
        for c in side + " " {
            if c.isNumber || (c == "." && !current.isEmpty) {
                current.append(c)
            } else if c == "," && !current.isEmpty {
                continue
            } else if !current.isEmpty {
                out.insert(current.hasSuffix(".") ? String(current.dropLast()) : current)
                current = ""
            }
        }
        return out
    }

    /// Scalar ranges as UTF-8 byte ranges of `text`.
    private static func byteRanges(_ ranges: [Range<Int>], in text: String) -> [Range<Int>] {
        guard !ranges.isEmpty else { return [] }
        var offsets: [Int] = [0]
        for scalar in text.unicodeScalars { offsets.append(offsets[offsets.count - 1] + UTF8.width(scalar)) }
        return ranges.map {
            offsets[min($0.lowerBound, offsets.count - 1)]..<offsets[min($0.upperBound, offsets.count - 1)]
        }
    }
}
