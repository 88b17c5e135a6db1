import JSONLines

/// The members RewardKit adds to an output row, in one place so every writer uses the same names
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

    /// The keys written, in order (stale members of these names are dropped from the row).
    var keys: [String] {
        var keys: [String] = []
        if scored != nil { keys.append("rewards") }
        keys.append("reward")
        if advantage != nil { keys.append("advantage") }
        if trust != nil { keys.append("trust") }
        if promptVariant != nil { keys.append("prompt_variant") }
        if shared != nil { keys.append("shared") }
        if explain && scored != nil { keys.append("explanations") }
        return keys
    }

    /// Writes the members as `"key":value`, comma-separated, in the order of `keys`.
    func write(into out: inout JSONWriter) {
        if let scored {
            out.ascii("\"rewards\":")
            out.value(.object(zip(scored.names, scored.scores).map { ($0, .number($1.value)) }))
            out.byte(UInt8(ascii: ","))
        }
        out.key("reward")
        out.number(reward)
        if let advantage { out.ascii(",\"advantage\":"); out.number(advantage) }
        if let trust { out.ascii(",\"trust\":"); out.number(trust) }
        if let promptVariant {
            out.ascii(",\"prompt_variant\":")
            // Variants are usually numbered; keep them numbers so they compare equal to `variant`.
            if let n = Int(promptVariant), String(n) == promptVariant {
                out.number(Double(n))
            } else {
                out.string(promptVariant)
            }
        }
        if let shared { out.ascii(shared ? ",\"shared\":true" : ",\"shared\":false") }
        if explain, let scored {
            out.ascii(",\"explanations\":")
            var notes = zip(scored.names, scored.scores).compactMap { name, score in
                score.explanation.map { (name, JSONValue.string($0)) }
            }
            if let note = scored.responseNote { notes.append(("response", .string(note))) }
            out.value(.object(notes))
        }
    }
}
