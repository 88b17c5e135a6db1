/// The fields of an input row that RewardKit reads, and the names other frameworks use for them
/// (DESIGN.md, "Input row"). Earlier names in a list win when a row has several.
enum RowField: Int, CaseIterable {
    case prompt, response, answer, group, variant, keySteps, problemType, options, rewards, reward, query, rewardModel

    /// Every accepted key with the field it fills and its rank (lower wins).
    static let byKey: [String: (field: RowField, rank: Int)] = {
        var table: [String: (RowField, Int)] = [:]
        let aliases: [(RowField, [String])] = [
            (.prompt, ["prompt", "question", "problem"]),
            (.response, ["response", "completion", "solution_str", "output"]),
            (.answer, ["answer", "ground_truth", "label", "solution", "gold"]),
            (.group, ["group", "uid", "prompt_id", "group_id"]),
            (.variant, ["variant"]),
            (.keySteps, ["key_steps"]),
            (.problemType, ["problem_type"]),
            (.options, ["options"]),
            (.rewards, ["rewards"]),
            (.reward, ["reward"]),
            // OpenRLHF's query is prompt + response; it is resolved after the other fields.
            (.query, ["query"]),
            // verl keeps the reference under reward_model.ground_truth.
            (.rewardModel, ["reward_model"]),
        ]
        for (field, keys) in aliases {
            for (rank, key) in keys.enumerated() { table[key] = (field, rank) }
        }
        return table
    }()

    /// The accepted names, for messages ("response/completion/solution_str/output").
    static func names(of field: RowField) -> String {
        byKey.filter { $0.value.field == field }.sorted { $0.value.rank < $1.value.rank }.map(\.key)
            .joined(separator: "/")
    }
}
