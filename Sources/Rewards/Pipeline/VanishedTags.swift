/// Notices responses that lack every tag a `format` template needs, the mark of tags removed in
/// decoding: a tokenizer that registers `<think>` / `<answer>` as special tokens loses them when
/// the framework decodes with special tokens skipped (TRL does), and `format` is then always 0.
struct VanishedTags: Sendable {
    /// The component index of each `format` reward whose template needs tags, with those tags.
    private let checks: [(index: Int, tags: [String])]

    /// Finds the tag-requiring `format` components among `components`.
    init(_ components: [Pipeline.Component]) {
        checks = components.enumerated().compactMap { i, component in
            guard let format = component.reward as? FormatReward else { return nil }
            switch format.template {
            case .thinkAnswer: return (i, ["<think>", "</think>", "<answer>", "</answer>"])
            case .boxed: return (i, ["<think>", "</think>"])
            case .mulberry: return nil
            }
        }
    }

    /// Whether a `format` component scored 0 and `response` holds none of its tags. The response
    /// is searched only then, so rows that pass cost nothing.
    func missing(_ scores: [RewardScore], response: String) -> Bool {
        checks.contains { check in
            scores[check.index].value == 0 && !check.tags.contains { response.contains($0) }
        }
    }

    /// The warning for a batch of `scored` rows of which `tagless` lack the tags, when every one
    /// of at least two does; nil otherwise.
    static func warning(scored: Int, tagless: Int) -> String? {
        guard scored >= 2, tagless == scored else { return nil }
        return "warning: none of the \(scored) responses holds a <think>/<answer> tag and every one scores format 0; "
            + "if the tokenizer registers the tags as special tokens, decoding with skip_special_tokens "
            + "(TRL's default) removes them"
    }
}

extension ScoreSummary {
    /// The vanished-tags warning for this run (nil when some response had its tags).
    public var vanishedTagsWarning: String? {
        VanishedTags.warning(scored: scoredRows, tagless: taglessFormatRows)
    }
}

extension Pipeline {
    /// The vanished-tags warning for a batch of results (nil when some response had its tags).
    public func vanishedTagsWarning(_ results: [Result<ScoredTrajectory, RowError>]) -> String? {
        var scored = 0, tagless = 0
        for case let .success(s) in results {
            scored += 1
            if s.formatTagsMissing { tagless += 1 }
        }
        return VanishedTags.warning(scored: scored, tagless: tagless)
    }
}
