/// Soft key-step matching (docs/methods.md, StepGRPO): a group of equivalent forms matches when any form
/// occurs in the step text; the share of matched groups is StepRAR's `k`.
public struct KeyStepMatcher: Sendable {
    /// How forms and text are compared.
    public enum Matching: String, Sendable, CaseIterable {
        /// Both sides normalised first (`KeyStepNormalizer`): RewardKit's default.
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
        var out: [UInt8] = []
        prepare(text, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    private func prepare(_ text: String, into out: inout [UInt8]) {
        switch matching {
        case .normalized: KeyStepNormalizer.normalize(text, into: &out)
        case .literal: KeyStepNormalizer.caseFolded(text, into: &out)
        }
    }

    /// How many of `groups` have a form occurring in `text`. A form that is empty once prepared
    /// never matches, so a stray `"$"` cannot match every response.
    public func matchedGroups(_ groups: [[String]], in text: String) -> Int {
        var haystack: [UInt8] = []
        prepare(text, into: &haystack)
        // One buffer serves every form of the row: forms are many and short.
        var needle: [UInt8] = []
        needle.reserveCapacity(64)
        return haystack.withUnsafeBufferPointer { h in
            var matched = 0
            for group in groups {
                for form in group {
                    prepare(form, into: &needle)
                    if KeyStepNormalizer.contains(needle, in: h) {
                        matched += 1
                        break
                    }
                }
            }
            return matched
        }
    }

    /// `k`: the share of groups matched, 0 when there are no groups.
    public func share(_ groups: [[String]], in text: String) -> Double {
        groups.isEmpty ? 0 : Double(matchedGroups(groups, in: text)) / Double(groups.count)
    }
}
