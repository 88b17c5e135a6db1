/// Ready-made configs for the methods RewardKit implements (docs/architecture.md, "Presets").
public enum Presets {
    /// The preset names, in the order help text lists them.
    public static let names = ["r1", "stepgrpo", "sophiavl", "sharegrpo", "eval"]

    /// The config text of each preset; a run records this text like a config file's.
    public static let texts: [String: String] = [
        // DeepSeek-R1 style: answer match plus the think/answer format (EasyR1's r1v reward).
        "r1": """
        rewards:
          - {name: accuracy, weight: 1.0}
          - {name: format, weight: 0.5, template: think_answer}
        """,
        // R1-VL StepGRPO: StepRAR + StepRVR, group advantages with eps 1e-4 (docs/methods.md, StepGRPO).
        "stepgrpo": """
        rewards:
          - {name: step_accuracy, weight: 1.0, alpha: 0.1, mode: paper, matching: normalized}
          - {name: step_validity, weight: 1.0, mode: paper}
        group:
          advantage: {estimator: grpo, epsilon: 1.0e-4}
        """,
        // SophiaVL-R1 Trust-GRPO: outcome reward gated by format, thinking reward, trust weighting (docs/methods.md).
        "sophiavl": """
        rewards:
          - {name: accuracy, weight: 1.0, format_gate: think_answer}
          - {name: thinking, weight: 1.0}
        group:
          trust: {mode: paper, alpha: 0.3, schedule: exp, T: 1500}
          advantage: {estimator: grpo, epsilon: 1.0e-6}
        """,
        // R1-ShareVL Share-GRPO: 0.9 accuracy + 0.1 boxed format, hierarchical advantage (docs/methods.md, Share-GRPO).
        "sharegrpo": """
        rewards:
          - {name: accuracy, weight: 0.9}
          - {name: format, weight: 0.1, template: boxed}
        group:
          advantage: {estimator: share_grpo, epsilon: 1.0e-6}
        """,
        // Scoring and evaluating rollouts whose format is not the point: the training presets read
        // anchored answers only; this one also takes a response's last number or expression.
        "eval": """
        rewards:
          - {name: accuracy, weight: 1.0, extraction: fallback}
        """,
    ]
}

extension RewardSpec {
    /// The spec of a named preset.
    public static func preset(_ name: String) throws(ConfigError) -> RewardSpec {
        guard let text = Presets.texts[name] else {
            throw ConfigError("unknown preset '\(name)' (known: \(Presets.names.joined(separator: ", ")))")
        }
        return try parse(text, source: "preset \(name)")
    }
}
