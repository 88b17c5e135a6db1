import NN

extension MLPThinkingModel {
    /// One model whose logit is the mean of `members`' logits: their hidden units side by side and
    /// the output weights divided by the member count (exact, since each unit's ReLU is its own).
    /// Members trained with other seeds disagree most on close calls, which decide the top pick of
    /// a group; averaging them is deterministic and scores as one model from one checkpoint.
    ///
    /// The members must share featuriser settings, IDF weights and hidden width.
    public static func averaging(_ members: [MLPThinkingModel]) -> MLPThinkingModel {
        precondition(!members.isEmpty, "MLPThinkingModel.averaging: no members")
        let head = members[0]
        guard members.count > 1 else { return head }
        let k = members.count, h = head.hidden, width = h * k
        for m in members {
            precondition(
                m.hidden == h && m.settings == head.settings && m.idf == head.idf,
                "MLPThinkingModel.averaging: members differ in settings, IDF or width")
        }
        let merged = MLPThinkingModel(settings: head.settings, hidden: width)
        merged.idf = head.idf
        let inputs = head.settings.inputSize
        merged.first.weight.value.withMutableBuffer { w in
            for (j, m) in members.enumerated() {
                m.first.weight.value.withBuffer { src in
                    for r in 0..<inputs {
                        for c in 0..<h { w[r * width + j * h + c] = src[r * h + c] }
                    }
                }
            }
        }
        merged.first.bias.value.withMutableBuffer { b in
            for (j, m) in members.enumerated() {
                m.first.bias.value.withBuffer { src in for c in 0..<h { b[j * h + c] = src[c] } }
            }
        }
        let scale = 1 / Float(k)
        merged.second.weight.value.withMutableBuffer { w in
            for (j, m) in members.enumerated() {
                m.second.weight.value.withBuffer { src in for c in 0..<h { w[j * h + c] = src[c] * scale } }
            }
        }
        if let bias = merged.second.bias {
            let mean = members.reduce(Float(0)) { $0 + ($1.second.bias?.value.storage.first ?? 0) } * scale
            bias.value.withMutableBuffer { $0[0] = mean }
        }
        return merged
    }
}
