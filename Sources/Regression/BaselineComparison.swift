/// What changed since a stored baseline: every case whose verdict or rewards moved, both ways.
public struct BaselineComparison: Sendable, Equatable {
    /// A case's stored result.
    public struct Entry: Sendable, Equatable {
        /// Verifier cases: the verdict.
        public var verdict: Bool?
        /// Reward cases: the components.
        public var rewards: [String: Double]?
        /// Makes an entry.
        public init(verdict: Bool?, rewards: [String: Double]?) {
            self.verdict = verdict
            self.rewards = rewards
        }
    }

    /// One case whose result differs from the baseline.
    public struct Flip: Sendable, Equatable {
        /// The case id.
        public var id: String
        /// The stored result, as text ("true", "accuracy=1 format=0").
        public var was: String
        /// The result now.
        public var now: String
    }

    /// Cases whose result changed.
    public var flips: [Flip] = []
    /// Cases the baseline does not have.
    public var added: [String] = []
    /// Baseline cases this run did not have.
    public var removed: [String] = []

    /// Compares `outcomes` with `baseline` (by case id); rewards within `tolerance` are unchanged.
    public init(outcomes: [RegressionRunner.Outcome], baseline: [String: Entry], tolerance: Double) {
        var seen = Set<String>()
        for o in outcomes {
            seen.insert(o.id)
            guard let old = baseline[o.id] else { added.append(o.id); continue }
            let now = Entry(verdict: o.verdict, rewards: o.rewards)
            if !Self.same(old, now, tolerance: tolerance) {
                flips.append(Flip(id: o.id, was: Self.text(old), now: Self.text(now)))
            }
        }
        removed = baseline.keys.filter { !seen.contains($0) }.sorted()
    }

    static func same(_ a: Entry, _ b: Entry, tolerance: Double) -> Bool {
        guard a.verdict == b.verdict else { return false }
        switch (a.rewards, b.rewards) {
        case (nil, nil): return true
        case let (x?, y?):
            return Set(x.keys) == Set(y.keys)
                && x.allSatisfy { key, value in abs(value - (y[key] ?? .nan)) <= tolerance }
        default: return false
        }
    }

    /// An entry as text: the verdict, or the components sorted by name; "error" when neither.
    public static func text(_ e: Entry) -> String {
        if let v = e.verdict { return String(v) }
        if let r = e.rewards {
            return r.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
        }
        return "error"
    }
}
