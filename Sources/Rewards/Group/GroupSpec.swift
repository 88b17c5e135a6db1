import JSONLines

/// The `group:` section of a config: Trust-GRPO weighting and the advantage estimator.
///
/// ```yaml
/// group:
///   trust: {mode: paper, alpha: 0.3, schedule: exp, T: 1500}   # mode: off | paper | released
///   advantage: {estimator: grpo, epsilon: 1.0e-6}              # grpo | dr_grpo | batch | share_grpo
/// ```
public struct GroupSpec: Sendable, Equatable {
    /// Trust-GRPO settings (docs/methods.md, Trust-GRPO).
    public struct Trust: Sendable, Equatable {
        /// `off` (plain weighted sum), `paper`, or `released` (the release's differences).
        public enum Mode: String, Sendable, CaseIterable { case off, paper, released }
        /// Which variant of the method.
        public var mode: Mode = .off
        /// Weight of the thinking reward.
        public var alpha = 0.3
        /// Decay of the thinking reward over training.
        public var schedule: Annealing = .exp
        /// Horizon of the schedule (the paper uses the total number of training steps).
        public var T = 1500.0
        /// Makes settings.
        public init(mode: Mode = .off, alpha: Double = 0.3, schedule: Annealing = .exp, T: Double = 1500) {
            self.mode = mode
            self.alpha = alpha
            self.schedule = schedule
            self.T = T
        }
    }

    /// Trust weighting; mode `off` when the section has no `trust:`.
    public var trust = Trust()
    /// The advantage estimator.
    public var estimator: AdvantageEstimator = .grpo
    /// The epsilon added to the std (verl 1e-6, TRL 1e-4, R1-VL 1e-4, OpenRLHF 1e-9).
    public var epsilon = 1e-6

    /// Makes a spec.
    public init(trust: Trust = Trust(), estimator: AdvantageEstimator = .grpo, epsilon: Double = 1e-6) {
        self.trust = trust
        self.estimator = estimator
        self.epsilon = epsilon
    }

    /// Reads the `group:` value of a config; errors name the key and the allowed values.
    public init(_ value: JSONValue) throws(ConfigError) {
        guard case let .object(members) = value else {
            throw ConfigError("'group' must be a mapping with trust: and/or advantage:")
        }
        for (key, section) in members {
            switch key {
            case "trust":
                let o = try Self.options(section, "group.trust", known: ["mode", "alpha", "schedule", "T"])
                trust.mode = try Self.choice(o, "mode", in: "group.trust", default: Trust.Mode.paper)
                trust.alpha = try Self.number(o, "alpha", in: "group.trust", default: 0.3)
                trust.schedule = try Self.choice(o, "schedule", in: "group.trust", default: Annealing.exp)
                trust.T = try Self.number(o, "T", in: "group.trust", default: 1500)
                guard trust.T > 0 else { throw ConfigError("group.trust: 'T' must be positive, got \(trust.T)") }
            case "advantage":
                let o = try Self.options(section, "group.advantage", known: ["estimator", "epsilon"])
                estimator = try Self.choice(o, "estimator", in: "group.advantage", default: AdvantageEstimator.grpo)
                epsilon = try Self.number(o, "epsilon", in: "group.advantage", default: 1e-6)
                guard epsilon >= 0 else { throw ConfigError("group.advantage: 'epsilon' must not be negative") }
            default:
                throw ConfigError("group: unknown key '\(key)' (known: trust, advantage)")
            }
        }
    }

    private static func options(
        _ value: JSONValue, _ place: String, known: Set<String>
    ) throws(ConfigError) -> [(key: String, value: JSONValue)] {
        guard case let .object(members) = value else { throw ConfigError("\(place) must be a mapping") }
        for (key, _) in members where !known.contains(key) {
            throw ConfigError("\(place): unknown key '\(key)' (known: \(known.sorted().joined(separator: ", ")))")
        }
        return members
    }

    private static func number(
        _ o: [(key: String, value: JSONValue)], _ key: String, in place: String, default d: Double
    ) throws(ConfigError) -> Double {
        guard let v = o.first(where: { $0.key == key })?.value else { return d }
        guard case let .number(n) = v, n.isFinite else {
            throw ConfigError("\(place): '\(key)' must be a number, got \(v.kindName)")
        }
        return n
    }

    private static func choice<E: RawRepresentable & CaseIterable>(
        _ o: [(key: String, value: JSONValue)], _ key: String, in place: String, default d: E
    ) throws(ConfigError) -> E where E.RawValue == String {
        guard let v = o.first(where: { $0.key == key })?.value else { return d }
        guard case let .string(s) = v, let e = E(rawValue: s) else {
            throw ConfigError("\(place): '\(key)' must be one of \(E.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return e
    }
}
