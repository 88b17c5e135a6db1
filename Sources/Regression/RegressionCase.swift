import JSONLines
import Rewards
import Verify

/// One golden case of a regression file (JSONL):
/// - verifier case `{id, gold, pred, expected: bool[, precision, strict, extraction, tags]}`;
/// - reward case `{id, <trajectory fields>, expected_rewards: {component: value}[, config | preset, tags]}`.
public struct RegressionCase: Sendable {
    /// What the case checks.
    public enum Check: Sendable {
        /// The verifier's verdict on `pred` against `gold`.
        case verifier(
            gold: String, pred: String, expected: Bool, precision: Int?, strict: Bool?, extraction: ExtractionMode?)
        /// Reward components of a trajectory, under a config (`configText`, YAML or JSON).
        case reward(trajectory: Trajectory, expected: [String: Double], configText: String, configName: String)
    }

    /// The case id, unique within a run.
    public var id: String
    /// Categories for per-tag pass rates.
    public var tags: [String]
    /// What to check.
    public var check: Check
    /// Where the case came from ("cases.jsonl:12").
    public var source: String

    /// `verifier` or `reward`.
    public var kind: String {
        if case .verifier = check { return "verifier" }
        return "reward"
    }

    /// Reads one case line; errors name the field.
    public static func parse(_ line: String, source: String) -> Result<RegressionCase, RowError> {
        let value: JSONValue
        var text = line
        switch text.withUTF8({ bytes in
            RowDecoder.members(bytes).map { _ in JSONDecoding.value(bytes, 0..<bytes.count) }
        }) {
        case let .failure(e): return .failure(e)
        case let .success(v): value = v
        }
        let id: String
        switch value["id"] {
        case let .string(s)?: id = s
        case let .number(n)?: id = n == n.rounded() && abs(n) < 1e15 ? String(Int64(n)) : String(n)
        default:
            return .failure(.badField(name: "id", problem: "is missing: every case needs an id (string or number)"))
        }
        var tags: [String] = []
        if let t = value["tags"] {
            guard case let .array(items) = t, items.allSatisfy({ $0.stringValue != nil }) else {
                return .failure(.badField(name: "tags", problem: "must be a list of strings"))
            }
            tags = items.compactMap(\.stringValue)
        }
        if let expected = value["expected_rewards"] {
            guard case let .object(pairs) = expected, !pairs.isEmpty, pairs.allSatisfy({ $0.value.doubleValue != nil })
            else {
                return .failure(.badField(name: "expected_rewards", problem: "must be an object of component numbers"))
            }
            let trajectory: Trajectory
            switch RowDecoder.decode(line) {
            case let .success(t): trajectory = t
            case let .failure(e): return .failure(e)
            }
            let (configText, configName): (String, String)
            switch (value["config"], value["preset"]) {
            case let (.object(members)?, nil):
                var w = JSONWriter()
                w.value(.object(members))
                configText = String(decoding: w.bytes, as: UTF8.self)
                configName = "inline config"
            case let (nil, .string(name)?):
                guard let t = Presets.texts[name] else {
                    return .failure(
                        .badField(
                            name: "preset",
                            problem: "'\(name)' is not a preset (known: \(Presets.names.joined(separator: ", ")))"))
                }
                (configText, configName) = (t, "preset \(name)")
            case (nil, nil):
                (configText, configName) = (Presets.texts["r1"] ?? "", "preset r1")
            default:
                return .failure(
                    .badField(name: "config", problem: "give an inline config object or a preset name, not both"))
            }
            let components = Dictionary(
                pairs.map { ($0.key, $0.value.doubleValue ?? 0) }, uniquingKeysWith: { a, _ in a })
            return .success(
                RegressionCase(
                    id: id, tags: tags,
                    check: .reward(
                        trajectory: trajectory, expected: components,
                        configText: configText, configName: configName), source: source))
        }
        guard case let .string(gold)? = value["gold"] else {
            return .failure(
                .badField(
                    name: "gold", problem: "is missing: a case needs gold, pred and expected, or expected_rewards"))
        }
        guard case let .string(pred)? = value["pred"] else {
            return .failure(.badField(name: "pred", problem: "is missing or not text"))
        }
        guard case let .bool(expected)? = value["expected"] else {
            return .failure(.badField(name: "expected", problem: "is missing or not true/false"))
        }
        var precision: Int?
        if let p = value["precision"] {
            guard case let .number(n) = p, n >= 0, n <= 30, n == n.rounded() else {
                return .failure(
                    .badField(name: "precision", problem: "must be a whole number of decimal places (0-30)"))
            }
            precision = Int(n)
        }
        var strict: Bool?
        if let s = value["strict"] {
            guard case let .bool(b) = s else {
                return .failure(.badField(name: "strict", problem: "must be true or false"))
            }
            strict = b
        }
        var extraction: ExtractionMode?
        if let e = value["extraction"] {
            guard case let .string(name) = e, let mode = ExtractionMode(rawValue: name) else {
                let known = ExtractionMode.allCases.map(\.rawValue).joined(separator: " or ")
                return .failure(.badField(name: "extraction", problem: "must be \(known)"))
            }
            extraction = mode
        }
        return .success(
            RegressionCase(
                id: id, tags: tags,
                check: .verifier(
                    gold: gold, pred: pred, expected: expected,
                    precision: precision, strict: strict, extraction: extraction),
                source: source))
    }
}
