import CBLAS

/// General matrix multiply through OpenBLAS: `C = alpha * op(A) * op(B) + beta * C`.
public enum GEMM {
    /// Multiplies two matrices into `c`, which is replaced by a fresh matrix when its shape is wrong and
    /// `beta == 0`; with `beta != 0` its shape must already match.
    public static func multiply(
        _ a: Matrix, transposeA: Bool = false,
        _ b: Matrix, transposeB: Bool = false,
        into c: inout Matrix, alpha: Float = 1, beta: Float = 0
    ) {
        let m = transposeA ? a.cols : a.rows
        let k = transposeA ? a.rows : a.cols
        let kb = transposeB ? b.cols : b.rows
        let n = transposeB ? b.rows : b.cols
        precondition(k == kb, "GEMM: inner dimensions differ (\(k) vs \(kb))")
        if c.rows != m || c.cols != n {
            precondition(beta == 0, "GEMM: accumulating into a \(c.rows)x\(c.cols) matrix, need \(m)x\(n)")
            // With beta 0 BLAS never reads C, and with k == 0 we zero it below.
            c = Matrix(uninitializedRows: m, cols: n)
        }
        if m == 0 || n == 0 { return }
        if k == 0 {
            if beta == 0 { c.fill(0) } else if beta != 1 { c.scale(by: beta) }
            return
        }
        a.withBuffer { pa in
            b.withBuffer { pb in
                c.withMutableBuffer { pc in
                    // Matrices are never empty here, so the base addresses exist.
                    guard let ra = pa.baseAddress, let rb = pb.baseAddress, let rc = pc.baseAddress else { return }
                    raw(
                        transposeA: transposeA, transposeB: transposeB, m: m, n: n, k: k,
                        alpha: alpha, a: ra, lda: a.cols, b: rb, ldb: b.cols, beta: beta, c: rc, ldc: n)
                }
            }
        }
    }

    /// Threads OpenBLAS uses per call (process-wide). One is often fastest for this target's
    /// small matrices on a shared machine, where spinning BLAS threads compete with other jobs;
    /// the `OPENBLAS_NUM_THREADS` environment variable sets the same thing at start-up. Set it
    /// before starting work, not while other threads are inside BLAS calls.
    public static var threadCount: Int {
        get { Int(openblas_get_num_threads()) }
        set { openblas_set_num_threads(Int32(max(1, newValue))) }
    }

    /// `op(A) * op(B)` as a new matrix.
    public static func product(_ a: Matrix, transposeA: Bool = false, _ b: Matrix, transposeB: Bool = false) -> Matrix {
        var c = Matrix(rows: 0, cols: 0)
        multiply(a, transposeA: transposeA, b, transposeB: transposeB, into: &c)
        return c
    }

    /// Row-major `cblas_sgemm` on raw pointers with explicit leading dimensions, so callers can
    /// multiply strided sub-blocks (one attention head inside a fused QKV matrix) without copying.
    @inlinable public static func raw(
        transposeA: Bool, transposeB: Bool, m: Int, n: Int, k: Int, alpha: Float,
        a: UnsafePointer<Float>, lda: Int, b: UnsafePointer<Float>, ldb: Int,
        beta: Float, c: UnsafeMutablePointer<Float>, ldc: Int
    ) {
        cblas_sgemm(
            CblasRowMajor, transposeA ? CblasTrans : CblasNoTrans, transposeB ? CblasTrans : CblasNoTrans,
            blasint(m), blasint(n), blasint(k), alpha, a, blasint(lda), b, blasint(ldb), beta, c, blasint(ldc))
    }
}
