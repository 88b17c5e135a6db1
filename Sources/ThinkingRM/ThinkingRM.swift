/// The thinking reward model (SophiaVL-R1's reward for the reasoning itself, REFERENCE.md §3):
/// data, featurisers, models, training, evaluation and the `thinking` reward.
public enum ThinkingRM {}
