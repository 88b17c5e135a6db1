/// A token embedding table: token ids to rows of `[vocabSize, dim]`.
public final class Embedding: ParameterContainer {
    /// The table, `[vocabSize, dim]`.
    public let table: Parameter
    private var tokens: [Int32] = []

    /// Number of distinct tokens.
    public var vocabSize: Int { table.value.rows }
    /// Embedding width.
    public var dim: Int { table.value.cols }

    /// A table of normal(0, initStd) entries.
    public init(vocabSize: Int, dim: Int, initStd: Float = 0.02, rng: inout SeededRandom) {
        table = Parameter(.randomNormal(rows: vocabSize, cols: dim, std: initStd, using: &rng))
    }

    /// `[tokens.count, dim]`, one row per token; remembers the tokens for `backward`.
    public func forward(_ tokens: [Int32]) -> Matrix {
        self.tokens = tokens
        return apply(tokens)
    }

    /// The lookup without remembering the tokens (inference).
    public func apply(_ tokens: [Int32]) -> Matrix {
        let d = dim, vocab = vocabSize
        var y = Matrix(uninitializedRows: tokens.count, cols: d)
        table.value.withBuffer { t in
            y.withMutableBuffer { out in
                for (r, tok) in tokens.enumerated() {
                    let id = Int(tok)
                    precondition(id >= 0 && id < vocab, "Embedding: token \(id) outside 0..<\(vocab)")
                    let src = id * d, dst = r * d
                    for c in 0..<d { out[dst + c] = t[src + c] }
                }
            }
        }
        return y
    }

    /// Adds each row of `dy` to its token's gradient row.
    public func backward(_ dy: Matrix) {
        let d = dim
        precondition(dy.rows == tokens.count && dy.cols == d, "Embedding.backward: gradient shape mismatch")
        dy.withBuffer { g in
            table.grad.withMutableBuffer { dt in
                for (r, tok) in tokens.enumerated() {
                    let dst = Int(tok) * d, src = r * d
                    for c in 0..<d { dt[dst + c] += g[src + c] }
                }
            }
        }
    }

    /// `table`.
    public func namedParameters() -> [NamedParameter] { [NamedParameter("table", table)] }
}
