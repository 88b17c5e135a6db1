import Foundation
import JSONLines

/// The fields of an input row that RewardKit reads, and the names other frameworks use for them
/// (docs/architecture.md, "Input row"). Earlier names in a list win when a row has several.
enum RowField: Int, CaseIterable {
    case prompt, response, answer, group, variant, keySteps, problemType, options, rewards, reward, query, rewardModel,
        images

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
            (.images, ["images", "image"]),
        ]
        for (field, keys) in aliases {
            for (rank, key) in keys.enumerated() { table[key] = (field, rank) }
        }
        return table
    }()

    /// The field and rank of the key written in `range` of `bytes` (between the quotes), without
    /// making a String: unescaped keys (nearly all) are compared as bytes against the aliases of
    /// their length. Scoring looks up every key of every row, and building and hashing a String
    /// for each cost more than this comparison.
    static func lookup(
        _ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, hasEscape: Bool
    ) -> (field: RowField, rank: Int)? {
        guard !hasEscape else { return byKey[JSONDecoding.string(bytes, range, hasEscape: true)] }
        guard range.count < byLength.count, let base = bytes.baseAddress else { return nil }
        for (key, entry) in byLength[range.count] where memcmp(base + range.lowerBound, key, range.count) == 0 {
            return entry
        }
        return nil
    }

    /// The aliases of `byKey` as bytes, by their length.
    private static let byLength: [[(key: [UInt8], entry: (field: RowField, rank: Int))]] = {
        let longest = byKey.keys.map(\.utf8.count).max() ?? 0
        var table = [[(key: [UInt8], entry: (field: RowField, rank: Int))]](repeating: [], count: longest + 1)
        for (key, entry) in byKey { table[key.utf8.count].append((Array(key.utf8), entry)) }
        return table
    }()

    /// The accepted names, for messages ("response/completion/solution_str/output").
    static func names(of field: RowField) -> String {
        byKey.filter { $0.value.field == field }.sorted { $0.value.rank < $1.value.rank }.map(\.key)
            .joined(separator: "/")
    }
}
