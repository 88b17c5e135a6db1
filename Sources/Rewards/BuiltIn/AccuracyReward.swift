import Verify

/// `accuracy`: 1 when the response's final answer matches the reference answer, else 0.
///
/// The extractor finds the answer (`<answer>`, `\boxed{}`, answer phrases; never a bare last
/// number) and the comparator decides equivalence: by default the tiered comparator (the simple
/// check, then the math engine), the same engine `rewardkit verify` and `regress` use. Two or more boxed
/// answers that the comparator finds different score 0 (hedging). For multiple choice, a
/// prediction equal to an option's text counts as that option's letter, and the reverse.
public struct AccuracyReward: Reward {
    /// The component name: `accuracy`.
    public let name = "accuracy"
    /// Finds the final answer in responses and references.
    public let extractor: AnswerExtractor
    /// Decides whether two answers are equivalent.
    public let comparator: any AnswerComparator

    /// The comparators a config may name: `standard` (simple, then the math engine), `simple`
    /// (numbers, letters and text only), `math` (the math engine alone).
    public static let comparatorNames = ["standard", "simple", "math"]

    /// Makes the reward from its parts.
    public init(extractor: AnswerExtractor = AnswerExtractor(), comparator: any AnswerComparator = TieredComparator()) {
        self.extractor = extractor
        self.comparator = comparator
    }

    /// Builds from config options: `comparator` (`standard`), `precision` (6 decimal places),
    /// `extraction` (`anchored`, or `fallback` to take the last number or expression of a response
    /// without an anchor) and `anchors` (the user's own regex patterns, tried before the phrases).
    public init(options: RewardOptions) throws(RewardError) {
        try options.requireOnly(["comparator", "precision", "extraction", "anchors"])
        let mode = try options.string(
            "extraction", default: ExtractionMode.anchored.rawValue,
            allowed: ExtractionMode.allCases.map(\.rawValue))
        var anchors: [RegexPattern] = []
        for pattern in try options.strings("anchors") {
            do {
                anchors.append(try RegexPattern(pattern, options: [.caseInsensitive, .multiline]))
            } catch {
                throw RewardError("reward '\(options.rewardName)': option 'anchors': \(error)")
            }
        }
        let extractor = AnswerExtractor(mode: ExtractionMode(rawValue: mode) ?? .anchored, customAnchors: anchors)
        let name = try options.string("comparator", default: "standard", allowed: Self.comparatorNames)
        var math = MathVerifier.Options()
        math.precision = try options.int("precision", default: 6)
        guard (0...30).contains(math.precision) else {
            throw RewardError("reward '\(options.rewardName)': option 'precision' must be 0-30")
        }
        switch name {
        case "simple": self.init(extractor: extractor, comparator: SimpleAnswerComparator())
        case "math": self.init(extractor: extractor, comparator: MathVerifier(options: math))
        default: self.init(extractor: extractor, comparator: TieredComparator(options: math))
        }
    }

    /// The response, the reference answer and the options.
    public var fieldsRead: TrajectoryFields { [.response, .answer, .problem] }

    /// 1 on a match, 0 otherwise, with the reason; throws when the row has no reference answer.
    public func score(_ trajectory: Trajectory) throws(RewardError) -> RewardScore {
        guard let reference = trajectory.answer, Self.hasText(reference) else {
            throw RewardError("accuracy: the row has no answer (fields answer/ground_truth/label/solution/gold)")
        }
        let verdict = judge(response: trajectory.response, reference: reference, options: trajectory.options ?? [])
        return RewardScore(verdict.outcome == .correct ? 1 : 0, verdict.explanation)
    }

    /// Extracts the final answer of `response` and compares it with the gold answer of
    /// `reference` (which may be reasoning ending in an answer); other rewards that need answer
    /// correctness call this so every reward judges answers the same way.
    public func judge(response: String, reference: String, options: [String] = []) -> AccuracyJudgement {
        let gold = extractor.referenceAnswer(from: reference)
        let extraction = extractor.extract(from: response)
        guard extraction.answer != nil, let anchor = extraction.anchor else {
            return AccuracyJudgement(.noAnswer, "no final answer found", gold: gold)
        }
        var resolved = AnswerVerifier(extractor: extractor, comparator: comparator).resolve(extraction, gold: gold)
        // `\boxed{58}, which is choice \boxed{(B)}` with option B = 58 names one option twice.
        if resolved.hedgedAnswers > 1, let letter = sameOption(extraction.distinctCandidates, options: options) {
            resolved = (String(letter), 0)
        }
        guard let predicted = resolved.answer else {
            return AccuracyJudgement(.noAnswer, "no final answer found", gold: gold)
        }
        if resolved.hedgedAnswers > 1 {
            return AccuracyJudgement(
                .wrong, "hedged: \(resolved.hedgedAnswers) different boxed answers", anchor: anchor, gold: gold,
                predicted: predicted)
        }
        let verdict = compare(gold: gold, predicted: predicted, options: options)
        if verdict.isMatch {
            return AccuracyJudgement(
                .correct, Self.matched(anchor, verdict.reason) ?? "matched via \(anchor.rawValue) (\(verdict.reason))",
                anchor: anchor, gold: gold, predicted: predicted)
        }
        return AccuracyJudgement(
            .wrong, "answer '\(Self.excerpt(predicted))' does not match '\(Self.excerpt(gold))'",
            anchor: anchor, gold: gold, predicted: predicted)
    }

