import CBLAS

/// Branch-free `exp` (Cephes polynomial, relative error about 2e-7) that the compiler can
/// vectorise, unlike libm's `expf`; GELU and softmax spend most of their time here.
@inline(__always) func fastExp(_ value: Float) -> Float {
    let x = min(max(value, -87.0), 88.0)
    // Adding 1.5 * 2^23 rounds x*log2(e) to the nearest integer n and leaves n in the low mantissa
    // bits, which avoids a trapping Float-to-Int conversion.
    let shifted = x * 1.442_695_04 + 12_582_912.0
    let n = shifted - 12_582_912.0
    let r = x - n * 0.693_359_375 + n * 2.121_944_4e-4
    var p: Float = 1.987_569_15e-4
    p = p * r + 1.398_199_95e-3
    p = p * r + 8.333_451_9e-3
    p = p * r + 4.166_579_59e-2
    p = p * r + 1.666_666_55e-1
    p = p * r + 5.000_000_1e-1
    let y = p * r * r + r + 1
    let exponent = (shifted.bitPattern &- 0x4B40_0000 &+ 127) << 23
    // Below the clamp the true value is subnormal or zero; zero keeps masked softmax terms exact.
    return value < -87.0 ? 0 : y * Float(bitPattern: exponent)
}

/// Logistic function on top of `fastExp`.
@inline(__always) func fastSigmoid(_ x: Float) -> Float { 1 / (1 + fastExp(-x)) }

/// `y[0..<n] += a * x[0..<n]` through OpenBLAS `saxpy` (AVX kernels; faster than a
/// Swift loop, which the baseline x86-64 target only vectorises to SSE).
@inline(__always) func axpy(_ n: Int, _ a: Float, _ x: UnsafePointer<Float>, _ y: UnsafeMutablePointer<Float>) {
    cblas_saxpy(blasint(n), a, x, 1, y, 1)
}
