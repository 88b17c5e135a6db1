/// Share-GRPO's offline question expansion (R1-ShareVL, docs/methods.md, Share-GRPO): M variants of a question,
/// the original first, then rewrites that keep its answer.
///
/// Rewrites are conservative by construction, since a rewrite that changes the answer poisons
/// every response trained under it: rephrased instructions and connectives; two adjacent
/// self-contained statements swapped (never the question, never a sentence that refers back);
/// small whole numbers written as words or back (never inside a formula, never "one");
/// multiple-choice options shuffled with the answer letter remapped (only when every option can
/// be found in the prompt and relabelled there); and, when asked, a hint sentence.
public struct QuestionExpander: Sendable {
    /// A question to expand.
    public struct Question: Sendable, Equatable {
        /// The prompt text.
        public var prompt: String
        /// The reference answer.
        public var answer: String?
        /// Multiple-choice options, option A first.
        public var options: [String]?
        /// Makes a question.
        public init(prompt: String, answer: String? = nil, options: [String]? = nil) {
            self.prompt = prompt
            self.answer = answer
            self.options = options
        }
    }

    /// One variant of a question and the rewrites that made it.
    public struct Variant: Sendable, Equatable {
        /// The rewritten question (answer and options remapped where options moved).
        public var question: Question
        /// The rewrites applied, e.g. `["reorder", "numbers"]`; `["original"]` for variant 0.
        public var rewrites: [String]
    }

    /// How many variants per question, the original included.
    public var count: Int
    /// Seed; the same seed and input give the same variants.
    public var seed: UInt64
    /// Append a hint sentence to rewrites.
    public var hint: Bool

    /// Makes an expander.
    public init(count: Int, seed: UInt64 = 1, hint: Bool = false) {
        self.count = count
        self.seed = seed
        self.hint = hint
    }

    static let hintSentence = "Hint: identify each quantity and what happens to it before you compute."

    /// The variants of `question` (number `index` in its file, which varies the random choices).
    public func variants(of question: Question, index: Int) -> [Variant] {
        var out = [Variant(question: question, rewrites: ["original"])]
        for v in 1..<max(1, count) {
            var rng = SplitMix64(seed: seed &* 0x9E37_79B9_7F4A_7C15 &+ UInt64(index) &* 1_000_003 &+ UInt64(v))
            var best: Variant?
            // A few tries to find a rewrite that differs from every variant so far.
            for _ in 0..<8 {
                let candidate = rewrite(question, rng: &rng)
                best = candidate
                if !out.contains(where: { $0.question.prompt == candidate.question.prompt }) { break }
            }
            if let best { out.append(best) }
        }
        return out
    }

    private func rewrite(_ q: Question, rng: inout SplitMix64) -> Variant {
        var result = q
        var applied: [String] = []
        var kinds = ["reorder", "numbers", "options", "connectives"]
        kinds.shuffle(using: &rng)
        for kind in kinds where rng.next() % 10 < 6 {
            switch kind {
            case "reorder":
                if let p = Rewrites.reorderStatements(result.prompt, rng: &rng) {
                    result.prompt = p; applied.append(kind)
                }
            case "numbers":
                if let p = Rewrites.restateNumbers(result.prompt, rng: &rng) { result.prompt = p; applied.append(kind) }
            case "options":
                if let shuffled = Rewrites.shuffleOptions(result, rng: &rng) { result = shuffled; applied.append(kind) }
            default:
                if let p = Rewrites.swapConnectives(result.prompt) { result.prompt = p; applied.append(kind) }
            }
        }
        // Every variant gets a rephrased instruction, so it always differs from the original.
        result.prompt = Rewrites.rephraseInstruction(result.prompt, rng: &rng)
        applied.insert("instruction", at: 0)
        if hint {
            result.prompt += (result.prompt.hasSuffix("\n") ? "" : "\n") + Self.hintSentence
            applied.append("hint")
        }
        return Variant(question: result, rewrites: applied)
    }
}