    /// Compares, letting option text stand for its letter on either side.
    private func compare(gold: String, predicted: String, options: [String]) -> Verdict {
        let direct = comparator.compare(gold: gold, predicted: predicted)
        guard !direct.isMatch, !options.isEmpty else { return direct }
        let goldLetter = ChoiceLetter.parse(gold), predictedLetter = ChoiceLetter.parse(predicted)
        if goldLetter != nil, predictedLetter == nil, let letter = optionLetter(matching: predicted, in: options) {
            let mapped = comparator.compare(gold: gold, predicted: String(letter))
            return mapped.isMatch ? mapped : direct
        }
        if goldLetter == nil, let letter = predictedLetter, let text = optionText(letter, in: options) {
            let mapped = comparator.compare(gold: gold, predicted: text)
            return mapped.isMatch ? Verdict(isMatch: true, reason: "choice") : direct
        }
        return direct
    }

    /// The one option letter that every candidate names (as its letter or by its option's text);
    /// nil when they name different options, or any names none.
    private func sameOption(_ candidates: [String], options: [String]) -> Character? {
        guard !options.isEmpty else { return nil }
        var found: Character?
        for candidate in candidates.prefix(8) {
            guard let letter = ChoiceLetter.parse(candidate) ?? optionLetter(matching: candidate, in: options),
                found == nil || found == letter
            else { return nil }
            found = letter
        }
        return found
    }

    /// The letter of the one option whose text matches `answer`; nil when none or several do.
    private func optionLetter(matching answer: String, in options: [String]) -> Character? {
        var found: Character?
        for (index, option) in options.prefix(26).enumerated()
        where comparator.compare(gold: ChoiceLetter.stripLabel(option), predicted: answer).isMatch {
            if found != nil { return nil }
            found = Character(Unicode.Scalar(UInt8(65 + index)))
        }
        return found
    }

    private func optionText(_ letter: Character, in options: [String]) -> String? {
        guard let ascii = letter.asciiValue, ascii >= 65 else { return nil }
        let index = Int(ascii - 65)
        return index < options.count ? ChoiceLetter.stripLabel(options[index]) : nil
    }

    /// Whether `s` holds a non-white-space character. A first byte that is ASCII and not white
    /// space (the usual reference) starts such a character, which spares the Unicode lookups.
    private static func hasText(_ s: String) -> Bool {
        if let b = s.utf8.first, b < 0x80, b != 0x20, !(0x09...0x0D).contains(b) { return true }
        return s.contains { !$0.isWhitespace }
    }

    /// The explanation of a match for the simple comparator's reasons, as literals: formatting
    /// one per scored row costs an allocation, and a dictionary of them hashes both keys per row,
    /// while a literal costs neither, nor even a retain. Other reasons are formatted as they come.
    private static func matched(_ anchor: AnswerAnchor, _ reason: String) -> String? {
        switch reason {
        case "numeric":
            switch anchor {
            case .answerTag: return "matched via answer_tag (numeric)"
            case .boxed: return "matched via boxed (numeric)"
            case .finalAnswerHeader: return "matched via final_answer_header (numeric)"
            case .finalAnswerPhrase: return "matched via final_answer_phrase (numeric)"
            case .answerColon: return "matched via answer_colon (numeric)"
            default: return nil
            }
        case "choice":
            switch anchor {
            case .answerTag: return "matched via answer_tag (choice)"
            case .boxed: return "matched via boxed (choice)"
            case .finalAnswerHeader: return "matched via final_answer_header (choice)"
            case .finalAnswerPhrase: return "matched via final_answer_phrase (choice)"
            case .answerColon: return "matched via answer_colon (choice)"
            default: return nil
            }
        case "text":
            switch anchor {
            case .answerTag: return "matched via answer_tag (text)"
            case .boxed: return "matched via boxed (text)"
            case .finalAnswerHeader: return "matched via final_answer_header (text)"
            case .finalAnswerPhrase: return "matched via final_answer_phrase (text)"
            case .answerColon: return "matched via answer_colon (text)"
            default: return nil
            }
        default: return nil
        }
    }

    private static func excerpt(_ s: String) -> String {
        // At most 80 bytes is at most 80 characters: no need to count characters.
        s.utf8.count <= 80 || s.count <= 80 ? s : String(s.prefix(77)) + "..."
    }
}
