/// The members RewardKit adds to an output row, built once so every writer uses the same names
/// and order: `rewards`, `reward`, `advantage`, `trust`, `prompt_variant`, `shared`, `explanations`.
struct RowAdditions {
    /// The component scores, when this run computed them.
    var scored: ScoredTrajectory?
    /// The total reward to write.
    var reward: Double
    /// The advantage, when group steps ran.
    var advantage: Double?
    /// The group's trust gamma, when trust weighting ran.
    var trust: Double?
    /// Share-GRPO: the prompt variant and whether the response is shared to it.
    var promptVariant: String?
    var shared: Bool?
    /// Add `explanations` from `scored`.
    var explain = false

    /// The additions in writing order.
    var list: [RowEncoder.Addition] {
        var list: [RowEncoder.Addition] = []
        if let scored {
            list.append(RowEncoder.Addition(key: "rewards") { out in
                out.byte(UInt8(ascii: "{"))
                for (i, name) in scored.names.enumerated() {
                    if i > 0 { out.byte(UInt8(ascii: ",")) }
                    out.key(name)
                    out.number(scored.scores[i].value)
                }
                out.byte(UInt8(ascii: "}"))
            })
        }
        let reward = self.reward
        list.append(RowEncoder.Addition(key: "reward") { $0.number(reward) })
        if let advantage { list.append(RowEncoder.Addition(key: "advantage") { $0.number(advantage) }) }
        if let trust { list.append(RowEncoder.Addition(key: "trust") { $0.number(trust) }) }
        if let promptVariant {
            // Variants are usually numbered; keep them numbers so they compare equal to `variant`.
            if let n = Int(promptVariant), String(n) == promptVariant {
                list.append(RowEncoder.Addition(key: "prompt_variant") { $0.number(Double(n)) })
            } else {
                list.append(RowEncoder.Addition(key: "prompt_variant") { $0.string(promptVariant) })
            }
        }
        if let shared { list.append(RowEncoder.Addition(key: "shared") { shared ? $0.ascii("true") : $0.ascii("false") }) }
        if explain, let scored {
            list.append(RowEncoder.Addition(key: "explanations") { out in
                out.byte(UInt8(ascii: "{"))
                var first = true
                for (name, score) in zip(scored.names, scored.scores) {
                    guard let why = score.explanation else { continue }
                    if !first { out.byte(UInt8(ascii: ",")) }
                    out.key(name)
                    out.string(why)
                    first = false
                }
                out.byte(UInt8(ascii: "}"))
            })
        }
        return list
    }
}
