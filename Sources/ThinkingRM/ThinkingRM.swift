/// The thinking reward model (SophiaVL-R1's reward for the reasoning itself, docs/methods.md, Trust-GRPO):
/// data, featurisers, models, training, evaluation and the `thinking` reward.
public enum ThinkingRM {}
