import Foundation

/// Notices responses that lack every tag a `format` template needs, the mark of tags removed in
/// decoding: a tokenizer that registers `<think>` / `<answer>` as special tokens loses them when
/// the framework decodes with special tokens skipped (TRL does), and `format` is then always 0.
struct VanishedTags: Sendable {
    /// The component index of each `format` reward whose template needs tags, with those tags.
    private let checks: [(index: Int, tags: [[UInt8]])]

    /// Finds the tag-requiring `format` components among `components`.
    init(_ components: [Pipeline.Component]) {
        checks = components.enumerated().compactMap { i, component in
            guard let format = component.reward as? FormatReward else { return nil }
            switch format.template {
            case .thinkAnswer: return (i, ["<think>", "</think>", "<answer>", "</answer>"].map { Array($0.utf8) })
            case .boxed: return (i, ["<think>", "</think>"].map { Array($0.utf8) })
            case .mulberry: return nil
            }
        }
    }

    /// Whether a `format` component scored 0 and `response` holds none of its tags. The response
    /// is searched only then, so rows that pass cost nothing.
    func missing(_ scores: [RewardScore], response: String) -> Bool {
        checks.contains { check in
            scores[check.index].value == 0 && !Self.holdsAny(of: check.tags, in: response)
        }
    }

    /// Whether `text` holds one of `tags` (each starting with `<`), looking only where a `<` is:
    /// `String.contains` compares Unicode characters at every offset, which doubled the CPU time of
    /// a `score` run whose responses fail the format.
    static func holdsAny(of tags: [[UInt8]], in text: String) -> Bool {
        var text = text
        return text.withUTF8 { utf8 in
            guard let base = utf8.baseAddress else { return false }
            var at = 0
            while at < utf8.count, let hit = memchr(base + at, Int32(UInt8(ascii: "<")), utf8.count - at) {
                let i = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                for tag in tags where i + tag.count <= utf8.count && memcmp(base + i, tag, tag.count) == 0 {
                    return true
                }
                at = i + 1
            }
            return false
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
