import Verify

/// Soft key-step matching (REFERENCE.md §2): a group of equivalent forms matches when any form
/// occurs in the step text; the share of matched groups is StepRAR's `k`.
public struct KeyStepMatcher: Sendable {
    /// How forms and text are compared.
    public enum Matching: String, Sendable, CaseIterable {
        /// Both sides normalised first (`KeyStepNormaliser`): RewardKit's default.
        case normalized
        /// Lower-cased plain substring, as the released R1-VL code does.
        case literal
    }

    /// The comparison used.
    public let matching: Matching

    /// Makes a matcher.
    public init(matching: Matching = .normalized) {
        self.matching = matching
    }

    /// `text` as the matcher compares it.
    public func prepared(_ text: String) -> String {
        switch matching {
        case .normalized: return String(decoding: KeyStepNormaliser.normalise(text), as: UTF8.self)
        case .literal: return KeyStepNormaliser.caseFolded(text)
        }
    }

    /// How many of `groups` have a form occurring in `text`. A form that is empty once prepared
    /// never matches, so a stray `"$"` cannot match every response.
    public func matchedGroups(_ groups: [[String]], in text: String) -> Int {
        let haystack = prepared(text)
        var matched = 0
        for group in groups where group.contains(where: { form in
            let needle = prepared(form)
            return !needle.isEmpty && ByteSearch.contains(needle, in: haystack)
        }) {
            matched += 1
        }
        return matched
    }

    /// `k`: the share of groups matched, 0 when there are no groups.
    public func share(_ groups: [[String]], in text: String) -> Double {
        groups.isEmpty ? 0 : Double(matchedGroups(groups, in: text)) / Double(groups.count)
    }
}
