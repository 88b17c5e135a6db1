import JSONLines

/// The options of one reward entry in a config (`{name: format, template: boxed}` minus name and
/// weight), with typed getters whose errors name the reward, the option and the bad value.
public struct RewardOptions: Sendable, Equatable {
    /// The reward these options belong to, for error messages.
    public let rewardName: String
    /// The raw options, in config order.
    public let values: [(key: String, value: JSONValue)]

    /// Makes options for `rewardName`.
    public init(rewardName: String, values: [(key: String, value: JSONValue)] = []) {
        self.rewardName = rewardName
        self.values = values
    }

    public static func == (lhs: RewardOptions, rhs: RewardOptions) -> Bool {
        lhs.rewardName == rhs.rewardName && JSONValue.object(lhs.values) == JSONValue.object(rhs.values)
    }

    /// The raw value of `key`, or nil.
    public subscript(key: String) -> JSONValue? {
        values.first { $0.key == key }?.value
    }

    /// Throws if any option is not in `known`, so a typo never passes silently.
    public func requireOnly(_ known: Set<String>) throws(RewardError) {
        for (key, _) in values where !known.contains(key) {
            let list = known.sorted().joined(separator: ", ")
            throw RewardError(
                "reward '\(rewardName)': unknown option '\(key)' (known: \(list.isEmpty ? "none" : list))")
        }
    }

    /// A number option, `fallback` when absent.
    public func double(_ key: String, default fallback: Double) throws(RewardError) -> Double {
        guard let value = self[key] else { return fallback }
        guard case let .number(n) = value, n.isFinite else {
            throw RewardError("reward '\(rewardName)': option '\(key)' must be a number, got \(value.kindName)")
        }
        return n
    }

    /// A whole-number option, `fallback` when absent.
    public func int(_ key: String, default fallback: Int) throws(RewardError) -> Int {
        let n = try double(key, default: Double(fallback))
        guard n == n.rounded(), abs(n) < 1e15 else {
            throw RewardError("reward '\(rewardName)': option '\(key)' must be a whole number, got \(n)")
        }
        return Int(n)
    }

    /// A boolean option, `fallback` when absent.
    public func bool(_ key: String, default fallback: Bool) throws(RewardError) -> Bool {
        guard let value = self[key] else { return fallback }
        guard case let .bool(b) = value else {
            throw RewardError("reward '\(rewardName)': option '\(key)' must be true or false, got \(value.kindName)")
        }
        return b
    }

    /// A string option, `fallback` when absent; when `allowed` is given the value must be one of them.
    public func string(_ key: String, default fallback: String, allowed: [String]? = nil) throws(RewardError) -> String
    {
        guard let value = self[key] else { return fallback }
        guard case let .string(s) = value else {
            throw RewardError("reward '\(rewardName)': option '\(key)' must be a string, got \(value.kindName)")
        }
        if let allowed, !allowed.contains(s) {
            throw RewardError(
                "reward '\(rewardName)': option '\(key)' is '\(s)', expected one of: \(allowed.joined(separator: ", "))"
            )
        }
        return s
    }

    /// A list-of-strings option (a single string counts as a list of one), empty when absent.
    public func strings(_ key: String) throws(RewardError) -> [String] {
        guard let value = self[key] else { return [] }
        if case let .string(s) = value { return [s] }
        guard case let .array(items) = value else {
            throw RewardError(
                "reward '\(rewardName)': option '\(key)' must be a list of strings, got \(value.kindName)")
        }
        var out: [String] = []
        for (k, item) in items.enumerated() {
            guard case let .string(s) = item else {
                throw RewardError(
                    "reward '\(rewardName)': option '\(key)' item \(k + 1) must be a string, got \(item.kindName)")
            }
            out.append(s)
        }
        return out
    }
}
