/// Pairwise Bradley-Terry loss for reward models: `mean(-log σ(s_chosen - s_rejected))`.
public enum BradleyTerry {
    /// The loss value and gradients for both score columns (each `[N, 1]` or any equal shape).
    public static func compute(chosen: Matrix, rejected: Matrix) -> (value: Float, dChosen: Matrix, dRejected: Matrix) {
        precondition(chosen.rows == rejected.rows && chosen.cols == rejected.cols, "BradleyTerry: shape mismatch")
        let n = max(chosen.count, 1)
        var dChosen = chosen
        var dRejected = rejected
        var total = 0.0
        rejected.withBuffer { r in
            dChosen.withMutableBuffer { dc in
                dRejected.withMutableBuffer { dr in
                    for i in dc.indices {
                        let margin = dc[i] - r[i]
                        total += Double(softplus(-margin))
                        // d/dm softplus(-m) = -σ(-m)
                        let g = -sigmoid(-margin) / Float(n)
                        dc[i] = g
                        dr[i] = -g
                    }
                }
            }
        }
        return (Float(total / Double(n)), dChosen, dRejected)
    }
}
